"""Drawing one share image: a 1200×630 PNG with the page's section and title.

The look: indigo with the logo mark and the site name at the top, the section in small
capitals, the title as large as fits, and a white foot with an amber line and the site's
address. :func:`draw` makes that picture in RGB with Pillow and the Source Sans Pro font of
the ``font-source-sans-pro`` package; it is the reference for the look. :func:`render` makes
the same picture as a PNG about four times faster, which matters at 10,000 pages:

- Everything but the section and the title is the same on every image of a site. That
  *template* is drawn once with :func:`draw` and mapped onto a fixed palette.
- The section and the title are drawn as grey coverage masks and turned into palette
  colours with a lookup table. The palette has 24 steps from indigo to white, 7 from indigo
  to the section's soft blue, and amber: the colours that anti-aliased text on indigo can
  have. So no image is quantised one by one (that was 44% of the time), and the result is
  closer to :func:`draw` than a 32-colour quantisation was.
- Only the band of rows with the section and the title differs from one image to the next.
  :func:`png` writes the PNG itself: the rows above and below the band are compressed once
  per template, and each image compresses only its band (a zlib full flush makes the three
  parts independent). Pillow's PNG writer cannot reuse work between images; it would
  compress all 630 rows every time (that was 31% of the time). The file is an ordinary
  8-bit palette PNG; the tests decode it with Pillow.

Glyph parts outside the band (marks stacked far above a title line, for instance) are cut off
at the band's edge; :func:`draw` would let them run into the header.

Figures: ``scripts/bench_share_images.py`` and BENCHMARK.md.
"""

from __future__ import annotations

import hashlib
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import font_source_sans_pro
import PIL
from PIL import Image, ImageDraw, ImageFont, features
from zlib_ng import zlib_ng as zlib  # zlib's interface, about twice as fast (BENCHMARK.md)

WIDTH, HEIGHT = 1200, 630

INK = (40, 53, 147)  # indigo 800: 10:1 contrast with white
PAPER = (255, 255, 255)
SOFT = (197, 202, 233)  # indigo 100, for the label on indigo
ACCENT = (255, 193, 7)  # amber, the accent of the logo

MARGIN = 80
LABEL_BASELINE = 220
TITLE_TOP = 220  # without a label; with one, the title starts 30 px lower
LINE_HEIGHT = 1.15
FOOT = HEIGHT - 98  # where the amber line starts

#: The rows that differ between images of one site: from below the site name to the amber line.
BAND = (180, FOOT)

#: Palette steps: white on indigo (title, site name, address) and soft blue on indigo (label).
TITLE_STEPS, LABEL_STEPS = 24, 7

#: Deflate level of the band. With zlib-ng, level 2 takes 0.26 ms per image and makes files as small as zlib's
#: level 3 did in 0.62 ms (15 KB); level 1 takes 0.19 ms for files half as large again (22 KB; BENCHMARK.md).
COMPRESS_LEVEL = 2


@dataclass(frozen=True)
class ShareCard:
    """The text on one share image; equal cards give equal images."""

    title: str
    label: str
    site_name: str
    address: str

    def key(self) -> str:
        """A hash of the text and of the drawing (:func:`drawing_version`): the image's name in the cache."""
        text = "\x1f".join((drawing_version(), self.title, self.label, self.site_name, self.address))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


# --- fonts and text layout -----------------------------------------------------------

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


def lines_that_fit(size: int, height: int) -> int:
    """How many title lines of a font size fit in a height (with room for descenders)."""
    return max(1, int((height - size * 1.25) // round(size * LINE_HEIGHT)) + 1)


def fit_title(draw, title: str, width: int, height: int) -> tuple[Any, list[str]]:
    """The largest title size (76 down to 44 px) at which the title fits the box; cut off with … if even that fails."""
    for size in range(76, 43, -4):
        face = font("Bold", size)
        measure = _measured(draw, face)
        lines = wrap(title, measure, width)
        if len(lines) <= lines_that_fit(size, height) and all(measure(line) <= width for line in lines):
            return face, lines
    lines = lines[:lines_that_fit(face.size, height)]
    while lines[-1] and draw.textlength(lines[-1] + " …", font=face) > width:
        lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else lines[-1][:-1]
    lines[-1] += " …"
    return face, lines


def _measured(draw, face) -> Callable[[str], float]:
    """The width of a text in ``face``; a line that the wrap measured is not measured again."""
    widths: dict[str, float] = {}

    def measure(text: str) -> float:
        if text not in widths:
            widths[text] = draw.textlength(text, font=face)
        return widths[text]
    return measure


def title_top(card: ShareCard) -> int:
    """Where the title box starts: below the label when there is one."""
    return TITLE_TOP + 30 if card.label else TITLE_TOP


def title_lines(draw, card: ShareCard) -> list[tuple[int, str, Any]]:
    """(baseline, text, font) of every title line."""
    top = title_top(card)
    face, lines = fit_title(draw, card.title, WIDTH - 2 * MARGIN, HEIGHT - 110 - top)
    step = round(face.size * LINE_HEIGHT)
    return [(top + face.size + index * step, line, face) for index, line in enumerate(lines)]


def label_font():
    return font("Semibold", 30)


# --- the reference picture -------------------------------------------------------------

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


def draw(card: ShareCard) -> Image.Image:
    """The share image as an RGB picture: the reference for the look (see the module docstring)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), INK)
    canvas = ImageDraw.Draw(image)
    draw_mark(canvas, MARGIN, 56, 0.9, PAPER, ACCENT)
    canvas.text((MARGIN + 200, 101), card.site_name, font=font("Semibold", 38), fill=PAPER, anchor="lm")
    if card.label:
        canvas.text((MARGIN, LABEL_BASELINE), card.label.upper(), font=label_font(), fill=SOFT, anchor="ls")
    if card.title:
        for baseline, line, face in title_lines(canvas, card):
            canvas.text((MARGIN, baseline), line, font=face, fill=PAPER, anchor="ls")
    canvas.rectangle((0, HEIGHT - 90, WIDTH, HEIGHT), fill=PAPER)
    canvas.rectangle((0, FOOT, WIDTH, HEIGHT - 90), fill=ACCENT)
    canvas.text((MARGIN, HEIGHT - 45), card.address, font=font("", 30), fill=INK, anchor="lm")
    return image


# --- the fast picture -------------------------------------------------------------------

def _mix(start: tuple[int, ...], end: tuple[int, ...], share: float) -> tuple[int, ...]:
    return tuple(round(a + (b - a) * share) for a, b in zip(start, end, strict=True))


#: Index 0 is indigo and 23 white; 24–30 step to the soft blue; 31 is amber.
PALETTE: tuple[tuple[int, ...], ...] = (
    *(_mix(INK, PAPER, step / (TITLE_STEPS - 1)) for step in range(TITLE_STEPS)),
    *(_mix(INK, SOFT, (step + 1) / LABEL_STEPS) for step in range(LABEL_STEPS)),
    ACCENT,
)

#: Coverage (0–255) of a text pixel → palette index, for white and for soft-blue text on indigo.
TITLE_LUT = [round(a / 255 * (TITLE_STEPS - 1)) for a in range(256)]
LABEL_LUT = [0 if round(a / 255 * LABEL_STEPS) == 0 else TITLE_STEPS + round(a / 255 * LABEL_STEPS) - 1 for a in range(256)]


@dataclass(frozen=True)
class Template:
    """What every image of one site shares: the compressed rows above and below the band."""

    head: bytes  # raw deflate of the filtered rows above the band, ending in a full flush
    foot: bytes  # raw deflate of the filtered rows below the band, ending the stream
    foot_rows: bytes  # the filtered rows below the band, uncompressed (for the checksum)
    head_adler: int  # Adler-32 of the rows above the band


def filtered(pixels: bytes, width: int) -> bytes:
    """PNG scanlines: each row of one-byte pixels preceded by filter type 0 (none)."""
    return b"".join(b"\0" + pixels[start:start + width] for start in range(0, len(pixels), width))


def deflate(data: bytes, level: int, last: bool) -> bytes:
    """Raw deflate of ``data``: ends the stream when ``last``, else with a full flush so that more can follow."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)


def palette_image() -> Image.Image:
    """A one-pixel image that carries :data:`PALETTE`, for Pillow's nearest-colour mapping."""
    image = Image.new("P", (1, 1))
    image.putpalette([channel for colour in PALETTE for channel in colour])
    return image


@cache
def template(site_name: str, address: str) -> Template:
    """The template of one site (see the module docstring), made once per process."""
    picture = draw(ShareCard("", "", site_name, address)).quantize(palette=palette_image(), dither=Image.Dither.NONE)
    pixels = picture.tobytes()
    top, bottom = BAND
    head = filtered(pixels[: top * WIDTH], WIDTH)
    foot = filtered(pixels[bottom * WIDTH:], WIDTH)
    return Template(deflate(head, 9, last=False), deflate(foot, 9, last=True), foot, zlib.adler32(head))


def band(card: ShareCard) -> bytes:
    """The filtered rows of the band: the label and the title as palette indices.

    Drawn one pixel to the right in an image one pixel wider, so the first column is the
    filter byte of each row (0) and ``tobytes()`` gives the scanlines as they are.
    """
    _, bottom = BAND
    split = title_top(card)
    title = Image.new("L", (WIDTH + 1, bottom - split))
    canvas = ImageDraw.Draw(title)
    if card.title:
        for baseline, line, face in title_lines(canvas, card):
            canvas.text((MARGIN + 1, baseline - split), line, font=face, fill=255, anchor="ls")
    return label_rows(card.label) + title.point(TITLE_LUT).tobytes()


@cache
def label_rows(label: str) -> bytes:
    """The band's rows above the title, with the label, drawn once per process for each label.

    There are only a few labels (one per kind of page), so most images reuse these rows.
    """
    top, _ = BAND
    image = Image.new("L", (WIDTH + 1, title_top(ShareCard("", label, "", "")) - top))
    if label:
        ImageDraw.Draw(image).text((MARGIN + 1, LABEL_BASELINE - top), label.upper(), font=label_font(), fill=255, anchor="ls")
    return image.point(LABEL_LUT).tobytes()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(rows: bytes, shared: Template, level: int = COMPRESS_LEVEL) -> bytes:
    """An 8-bit palette PNG from the band's filtered rows and the site's template."""
    checksum = zlib.adler32(shared.foot_rows, zlib.adler32(rows, shared.head_adler))
    stream = b"\x78\x9c" + shared.head + deflate(rows, level, last=False) + shared.foot + struct.pack(">I", checksum)
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 3, 0, 0, 0)
    palette = bytes(channel for colour in PALETTE for channel in colour)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"PLTE", palette) + _chunk(b"IDAT", stream) + _chunk(b"IEND", b"")


def render(card: ShareCard) -> bytes:
    """The PNG bytes of one share image."""
    return png(band(card), template(card.site_name, card.address))


@cache
def drawing_version() -> str:
    """A hash of everything that changes the images: this module, the font package, zlib-ng and Pillow.

    Cached images are stored under it, so a change to the drawing never reuses old images;
    the publishing workflow keys its cache on it too.
    """
    parts = (Path(__file__).read_bytes(), metadata.version("font-source-sans-pro").encode(), metadata.version("zlib-ng").encode(),
             PIL.__version__.encode(), str(features.version("freetype2")).encode())
    return hashlib.sha256(b"\x1f".join(parts)).hexdigest()[:16]
