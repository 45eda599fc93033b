"""Share images and sharing data, without mkdocs."""

from __future__ import annotations

import os
import time

from kennisbank.pages import shareimage, sharing
from kennisbank.pages.sharing import ImageQueue, ShareCard, image_path, page_description, page_title, robots_txt, section_label, site_address, write_images

CARD = ShareCard(title="Werving en selectie", label="Gids", site_name="Kennisbank Sleutelpersonen", address="example.org/kb")


def test_cache_key_follows_the_text_and_the_drawing(monkeypatch):
    same = ShareCard(title=CARD.title, label=CARD.label, site_name=CARD.site_name, address=CARD.address)
    assert same.key() == CARD.key()
    assert ShareCard("Andere titel", CARD.label, CARD.site_name, CARD.address).key() != CARD.key()
    before = CARD.key()
    monkeypatch.setattr(shareimage, "drawing_version", lambda: "een andere tekening")
    assert CARD.key() != before


def jobs_for(count: int, prefix: str = "Pagina") -> list[tuple[str, ShareCard]]:
    return [(f"assets/delen/p{i}/index.png", ShareCard(f"{prefix} {i}", "Gids", "K", "a.b")) for i in range(count)]


def test_write_images_draws_once_then_copies_from_cache(tmp_path):
    jobs = jobs_for(5)
    jobs.append(("assets/delen/kopie/index.png", jobs[0][1]))  # same title: drawn once
    first = write_images(jobs, tmp_path / "site1", tmp_path / "cache", workers=2)
    assert (first.drawn, first.cached) == (5, 1)
    second = write_images(jobs, tmp_path / "site2", tmp_path / "cache", workers=2)
    assert (second.drawn, second.cached) == (0, 6)
    for path, _ in jobs:
        assert (tmp_path / "site2" / path).read_bytes() == (tmp_path / "site1" / path).read_bytes()
    assert not list((tmp_path / "cache").glob("*.tmp"))


def test_the_queue_draws_in_worker_processes_while_cards_come_in(tmp_path):
    """Past the threshold, batches go to worker processes as cards are added, before finish()."""
    cache = tmp_path / "cache"
    queue = ImageQueue(cache, workers=2, threshold=3)
    jobs = jobs_for(sharing.BATCH + 3)
    for _, card in jobs:
        queue.add(card)
    assert queue.pool is not None and queue.futures  # the first batches are being drawn already
    report = write_images(jobs, tmp_path / "site", cache, queue=queue)
    assert (report.drawn, report.cached) == (len(jobs), 0) and report.cpu_s > 0
    assert queue.pool is None
    assert sorted(p.stem for p in cache.glob("*.png")) == sorted(card.key() for _, card in jobs)
    for path, card in jobs:
        assert (tmp_path / "site" / path).read_bytes() == shareimage.render(card)


def test_closing_the_queue_stops_the_workers(tmp_path):
    queue = ImageQueue(tmp_path / "cache", workers=1, threshold=1)
    for _, card in jobs_for(3):
        queue.add(card)
    assert queue.pool is not None
    queue.close()
    assert queue.pool is None


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


def test_prune_removes_only_old_unused_images(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    old = time.time() - 40 * 86400
    for name in ("gebruikt", "oud", "nieuw"):
        (cache / f"{name}.png").write_bytes(b"x")
    os.utime(cache / "gebruikt.png", (old, old))
    os.utime(cache / "oud.png", (old, old))
    assert sharing.prune(cache, {"gebruikt"}) == 1
    assert sorted(p.stem for p in cache.glob("*.png")) == ["gebruikt", "nieuw"]
