"""Every real content file passes the checks and becomes a record."""

from __future__ import annotations

from pathlib import Path

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.problems import Severity

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


@pytest.mark.parametrize("source", [s for s in SOURCES if not s.startswith("content/")])
def test_entries_cite_a_source_and_verification_date(source, catalogue):
    record = next(r for r in (*catalogue.practices, *catalogue.programmes) if r.path == source)
    assert record.source.title and (record.source.url or record.source.document)
    assert record.verified <= TODAY


PHONE = r"(?:\+31|\b0)[\s-]*\d(?:[\s-]*\d){8}\b"


@pytest.mark.parametrize("source", SOURCES)
def test_no_personal_contact_data(source):
    import re

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
