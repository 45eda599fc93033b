"""The search index: Pagefind over the built site, in parts when the site is large.

Why parts: Pagefind's search time grows with the square of the number of pages that
contain the query word. For every matching page it walks the list of all matching
(word, page) pairs (``search_term`` in Pagefind's ``pagefind_web/src/search.rs``). A word on
most of 12,000 pages took 270 to 540 ms in Chromium here, before any result could be shown.
Split over parts of at most :data:`PAGES_PER_PART` pages, the same query costs a fraction of
that; the browser searches every part with Pagefind's own ``mergeIndex`` and merges the
results by score (``zoeken.js``). Small sites, like the real one today, stay one index.

Why a word list in every part: when Pagefind cannot find a word in its index, it searches
for the longest prefix that it can find instead (``gemeentelijk`` becomes ``gemeent``). A part
without the word would then answer with pages for the prefix. So each part also indexes
one extra page with every word of the site: a word that exists anywhere exists in every
part. ``zoeken.js`` drops these pages from the results; their ids are in :data:`MANIFEST`.

What parts cost: Pagefind 1.5.2 now and then fails to find the stem of a query word that is
in its index (a quoted, exact search does find it) and searches a shorter prefix instead,
with much lower scores. One index has this too, but every part is another chance. Of 24
sampled words at 10,000 programmes, the parts added wrong pages for 3 (*gemeente* 11,188
instead of 7,008, also pages with *gemeenschap*); one index got 3 others wrong (*intake*, on
no page, matched all pages). Wrong pages come last; the first results are real matches, but
from the parts without the problem. See BENCHMARK.md.

The parts are made from hard links in a temporary folder next to the site, so the site itself
is only written to in ``pagefind/``. The links are to the built pages, or, in a full build, to
a short copy of each that the build wrote beside it (:func:`search_copy`): only what Pagefind
reads, the language, the title and the content. Pagefind then parses less than half of the HTML
(at 10,000 programmes, 0.8 s of CPU less per part), and gives the same index, byte for byte.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import hashlib
import html
import json
import logging
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.kennisbank")

#: The most pages in one part of the index (see the module docstring for why there are parts).
#: 3,000 keeps a common word under ~100 ms per query at 10,000 programmes, and the data for
#: one query under 300 KB (each part adds its own metadata and index chunk); see BENCHMARK.md.
PAGES_PER_PART = 3000

#: Where the index goes, relative to the site; part 2, 3, … go in subfolders of it.
BUNDLE = "pagefind"
PART_FOLDER = "deel-{}"

#: The list of parts and word-list pages, read by zoeken.js.
MANIFEST = "kennisbank.json"

#: Only pages with this attribute are indexed (see overrides/main.html).
INDEXED = "data-pagefind-body"

#: The word-list page of each part (it exists only in the index, never on the site).
WORD_LIST_URL = "/_woordenlijst/"

#: Not content: the ¶ link after each heading, the numbers of footnote references (a stray "1" in an excerpt)
#: and the list of footnotes at the end of a page (the sources, which the page's own text already cites).
EXCLUDE_SELECTORS = ".headerlink, .footnote-ref, .footnote"

#: The prefix of the temporary folder of the parts, next to the site; the next build removes one left by a killed build.
WORK_PREFIX = ".zoekindex-"

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_LIBC = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True) if sys.platform.startswith("linux") else None

#: Where Material's content begins and ends: besides the language and the title, Pagefind needs nothing else.
_CONTENT_START = '<article class="md-content__inner'
_CONTENT_END = "</article>"
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
_TITLE = re.compile(r"<title>.*?</title>", re.S)

_MARKUP = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]*>", re.S | re.I)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


class SearchIndexError(Exception):
    """The index could not be made; the message says why."""


@dataclass(frozen=True)
class Index:
    """What was built: the indexed pages and the parts (folders relative to the site)."""

    pages: int
    parts: tuple[str, ...]
    word_lists: tuple[str, ...]


@dataclass
class Seen:
    """The indexed pages a build wrote and their words, gathered as each page is written.

    With it, :func:`build_index` need not read every page of the site again to find them (at
    10,000 programmes about 3 s on one core, while the other waits); the render processes
    gather their own pages and the parent joins them (parallel.py).
    """

    pages: set[str] = field(default_factory=set)
    vocabulary: set[str] = field(default_factory=set)
    #: page → the file with its :func:`search_copy`, for the pages that have one.
    copies: dict[str, str] = field(default_factory=dict)
    #: Where :meth:`add` writes the copies; None: it writes none.
    folder: Path | None = None

    def add(self, path: str, page_html: str) -> None:
        """One page as it is written into the site (``path`` relative to it); only indexed pages count."""
        if INDEXED not in page_html:
            return
        self.pages.add(path)
        self.vocabulary |= words(page_html)
        if self.folder is not None and (short := search_copy(page_html)) is not None:
            copy = self.folder / (hashlib.sha1(path.encode("utf-8")).hexdigest() + ".html")  # flat: no folder per page
            copy.write_text(short, encoding="utf-8")
            self.copies[path] = str(copy)

    def join(self, pages: Iterable[str], vocabulary: Iterable[str], copies: dict[str, str] | None = None) -> None:
        """What another process saw."""
        self.pages.update(pages)
        self.vocabulary.update(vocabulary)
        self.copies.update(copies or {})

    @classmethod
    def writing_copies(cls, site: Path) -> Seen:
        """A Seen that writes the copies into a new folder next to ``site`` (removed by :meth:`close`)."""
        # The process id right after the prefix: a later build leaves the folder of a build that still runs alone (project.py).
        return cls(folder=Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-kopie-", dir=site.parent)))

    def close(self) -> None:
        """Remove the copies (after the index is made, or when the build failed)."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def search_copy(page_html: str) -> str | None:
    r"""What Pagefind reads of a page: its ``<html>`` tag (the language), its title and Material's content.

    None when the page is not laid out like that, or has search data outside the content; then
    Pagefind reads the whole page.

    >>> search_copy('<html lang="nl"><title>T</title><nav>M</nav><article class="md-content__inner">x</article><p>')
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>T</title></head><body><article class="md-content__inner">x</article></body></html>\n'
    """
    start, end = page_html.find(_CONTENT_START), page_html.rfind(_CONTENT_END)
    if start < 0 or end < start:
        return None
    end += len(_CONTENT_END)
    opening, title = _HTML_TAG.search(page_html, 0, start), _TITLE.search(page_html, 0, start)
    if opening is None or title is None or page_html.find("data-pagefind", 0, start) >= 0 or page_html.find("data-pagefind", end) >= 0:
        return None
    return (f'<!doctype html>{opening[0]}<head><meta charset="utf-8">{title[0]}</head><body>'
            f"{page_html[start:end]}</body></html>\n")


def part_count(pages: int, per_part: int = PAGES_PER_PART) -> int:
    """How many parts an index of ``pages`` pages gets.

    >>> part_count(400), part_count(3000), part_count(3001), part_count(12401)
    (1, 1, 2, 5)
    """
    return max(1, math.ceil(pages / max(per_part, 1)))


def part_of(path: str, parts: int) -> int:
    """The part a page goes in: from a hash of its path, so stable from build to build."""
    return int.from_bytes(hashlib.sha1(path.encode("utf-8")).digest()[:8], "big") % parts


def words(page_html: str) -> set[str]:
    """The words of the indexed region of a page (from ``data-pagefind-body`` on), lowercased.

    A superset of what Pagefind indexes is fine: the word list only has to contain every
    indexed word.

    >>> sorted(words('<nav>Menu</nav><div data-pagefind-body><p>Sleutel-personen &amp; één</p></div>'))
    ['personen', 'sleutel', 'sleutel-personen', 'één']
    """
    start = page_html.find(INDEXED)
    if start < 0:
        return set()
    text = html.unescape(_MARKUP.sub(" ", page_html[page_html.rfind("<", 0, start):])).lower()
    found = set(_WORD.findall(text))
    return found | {part for word in found if "-" in word for part in word.split("-")}


def with_plain_forms(vocabulary: set[str]) -> set[str]:
    """The words plus their forms without accents (Pagefind matches both).

    >>> sorted(with_plain_forms({"één", "fryslân"}))
    ['een', 'fryslan', 'fryslân', 'één']
    """
    return vocabulary | {_plain(word) for word in vocabulary}


def _plain(word: str) -> str:
    """A word without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def word_list_page(vocabulary: Iterable[str]) -> str:
    """The extra page of each part: every word of the site, once."""
    text = html.escape(" ".join(sorted(vocabulary)))
    return ('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>woordenlijst</title></head>'
            f'<body><main {INDEXED}><p>{text}</p></main></body></html>\n')


def indexed_pages(site: Path) -> list[tuple[str, Path]]:
    """(path relative to the site, file) of every page Pagefind will index, in a stable order."""
    found = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative.split("/")[0] == BUNDLE or relative.startswith("."):  # the index, and an index being made (BackgroundIndex)
            continue
        if INDEXED.encode() in file.read_bytes():  # bytes: no need to decode 10,000 pages to find one attribute
            found.append((relative, file))
    return found


def _die_with_parent(parent: int) -> None:
    """Run in the child before Pagefind starts: the kernel kills it when the build dies, even by SIGKILL.

    ``python -m pagefind`` replaces itself with the Pagefind binary (execv), which keeps this setting.
    """
    _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the line above: do not outlive it
        os._exit(1)


def child_process_options() -> dict:
    """Options for :func:`subprocess.run` that end the child with the build (Linux; elsewhere none are needed by CI)."""
    return {"preexec_fn": functools.partial(_die_with_parent, os.getpid())} if _LIBC else {}


def run_pagefind(source: Path, output: Path) -> None:
    """Index the HTML under ``source`` into ``output``; raise :class:`SearchIndexError` if Pagefind fails."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
         "--exclude-selectors", EXCLUDE_SELECTORS],
        capture_output=True, text=True, check=False, **child_process_options(),
    )
    if result.returncode != 0 or not (output / "pagefind.js").exists():
        raise SearchIndexError(f"pagefind stopte met code {result.returncode}:\n{result.stdout}\n{result.stderr}")


def fragment_url(fragment: Path) -> str | None:
    """The page URL stored in one Pagefind fragment file (gzip-compressed JSON)."""
    data = zlib.decompress(fragment.read_bytes(), 16 + zlib.MAX_WBITS)
    data = data.removeprefix(b"pagefind_dcd")
    return json.loads(data).get("url")


def word_list_id(bundle: Path) -> str:
    """The result id of the word-list page in one part: its fragment, the largest file there."""
    fragments = sorted((bundle / "fragment").glob("*.pf_fragment"), key=lambda f: f.stat().st_size, reverse=True)
    for fragment in fragments[:3]:
        if (fragment_url(fragment) or "").rstrip("/").endswith(WORD_LIST_URL.rstrip("/")):
            return fragment.name.removesuffix(".pf_fragment")
    raise SearchIndexError(f"de woordenlijst staat niet in {bundle}")


def _link(file: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(file, target)
    except OSError:  # another file system, or no hard links: copy instead
        shutil.copy2(file, target)


def build_index(site: Path, per_part: int = PAGES_PER_PART, bundle: Path | None = None, seen: Seen | None = None) -> Index:
    """Index the built site into ``site/pagefind`` (or ``bundle``) and its part folders; write the manifest.

    ``seen``: the indexed pages and their words as the build wrote them; without it, they are read from the site.
    """
    copies = {} if seen is None else seen.copies
    pages = indexed_pages(site) if seen is None else [(relative, Path(copies.get(relative, site / relative)))
                                                      for relative in sorted(seen.pages)]
    parts = part_count(len(pages), per_part)
    bundle = bundle or site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # no parts of an earlier, larger index stay behind
    if parts == 1 and not copies:
        run_pagefind(site, bundle)
        return _write_manifest(bundle, Index(len(pages), (), ()))
    vocabulary: set[str] = set() if seen is None else seen.vocabulary
    work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-", dir=site.parent))
    try:
        for relative, file in pages:
            if seen is None:
                vocabulary |= words(file.read_text(encoding="utf-8", errors="replace"))
            _link(file, work / str(part_of(relative, parts)) / relative)
        if parts == 1:
            run_pagefind(work / "0", bundle)
            return _write_manifest(bundle, Index(len(pages), (), ()))
        word_list = word_list_page(with_plain_forms(vocabulary))
        folders = [""] + [PART_FOLDER.format(n) + "/" for n in range(2, parts + 1)]
        ids = []
        for number, folder in enumerate(folders):
            source = work / str(number)
            page = source / WORD_LIST_URL.strip("/") / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(word_list, encoding="utf-8")
            run_pagefind(source, bundle / folder)
            ids.append(word_list_id(bundle / folder))
        return _write_manifest(bundle, Index(len(pages), tuple(folders[1:]), tuple(ids)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _write_manifest(bundle: Path, index: Index) -> Index:
    manifest = {"delen": list(index.parts), "woordenlijsten": list(index.word_lists)}
    (bundle / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False) + "\n", encoding="utf-8")
    return index


class BackgroundIndex:
    """The search index of ``kennisbank serve``, made after the rebuilt pages are served.

    One run at a time, in a thread. An edit during a run asks for one more run afterwards (more
    edits still make one). Each run writes a new index next to the old one and then puts it in
    its place, so the site always has a whole index: the one before the edit, until the new one
    is there.
    """

    def __init__(self, per_part: int = PAGES_PER_PART) -> None:
        self.per_part = per_part
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.site: Path | None = None
        self.again = False
        self.runs = 0

    def request(self, site: Path) -> None:
        """Make the index of ``site`` again, now or when the current run is done."""
        with self.lock:
            self.site = site
            if self.thread is not None:
                self.again = True
                return
            self.thread = threading.Thread(target=self._run, name="kennisbank-zoekindex", daemon=True)
            self.thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until no run is going or asked for; say whether that happened within ``timeout``."""
        end = None if timeout is None else time.monotonic() + timeout
        while True:
            with self.lock:
                thread = self.thread
            if thread is None:
                return True
            thread.join(None if end is None else max(0.0, end - time.monotonic()))
            if end is not None and time.monotonic() >= end and thread.is_alive():
                return False

    def _run(self) -> None:
        while True:
            with self.lock:
                site, self.again = self.site, False
            assert site is not None
            start = time.perf_counter()
            try:
                swap_index(site, self.per_part)
                log.info("Zoekindex bijgewerkt in %.1f s", time.perf_counter() - start)
            except (SearchIndexError, OSError) as error:  # a full rebuild emptied the site meanwhile, for instance
                log.warning("De zoekindex kon niet worden bijgewerkt: %s", error)
            with self.lock:
                self.runs += 1
                if not self.again:
                    self.thread = None
                    return


def swap_index(site: Path, per_part: int = PAGES_PER_PART) -> Index:
    """Make the index in a folder of its own, then put it in the place of the old one."""
    new, old = site / f".{BUNDLE}-nieuw", site / f".{BUNDLE}-oud"
    for folder in (new, old):
        shutil.rmtree(folder, ignore_errors=True)
    index = build_index(site, per_part, bundle=new)
    current = site / BUNDLE
    if current.exists():
        current.rename(old)
    new.rename(current)
    shutil.rmtree(old, ignore_errors=True)
    return index
