"""Building on every core: one ``kennisbank build`` in several processes, making the same site as one.

Before the render fork, the checks and the generation also use a second process: :func:`precheck`
checks every second source file in a forked helper, :func:`pregenerate` makes the open data and
the municipality pages in one (:func:`_beside` runs both halves and brings the helper's back).

mkdocs renders one page after the other on one core (about 4 ms of CPU per page with Material),
so on a large site the other cores wait. :func:`build` forks after the sources are checked and
the pages generated. Every process runs mkdocs' own ``build`` with ``dirty=True``: mkdocs then
reads, renders and writes only the files whose ``is_modified()`` is true. The plugin makes each
generated page a :class:`PartFile` that is "modified" only in the process whose share it is in
(:func:`share_of`). So every process knows every file (links are checked against all of them)
and the whole navigation, but renders only its own share of the generated pages.

- The first process (the parent) also writes the static files and the data files. The other
  processes (helpers) write into folders of their own; when they are done, the parent moves
  what it lacks into the site (:func:`finish`) before the search index is made.
- Hand-written pages and the generated pages in the navigation are rendered in every process,
  so that each one has the navigation's titles and meta data, and their anchors; only the
  parent's copy is kept. They are few.
- mkdocs checks a link to an anchor only when both pages were rendered in one process. So
  each helper writes down the anchors of its pages and its links to anchors (:func:`anchor_report`),
  and the parent checks the links between processes with mkdocs' own ``Page.validate_anchor_links``:
  the same messages at the same level, and in strict mode the same failure.
- A helper draws no share images and reads no page again for the search index: it hands the
  parent its images and its indexed pages with their words and short copies (:func:`write_report`). The parent
  draws the images while Pagefind makes the index, which leaves part of the cores idle.
- A helper that fails makes the build fail; its messages are printed as it logs them.

Nothing here changes mkdocs: it is mkdocs' own dirty build, steered through public parts (a
``File`` subclass and the plugin's hooks). A test builds a site both ways and compares every
file byte for byte. When it does not pay (a small site, one core, no ``fork``), the build runs
in one process as before. Figures: BENCHMARK.md.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import pickle
import shutil
import signal
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..model.checks import Catalogue, CheckedFile, CheckMemo, Layout, check_all, check_file, list_sources, source_files
from ..pages import worksheets
from ..pages.assemble import Output, combine, generate_all, generate_part
from ..pages.common import Generated, Site
from ..pages.shareimage import ShareCard
from ..pages.worksheets import Download
from .searchindex import Seen

log = logging.getLogger("mkdocs.plugins.kennisbank")

#: Below this many pages a second process costs more than it saves (measured: BENCHMARK.md).
MIN_PAGES = 300
#: The message of mkdocs' dirty build: true for serve, not for these builds, which start empty.
DIRTY_WARNING = "'dirty' build"


@dataclass
class Share:
    """Which share of the generated pages one process renders, and where."""

    index: int
    count: int
    site_dir: Path
    #: The helper's notes for the parent: its anchors and its links to anchors (JSON).
    report: Path
    #: In the parent: the helpers' shares and process ids.
    helpers: list[tuple[Share, int]] = field(default_factory=list)

    @property
    def is_helper(self) -> bool:
        return self.index > 0


class PartFile(File):
    """A generated file that is "modified" (rendered in a dirty build) only in the process it belongs to."""

    #: The process that renders it and whose copy goes into the site; None: rendered in every
    #: process (the pages in the navigation), kept from the parent.
    owner: int | None = None
    #: The process this object lives in.
    here: int = 0

    def is_modified(self) -> bool:
        return self.owner is None or self.owner == self.here


def share_of(src_uri: str, count: int) -> int:
    """The process that renders a generated page: from a hash of its path, so the shares are even and stable."""
    return zlib.crc32(src_uri.encode("utf-8")) % count


def cores() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def processes_for(pages: int, wanted: int = 0) -> int:
    """How many processes render ``pages`` pages: ``wanted`` if set (1 = off), else every core when it pays."""
    if not hasattr(os, "fork"):
        return 1
    if wanted:
        return max(1, wanted)
    return cores() if pages >= MIN_PAGES else 1


def precheck(layout: Layout, wanted: int = 0) -> Catalogue:
    """:func:`kennisbank.model.checks.check_all`, with the files read and checked by two processes on a large site.

    Checking a file needs only that file and the data folder, so a forked helper checks every
    second file and sends what it found back through a pipe, while this process checks the
    others. The results go into a :class:`CheckMemo`, the one ``serve`` keeps between checks;
    ``check_all`` then takes every file from it and runs the rules between files, as always.
    The catalogue is the same as from one process (a test compares them). ``wanted``: as for
    :func:`processes_for`.
    """
    files = [pair for group in source_files(layout, list_sources(layout)).values() for pair in group]
    if processes_for(len(files), wanted) < 2:
        return check_all(layout)
    memo = CheckMemo()
    ctx, _ = memo.context_for(layout, None)
    if ctx is None:
        return check_all(layout, memo=memo)
    mine, theirs = files[0::2], files[1::2]

    def check(share: list[tuple[Path, str]]) -> list[CheckedFile]:
        return [check_file(file, layout.root, kind, ctx) for file, kind in share]

    found, sent = _beside(lambda: check(mine), lambda: check(theirs),
                          "Het hulpproces kon zijn deel van de bronbestanden niet controleren (zie de melding hierboven).")
    for (file, _), checked in (*zip(mine, found, strict=True), *zip(theirs, sent, strict=True)):
        memo.put(file, checked)
    memo.done()
    return check_all(layout, memo=memo)


def _beside(here: Callable[[], Any], there: Callable[[], Any], failed: str) -> tuple[Any, Any]:
    """``here()`` in this process and ``there()`` in a forked helper at the same time; return both results.

    The helper sends its result back pickled through a pipe. It is stopped when this process
    fails; when it fails, :class:`PluginError` says ``failed``.
    """
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _send(there, write_end)
    os.close(write_end)
    try:
        result = here()
        with os.fdopen(read_end, "rb") as pipe:
            sent = pipe.read()
    except BaseException:
        _stop(pid)
        raise
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise PluginError(failed)
    return result, pickle.loads(sent)


def _send(make: Callable[[], Any], write_end: int) -> None:
    """In a forked helper of :func:`_beside`: make the result, send it, and leave without the parent's clean-up code."""
    code = 1
    try:
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(make(), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    except BaseException as error:
        print(f"Fout in hulpproces: {error}", file=sys.stderr)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def pregenerate(catalogue: Catalogue, site: Site, processes: int) -> Output:
    """Every generated page and file (:func:`kennisbank.pages.assemble.generate_all`), made by two processes when ``processes`` > 1.

    Before the build forks to render, this process works alone and the other cores wait. So a
    forked helper makes the open data and the municipality pages (``assemble.DATA_KINDS``) and
    sends them back through a pipe, while this process makes the other pages and the worksheets'
    files. The result is the same list as from one process (a test compares them).
    """
    if processes < 2:
        return generate_all(catalogue, site)

    def rest() -> tuple[dict[int, list[Generated]], list[Download]]:
        return generate_part(catalogue, site, data=False), worksheets.downloads(catalogue, site)

    (pages, files), data = _beside(rest, lambda: generate_part(catalogue, site, data=True),
                                   "Het hulpproces kon de open data en de gemeentepagina's niet maken (zie de melding hierboven).")
    return Output(combine(pages, data), files)


def claim(files: Iterable[File], nav_pages: Iterable[Any], share: Share) -> None:
    """Give every generated file its process: pages by :func:`share_of`, the navigation's pages everywhere, data to the parent."""
    in_nav = {page.file.src_uri for page in nav_pages}
    for file in files:
        if isinstance(file, PartFile):
            file.here = share.index
            if file.src_uri in in_nav:
                file.owner = None
            elif file.is_documentation_page():
                file.owner = share_of(file.src_uri, share.count)
            else:
                file.owner = 0


def anchor_report(files: Files, share: Share) -> dict[str, Any]:
    """What a helper rendered of its own: the anchors on those pages and their links to anchors."""
    anchors, links = {}, {}
    for file in files.documentation_pages():
        if isinstance(file, PartFile) and file.owner == share.index and (page := file.page) is not None and page.present_anchor_ids is not None:
            anchors[file.src_uri] = sorted(page.present_anchor_ids)
            links[file.src_uri] = {target.src_uri: dict(found) for target, found in (page.links_to_anchors or {}).items()}
    return {"anchors": anchors, "links": links}


def check_anchors(files: Files, reports: list[dict[str, Any]], log_level: int) -> None:
    """Check links to anchors between generated pages that different processes rendered, as mkdocs would.

    Each process checked the links between the pages it rendered. Hand-written pages and the
    navigation's pages are rendered everywhere, so what is left are links between generated
    pages of two processes.
    """
    owner = {file.src_uri: file.owner for file in files.documentation_pages() if isinstance(file, PartFile) and file.owner is not None}
    links = {uri: dict(file.page.links_to_anchors or {}) for uri, number in owner.items()
             if number == 0 and (file := files.get_file_from_path(uri)) is not None and file.page is not None}
    for report in reports:
        for uri, ids in report["anchors"].items():
            files.get_file_from_path(uri).page.present_anchor_ids = set(ids)  # the parent never rendered it
        for uri, targets in report["links"].items():
            links[uri] = {target: found for t, found in targets.items() if (target := files.get_file_from_path(t)) is not None}
    for uri, targets in links.items():
        between = {target: found for target, found in targets.items() if owner.get(target.src_uri, owner[uri]) != owner[uri]}
        _validate(files.get_file_from_path(uri).page, between, files, log_level)


def _validate(page: Any, links: dict[File, dict[str, str]], files: Files, log_level: int) -> None:
    if not links:
        return
    before = page.links_to_anchors
    page.links_to_anchors = links
    try:
        page.validate_anchor_links(files=files, log_level=log_level)
    finally:
        page.links_to_anchors = before


def merge(helper_site: Path, site: Path) -> int:
    """Move everything of a helper's folder that the site lacks into the site; return how many files and folders.

    A folder the site lacks (most pages have one of their own) moves whole, in one rename.
    """
    moved = 0
    for folder, subfolders, names in os.walk(helper_site):
        relative = Path(folder).relative_to(helper_site)
        for name in [*subfolders]:
            target = site / relative / name
            if not target.exists():
                os.replace(Path(folder) / name, target)
                subfolders.remove(name)  # moved: nothing left to walk in it
                moved += 1
        for name in names:
            target = site / relative / name
            if target.exists():
                continue  # written by the parent too (hand-written pages, theme files): the same bytes
            os.replace(Path(folder) / name, target)
            moved += 1
    return moved


def hide_dirty_warning() -> None:
    """These dirty builds start in an empty folder, so mkdocs' warning about stale pages does not apply."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(getattr(f, "kennisbank_dirty", False) for f in logger.filters):
        check = logging.Filter()
        check.filter = lambda record: DIRTY_WARNING not in record.getMessage()  # type: ignore[method-assign]
        check.kennisbank_dirty = True  # type: ignore[attr-defined]
        logger.addFilter(check)


def build(config: Any, plugin: Any, count: int, run: Callable[..., None]) -> None:
    """Build with ``count`` processes; ``run`` is mkdocs' build function. Raises when any process fails."""
    site = Path(config.site_dir)
    hide_dirty_warning()
    shares = [Share(0, count, site, site / ".unused")]
    for index in range(1, count):
        # Named after the site's folder: a build's staging folder (.site.new-<pid>-…), so a killed build's are cleaned up with it.
        folder = Path(tempfile.mkdtemp(prefix=f"{site.name}.deel-{index}-", dir=site.parent))
        shares.append(Share(index, count, folder / "site", folder / "ankers.json"))
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        for share in shares[1:]:
            pid = os.fork()
            if pid == 0:
                _run_helper(config, plugin, share, run)
            shares[0].helpers.append((share, pid))
        plugin.share = shares[0]
        run(config, dirty=True)
    finally:
        plugin.share = None  # mkdocs keeps the plugin for later builds in this process
        for _, pid in shares[0].helpers:  # still running: the parent failed before it waited for them
            _stop(pid)
        for share in shares[1:]:
            shutil.rmtree(share.site_dir.parent, ignore_errors=True)


def _run_helper(config: Any, plugin: Any, share: Share, run: Callable[..., None]) -> None:
    """In a forked helper: build its share, then leave without running the parent's clean-up code."""
    code = 1
    try:
        config.site_dir = str(share.site_dir)
        plugin.share = share
        run(config, dirty=True)
        code = 0
    except BaseException as error:  # mkdocs raises Abort (a SystemExit) on strict warnings
        print(f"Bouwen mislukt in hulpproces {share.index}: {error}", file=sys.stderr)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def finish(share: Share, files: Files, log_level: int, seen: Seen | None = None,
           take_images: Callable[[list[tuple[str, ShareCard]]], None] | None = None) -> None:
    """In the parent, after its own pages: wait for the helpers, take their pages, check anchors between processes.

    ``seen``: the parent's indexed pages and words for the search index; the helpers' are added to it.
    ``take_images``: gets the share images of each helper's pages, which the parent draws (see :func:`write_report`).
    """
    reports = []
    while share.helpers:
        helper, pid = share.helpers[0]
        _, status = os.waitpid(pid, 0)
        share.helpers.pop(0)  # collected: never signal this process id again
        if os.waitstatus_to_exitcode(status) != 0:
            raise PluginError(f"Hulpproces {helper.index} kon zijn deel van de pagina's niet bouwen (zie de meldingen hierboven).")
        report = json.loads(helper.report.read_text(encoding="utf-8"))
        reports.append(report)
        if seen is not None:
            seen.join(report["search"]["pages"], report["search"]["words"], report["search"]["copies"])
        if take_images is not None:  # first, so that they are drawn while the pages are moved
            take_images([(path, ShareCard(*card)) for path, *card in report["images"]])
        merge(helper.site_dir, share.site_dir)
    check_anchors(files, reports, log_level)


def write_report(share: Share, files: Files, seen: Seen, images: list[tuple[str, ShareCard]]) -> None:
    """In a helper, at the end of its build: for the parent, its anchors and links, its indexed pages and their words,
    and the share images of its pages.

    A helper draws no share images itself: the parent draws them while it makes the search index,
    when Pagefind leaves part of the cores idle, instead of beside the rendering, which needs them all.
    """
    report = {**anchor_report(files, share),
              "search": {"pages": sorted(seen.pages), "words": sorted(seen.vocabulary), "copies": seen.copies},
              "images": [[path, *dataclasses.astuple(card)] for path, card in images]}
    share.report.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


def _stop(pid: int) -> None:
    """End a helper that is still running (the parent failed) and collect it."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
