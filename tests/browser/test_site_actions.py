"""Every page's actions: 'edit this page' opens its source file, 'report a problem' opens a prefilled form."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from kennisbank.contribute.forms import CORRECTION_PAGE_FIELD, FORMS_FOLDER

from ..conftest import ROOT, SITE_URL
from ..support.html import read_html

REPO = "https://github.com/kennisbank-sleutelpersonen/kennisbank"

REPORT_NAME = "Meld een fout op deze pagina"


@pytest.fixture(scope="module")
def pages(built_site) -> list[Path]:
    return sorted(p for p in built_site.rglob("index.html") if "pagefind" not in p.parts)


def test_every_page_has_both_actions(built_site, pages):
    missing = []
    for page in pages:
        found = [a.attrs for a in read_html(page).tags("a")]
        if not any(a.get("rel") == "edit" for a in found):
            missing.append(f"{page.relative_to(built_site)}: bewerken")
        if not any("kb-report" in a.get("class", "") for a in found):
            missing.append(f"{page.relative_to(built_site)}: fout melden")
    assert missing == []


def test_every_edit_link_opens_an_existing_source(built_site, pages):
    wrong = []
    for page in pages:
        for a in (e.attrs for e in read_html(page).tags("a")):
            if a.get("rel") == "edit":
                match = re.fullmatch(re.escape(REPO) + r"/(?:edit|tree)/main/(.+)", a["href"])
                if not match or not (ROOT / match.group(1)).exists():
                    wrong.append(f"{page.relative_to(built_site)}: {a['href']}")
    assert wrong == []


def test_every_report_link_opens_the_correction_form_for_its_page(built_site, pages):
    form = yaml.safe_load((ROOT / FORMS_FOLDER / "correctie.yml").read_text(encoding="utf-8"))
    field_ids = {e["id"] for e in form["body"] if "id" in e}
    for page in pages:
        parsed = read_html(page)
        (link,) = [a.attrs for a in parsed.tags("a") if "kb-report" in a.attrs.get("class", "")]
        url = urlsplit(link["href"])
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/issues/new"
        query = parse_qs(url.query)
        assert (ROOT / FORMS_FOLDER / query["template"][0]).is_file()
        assert set(query) - {"template", "title"} <= field_ids
        assert query[CORRECTION_PAGE_FIELD] == [parsed.canonical], page
        assert query["title"][0].startswith("Correctie: ")
        assert link["aria-label"] == REPORT_NAME and link["title"] == REPORT_NAME


def test_report_title_is_the_plain_page_title(built_site):
    (link,) = [a.attrs for a in read_html(built_site / "praktijken" / "fsan" / "index.html").tags("a") if "kb-report" in a.attrs.get("class", "")]
    query = parse_qs(urlsplit(link["href"]).query)
    assert query["title"] == ["Correctie: Landelijk netwerk tegen vrouwenbesnijdenis"]
    assert query[CORRECTION_PAGE_FIELD] == [f"{SITE_URL}praktijken/fsan/"]


@pytest.mark.browser
def test_report_link_works_with_the_keyboard(page, site_url):
    page.goto(site_url + "praktijken/fsan/")
    link = page.get_by_role("link", name=REPORT_NAME)
    assert link.is_visible()
    edit = page.get_by_role("link", name="Wijzig deze pagina")
    assert edit.is_visible()
    # Both sit at the top right of the article, side by side.
    report_box, edit_box = link.bounding_box(), edit.bounding_box()
    assert abs(report_box["y"] - edit_box["y"]) < 2
    link.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == REPORT_NAME
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "geen zichtbare focus"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == REPORT_NAME
    assert page.foreign_requests == []
    assert page.console_errors == []
