"""What a page looks like when it is shared: Open Graph data and a share image.

Every page gets its own 1200×630 PNG with its title (drawn by :mod:`kennisbank.pages.shareimage`).
Nothing is downloaded at build time.

Why not Material's social plugin: it fetches its fonts from Google Fonts while
building, so it fails without network access, and it needs Cairo libraries.

Speed on big sites: an image depends only on its text and on the drawing, so it is stored in
a cache folder outside ``site/`` under a hash of both (:meth:`ShareCard.key`). A rebuild links
cached images instead of drawing them again. New ones are drawn while mkdocs renders the
pages: :class:`ImageQueue` takes each page's card as soon as its title is known and, when
there are many, hands them in batches to worker processes at a lower priority, so they use
the core that mkdocs leaves idle. When several processes render (site/parallel.py), only the
first one draws: it takes the others' cards when they are done and draws them while the search
index is made. Figures: ``scripts/bench_share_images.py`` and BENCHMARK.md.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import posixpath
import shutil
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .shareimage import HEIGHT, WIDTH, ShareCard, render

IMAGE_FOLDER = "assets/delen"
LOCALE = "nl_NL"
#: Cached images that no build used for this many days are removed.
KEEP_DAYS = 30

#: The first part of a page's address names its section on the image.
SECTION_LABELS = {
    "gidsen": "Gids",
    "werkbladen": "Werkblad",
    "praktijken": "Goede praktijk",
    "programmas": "Sociale kaart",
    "sociale-kaart": "Sociale kaart",
    "verhalen": "Verhalen",
    "themas": "Thema",
    "rollen": "Rol",
    "perskit": "Perskit",
    "bijdragen": "Bijdragen",
}


@dataclass(frozen=True)
class ShareMeta:
    """Open Graph and Twitter data of one page, as plain (unescaped) text."""

    title: str
    description: str
    url: str
    image: str
    image_alt: str
    type: str = "website"
    published: str | None = None
    locale: str = LOCALE
    width: int = WIDTH
    height: int = HEIGHT


# --- from a page to its share data -----------------------------------------------

def image_path(dest_uri: str) -> str:
    """Where the share image of a page goes: ``gidsen/x/index.html`` → ``assets/delen/gidsen/x/index.png``."""
    stem = posixpath.splitext(dest_uri)[0]
    return f"{IMAGE_FOLDER}/{stem}.png"


def plain(value: Any) -> str:
    """Page titles and descriptions may hold HTML entities (generated front matter is escaped)."""
    return html.unescape(str(value)).strip() if value else ""


def page_title(meta: dict[str, Any], fallback: str) -> str:
    """The title to share: the page's own title field, not its shorter navigation label."""
    return plain(meta.get("titel") or meta.get("title") or fallback)


def page_description(meta: dict[str, Any], site_description: str) -> str:
    """``samenvatting`` of hand-written pages and stories, ``description`` of generated ones."""
    return plain(meta.get("samenvatting") or meta.get("description") or site_description)


def section_label(url: str) -> str:
    """The section a page belongs to, from the first part of its address."""
    return SECTION_LABELS.get(url.strip("/").split("/")[0], "")


def site_address(site_url: str) -> str:
    """``https://example.org/kennisbank/`` → ``example.org/kennisbank``, for the foot of the image."""
    parts = urlsplit(site_url)
    return (parts.netloc + parts.path).rstrip("/")


def share_meta(*, title: str, description: str, url: str, site_url: str, dest_uri: str, site_name: str,
               is_story: bool = False, published: str | None = None) -> ShareMeta:
    """Everything the ``<head>`` needs to share one page."""
    return ShareMeta(
        title=title,
        description=description,
        url=url,
        image=site_url.rstrip("/") + "/" + image_path(dest_uri),
        image_alt=f"{title} – {site_name}",
        type="article" if is_story else "website",
        published=published,
    )


def robots_txt(site_url: str) -> str:
    """robots.txt that allows everything and points at the sitemap.

    Crawlers read robots.txt only at the root of a host. When the site lives in
    a sub-folder (as site_url says now), the host's own robots.txt must carry
    the Sitemap line; this file then only documents it.
    """
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


# --- writing images, with a cache ------------------------------------------------------

def default_cache(root: Path) -> Path:
    """``$KENNISBANK_CACHE`` or ``.cache/kennisbank`` in the repository (never inside site/)."""
    return Path(os.environ.get("KENNISBANK_CACHE") or root / ".cache" / "kennisbank") / "delen"


@dataclass(frozen=True)
class WriteReport:
    """How many images were drawn and how many came from the cache; the drawing's CPU seconds."""

    drawn: int
    cached: int
    cpu_s: float = 0.0


#: Below this many images to draw, starting worker processes costs more than it saves.
PROCESS_THRESHOLD = 200
#: Cards per task for a worker: fewer, larger messages between the processes.
BATCH = 32
#: How much lower the workers' priority is: mkdocs keeps most of its core while rendering, and
#: the workers take what is left (and everything once the pages are done). Mild, because on a
#: machine shared with other work a low priority would leave the last images waiting longest.
NICENESS = 5


def draw_into(cache_dir: Path, card: ShareCard) -> None:
    """Draw one image into the cache; atomic, so parallel builds never see half a file."""
    key = card.key()
    temporary = cache_dir / f".{key}.{os.getpid()}.{threading.get_ident()}.tmp"
    temporary.write_bytes(render(card))
    temporary.replace(cache_dir / f"{key}.png")


def draw_batch(job: tuple[Path, list[ShareCard]]) -> float:
    """Draw a batch of images into the cache; return the CPU seconds it took (run in a worker process)."""
    cache_dir, cards = job
    start = time.process_time()
    for card in cards:
        draw_into(cache_dir, card)
    return time.process_time() - start


def lower_priority() -> None:
    """Start of a worker process: a lower priority than the build (see :data:`NICENESS`)."""
    os.nice(NICENESS)


class ImageQueue:
    """Share images drawn while the build goes on: add cards as soon as they are known, then :meth:`finish`."""

    def __init__(self, cache_dir: Path, workers: int | None = None, threshold: int = PROCESS_THRESHOLD) -> None:
        self.cache_dir = cache_dir
        self.workers = workers or os.cpu_count() or 2
        self.threshold = threshold
        self.seen: set[str] = set()
        self.pending: list[ShareCard] = []
        self.futures: list[Future] = []
        self.pool: ProcessPoolExecutor | None = None
        self.drawn = 0
        cache_dir.mkdir(parents=True, exist_ok=True)

    def add(self, card: ShareCard) -> None:
        """Queue one card's image unless it is cached or queued already."""
        key = card.key()
        if key in self.seen:
            return
        self.seen.add(key)
        if (self.cache_dir / f"{key}.png").exists():
            return
        self.pending.append(card)
        self.drawn += 1
        if self.pool is None and self.drawn >= self.threshold:
            # Drawing text holds the GIL, so threads do not help: use processes. "spawn", because
            # forking a process that runs threads (mkdocs serve) can deadlock.
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=lower_priority)
        if self.pool is not None and len(self.pending) >= BATCH:
            self._submit()

    def flush(self) -> None:
        """Hand every queued card to the workers now, so they draw while the build does something else."""
        if self.pool is not None and self.pending:
            self._submit()

    def _submit(self) -> None:
        assert self.pool is not None
        for start in range(0, len(self.pending), BATCH):
            self.futures.append(self.pool.submit(draw_batch, (self.cache_dir, self.pending[start:start + BATCH])))
        self.pending = []

    def finish(self) -> tuple[int, float]:
        """Draw what is left and wait for every image; return (images drawn, CPU seconds of drawing)."""
        if self.pool is None:
            start = time.process_time()
            with ThreadPoolExecutor(max_workers=self.workers) as threads:
                list(threads.map(lambda card: draw_into(self.cache_dir, card), self.pending))
            cpu = time.process_time() - start
        else:
            self._submit()
            try:
                cpu = sum(future.result() for future in self.futures)
            finally:
                self.close()
        drawn, self.pending, self.futures, self.drawn = self.drawn, [], [], 0
        return drawn, cpu

    def close(self) -> None:
        """Stop the workers (after an error: queued images are dropped)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def link_into_site(jobs: Iterable[tuple[str, ShareCard]], site_dir: Path, cache_dir: Path) -> int:
    """Put each (path in site, card) image into the site from the cache; return how many."""
    count = 0
    for path, card in jobs:
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        cached = cache_dir / f"{card.key()}.png"
        target.unlink(missing_ok=True)
        try:
            os.link(cached, target)  # same bytes, no second copy on disk
        except OSError:
            shutil.copyfile(cached, target)  # another file system
        os.utime(cached)  # mark as used, for prune()
        count += 1
    return count


def write_images(jobs: Iterable[tuple[str, ShareCard]], site_dir: Path, cache_dir: Path, workers: int | None = None,
                 queue: ImageQueue | None = None, prune_unused: bool = True) -> WriteReport:
    """Write each (path in site, card) image into the site, drawing only what the cache lacks.

    ``queue``: where the build already queued cards while it rendered; the rest is added now.
    ``prune_unused``: then remove cached images that no build used for a month (:func:`prune`).
    """
    jobs = list(jobs)
    queue = queue or ImageQueue(cache_dir, workers)
    for _, card in jobs:
        queue.add(card)
    drawn, cpu = queue.finish()
    link_into_site(jobs, site_dir, cache_dir)
    if prune_unused:
        prune(cache_dir, {card.key() for _, card in jobs})
    return WriteReport(drawn=drawn, cached=max(0, len(jobs) - drawn), cpu_s=cpu)


def prune(cache_dir: Path, used: set[str], keep_days: int = KEEP_DAYS) -> int:
    """Remove cached images that no build has used for ``keep_days`` (old titles, old designs)."""
    limit = time.time() - keep_days * 86400
    removed = 0
    for file in cache_dir.glob("*.png"):
        if file.stem not in used and file.stat().st_mtime < limit:
            file.unlink(missing_ok=True)
            removed += 1
    return removed
