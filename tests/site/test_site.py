"""The built site: every page exists, links resolve, edit links open sources, nothing foreign."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from ..conftest import ROOT, SITE_PATH
from ..support.html import Html, read_html

REPO = "https://github.com/kennisbank-sleutelpersonen/kennisbank/"
LOADING = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest"}


def link_values(page: Html) -> list[tuple[str, str, str]]:
    """(tag, attribute, value) for every href and src."""
    return [(e.tag, name, value) for e in page.elements for name, value in e.attrs.items() if value and name in ("href", "src")]


def loads(page: Html) -> list[str]:
    """The URLs a browser fetches by itself for the page."""
    found = [e.attrs["src"] for e in page.tags("script", "img", "iframe", "source", "audio", "video", "embed") if e.attrs.get("src")]
    return found + [e.attrs.get("href", "") for e in page.tags("link") if set(e.attrs.get("rel", "").split()) & LOADING]


@pytest.fixture(scope="module")
def pages(built_site) -> list[Path]:
    return sorted(p for p in built_site.rglob("*.html") if "pagefind" not in p.parts)


def test_expected_pages_exist(built_site):
    for page in ("index.html", "praktijken/index.html", "praktijken/fsan/index.html", "sociale-kaart/index.html",
                 "programmas/fsan-vrouwenbesnijdenis/index.html", "themas/gezondheid/index.html", "rollen/helper/index.html",
                 "bijdragen/inhoudsmodel/index.html", "data/praktijken.json", "schemas/praktijk.schema.json",
                 "pagefind/pagefind.js"):
        assert (built_site / page).exists(), page


def test_pages_are_dutch(pages):
    assert {read_html(p).lang for p in pages} == {"nl"}


def test_internal_links_resolve(built_site, pages):
    broken = []
    for page in pages:
        for tag, _, value in link_values(read_html(page)):
            url = urlsplit(value)
            if url.scheme or url.netloc or value.startswith(("#", "mailto:", "tel:")) or not url.path:
                continue
            base = built_site if url.path.startswith(SITE_PATH) else page.parent
            target = (base / unquote(url.path.removeprefix(SITE_PATH))).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: <{tag}> {value}")
    assert broken == []


def test_nothing_loads_from_another_origin(built_site, pages):
    foreign = [f"{page.relative_to(built_site)}: {url}" for page in pages for url in loads(read_html(page)) if urlsplit(url).netloc]
    assert foreign == []


def test_no_google_fonts_anywhere(built_site):
    for file in built_site.rglob("*"):
        if file.suffix in (".html", ".css", ".js"):
            assert "fonts.googleapis" not in file.read_text(encoding="utf-8", errors="ignore"), file


def edit_links(page: Path) -> list[str]:
    return [v for tag, name, v in link_values(read_html(page)) if tag == "a" and v.startswith(REPO) and ("/edit/" in v or "/tree/" in v)]


@pytest.mark.parametrize("page", ["praktijken/fsan", "programmas/fsan-vrouwenbesnijdenis", "gidsen/zes-rollen", "themas/werving",
                                  "praktijken", "sociale-kaart", "bijdragen/inhoudsmodel", "werkbladen", "werkbladen/eerste-gesprek"])
def test_edit_link_opens_an_existing_source(built_site, page):
    links = edit_links(built_site / page / "index.html")
    assert len(links) == 1
    path = re.sub(r"^.*?/(edit|tree)/main/", "", links[0])
    assert (ROOT / path).exists(), path


def test_generated_practice_page_edits_its_source_file(built_site):
    assert edit_links(built_site / "praktijken/fsan/index.html") == [REPO + "edit/main/good_practices/fsan.md"]


def test_payment_table_is_inserted(built_site):
    html = (built_site / "gidsen/waardering-en-vergoeding/index.html").read_text(encoding="utf-8")
    assert "kennisbank:vergoedingstabel" not in html
    assert 'href="../../praktijken/fsan/"' in html


def test_generated_pages_are_not_written_to_sources():
    assert not (ROOT / "content" / "praktijken").exists()
    assert not any((ROOT / "good_practices").glob("index.md"))
