"""What a page looks like when it is shared: Open Graph data and a share image.

Every page gets its own 1200×630 PNG with its title, drawn with Pillow and the
Source Sans Pro font from the ``font-source-sans-pro`` package. Nothing is
downloaded at build time.

Why not Material's social plugin: it fetches its fonts from Google Fonts while
building, so it fails without network access, and it needs Cairo libraries.

Speed on big sites: an image depends only on its text, so it is stored in a
cache folder outside ``site/`` under the hash of that text. A rebuild copies
cached images instead of drawing them again; new ones are drawn in a thread
pool (Pillow's C code releases the GIL while it writes the PNG data, the larger
part of the work). Figures: ``scripts/bench_share_images.py``.
"""

from __future__ import annotations

import hashlib
import html
import io
import multiprocessing
import os
import posixpath
import shutil
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import font_source_sans_pro
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
IMAGE_FOLDER = "assets/delen"
LOCALE = "nl_NL"
#: Bump when the drawing changes, so cached images are drawn again.
DESIGN_VERSION = "2"
#: Cached images that no build used for this many days are removed.
KEEP_DAYS = 30

INK = (40, 53, 147)  # indigo 800: 10:1 contrast with white
PAPER = (255, 255, 255)
SOFT = (197, 202, 233)  # indigo 100, for the label on indigo
ACCENT = (255, 193, 7)  # amber, the accent of the logo

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
class ShareCard:
    """The text on one share image; equal cards give equal images."""

    title: str
    label: str
    site_name: str
    address: str

    def key(self) -> str:
        """A hash of everything that changes the picture, used as the cache file name."""
        text = "\x1f".join((DESIGN_VERSION, self.title, self.label, self.site_name, self.address))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


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


# --- drawing ------------------------------------------------------------------------

@cache
def font_files() -> dict[str, str]:
    """Paths of the Source Sans Pro TrueType files shipped by the font-source-sans-pro package."""
    return dict(font_source_sans_pro.font_files_ttf)


_local = threading.local()


def font(weight: str, size: int):
    """A FreeType font for this thread (FreeType faces must not be shared between threads)."""
    fonts = _local.__dict__.setdefault("fonts", {})
    if (weight, size) not in fonts:
        fonts[weight, size] = ImageFont.truetype(font_files()[f"SourceSansPro{weight}"], size)
    return fonts[weight, size]


def wrap(text: str, measure, width: float) -> list[str]:
    """Greedy word wrap: lines no wider than ``width`` (a single long word gets its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


LINE_HEIGHT = 1.15


def lines_that_fit(size: int, height: int) -> int:
    """How many title lines of a font size fit in a height (with room for descenders)."""
    return max(1, int((height - size * 1.25) // round(size * LINE_HEIGHT)) + 1)


def fit_title(draw, title: str, width: int, height: int) -> tuple[Any, list[str]]:
    """The largest title size (76 down to 44 px) at which the title fits the box; cut off with … if even that fails."""
    for size in range(76, 43, -4):
        face = font("Bold", size)
        lines = wrap(title, lambda t, f=face: draw.textlength(t, font=f), width)
        if len(lines) <= lines_that_fit(size, height) and all(draw.textlength(line, font=face) <= width for line in lines):
            return face, lines
    lines = lines[:lines_that_fit(face.size, height)]
    while lines[-1] and draw.textlength(lines[-1] + " …", font=face) > width:
        lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else lines[-1][:-1]
    lines[-1] += " …"
    return face, lines


def draw_mark(draw, x: int, y: int, unit: float, colour: tuple[int, int, int], accent: tuple[int, int, int]) -> None:
    """The logo mark (a key that is also a bridge), in a 200×100 grid scaled by ``unit``; same shapes as the SVG logo."""
    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return (x + x0 * unit, y + y0 * unit, x + x1 * unit, y + y1 * unit)

    ring = max(1, round(12 * unit))
    draw.ellipse(box(14, 24, 66, 76), outline=colour, width=ring)
    draw.ellipse(box(134, 24, 186, 76), outline=colour, width=ring)
    draw.rectangle(box(66, 44, 134, 56), fill=colour)
    draw.rectangle(box(84, 56, 96, 76), fill=accent)
    draw.rectangle(box(104, 56, 116, 76), fill=accent)


def render(card: ShareCard) -> bytes:
    """The PNG bytes of one share image."""
    image = Image.new("RGB", (WIDTH, HEIGHT), INK)
    draw = ImageDraw.Draw(image)
    margin = 80
    draw_mark(draw, margin, 56, 0.9, PAPER, ACCENT)
    draw.text((margin + 200, 101), card.site_name, font=font("Semibold", 38), fill=PAPER, anchor="lm")
    top = 220
    if card.label:
        draw.text((margin, top), card.label.upper(), font=font("Semibold", 30), fill=SOFT, anchor="ls")
        top += 30
    face, lines = fit_title(draw, card.title, WIDTH - 2 * margin, HEIGHT - 110 - top)
    line_height = round(face.size * LINE_HEIGHT)
    for index, line in enumerate(lines):
        draw.text((margin, top + face.size + index * line_height), line, font=face, fill=PAPER, anchor="ls")
    draw.rectangle((0, HEIGHT - 90, WIDTH, HEIGHT), fill=PAPER)
    draw.rectangle((0, HEIGHT - 98, WIDTH, HEIGHT - 90), fill=ACCENT)
    draw.text((margin, HEIGHT - 45), card.address, font=font("", 30), fill=INK, anchor="lm")
    buffer = io.BytesIO()
    # Four flat colours plus anti-aliasing: a 32-colour palette looks the same, is a third of the
    # size of RGB, and costs no more time to write.
    image.quantize(32, method=Image.Quantize.FASTOCTREE).save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


# --- writing images, with a cache ------------------------------------------------------

def default_cache(root: Path) -> Path:
    """``$KENNISBANK_CACHE`` or ``.cache/kennisbank`` in the repository (never inside site/)."""
    return Path(os.environ.get("KENNISBANK_CACHE") or root / ".cache" / "kennisbank") / "delen"


@dataclass(frozen=True)
class WriteReport:
    """How many images were drawn and how many came from the cache."""

    drawn: int
    cached: int


PROCESS_THRESHOLD = 200  # below this many images, starting worker processes costs more than it saves


def _draw(job: tuple[str, ShareCard, Path]) -> None:
    """Draw one image into the cache (a module-level function, so worker processes can run it)."""
    key, card, cache_dir = job
    temporary = cache_dir / f".{key}.{os.getpid()}.{threading.get_ident()}.tmp"
    temporary.write_bytes(render(card))
    temporary.replace(cache_dir / f"{key}.png")  # atomic: parallel builds never see half a file


def write_images(jobs: Iterable[tuple[str, ShareCard]], site_dir: Path, cache_dir: Path, workers: int | None = None) -> WriteReport:
    """Write each (path in site, card) image into the site, drawing only what the cache lacks."""
    jobs = list(jobs)
    cache_dir.mkdir(parents=True, exist_ok=True)
    missing = {card.key(): card for _, card in jobs if not (cache_dir / f"{card.key()}.png").exists()}
    work = [(key, card, cache_dir) for key, card in missing.items()]
    if len(work) >= PROCESS_THRESHOLD:
        # Drawing text holds the GIL, so threads do not help: use processes. "spawn", because
        # forking a process that runs threads (mkdocs serve) can deadlock.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 2, mp_context=context) as pool:
            list(pool.map(_draw, work, chunksize=64))
    else:
        with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
            list(pool.map(_draw, work))
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
    prune(cache_dir, {card.key() for _, card in jobs})
    return WriteReport(drawn=len(missing), cached=len(jobs) - len(missing))


def prune(cache_dir: Path, used: set[str], keep_days: int = KEEP_DAYS) -> int:
    """Remove cached images that no build has used for ``keep_days`` (old titles, old designs)."""
    limit = time.time() - keep_days * 86400
    removed = 0
    for file in cache_dir.glob("*.png"):
        if file.stem not in used and file.stat().st_mtime < limit:
            file.unlink(missing_ok=True)
            removed += 1
    return removed
