"""``kennisbank serve``: mkdocs' live-reloading server, which shows an error page instead of hanging.

mkdocs' own server waits for a good build before it answers a request, so while a source file has an
error every page seems to hang. Here a failed build is a result too: every page then answers with a
Dutch error page that lists each problem as ``path:line: field: message`` (the template is
``templates/foutpagina.html``), and the browser reloads to the site as soon as the file is fixed,
through mkdocs' own live reload.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _serve_url

from ..model.problems import Problem, errors
from .watching import ChangeObserver

log = logging.getLogger("mkdocs.plugins.kennisbank")
TEMPLATE = "templates/foutpagina.html"


@dataclass
class BuildState:
    """The outcome of the last build: nothing wrong, the problems in the sources, or another failure."""

    problems: list[Problem] = field(default_factory=list)
    failure: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.failure)


def error_page(state: BuildState, site_name: str) -> str:
    """The HTML of the error page for a failed build (everything escaped)."""
    template = resources.files(__package__).joinpath(TEMPLATE).read_text(encoding="utf-8")
    return jinja2.Environment(autoescape=True).from_string(template).render(
        problems=sorted(set(state.problems)), failure=state.failure, site_name=site_name)


class ErrorPageServer(LiveReloadServer):
    """A LiveReloadServer that answers every page with the error page while the last build failed.

    It notices edits through the system's file watcher rather than mkdocs' polling (see ``watching.py``).
    """

    state: BuildState
    site_name: str = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.observer = ChangeObserver()

    def _serve_request(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not self.state.failed or path.startswith("/livereload/"):
            return super()._serve_request(environ, start_response)
        with self._epoch_cond:
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
            epoch = self._visible_epoch
        page = self._inject_js_into_html(error_page(self.state, self.site_name).encode("utf-8"), epoch)
        start_response("503 Service Unavailable", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(page))),
                                                   ("Cache-Control", "no-store")])
        return [page]


def build_quietly(config, state: BuildState, serve_url: str) -> None:
    """Build once; on failure, record what went wrong in ``state`` instead of raising."""
    try:
        build(config, serve_url=serve_url, dirty=True)
    except (Exception, SystemExit) as error:  # mkdocs raises Abort (a SystemExit) after logging a build error
        plugin = config.plugins.get("kennisbank")
        catalogue = getattr(plugin, "catalogue", None)
        found = errors(catalogue.problems) if catalogue is not None else []
        state.problems, state.failure = found, "" if found else str(error) or type(error).__name__
        log.error("De site is niet gebouwd; elke pagina toont nu de fouten. Sla het verbeterde bestand op om verder te gaan.")
    else:
        state.problems, state.failure = [], ""


def serve(config_file: Path, dev_addr: str, watch: list[str]) -> None:
    """Build and serve at ``dev_addr``, rebuilding (dirty) on every change; see the module docstring."""
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")
    host, port = dev_addr.rsplit(":", 1)

    def get_config():
        config = load_config(config_file=str(config_file), site_dir=site_dir, dev_addr=dev_addr, site_url=f"http://{dev_addr}/")
        config.watch.extend(watch)
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=True)
    serve_url = _serve_url(host, int(port), urlsplit(config.site_url or "/").path)
    state = BuildState()

    def builder(new_config=None):
        log.info("De site wordt gebouwd...")
        try:
            current = new_config or get_config()
        except (Exception, SystemExit) as error:  # mkdocs.yml itself is wrong
            state.problems, state.failure = [], str(error) or type(error).__name__
            log.error("mkdocs.yml kan niet worden gelezen: %s", error)
            return
        build_quietly(current, state, serve_url)

    server = ErrorPageServer(builder=builder, host=host, port=int(port), root=site_dir)
    server.state, server.site_name = state, config.site_name
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Gestopt.")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
