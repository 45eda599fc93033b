"""The 404 page helps a visitor on; every page links to the accessibility and privacy statements."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from ..conftest import SITE_PATH

AUDIENCES = {  # where each audience starts: organisations, municipalities (two), contributors
    "gidsen/wat-is-een-sleutelpersoon/", "gidsen/voor-gemeenten/", "sociale-kaart/", "bijdragen/",
}


class Page(HTMLParser):
    """Links, forms and the first heading of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.footer_links: list[str] = []
        self.forms: list[dict] = []
        self.inputs: list[dict] = []
        self.h1 = ""
        self._in_h1 = False
        self._in_copyright = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
            if self._in_copyright:
                self.footer_links.append(attributes["href"])
        if tag == "div" and "md-copyright" in (attributes.get("class") or "").split():
            self._in_copyright = 1
        elif tag == "div" and self._in_copyright:
            self._in_copyright += 1
        self._in_h1 = self._in_h1 or (tag == "h1" and not self.h1)
        if tag == "form":
            self.forms.append(attributes)
        if tag == "input":
            self.inputs.append(attributes)

    def handle_endtag(self, tag):
        if tag == "div" and self._in_copyright:
            self._in_copyright -= 1
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_404_page_is_dutch_and_links_to_each_audience(built_site):
    page = read(built_site / "404.html")
    assert page.h1.strip() == "Deze pagina bestaat niet"
    assert {SITE_PATH + path for path in AUDIENCES} <= set(page.links)
    assert all((built_site / path / "index.html").exists() for path in AUDIENCES)


def test_404_page_offers_a_search_box_of_its_own(built_site):
    assert (built_site / "zoeken" / "index.html").exists()
    html = (built_site / "404.html").read_text(encoding="utf-8")
    content = html.split('<article', 1)[1]
    assert re.search(r'<form class="kb-search-form" action="/kennisbank/zoeken/" method="get" role="search"', content)
    assert '<label for="kb-404-zoekterm">' in content
    assert re.search(r'<input type="search" id="kb-404-zoekterm" name="q"', content)


@pytest.mark.browser
def test_a_missing_address_shows_the_404_page_and_its_links_work(page, site_url):
    response = page.goto(site_url + "gidsen/bestaat-niet/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Deze pagina bestaat niet"
    page.get_by_role("link", name="voor gemeenten").click()
    page.wait_for_load_state()
    assert page.url == site_url.rstrip("/") + SITE_PATH + "gidsen/voor-gemeenten/"
    assert page.locator("h1").first.inner_text().strip() != "Deze pagina bestaat niet"


def test_every_page_links_to_the_statements_in_its_footer(built_site):
    missing = []
    for path in sorted(built_site.rglob("*.html")):
        if "pagefind" in path.parts:
            continue
        here = SITE_PATH + path.relative_to(built_site).as_posix().removesuffix("index.html")
        footer = {urljoin(here, link) for link in read(path).footer_links}
        if not {SITE_PATH + "toegankelijkheid/", SITE_PATH + "privacy/"} <= footer:
            missing.append(path.relative_to(built_site).as_posix())
    assert missing == []


@pytest.mark.parametrize(("page", "words"), [
    ("toegankelijkheid", ["WCAG 2.1", "axe-core", "Nu HTML Checker", "Chromium", "Tab", "320 pixels", "200%"]),
    ("privacy", ["geen cookies", "Google Fonts", "Chromium", "GitHub"]),
])
def test_statements_say_what_is_checked_and_how(built_site, page, words):
    text = (built_site / page / "index.html").read_text(encoding="utf-8")
    assert [word for word in words if word not in text] == []
