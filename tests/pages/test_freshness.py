"""The editors' page 'Te controleren': the entries check warns about, oldest first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.problems import Severity
from kennisbank.pages.assemble import generate
from kennisbank.pages.freshness import EDITORS_DOC, editors_page, source_links, stale_entries

from ..conftest import ROOT, TODAY

REPO = "https://github.com/kennisbank-sleutelpersonen/kennisbank/"


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=TODAY)


def test_lists_exactly_what_check_warns_about(catalogue):
    warned = {p.path for p in catalogue.problems if p.severity is Severity.WARNING and "niet meer gecontroleerd" in p.message}
    assert warned  # the report's entries date from 2021
    assert {e.source_path for e in stale_entries(catalogue)} == warned


def test_oldest_first(catalogue):
    dates = [e.checked for e in stale_entries(catalogue)]
    assert dates == sorted(dates)


def test_page_rows_link_page_and_source(catalogue):
    page = editors_page(catalogue)
    rows = [line for line in page.content.split("\n") if line.startswith("| ") and "kennisbank-bron:" in line]
    entries = stale_entries(catalogue)
    assert len(rows) == len(entries)
    for row, entry in zip(rows, entries, strict=True):
        assert f"(../{entry.doc_path})" in row
        assert f"(kennisbank-bron:{entry.source_path})" in row
    assert f"Stand op 29 november 2026: {len(entries)} pagina's." in page.content
    assert page.edit_path == "scripts/kennisbank/pages/freshness.py"


def test_page_says_so_when_nothing_is_stale(catalogue):
    fresh = dataclasses.replace(catalogue, context=dataclasses.replace(catalogue.context, today=dt.date(2021, 3, 1)))
    assert stale_entries(fresh) == []
    assert "Stand op 1 maart 2021: alles is in de afgelopen twaalf maanden gecontroleerd." in editors_page(fresh).content


def test_page_is_part_of_the_generated_files(catalogue):
    assert EDITORS_DOC in {g.doc_path for g in generate(catalogue)}


def test_source_links():
    text = "| [good_practices/a.md](kennisbank-bron:good_practices/a.md) |"
    assert source_links(text, lambda p: f"https://x/{p}") == "| [good_practices/a.md](https://x/good_practices/a.md) |"
    assert source_links(text, None) == "| `good_practices/a.md` |"


def test_built_page_links_to_sources_in_the_web_editor(built_site):
    html = (built_site / "redactie" / "index.html").read_text(encoding="utf-8")
    sources = re.findall(r'href="' + re.escape(REPO) + r'edit/main/([^"]+)"', html)
    assert sources, "geen links naar bronbestanden"
    assert all((ROOT / s).is_file() for s in sources)
    assert "kennisbank-bron:" not in html


def test_contributing_page_links_to_editors_page(built_site):
    html = (built_site / "bijdragen" / "index.html").read_text(encoding="utf-8")
    assert 'href="../redactie/"' in html
