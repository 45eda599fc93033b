"""Shared fixtures: the real repository, a scratch copy of it, and a fixed 'today'."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path

import pytest

from kennisbank.model.checks import Layout
from kennisbank.tools.bench import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 12, 1)  # on or after every date in the real content


@pytest.fixture(scope="session")
def root() -> Path:
    """The real repository."""
    return ROOT


@pytest.fixture(scope="session")
def layout() -> Layout:
    """The real repository's layout."""
    return Layout(ROOT)


def copy_repo(target: Path, *, content: bool = True) -> Path:
    """Copy what a build needs (config, data, overrides, sources) into ``target``."""
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "data", "overrides", "schemas"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy(source, target / name)
    for name in ("content", "good_practices", "programmas"):
        if content:
            shutil.copytree(ROOT / name, target / name)
        else:
            (target / name).mkdir()
    return target


def run_cli(root: Path, *argv: str) -> int:
    """Run the ``kennisbank`` command inside ``root``, as a contributor would there."""
    import os

    from kennisbank.tools import cli

    cwd = os.getcwd()
    os.chdir(root)
    try:
        return cli.main(list(argv))
    finally:
        os.chdir(cwd)


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A throw-away copy of the repository, safe to break."""
    return copy_repo(tmp_path / "repo")


@pytest.fixture
def empty_repo(tmp_path: Path) -> Path:
    """A copy of the repository with empty source folders."""
    return copy_repo(tmp_path / "repo", content=False)


# --- the built site, served on 127.0.0.1, and a real browser --------------------

def pytest_collection_modifyitems(items):
    """Tests on the real site built once get the marker ``site``, so a run can leave them out (scripts/mutation.py does)."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real repository built once (strict, with search index) into a temp folder."""
    from kennisbank.site.project import build_site

    site = tmp_path_factory.mktemp("site")
    build_site(ROOT, site)
    return site


def site_path() -> str:
    """The URL path the site lives under on its host (from site_url in mkdocs.yml), such as '/kennisbank/'."""
    import re
    from urllib.parse import urlsplit

    found = re.search(r"^site_url:\s*['\"]?([^'\"\s]+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    return (urlsplit(found.group(1)).path if found else "") or "/"


SITE_PATH = site_path()


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of the built site, served by a local HTTP server."""
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure, not a skip."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer het Debian-pakket 'chromium' (python3 dev.py test doet dat als root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser page that records requests to other origins and console errors.

    ``page.foreign_requests`` and ``page.console_errors`` are lists to assert on.
    """
    context = browser.new_context()
    yield watched_page(context, site_url)
    context.close()


# --- serving any built folder, and a watched page on it (site_url and page use these too) ---

@contextlib.contextmanager
def serve_directory(directory: Path):
    """Serve a folder on 127.0.0.1 for as long as the ``with`` block runs; yields the base URL."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        # Like GitHub Pages: the site also answers under its own path (/kennisbank/, which the
        # 404 page uses for its links), and a missing page gets 404.html with status 404.
        def translate_path(self, path):
            prefix = SITE_PATH.rstrip("/")
            if path == prefix or path.startswith(prefix + "/"):
                path = path[len(prefix):] or "/"
            return super().translate_path(path)

        def send_error(self, code, message=None, explain=None):
            not_found = Path(directory) / "404.html"
            if code != 404 or not not_found.exists() or self.command not in ("GET", "HEAD"):
                return super().send_error(code, message, explain)
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def watched_page(context, base_url: str):
    """A new page in ``context`` with ``foreign_requests`` and ``console_errors`` lists, like the ``page`` fixture."""
    page = context.new_page()
    page.foreign_requests = []
    page.console_errors = []
    page.on("request", lambda r: None if r.url.startswith((base_url, "data:", "blob:")) else page.foreign_requests.append(r.url))
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    return page


@pytest.fixture(scope="session")
def vnu_messages(built_site):
    """Every Nu HTML Checker message about the built site, from one run of vnu (see tests/html_validation.py)."""
    from .html_validation import java, run_vnu

    if java() is None:
        pytest.fail("java ontbreekt: installeer het Debian-pakket 'default-jre-headless' (python3 dev.py test doet dat als root)")
    return run_vnu(built_site)
