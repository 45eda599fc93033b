"""A project on disk and what mkdocs does with it: its folders, checking, building and serving.

``kennisbank build`` checks first and builds into a staging folder next to the target, which
replaces the old site only when everything succeeded; a failed build leaves it untouched.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config

from ..model.checks import Catalogue, Layout, check_all
from ..model.problems import errors, report, warnings
from ..pages.assemble import generate
from ..pages.catalogue import PAYMENT_TABLE_MARKER, payment_table
from . import parallel

CONFIG = "mkdocs.yml"
NOT_BUILT = "De site is niet gebouwd; de vorige versie in site/ is ongewijzigd."


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` with a mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / CONFIG).exists():
            return folder
    raise SystemExit(f"Geen {CONFIG} gevonden in {start} of een map daarboven.")


def layout_of(root: Path) -> Layout:
    """Read folder names from mkdocs.yml (docs_dir and the plugin's options)."""
    config = load_config(str(root / CONFIG))
    plugin = config.plugins["kennisbank"].config
    content = Path(config.docs_dir).relative_to(root.resolve()).as_posix()
    return Layout(root, content, plugin.practices_dir, plugin.programmes_dir, plugin.data_dir)


def site_address(root: Path) -> str:
    """The site's public address from mkdocs.yml (``site_url``), or an empty string."""
    return load_config(str(root / CONFIG)).site_url or ""


def run_check(layout: Layout, strict: bool) -> tuple[Catalogue, bool]:
    """Check everything, print the report, and say whether it may be built."""
    catalogue = check_all(layout)
    print(report(catalogue.problems))
    failed = bool(errors(catalogue.problems)) or (strict and bool(warnings(catalogue.problems)))
    return catalogue, not failed


def show_mkdocs_log(level: int = logging.WARNING) -> None:
    """Print mkdocs' own messages (broken links, rebuilds) as mkdocs' CLI would."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(min(logger.getEffectiveLevel(), level))
    if not any(getattr(h, "kennisbank", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler.setLevel(level)
        handler.kennisbank = True
        logger.addHandler(handler)


def build_site(root: Path, site_dir: Path, catalogue: Catalogue | None = None) -> None:
    """Build into ``site_dir`` with mkdocs in strict mode (raises on any failure).

    ``catalogue``: the sources as just checked, handed to the plugin so it need not read them again.
    With it, a large site is rendered by several processes (see parallel.py).
    """
    show_mkdocs_log()
    config = load_config(str(root / CONFIG), site_dir=str(site_dir), strict=True)
    plugin = config.plugins["kennisbank"]
    processes = 1
    if catalogue is not None:
        plugin.preloaded, plugin.pregenerated = catalogue, generate(catalogue)
        pages = sum(1 for g in plugin.pregenerated if g.doc_path.endswith(".md"))
        processes = parallel.processes_for(pages, plugin.config.render_processes)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        if processes > 1:
            parallel.build(config, plugin, processes, build)
        else:
            build(config)
    finally:
        config.plugins.on_shutdown()


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new``; the old site is removed only after the swap."""
    old = None
    if target.exists():
        old = target.with_name(f"{target.name}.old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def check_and_build(root: Path, site_dir: str | Path, strict: bool) -> int:
    """Check, then build into ``site_dir`` (relative to ``root``) through a staging folder; 0 when built."""
    layout = layout_of(root)
    catalogue, ok = run_check(layout, strict)
    if not ok:
        print(NOT_BUILT, file=sys.stderr)
        return 1
    target = root / site_dir
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        build_site(root, staging, catalogue)
    except BaseException as error:  # mkdocs raises Abort (a SystemExit) on strict warnings
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Bouwen mislukt: {error}", file=sys.stderr)
        print(NOT_BUILT, file=sys.stderr)
        if isinstance(error, KeyboardInterrupt):
            raise
        return 1
    swap_in(staging, target)
    print(f"Site gebouwd in {target.relative_to(root) if target.is_relative_to(root) else target}/.")
    return 0


def serve(root: Path, dev_addr: str) -> None:
    """Check, then build and serve at ``dev_addr``, rebuilding on every change."""
    run_check(layout_of(root), strict=False)
    show_mkdocs_log(logging.INFO)
    watch = [str(root / "overrides")] if (root / "overrides").exists() else []
    # Serve at the root of the dev address, not under site_url's path (/kennisbank/).
    # Dirty builds render only changed pages; the plugin makes them exact (kennisbank.site.incremental).
    logging.getLogger("mkdocs.commands.build").addFilter(lambda record: "'dirty' build" not in record.getMessage())
    mkdocs_serve(config_file=str(root / CONFIG), livereload=True, watch=watch, dev_addr=dev_addr,
                 site_url=f"http://{dev_addr}/", build_type="dirty")


# --- a plain mkdocs build of the same pages, for the benchmark -----------------------

def plain_config(repo: Path, docs: Path, site: Path):
    """The repository's mkdocs config, pointed at ``docs``, without the kennisbank plugin."""
    full = load_config(str(repo / "mkdocs.yml"))
    others = {name: dict(plugin.config) for name, plugin in full.plugins.items() if name != "kennisbank"}
    return load_config(str(repo / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site), plugins=others or [], strict=False)


def write_plain_docs(repo: Path, docs: Path) -> int:
    """Write the content folder plus every generated file into ``docs``; return the number of files."""
    layout = layout_of(repo)
    catalogue = check_all(layout)
    shutil.copytree(layout.folder("content"), docs)
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if PAYMENT_TABLE_MARKER in text:  # what our on_page_markdown hook does, done beforehand
            page.write_text(text.replace(PAYMENT_TABLE_MARKER, payment_table(catalogue, page.relative_to(docs).as_posix())), encoding="utf-8")
    generated = generate(catalogue)
    for item in generated:
        target = docs / item.doc_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(item.content, encoding="utf-8")
    return len(generated)


def build_plain(repo: Path, docs: Path, site: Path) -> float:
    """Build ``docs`` with plain mkdocs (no kennisbank plugin); return the seconds mkdocs took."""
    config = plain_config(repo, docs, site)
    config.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    build(config)
    seconds = time.perf_counter() - start
    config.plugins.on_shutdown()
    return seconds
