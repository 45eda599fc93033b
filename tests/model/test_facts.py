"""Practical facts in data/feiten.yml: read, checked, and referenced from pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.facts import load_facts, rule_fact_is_current
from kennisbank.model.problems import Severity
from kennisbank.model.records import Fact, FactValue, PartialDate

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


def test_a_fact_with_html_or_contact_details_is_refused_and_not_filled_in(layout, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "feiten.yml").write_text((ROOT / "data" / "feiten.yml").read_text(encoding="utf-8").replace(
        '"€ 5,60 per uur"', '"€ 5,60 <script>alert(1)</script> of bel 06 1234 5678"', 1), encoding="utf-8")
    ctx = check_all(layout, today=TODAY).context
    facts, problems = load_facts(data, tmp_path, ctx)
    mine = [p.message for p in problems if p.field.startswith("vrijwilligersvergoeding-per-uur.") and p.severity is Severity.ERROR]
    assert [m.split(";")[0] for m in mine] == ["hier staat HTML ('<script>')", "hier staat een mobiel nummer (06)"]
    assert "vrijwilligersvergoeding-per-uur" not in facts and "vrijwilligersvergoeding-per-jaar" in facts


def test_no_facts_file_means_no_facts(layout, tmp_path):
    ctx = check_all(layout, today=TODAY).context
    assert load_facts(tmp_path, tmp_path, ctx) == ({}, [])


def test_every_reference_in_the_real_guides_names_a_fact(catalogue):
    used = set()
    for path in (ROOT / "content").rglob("*.md"):
        used |= set(re.findall(r"\[\[feit:([a-z0-9-]+)\]\]", path.read_text(encoding="utf-8")))
    assert used and used <= set(catalogue.context.facts)


@pytest.mark.parametrize("today", [dt.date(2024, 6, 1), dt.date(2025, 6, 1)])
def test_no_warning_while_the_newest_value_holds(layout, today):
    catalogue = check_all(layout, today=today)
    late = {p.field for p in catalogue.problems if p.path == "data/feiten.yml"}
    assert "vrijwilligersvergoeding-per-uur.waarden" not in late


@pytest.mark.parametrize("value", ["3", "[een, twee]", "'€ 5,60'"])
def test_a_fact_that_is_not_a_group_says_what_it_should_be(layout, tmp_path, value):
    (tmp_path / "feiten.yml").write_text(f"vergoeding: {value}\n", encoding="utf-8")
    facts, problems = load_facts(tmp_path, tmp_path, check_all(layout, today=TODAY).context)
    assert facts == {} and [p.format() for p in problems] == ["feiten.yml:1: vergoeding: moet een groep velden zijn (onderwerp, waarden)"]


@pytest.mark.parametrize(("today", "warned"), [(dt.date(2025, 12, 31), False), (dt.date(2026, 1, 1), True)])
def test_a_value_holds_up_to_and_including_its_last_day(catalogue, today, warned):
    real = catalogue.context.facts["vrijwilligersvergoeding-per-uur"]
    ends = Fact(key="x", subject="x", values=(FactValue(value="€ 1", source=real.current.source, start=PartialDate(2025),
                                                        end=PartialDate(2025, 12, 31)),))
    ctx = dataclasses.replace(catalogue.context, today=today)
    assert bool(list(rule_fact_is_current(ends, ctx))) is warned
