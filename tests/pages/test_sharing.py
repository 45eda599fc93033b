"""Share images and sharing data, without mkdocs."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from kennisbank.pages import sharing
from kennisbank.pages.sharing import ShareCard, image_path, page_description, page_title, render, robots_txt, section_label, site_address, write_images

CARD = ShareCard(title="Werving en selectie", label="Gids", site_name="Kennisbank Sleutelpersonen", address="example.org/kb")


def test_image_is_a_1200_by_630_png():
    image = Image.open(io.BytesIO(render(CARD)))
    assert image.format == "PNG"
    assert image.size == (1200, 630)


def test_title_is_drawn():
    """A different title gives a different picture (the text is really on it)."""
    other = ShareCard(title="Grenzen en bereikbaarheid", label="Gids", site_name=CARD.site_name, address=CARD.address)
    assert Image.open(io.BytesIO(render(CARD))).tobytes() != Image.open(io.BytesIO(render(other))).tobytes()


@pytest.mark.parametrize("title", ["Kort", "Een titel " * 30, "Eénwoordzonderspatiesdatveeltelangisomoponeregeltepassen" * 3])
def test_any_title_fits_the_box(title):
    from PIL import ImageDraw

    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    face, lines = sharing.fit_title(draw, title, 1040, 270)
    assert len(lines) <= sharing.lines_that_fit(face.size, 270)
    assert Image.open(io.BytesIO(render(ShareCard(title, "Gids", "K", "a.b")))).size == (1200, 630)


def test_wrap_is_greedy_and_keeps_every_word():
    lines = sharing.wrap("een twee drie vier", len, 9)
    assert lines == ["een twee", "drie vier"]
    assert " ".join(lines) == "een twee drie vier"


def test_cache_key_follows_the_text_only():
    same = ShareCard(title=CARD.title, label=CARD.label, site_name=CARD.site_name, address=CARD.address)
    assert same.key() == CARD.key()
    assert ShareCard("Andere titel", CARD.label, CARD.site_name, CARD.address).key() != CARD.key()


def test_write_images_draws_once_then_copies_from_cache(tmp_path):
    jobs = [(f"assets/delen/p{i}/index.png", ShareCard(f"Pagina {i}", "Gids", "K", "a.b")) for i in range(5)]
    jobs.append(("assets/delen/kopie/index.png", jobs[0][1]))  # same title: drawn once
    first = write_images(jobs, tmp_path / "site1", tmp_path / "cache", workers=2)
    assert (first.drawn, first.cached) == (5, 1)
    second = write_images(jobs, tmp_path / "site2", tmp_path / "cache", workers=2)
    assert (second.drawn, second.cached) == (0, 6)
    for path, _ in jobs:
        assert (tmp_path / "site2" / path).read_bytes() == (tmp_path / "site1" / path).read_bytes()
    assert not list((tmp_path / "cache").glob("*.tmp"))


def test_cache_lives_outside_the_site(tmp_path, monkeypatch):
    monkeypatch.delenv("KENNISBANK_CACHE", raising=False)
    assert sharing.default_cache(tmp_path) == tmp_path / ".cache" / "kennisbank" / "delen"
    monkeypatch.setenv("KENNISBANK_CACHE", str(tmp_path / "elders"))
    assert sharing.default_cache(tmp_path) == tmp_path / "elders" / "delen"


def test_image_path_mirrors_the_page():
    assert image_path("index.html") == "assets/delen/index.png"
    assert image_path("gidsen/zes-rollen/index.html") == "assets/delen/gidsen/zes-rollen/index.png"
    assert image_path("404.html") == "assets/delen/404.png"


def test_title_and_description_prefer_dutch_fields_and_unescape():
    assert page_title({"titel": "Kennisbank Sleutelpersonen"}, "Home") == "Kennisbank Sleutelpersonen"
    assert page_title({"title": "Thema&#x27;s"}, "x") == "Thema's"
    assert page_title({}, "Verslag") == "Verslag"
    assert page_description({"samenvatting": "Kort & goed."}, "site") == "Kort & goed."
    assert page_description({"description": "A &amp; B"}, "site") == "A & B"
    assert page_description({}, "De site.") == "De site."


def test_section_label_and_address():
    assert section_label("gidsen/zes-rollen/") == "Gids"
    assert section_label("werkbladen/eerste-gesprek/") == "Werkblad"
    assert section_label("verhalen/categorie/verslag/") == "Verhalen"
    assert section_label("") == ""
    assert site_address("https://example.org/kb/") == "example.org/kb"


def test_robots_points_at_the_sitemap():
    assert robots_txt("https://example.org/kb/") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/kb/sitemap.xml\n"


def test_font_comes_from_the_package():
    files = sharing.font_files()
    assert {"SourceSansProBold", "SourceSansProSemibold", "SourceSansPro"} <= set(files)


def test_prune_removes_only_old_unused_images(tmp_path):
    import os
    import time

    cache = tmp_path / "cache"
    cache.mkdir()
    old = time.time() - 40 * 86400
    for name in ("gebruikt", "oud", "nieuw"):
        (cache / f"{name}.png").write_bytes(b"x")
    os.utime(cache / "gebruikt.png", (old, old))
    os.utime(cache / "oud.png", (old, old))
    assert sharing.prune(cache, {"gebruikt"}) == 1
    assert sorted(p.stem for p in cache.glob("*.png")) == ["gebruikt", "nieuw"]
