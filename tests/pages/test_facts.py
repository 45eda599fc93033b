"""Facts on pages: [[feit:…]] becomes value, period and source; the page 'Regels en bedragen'."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.records import Fact, FactValue, PartialDate, SourceRef
from kennisbank.pages.assemble import generate
from kennisbank.pages.contact import editors_contact, fill_in_editors_contact
from kennisbank.pages.facts import FACTS_DOC, facts_page, fill_in_facts, period_text

from ..conftest import TODAY

SOURCE = SourceRef(url="https://www.example.org/bron", title="Bron", publisher="Uitgever", accessed=dt.date(2026, 1, 5))


def value(start=None, end=None, text="€ 1"):
    return FactValue(value=text, source=SOURCE, start=start, end=end)


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=TODAY)


@pytest.mark.parametrize(("start", "end", "expected"), [
    (PartialDate(2025, 1, 1), PartialDate(2025, 12, 31), "in 2025"),
    (PartialDate(2025), PartialDate(2025), "in 2025"),
    (PartialDate(2018, 11, 1), None, "sinds 1 november 2018"),
    (PartialDate(2013), None, "sinds 2013"),
    (PartialDate(2024, 7, 1), PartialDate(2025, 6, 30), "van 1 juli 2024 tot en met 30 juni 2025"),
    (None, PartialDate(2027, 1), "tot en met januari 2027"),
    (None, None, "stand op 5 januari 2026"),
])
def test_period_text(start, end, expected):
    assert period_text(value(start, end)) == expected


def test_a_reference_shows_the_newest_value_with_its_period_and_source():
    fact = Fact(key="x", subject="X", values=(value(PartialDate(2024), PartialDate(2024), "€ 1"), value(PartialDate(2025, 1, 1), None, "€ 2")))
    assert fill_in_facts("Het is [[feit:x]].", {"x": fact}, TODAY) == \
        "Het is € 2 (sinds 1 januari 2025; bron: [Uitgever](https://www.example.org/bron))."


def test_a_value_that_no_longer_holds_says_so():
    fact = Fact(key="x", subject="X", values=(value(PartialDate(2025), PartialDate(2025), "€ 2"),))
    shown = fill_in_facts("[[feit:x]]", {"x": fact}, TODAY)
    assert shown.startswith("€ 2 (dit gold in 2025; een nieuwere waarde staat nog niet in de kennisbank; bron: [Uitgever](")


def test_text_from_the_data_file_is_escaped():
    fact = Fact(key="x", subject="X", values=(value(None, None, "<script>alert(1)</script> [x](javascript:alert(2))"),))
    shown = fill_in_facts("[[feit:x]]", {"x": fact}, TODAY)
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "\\[x\\](javascript" in shown  # the brackets are escaped, so Markdown makes no link of them


def test_the_real_payment_guide_shows_amounts_with_their_year_and_source(catalogue):
    raw = (catalogue.layout.folder("content") / "gidsen" / "waardering-en-vergoeding.md").read_text(encoding="utf-8")
    shown = fill_in_facts(raw, catalogue.context.facts, TODAY)
    assert "[[feit:" not in shown
    assert "€ 5,60 per uur (dit gold in 2025;" in shown and "[TaxNavigator](https://www.taxnavigator.nl/" in shown
    assert "€ 210 per maand" in shown


def test_facts_page_lists_every_value_newest_first(catalogue):
    page = facts_page(catalogue)
    assert page.doc_path == FACTS_DOC and page.edit_path == "data/feiten.yml"
    for fact in catalogue.context.facts.values():
        assert f"## {fact.subject}" in page.content
    hourly = page.content.split("Vrijwilligersvergoeding: hoogste bedrag per uur, vanaf 21 jaar", 1)[1]
    assert hourly.index("€ 5,60 per uur") < hourly.index("€ 5,50 per uur") < hourly.index("€ 5,00 per uur")
    assert FACTS_DOC in {g.doc_path for g in generate(catalogue)}


def test_facts_page_without_facts(catalogue):
    empty = dataclasses.replace(catalogue, context=dataclasses.replace(catalogue.context, facts={}))
    assert "Er staan nog geen regels en bedragen in de kennisbank." in facts_page(empty).content


@pytest.mark.parametrize(("email", "repo", "expected"), [
    ("redactie@example.org", "https://github.com/o/r", "mail naar <redactie@example.org>. Je kunt ook een formulier op GitHub gebruiken: "),
    (None, "https://github.com/o/r", "gebruik een formulier op GitHub: [een fout melden](https://github.com/o/r/issues/new?template=correctie.yml)"),
    (None, None, "de redactie heeft nog geen adres"),
])
def test_editors_contact_never_invents_an_address(email, repo, expected):
    assert editors_contact(email, repo).startswith(expected)
    assert ("@" in editors_contact(email, repo)) == bool(email)


def test_the_marker_is_replaced_only_where_it_is():
    assert fill_in_editors_contact("Zo: [[redactie]]", None, "https://github.com/o/r").startswith("Zo: gebruik een formulier")
    assert fill_in_editors_contact("Niets", "a@b.nl", None) == "Niets"
