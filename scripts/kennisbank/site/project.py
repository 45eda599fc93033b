"""A project on disk and what mkdocs does with it: its folders, checking, building and serving.

``kennisbank build`` checks first and builds into a staging folder next to the target, which
replaces the old site only when everything succeeded; a failed build leaves it untouched.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from ..model.checks import Catalogue, Layout, check_all
from ..model.markup import PAYMENT_TABLE_MARKER
from ..model.problems import errors, report, warnings
from ..pages.assemble import generate
from ..pages.catalogue import payment_table
from ..pages.common import Site
from ..pages.contact import fill_in_editors_contact
from ..pages.facts import fill_in_facts
from ..pages.worksheets import downloads, guide_markdown
from . import parallel, serving
from .parallel import precheck, pregenerate
from .searchindex import WORK_PREFIX

CONFIG = "mkdocs.yml"
#: The garbage collector's thresholds during a build (Python's own: 700, 10, 10). See :func:`fewer_collections`.
BUILD_GC_THRESHOLDS = (100_000, 50, 100)
NOT_BUILT = "De site is niet gebouwd; de vorige versie in site/ is ongewijzigd."
#: Folders that a build may never replace or write into, besides the layout's source folders.
PROTECTED = ("overrides", "scripts", ".git")


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
    catalogue = precheck(layout)  # on a large site in two processes (parallel.py)
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
        site = Site(config.site_name or "", config.site_url or "")
        records = len(catalogue.programmes) + len(catalogue.practices)  # each makes a page, so at most the pages
        plugin.preloaded = catalogue
        plugin.pregenerated = pregenerate(catalogue, site, parallel.processes_for(records, plugin.config.render_processes))
        pages = sum(1 for g in plugin.pregenerated.pages if g.doc_path.endswith(".md"))
        processes = parallel.processes_for(pages, plugin.config.render_processes)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        if processes > 1:
            parallel.build(config, plugin, processes, build)
        else:
            build(config)
    finally:
        config.plugins.on_shutdown()


def site_dir_problem(root: Path, target: Path, layout: Layout) -> str | None:
    """Why ``target`` may not become the site (it would be replaced by the build), or None.

    Refused: the project and any folder above it, a source folder, a folder inside one or holding
    one, a file, and a folder with other things in it than a built site (no index.html).
    """
    project, site = root.resolve(), target.resolve()
    shown = os.path.relpath(target, root) if target.is_relative_to(root) else str(target)
    if site == project or project.is_relative_to(site):
        return f"'{shown}' is de projectmap of een map daarboven; de build zou het hele project vervangen. Kies een nieuwe map, zoals 'site'"
    sources = [layout.content, layout.practices, layout.programmes, layout.data, *PROTECTED]
    for name in sources:
        source = (root / name).resolve()
        if site == source or site.is_relative_to(source) or source.is_relative_to(site):
            return f"'{shown}' is, bevat of ligt in de bronmap '{name}'; de build zou bronbestanden vervangen. Kies een map buiten de bronnen, zoals 'site'"
    if target.exists() and not target.is_dir():
        return f"'{shown}' is een bestand, geen map; kies een nieuwe map, zoals 'site'"
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").exists():
        return (f"'{shown}' bestaat al en is geen gebouwde site (er staat geen index.html in); de build zou alles erin vervangen. "
                "Kies een nieuwe map, of maak deze eerst leeg")
    return None


def staging_prefixes(target: Path) -> tuple[str, ...]:
    """Names of the temporary folders a build makes next to ``target``, each followed by the build's process id."""
    return (f".{target.name}.new-", f"{target.name}.old-", WORK_PREFIX)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_staging(target: Path) -> list[Path]:
    """Remove what a killed build left next to ``target`` (staging, old site, search index work); return it.

    Folders of a build that still runs (its process id is in the name) are left alone.
    """
    removed = []
    if not target.parent.is_dir():
        return removed
    for entry in target.parent.iterdir():
        prefix = next((p for p in staging_prefixes(target) if entry.name.startswith(p)), None)
        if prefix is None or not entry.is_dir() or entry.is_symlink():
            continue
        pid = entry.name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and _alive(int(pid)):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new``; the old site is removed only after the swap."""
    old = None
    if target.exists():
        old = target.with_name(f"{target.name}.old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old:
        shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often for a while, then as before.

    A build makes millions of objects that live until its end (records, pages, mkdocs' files), and
    almost none is garbage in a cycle; with Python's thresholds the collector scans them again
    and again. With :data:`BUILD_GC_THRESHOLDS`, checking and generating 10,000 programmes takes
    about 15% less CPU (BENCHMARK.md). Reference counting frees everything else as before.
    """
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def check_and_build(root: Path, site_dir: str | Path, strict: bool) -> int:
    """Check, then build into ``site_dir`` (relative to ``root``) through a staging folder; 0 when built."""
    with fewer_collections():
        return _check_and_build(root, site_dir, strict)


def _check_and_build(root: Path, site_dir: str | Path, strict: bool) -> int:
    layout = layout_of(root)
    target = root / site_dir
    refused = site_dir_problem(root, target, layout)
    if refused:
        print(f"--site-dir: {refused}", file=sys.stderr)
        print("De site is niet gebouwd; er is niets veranderd.", file=sys.stderr)
        return 1
    catalogue, ok = run_check(layout, strict)
    if not ok:
        print(NOT_BUILT, file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(target)
    staging = Path(tempfile.mkdtemp(prefix=f"{staging_prefixes(target)[0]}{os.getpid()}-", dir=target.parent))
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
    # While a source has errors, every page shows them instead of hanging (kennisbank.site.serving).
    with fewer_collections():  # each rebuild checks and generates (what changed) again
        serving.serve(root / CONFIG, dev_addr, watch)


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
    config = load_config(str(repo / CONFIG))
    site = Site(config.site_name or "", config.site_url or "")
    shutil.copytree(layout.folder("content"), docs)
    guides = {p.doc_path: p for p in catalogue.pages if p.worksheets}
    for page in docs.rglob("*.md"):  # what our on_page_markdown hook does, done beforehand
        doc_path = page.relative_to(docs).as_posix()
        text = page.read_text(encoding="utf-8")
        if PAYMENT_TABLE_MARKER in text:
            text = text.replace(PAYMENT_TABLE_MARKER, payment_table(catalogue, doc_path))
        text = fill_in_editors_contact(fill_in_facts(text, catalogue.context.facts, catalogue.context.today), None, None)
        if doc_path in guides:
            text = guide_markdown(text, guides[doc_path])
        page.write_text(text, encoding="utf-8")
    generated = generate(catalogue, site)
    for item in generated:
        target = docs / item.doc_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(item.content, encoding="utf-8")
    for download in downloads(catalogue, site):
        target = docs / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download.content)
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
