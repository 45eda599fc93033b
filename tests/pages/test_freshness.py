"""The editors' page 'Te controleren': the entries check warns about, oldest first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.problems import Severity
from kennisbank.model.records import PartialDate
from kennisbank.pages.assemble import generate
from kennisbank.pages.freshness import EDITORS_DOC, KNOWLEDGE_DOC, aged_entries, editors_page, knowledge_pages, source_links, stale_entries

from ..conftest import ROOT

REPO = "https://github.com/kennisbank-sleutelpersonen/kennisbank/"


#: A day on which every real entry (all checked in 2026) is more than twelve months old.
LATER = dt.date(2028, 6, 1)


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=LATER)


def test_lists_exactly_what_check_warns_about(catalogue):
    warned = {p.path for p in catalogue.problems if p.severity is Severity.WARNING and "niet meer gecontroleerd" in p.message}
    assert warned
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
    assert f"Stand op 1 juni 2028: {len(entries)} pagina's." in page.content
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


def test_aged_entries_are_the_old_and_undated_ones_oldest_first(catalogue):
    ctx = catalogue.context
    undated = dataclasses.replace(catalogue.programmes[0], slug="zonder-datum", name="Zonder datum",
                                  sources=tuple(dataclasses.replace(s, date=None) for s in catalogue.programmes[0].sources))
    fresh = dataclasses.replace(catalogue.programmes[0], slug="vers", name="Vers",
                                sources=(dataclasses.replace(catalogue.programmes[0].sources[0], date=PartialDate(2028, 1)),))
    mixed = dataclasses.replace(catalogue, programmes=(*catalogue.programmes, undated, fresh))
    found = aged_entries(mixed)
    undated = [e for e in found if e.newest is None]
    assert found[:len(undated)] == undated and "Zonder datum" in {e.title for e in undated}
    assert "Vers" not in {e.title for e in found}
    dated = [e.newest.latest() for e in found if e.newest]
    assert dated == sorted(dated) and all(d < ctx.today - dt.timedelta(days=730) for d in dated)
    assert {e.source_path for e in found} >= {p.path for p in catalogue.practices}  # every real source dates from 2021


def test_knowledge_page_lists_every_aged_entry_with_its_source(catalogue):
    pages = knowledge_pages(catalogue)
    rows = [line for page in pages for line in page.content.split("\n") if line.startswith("| ") and "kennisbank-bron:" in line]
    assert len(rows) == len(aged_entries(catalogue)) > 0
    report = [row for row in rows if "praktijken/fsan.md)" in row]
    assert len(report) == 1 and "23 februari 2021" in report[0] and "Niet bekend" in report[0]
    assert pages[0].doc_path == KNOWLEDGE_DOC and "[Oude kennis](oude-kennis.md)" in editors_page(catalogue).content


def test_built_page_links_to_sources_in_the_web_editor(built_site):
    html = (built_site / "redactie" / "oude-kennis" / "index.html").read_text(encoding="utf-8")
    sources = re.findall(r'href="' + re.escape(REPO) + r'edit/main/([^"]+)"', html)
    assert sources, "geen links naar bronbestanden"
    assert all((ROOT / s).is_file() for s in sources)
    assert "kennisbank-bron:" not in html


def test_contributing_page_links_to_editors_page(built_site):
    html = (built_site / "bijdragen" / "index.html").read_text(encoding="utf-8")
    assert 'href="../redactie/"' in html
