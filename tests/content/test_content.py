"""Every real content file passes the checks and becomes a record."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.problems import Severity
from kennisbank.model.records import newest_source_date
from kennisbank.pages.assemble import generate
from kennisbank.pages.common import area_provinces

from ..conftest import ROOT, TODAY

SOURCES = sorted(
    p.relative_to(ROOT).as_posix()
    for folder, pattern in (("content", "**/*.md"), ("good_practices", "**/*.md"), ("programmas", "**/*.yml"))
    for p in (ROOT / folder).glob(pattern)
)


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=TODAY)


def test_there_is_real_content():
    assert any(s.startswith("good_practices/") for s in SOURCES)
    assert any(s.startswith("programmas/") for s in SOURCES)
    assert any(s.startswith("content/gidsen/") for s in SOURCES)


@pytest.mark.parametrize("source", SOURCES)
def test_source_has_no_errors(source, catalogue):
    assert [p.format() for p in catalogue.problems if p.path == source and p.severity is Severity.ERROR] == []


@pytest.mark.parametrize("source", SOURCES)
def test_source_becomes_a_record(source, catalogue):
    records = (*catalogue.pages, *catalogue.practices, *catalogue.programmes, *catalogue.stories)
    assert source in {r.path for r in records}


ENTRIES = [s for s in SOURCES if not s.startswith("content/")]


@pytest.fixture(scope="module")
def pages(catalogue):
    return {g.edit_path: g.content for g in generate(catalogue) if g.edit_path in ENTRIES}


@pytest.mark.parametrize("source", ENTRIES)
def test_entries_cite_sources_with_addresses_a_status_and_a_verification_date(source, catalogue):
    record = next(r for r in (*catalogue.practices, *catalogue.programmes) if r.path == source)
    assert record.sources and all(s.url.startswith(("https://", "http://")) and s.title and s.publisher for s in record.sources)
    assert all(s.accessed <= TODAY and (s.date is None or s.date.earliest() <= s.accessed) for s in record.sources)
    assert record.status in ("lopend", "afgerond", "onbekend")
    assert record.verified <= TODAY


@pytest.mark.parametrize("source", ENTRIES)
def test_entry_page_shows_the_age_of_its_knowledge_near_the_top(source, catalogue, pages):
    record = next(r for r in (*catalogue.practices, *catalogue.programmes) if r.path == source)
    newest = newest_source_date(record.sources)
    age = f"Volgens bronnen uit {newest.year}" if newest else "Volgens bronnen zonder datum"
    body = pages[source].split("\n---\n", 1)[1]
    assert age in body.split("\n## ", 1)[0], "the age of the knowledge comes before the first section"
    assert f"Status: {catalogue.context.vocab.label('status', record.status).lower()}" in body


def test_every_citation_of_the_2020_report_links_its_published_address():
    for source in SOURCES:
        text = (ROOT / source).read_text(encoding="utf-8")
        for line in text.splitlines():
            if "Maaksessie Sleutelpersonen" in line and line.startswith("[^"):
                assert REPORT_URL in line, f"{source}: {line}"
        for found in re.finditer(r"titel: \"Landelijke Maaksessie Sleutelpersonen\"", text):
            assert REPORT_URL in text[max(0, found.start() - 120):found.start()], source


REPORT_URL = "https://www.openembassy.nl/magazine/landelijke-maaksessie-sleutelpersonen/"
PHONE = r"(?:\+31|\b0)[\s-]*\d(?:[\s-]*\d){8}\b"


@pytest.mark.parametrize("source", SOURCES)
def test_no_personal_contact_data(source):
    text = (ROOT / source).read_text(encoding="utf-8")
    assert not re.search(PHONE, text), "geen telefoonnummers in de inhoud"
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), "geen e-mailadressen van personen in de inhoud"


def test_report_practices_are_present(catalogue):
    organisations = " ".join(p.organisation for p in catalogue.practices)
    for name in ("FSAN", "Versa Welzijn", "Haarlem", "Zandvoort", "TVcN", "AVRES"):
        assert name in organisations


def test_practice_links_to_programme_exist(catalogue):
    slugs = {p.slug for p in catalogue.programmes}
    assert all(p.programme in slugs for p in catalogue.practices if p.programme)


def test_content_folder_names_match_paths():
    assert Path(ROOT / "content" / "index.md").exists()


def test_the_social_map_holds_sixty_programmes_from_twenty_five_pages_in_ten_provinces(catalogue):
    programmes = catalogue.programmes
    assert len(programmes) >= 60
    pages = {s.url for p in programmes for s in p.sources}
    assert len(pages) >= 25
    provinces = {prov for p in programmes for prov in area_provinces(p.area, catalogue.context)}
    assert len(provinces) >= 10, sorted(provinces)


def test_the_catalogue_holds_fifteen_practices_each_linked_to_an_existing_programme_where_it_names_one(catalogue):
    assert len(catalogue.practices) >= 15
    slugs = {p.slug for p in catalogue.programmes}
    assert all(p.programme in slugs for p in catalogue.practices if p.programme)


def test_no_entry_is_running_without_a_recent_source(catalogue):
    for entry in (*catalogue.practices, *catalogue.programmes):
        if entry.status == "lopend":
            newest = newest_source_date(entry.sources)
            assert newest and (TODAY - newest.latest()).days <= 730, entry.path
