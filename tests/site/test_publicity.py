"""The built site can be shared: meta tags, share images, sitemap, robots.txt; and it builds offline."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree as ET

import pytest
import yaml
from PIL import Image

from kennisbank.pages.shareimage import ShareCard, render
from kennisbank.pages.sharing import draw_into
from kennisbank.site.publicity import Publicity

from ..conftest import SITE_URL
from ..support.html import read_html

REQUIRED = ("og:title", "og:description", "og:url", "og:image", "og:type", "og:locale", "og:image:alt",
            "twitter:card", "twitter:title", "twitter:description", "twitter:image")


def shareable_pages(site: Path) -> list[Path]:
    """Every built page, except the 404 page (it has no address of its own to share) and the redirect pages
    of former municipalities and other names (they only send the visitor on)."""
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts and p.name != "404.html"
                  and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pages(built_site) -> list[Path]:
    return shareable_pages(built_site)


def local(site: Path, url: str) -> Path:
    """The file in the built site behind an absolute URL of the site."""
    assert url.startswith(SITE_URL), url
    path = site / url.removeprefix(SITE_URL)
    return path / "index.html" if url.endswith("/") else path


def test_every_page_has_open_graph_and_twitter_meta(built_site, pages):
    assert len(pages) > 40
    for page in pages:
        found = read_html(page)
        missing = [name for name in REQUIRED if not found.meta.get(name)]
        assert missing == [], f"{page.relative_to(built_site)} mist {missing}"
        assert found.meta["og:url"] == found.canonical, page
        assert local(built_site, found.meta["og:url"]) == page
        assert found.meta["og:locale"] == "nl_NL"
        assert found.meta["twitter:card"] == "summary_large_image"
        assert found.meta["og:type"] in ("website", "article")


def test_every_page_has_its_own_share_image_of_1200_by_630(built_site, pages):
    images = set()
    for page in pages:
        meta = read_html(page).meta
        assert meta["og:image"] == meta["twitter:image"]
        image = local(built_site, meta["og:image"])
        assert image.exists(), f"{page.relative_to(built_site)}: {meta['og:image']}"
        with Image.open(image) as picture:
            assert (picture.format, picture.size) == ("PNG", (1200, 630))
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        images.add(image)
    assert len(images) == len(pages)


def test_description_comes_from_samenvatting_or_description(built_site, root):
    perskit = yaml.safe_load((root / "content/perskit/index.md").read_text(encoding="utf-8").split("---")[1])
    meta = read_html(built_site / "perskit/index.html").meta
    assert meta["og:description"] == meta["description"] == meta["twitter:description"] == perskit["samenvatting"]
    generated = read_html(built_site / "praktijken/index.html").meta
    assert generated["og:description"] == "Alle goede praktijken van organisaties die met sleutelpersonen werken."


def test_home_shares_its_real_title_not_its_menu_label(built_site):
    assert read_html(built_site / "index.html").meta["og:title"] == "Kennisbank Sleutelpersonen"


def test_story_is_an_article_with_a_date(built_site):
    meta = read_html(built_site / "verhalen/maaksessie-sleutelpersonen-2020/index.html").meta
    assert meta["og:type"] == "article"
    assert meta["article:published_time"] == "2026-11-29"
    assert read_html(built_site / "gidsen/zes-rollen/index.html").meta["og:type"] == "website"


def test_sitemap_lists_every_page(built_site, pages):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(built_site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)]
    assert len(locs) == len(set(locs))
    assert {local(built_site, url) for url in locs} == set(pages)


def test_robots_txt_points_at_the_sitemap(built_site):
    lines = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines


def test_story_pages_announce_the_feed_and_no_other_page_does(built_site):
    """Material fetches sitemap.xml for each link[rel=alternate]; only the stories carry the feed link."""
    html = (built_site / "verhalen/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/rss+xml"' in html and 'href="../feed.xml"' in html
    story = (built_site / "verhalen/maaksessie-sleutelpersonen-2020/index.html").read_text(encoding="utf-8")
    assert 'href="../../feed.xml"' in story
    for page in ("index.html", "gidsen/zes-rollen/index.html", "sociale-kaart/index.html", "praktijken/fsan/index.html"):
        assert 'rel="alternate"' not in (built_site / page).read_text(encoding="utf-8"), page


# --- building without network ------------------------------------------------------------

def closed_port() -> int:
    """A local port that nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def offline(argv: list[str]) -> tuple[list[str], dict[str, str]]:
    """A command and environment without network: a network namespace if we may make one, and proxies that go nowhere."""
    dead = f"http://127.0.0.1:{closed_port()}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "no_proxy": "", "NO_PROXY": ""}
    env.update({name: dead for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")})
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True, check=False).returncode == 0:
        return [unshare, "-n", *argv], env
    return argv, env


def test_network_is_really_off_in_that_environment():
    command, env = offline([sys.executable, "-c", "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/', timeout=10)"])
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode != 0
    assert "URLError" in result.stderr or "Error" in result.stderr


def test_build_works_without_network(scratch, tmp_path):
    kennisbank = Path(sys.executable).parent / "kennisbank"
    command, env = offline([str(kennisbank), "build", "--site-dir", str(tmp_path / "site")])
    env["KENNISBANK_CACHE"] = str(tmp_path / "cache")  # empty cache: every share image is drawn offline
    result = subprocess.run(command, cwd=scratch, env=env, capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    pages = shareable_pages(site)
    assert (site / "feed.xml").exists() and (site / "pagefind/pagefind.js").exists()
    for page in pages:
        assert local(site, read_html(page).meta["og:image"]).exists(), page
    assert len(list((tmp_path / "cache" / "delen").glob("*.png"))) == len(pages)


def test_stories_are_in_the_search_index(built_site):
    """Material's post template bypasses main.html's search marker; the plugin marks the story text itself."""
    html = (built_site / "verhalen/maaksessie-sleutelpersonen-2020/index.html").read_text(encoding="utf-8")
    assert html.count("data-pagefind-body") == 1
    marked = [p for p in built_site.rglob("*.html") if "pagefind" not in p.parts and "data-pagefind-body" in p.read_text(encoding="utf-8")]
    entry = json.loads((built_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == len(marked)


def test_stories_are_found_as_stories(built_site):
    html = (built_site / "verhalen/maaksessie-sleutelpersonen-2020/index.html").read_text(encoding="utf-8")
    assert '<span data-pagefind-meta="soort">Verhaal</span>' in html
    assert '<span data-pagefind-filter="type">verhaal</span>' in html


def test_the_parent_draws_and_writes_the_images_a_helper_hands_it(tmp_path):
    """Render helpers draw no share images; the parent takes their list and writes them with its own (parallel.py)."""
    publicity = Publicity(tmp_path, tmp_path / "cache")
    card = ShareCard("Een programma", "Sociale kaart", "Kennisbank", "example.org/kb")
    publicity.take([("assets/delen/programmas/een/index.png", card)])
    assert publicity.jobs == [("assets/delen/programmas/een/index.png", card)]
    publicity.on_post_build(SimpleNamespace(site_dir=str(tmp_path / "site")))
    assert (tmp_path / "site" / "assets/delen/programmas/een/index.png").read_bytes() == render(card)


def test_images_drawn_already_go_into_the_site_first_and_the_rest_after_the_drawing(tmp_path):
    """link_drawn runs while Pagefind makes the index; on_post_build does what it left."""
    publicity = Publicity(tmp_path, tmp_path / "cache")
    first, second = (ShareCard(title, "Gids", "Kennisbank", "example.org/kb") for title in ("Eerste", "Tweede"))
    publicity.jobs = [("assets/delen/een.png", first), ("assets/delen/twee.png", second)]
    draw_into(tmp_path / "cache", first)
    assert publicity.link_drawn(str(tmp_path / "site")) == 1
    assert (tmp_path / "site/assets/delen/een.png").read_bytes() == render(first)
    assert not (tmp_path / "site/assets/delen/twee.png").exists() and publicity.jobs == [("assets/delen/twee.png", second)]
    publicity.on_post_build(SimpleNamespace(site_dir=str(tmp_path / "site")))
    assert (tmp_path / "site/assets/delen/twee.png").read_bytes() == render(second)
