"""The 404 page helps a visitor on; every page links to the accessibility and privacy statements."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from ..conftest import SITE_PATH
from ..support.html import Html, read_html

AUDIENCES = {  # where each audience starts: organisations, municipalities (two), contributors
    "gidsen/wat-is-een-sleutelpersoon/", "gidsen/voor-gemeenten/", "sociale-kaart/", "bijdragen/",
}


def links(page: Html, *, footer: bool = False) -> list[str]:
    """The link targets of a page, or only those in its footer (Material's copyright block)."""
    return [a.attrs["href"] for a in page.tags("a") if a.attrs.get("href") and (not footer or "md-copyright" in a.within)]


def test_404_page_is_dutch_and_links_to_each_audience(built_site):
    page = read_html(built_site / "404.html")
    assert page.h1.strip() == "Deze pagina bestaat niet"
    assert {SITE_PATH + path for path in AUDIENCES} <= set(links(page))
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
        footer = {urljoin(here, link) for link in links(read_html(path), footer=True)}
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
