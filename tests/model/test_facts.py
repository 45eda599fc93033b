"""Practical facts in data/feiten.yml: read, checked, and referenced from pages."""

from __future__ import annotations

import datetime as dt

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.facts import load_facts
from kennisbank.model.problems import Severity
from kennisbank.model.records import PartialDate

from ..conftest import ROOT, TODAY


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=TODAY)


def test_every_real_fact_is_read(catalogue):
    raw = (ROOT / "data" / "feiten.yml").read_text(encoding="utf-8")
    keys = [line[:-1] for line in raw.splitlines() if line and not line.startswith((" ", "#")) and line.endswith(":")]
    assert sorted(catalogue.context.facts) == sorted(keys) and len(keys) >= 10


def test_every_real_value_names_a_source_with_an_address_read_on_or_before_today(catalogue):
    for fact in catalogue.context.facts.values():
        for value in fact.values:
            assert value.source.url.startswith(("https://", "http://")) and value.source.publisher
            assert value.source.accessed <= TODAY


def test_the_newest_value_is_the_current_one(catalogue):
    hourly = catalogue.context.facts["vrijwilligersvergoeding-per-uur"]
    assert [v.value for v in hourly.values] == ["€ 5,00 per uur", "€ 5,50 per uur", "€ 5,60 per uur"]
    assert hourly.current.value == "€ 5,60 per uur" and hourly.current.end == PartialDate(2025, 12, 31)


def test_a_fact_whose_newest_value_ended_is_a_warning_not_an_error(catalogue):
    found = [p for p in catalogue.problems if p.path == "data/feiten.yml"]
    assert found and all(p.severity is Severity.WARNING for p in found)
    assert {p.field for p in found} == {f"{k}.waarden" for k, f in catalogue.context.facts.items()
                                       if f.current.end and f.current.end.latest() < TODAY}


def test_a_new_value_ends_the_warning(layout, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "feiten.yml").write_text((ROOT / "data" / "feiten.yml").read_text(encoding="utf-8").replace(
        '    - waarde: "€ 5,60 per uur"\n      van: 2025-01-01\n      tot: 2025-12-31\n',
        '    - waarde: "€ 5,60 per uur"\n      van: 2025-01-01\n      tot: 2026-12-31\n'), encoding="utf-8")
    ctx = check_all(layout, today=TODAY).context
    facts, problems = load_facts(data, tmp_path, ctx)
    assert "vrijwilligersvergoeding-per-uur.waarden" not in {p.field for p in problems}
    assert facts["vrijwilligersvergoeding-per-uur"].current.end == PartialDate(2026, 12, 31)


def test_no_facts_file_means_no_facts(layout, tmp_path):
    ctx = check_all(layout, today=TODAY).context
    assert load_facts(tmp_path, tmp_path, ctx) == ({}, [])


def test_every_reference_in_the_real_guides_names_a_fact(catalogue):
    used = set()
    for path in (ROOT / "content").rglob("*.md"):
        used |= set(__import__("re").findall(r"\[\[feit:([a-z0-9-]+)\]\]", path.read_text(encoding="utf-8")))
    assert used and used <= set(catalogue.context.facts)


@pytest.mark.parametrize("today", [dt.date(2024, 6, 1), dt.date(2025, 6, 1)])
def test_no_warning_while_the_newest_value_holds(layout, today):
    catalogue = check_all(layout, today=today)
    late = {p.field for p in catalogue.problems if p.path == "data/feiten.yml"}
    assert "vrijwilligersvergoeding-per-uur.waarden" not in late
