"""Every invalid fixture gives exactly its expected messages, on the right lines."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import yaml

from kennisbank.model import checks
from kennisbank.model.checks import Layout, check_all, slugify
from kennisbank.model.problems import Severity

from ..conftest import TODAY

FIXTURES = Path(__file__).parents[1] / "fixtures" / "invalid"
EXPECTED: dict[str, list[str]] = yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))
FIXTURE_FILES = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*") if p.is_file() and p.name != "expected.yml")


def test_every_fixture_has_expectations():
    assert sorted(EXPECTED) == FIXTURE_FILES


@pytest.mark.parametrize("fixture", FIXTURE_FILES)
def test_invalid_fixture_reports_exact_problems(fixture, scratch):
    target = scratch / fixture
    shutil.copy(FIXTURES / fixture, target)
    catalogue = check_all(Layout(scratch), today=TODAY)
    found = [p.format() for p in catalogue.problems if p.path == fixture]
    assert found == EXPECTED[fixture]


@pytest.mark.parametrize("fixture", [f for f in FIXTURE_FILES if not f.endswith("oud.md")])
def test_invalid_fixture_is_not_published(fixture, scratch):
    shutil.copy(FIXTURES / fixture, scratch / fixture)
    catalogue = check_all(Layout(scratch), today=TODAY)
    paths = {r.path for r in (*catalogue.pages, *catalogue.practices, *catalogue.programmes, *catalogue.stories)}
    assert fixture not in paths


def test_stale_entry_is_a_warning_not_an_error(scratch):
    shutil.copy(FIXTURES / "good_practices/oud.md", scratch / "good_practices/oud.md")
    catalogue = check_all(Layout(scratch), today=TODAY)
    mine = [p for p in catalogue.problems if p.path == "good_practices/oud.md"]
    assert [p.severity for p in mine] == [Severity.WARNING]
    assert "good_practices/oud.md" in {p.path for p in catalogue.practices}


def test_all_problems_are_reported_at_once(scratch):
    for fixture in ("good_practices/onbekend-thema.md", "good_practices/toekomst.md", "programmas/mobiel.yml"):
        shutil.copy(FIXTURES / fixture, scratch / fixture)
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert {p.path for p in catalogue.problems if p.severity is Severity.ERROR} == {
        "good_practices/onbekend-thema.md", "good_practices/toekomst.md", "programmas/mobiel.yml"}


def test_duplicate_slug_in_subfolder(scratch):
    (scratch / "good_practices" / "regio").mkdir()
    shutil.copy(scratch / "good_practices" / "fsan.md", scratch / "good_practices" / "regio" / "fsan.md")
    catalogue = check_all(Layout(scratch), today=TODAY)
    mine = [p.format() for p in catalogue.problems if p.path == "good_practices/regio/fsan.md" and p.severity is Severity.ERROR]
    assert mine == [
        "good_practices/regio/fsan.md:1: er is al een goede praktijk met de naam 'fsan' (good_practices/fsan.md); "
        "kies een andere bestandsnaam"
    ]


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Versa Welzijn (Hilversum)", "versa-welzijn-hilversum"), ("Súdwest-Fryslân", "sudwest-fryslan"), ("  ", "")],
)
def test_slugify(title, slug):
    assert slugify(title) == slug


def _records(catalogue):
    """A catalogue without its context (vocabularies and gazetteer, which do not compare by value)."""
    return dataclasses.replace(catalogue, context=None)


def test_a_memo_reads_only_changed_files_and_gives_the_same_catalogue(scratch, monkeypatch):
    memo = checks.CheckMemo()
    first = check_all(Layout(scratch), today=TODAY, memo=memo)
    assert _records(first) == _records(check_all(Layout(scratch), today=TODAY))
    read = []
    real = checks.read_source
    monkeypatch.setattr(checks, "read_source", lambda file, root: (read.append(file.name), real(file, root))[1])
    again = check_all(Layout(scratch), today=TODAY, memo=memo)
    assert read == [] and _records(again) == _records(first)
    assert all(a is b for a, b in zip(again.practices, first.practices, strict=True))  # the same record objects
    practice = scratch / "good_practices" / "fsan.md"
    practice.write_text(practice.read_text(encoding="utf-8").replace("FSAN werkt sinds 2004", "FSAN werkt al sinds 2004"), encoding="utf-8")
    (scratch / "good_practices" / "tvcn.md").unlink()
    third = check_all(Layout(scratch), today=TODAY, memo=memo)
    assert read == ["fsan.md"]
    assert _records(third) == _records(check_all(Layout(scratch), today=TODAY))
    assert "tvcn" not in {p.slug for p in third.practices}
    assert next(p.summary for p in third.practices if p.slug == "fsan").startswith("FSAN werkt al sinds 2004")
    assert third.context is first.context
    vocabulary = scratch / "data" / "vocabulaire.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    read.clear()
    fourth = check_all(Layout(scratch), today=TODAY, memo=memo)
    assert fourth.context is not first.context and len(read) > len(first.practices)  # data changed: everything read again
