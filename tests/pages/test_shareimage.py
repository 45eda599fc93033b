"""Drawing share images: the fast PNG looks like the reference picture, and every title fits."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from kennisbank.model.checks import Layout, check_all
from kennisbank.pages import shareimage
from kennisbank.pages.shareimage import BAND, HEIGHT, WIDTH, ShareCard, draw, render

from ..conftest import ROOT, TODAY

SITE, ADDRESS = "Kennisbank Sleutelpersonen", "kennisbank-sleutelpersonen.github.io/kennisbank"
CARD = ShareCard(title="Werving en selectie", label="Gids", site_name=SITE, address=ADDRESS)


def real_cards() -> list[ShareCard]:
    """Cards with the titles of the real pages, and some hard ones."""
    catalogue = check_all(Layout(ROOT), today=TODAY)
    titles = [(p.title, "Gids") for p in catalogue.pages] + [(p.title, "Goede praktijk") for p in catalogue.practices]
    titles += [(p.name, "Sociale kaart") for p in catalogue.programmes]
    titles += [("Kort", ""), ("Een titel " * 30, "Thema"), ("Eénwoordzonderspatiesdatveeltelangisomoponeregeltepassen" * 3, "Rol"),
               ("Ÿvonne, Émile en Ågot: ÇÀ ÑÕ", "Verhalen")]
    return [ShareCard(title, label, SITE, ADDRESS) for title, label in titles]


def difference(a: Image.Image, b: Image.Image) -> tuple[int, float]:
    """The largest and the mean difference of one colour channel between two pictures."""
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    return max(high for _, high in diff.getextrema()), max(ImageStat.Stat(diff).mean)


def test_image_is_a_1200_by_630_palette_png():
    image = Image.open(io.BytesIO(render(CARD)))
    assert (image.format, image.mode, image.size) == ("PNG", "P", (WIDTH, HEIGHT))
    image.verify()  # checksums of every chunk


@pytest.mark.parametrize("card", real_cards(), ids=lambda c: c.title[:40])
def test_the_fast_image_looks_like_the_reference_picture(card):
    """Same picture as draw(), up to half a step of the palette (24 steps from indigo to white)."""
    largest, mean = difference(Image.open(io.BytesIO(render(card))), draw(card))
    assert largest <= 12 and mean < 0.2, (largest, mean)


def test_only_the_band_differs_between_images():
    """What the template holds (rows above and below BAND) is the same on every picture."""
    empty = draw(ShareCard("", "", SITE, ADDRESS)).tobytes()
    top, bottom = BAND[0] * WIDTH * 3, BAND[1] * WIDTH * 3
    for card in real_cards():
        picture = draw(card).tobytes()
        assert picture[:top] == empty[:top] and picture[bottom:] == empty[bottom:], card.title


def test_the_png_holds_exactly_the_drawn_rows():
    """The hand-made zlib stream (template parts plus band) unpacks to the full image's scanlines."""
    data = render(CARD)
    start = data.index(b"IDAT")
    length = struct.unpack(">I", data[start - 4:start])[0]
    rows = zlib.decompress(data[start + 4:start + 4 + length])
    assert len(rows) == HEIGHT * (WIDTH + 1) and all(rows[y * (WIDTH + 1)] == 0 for y in range(HEIGHT))
    pixels = b"".join(rows[y * (WIDTH + 1) + 1:(y + 1) * (WIDTH + 1)] for y in range(HEIGHT))
    assert Image.open(io.BytesIO(data)).tobytes() == pixels


def test_title_is_drawn():
    """A different title gives a different picture (the text is really on it)."""
    other = ShareCard(title="Grenzen en bereikbaarheid", label="Gids", site_name=SITE, address=ADDRESS)
    assert Image.open(io.BytesIO(render(CARD))).tobytes() != Image.open(io.BytesIO(render(other))).tobytes()


@pytest.mark.parametrize("title", ["Kort", "Een titel " * 30, "Eénwoordzonderspatiesdatveeltelangisomoponeregeltepassen" * 3])
def test_any_title_fits_the_box(title):
    canvas = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    face, lines = shareimage.fit_title(canvas, title, 1040, 270)
    assert len(lines) <= shareimage.lines_that_fit(face.size, 270)
    assert Image.open(io.BytesIO(render(ShareCard(title, "Gids", "K", "a.b")))).size == (1200, 630)


def test_wrap_is_greedy_and_keeps_every_word():
    lines = shareimage.wrap("een twee drie vier", len, 9)
    assert lines == ["een twee", "drie vier"]
    assert " ".join(lines) == "een twee drie vier"


def test_font_comes_from_the_package():
    files = shareimage.font_files()
    assert {"SourceSansProBold", "SourceSansProSemibold", "SourceSansPro"} <= set(files)


def test_drawing_version_follows_the_drawing_code(monkeypatch, tmp_path):
    before = shareimage.drawing_version()
    copy = tmp_path / "shareimage.py"
    copy.write_bytes(Path(shareimage.__file__).read_bytes() + b"\n# changed\n")
    monkeypatch.setattr(shareimage, "__file__", str(copy))
    shareimage.drawing_version.cache_clear()
    try:
        assert shareimage.drawing_version() != before
    finally:
        monkeypatch.undo()
        shareimage.drawing_version.cache_clear()
    assert shareimage.drawing_version() == before
