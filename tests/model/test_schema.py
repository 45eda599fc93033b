"""Fields of the content model, and the JSON Schema generated from it."""

from __future__ import annotations

import datetime as dt

import jsonschema
import pytest

from kennisbank.model.checks import make_context
from kennisbank.model.fields import AreaField, Date, Email, Integer, Phone, Url
from kennisbank.model.loading import read_source
from kennisbank.model.schema import SCHEMAS, json_schema

from ..conftest import ROOT, TODAY
from ..content.test_content import SOURCES


@pytest.fixture(scope="module")
def ctx(layout):
    return make_context(layout, TODAY)


def messages(field, value, ctx):
    return [m for _, m in field.check(value, ctx)]


@pytest.mark.parametrize(("value", "ok"), [
    ("020 123 4567", True), ("+31 20 123 4567", True), ("088-1234567", True),
    ("06-12345678", False), ("06 1234 5678", False), ("+31 6 12345678", False), ("0031612345678", False), ("bel ons", False),
])
def test_phone_refuses_mobile_numbers(value, ok, ctx):
    assert (messages(Phone("t", "t", ""), value, ctx) == []) == ok


@pytest.mark.parametrize(("value", "ok"), [
    ("info@example.org", True), ("sleutelpersonen@gemeente.example.nl", True),
    ("jan.jansen@example.org", False), ("iemand@gmail.com", False), ("geen-adres", False),
])
def test_email_refuses_personal_addresses(value, ok, ctx):
    assert (messages(Email("e", "e", ""), value, ctx) == []) == ok


@pytest.mark.parametrize(("value", "ok"), [("https://example.org/a", True), ("http://example.org", True),
                                           ("example.org", False), ("https://", False), (5, False)])
def test_url(value, ok, ctx):
    assert (messages(Url("u", "u", ""), value, ctx) == []) == ok


def test_date_rules(ctx):
    field = Date("d", "d", "")
    assert messages(field, TODAY.isoformat(), ctx) == []
    assert messages(field, (TODAY + dt.timedelta(days=1)).isoformat(), ctx) == [f"'{TODAY + dt.timedelta(days=1)}' ligt in de toekomst"]
    assert messages(field, "2023-02-29", ctx) == ["'2023-02-29' is geen bestaande datum"]


def test_area_resolves_aliases_and_provinces(ctx):
    field = AreaField("w", "area", "")
    area = field.convert(["den haag", "Friesland", "sudwest fryslan"], ctx)
    assert area.municipalities == ("'s-Gravenhage", "Súdwest-Fryslân")
    assert area.provinces == ("Fryslân",)
    assert field.convert("landelijk", ctx).national


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_json_schema_is_valid(kind, ctx):
    jsonschema.Draft202012Validator.check_schema(json_schema(kind, ctx))


def kind_of(path: str) -> str:
    if path.startswith("good_practices/"):
        return "praktijk"
    if path.startswith("programmas/"):
        return "programma"
    if path.startswith("content/verhalen/posts/"):
        return "verhaal"
    return "gids" if path.startswith("content/gidsen/") else "pagina"


@pytest.mark.parametrize("source", SOURCES)
def test_real_content_validates_against_published_json_schema(source, ctx):
    """The editor's schema and our checks agree on every real file."""
    record, problems = read_source(ROOT / source, ROOT)
    assert problems == []
    jsonschema.validate(record.data, json_schema(kind_of(source), ctx))


@pytest.mark.parametrize(("value", "expected"), [
    (1945, []), (TODAY.year, []),
    (1944, [f"1944 kan niet; het moet tussen 1945 en {TODAY.year} zijn"]),
    (TODAY.year + 1, [f"{TODAY.year + 1} kan niet; het moet tussen 1945 en {TODAY.year} zijn"]),
    ("1990", ["moet een geheel getal zijn, niet tekst"]), (True, ["moet een geheel getal zijn, niet ja/nee"]),
    (19.5, ["moet een geheel getal zijn, niet een getal"]), (None, ["moet een geheel getal zijn, niet leeg"]),
])
def test_a_year_lies_between_its_bounds(value, expected, ctx):
    assert messages(Integer("sinds", "since", "", minimum=1945, until_this_year=True), value, ctx) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (1, []), (10_000, []), (0, ["0 kan niet; het moet minstens 1 zijn"]),
    ([3], ["moet een geheel getal zijn, niet een lijst"]), ({"a": 1}, ["moet een geheel getal zijn, niet een groep velden"]),
])
def test_a_count_has_only_a_minimum(value, expected, ctx):
    assert messages(Integer("aantal", "count", "", minimum=1), value, ctx) == expected
