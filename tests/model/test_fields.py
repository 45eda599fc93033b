"""Fields of the content model: what a contributor is told each field expects, and the empty values of optional fields."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kennisbank.model import fields as f
from kennisbank.model.checks import make_context
from kennisbank.model.gazetteer import Gazetteer, Municipality
from kennisbank.model.records import Area, Count

from ..conftest import TODAY


@pytest.fixture(scope="module")
def ctx(layout):
    return make_context(layout, TODAY)


SOURCE = f.Group("bron", "source", "", fields=(f.Url("url", "url", ""), f.Text("titel", "title", "")))


#: Every kind of field, and the words a contributor reads when that required field is missing (also in the content model).
KINDS = [
    (f.Text("x", "x", ""), "tekst"),
    (f.Date("x", "x", ""), "een datum (JJJJ-MM-DD)"),
    (f.PartialDateField("x", "x", ""), "een jaar, maand of dag (JJJJ, JJJJ-MM of JJJJ-MM-DD)"),
    (f.CountField("x", "x", ""), "een aantal zoals de bron het noemt: `12`, of `ruim 200`, `ongeveer 30`, `minstens 5`, `meer dan 20`"),
    (f.Integer("x", "x", ""), "een geheel getal"),
    (f.Url("x", "x", ""), "een webadres (https://…)"),
    (f.Choice("x", "x", "", vocabulary="vergoeding"), "één vergoedingsvorm uit de woordenlijst `vergoeding`"),
    (f.Terms("x", "x", "", vocabulary="themas"), "een lijst uit de woordenlijst `themas`"),
    (f.Languages("x", "x", ""), "een lijst taalcodes (ISO 639-1, zoals `nl`, `ar`, `ti`)"),
    (f.AreaField("x", "x", ""), "een lijst gemeenten en/of provincies, of `landelijk`"),
    (f.AreaField("x", "x", "", allow_unknown=True),
     "een lijst gemeenten en/of provincies, of `landelijk`, of `onbekend` als de bron het niet noemt"),
    (SOURCE, "een groep velden (url, titel)"),
    (f.GroupList("x", "x", "", group=SOURCE), "een lijst van groepen velden (url, titel)"),
    (f.Phone("x", "x", ""), "een algemeen telefoonnummer van de organisatie"),
    (f.Email("x", "x", ""), "een algemeen e-mailadres van de organisatie"),
    (f.Reference("x", "x", "", target="programma"), "de bestandsnaam (zonder extensie) van een programma"),
    (f.Flag("x", "x", ""), "`true` of `false`"),
    (f.Slugs("x", "x", ""), "een lijst sleutels uit `verhalen/.authors.yml`"),
]


@pytest.mark.parametrize(("field", "kind"), KINDS, ids=[type(field).__name__ + str(i) for i, (field, _) in enumerate(KINDS)])
def test_a_missing_required_field_says_what_it_expects(field, kind, ctx):
    assert list(f.check_mapping({}, (field,), ctx)) == [(field.name, f"dit verplichte veld ontbreekt ({kind})")]


@pytest.mark.parametrize(("field", "empty"), [
    (f.Text("x", "x", "", required=False), None),
    (f.Terms("x", "x", "", vocabulary="themas", required=False), ()),
    (f.AreaField("x", "x", "", required=False), Area(unknown=True)),
    (f.Switch("x", "x", "", required=False), False),
])
def test_an_optional_field_left_out_gets_its_empty_value(field, empty, ctx):
    assert f.convert_mapping({}, (field,), ctx) == {"x": empty}


@pytest.mark.parametrize(("field", "schema"), [
    (f.Field("x", "x", "Uitleg."), {"description": "Uitleg."}),
    (f.ListField("x", "x", "Uitleg.", min_items=0),
     {"type": "array", "minItems": 0, "uniqueItems": True, "items": {"type": "string"}, "description": "Uitleg."}),
])
def test_the_json_schema_of_a_plain_field_and_list(field, schema, ctx):
    assert field.json_schema(ctx) == schema


@pytest.mark.parametrize(("value", "name"), [
    (None, "leeg"), (True, "ja/nee"), (3, "een getal"), (2.5, "een getal"), ("x", "tekst"), ([], "een lijst"),
    (dt.date(2024, 5, 1), "date"),  # anything else: Python's own name of the type
])
def test_type_name_says_what_a_value_is(value, name):
    assert f.type_name(value) == name


@pytest.mark.parametrize(("field", "value", "expected"), [
    (f.Phone("telefoon", "Telefoon", ""), "bel ons", [("", "'bel ons' is geen telefoonnummer")]),
    (f.Phone("telefoon", "Telefoon", ""), 301234567, [("", "'301234567' is geen telefoonnummer")]),
    (f.Email("email", "E-mail", ""), "geen adres", [("", "'geen adres' is geen e-mailadres")]),
    (f.Email("email", "E-mail", ""), 12, [("", "'12' is geen e-mailadres")]),
    (f.Email("email", "E-mail", ""), " info@voorbeeld.nl ", []),
])
def test_a_contact_field_names_the_value_it_refuses(ctx, field, value, expected):
    assert list(field.check(value, ctx)) == expected


@pytest.mark.parametrize(("value", "count"), [
    (12, Count(number=12)), ("12", Count(number=12)), ("ruim 200", Count(number=200, qualifier="ruim")),
    (" meer dan 20 ", Count(number=20, qualifier="meer dan")),
])
def test_a_count_keeps_its_number_and_how_the_source_says_it(ctx, value, count):
    converted = f.CountField("aantal", "Aantal", "").convert(value, ctx)
    assert converted == count and (converted.number, converted.qualifier) == (count.number, count.qualifier)


AREA = f.AreaField("werkgebied", "area", "", allow_unknown=True)


def test_an_area_item_that_is_not_text_says_what_it_is(ctx):
    assert list(AREA.check_item(3, ctx)) == [("", "moet de naam van een gemeente of provincie zijn, niet een getal")]


def test_an_area_that_is_a_number_gets_messages_not_a_crash(ctx):
    assert list(AREA.check(3, ctx)) == [("", "moet een lijst zijn, niet een getal")]  # iterating the number would raise


def test_a_name_of_three_municipalities_lists_all_three(ctx):
    three = Gazetteer([Municipality(f"GM000{i}", f"Berg ({q})", "Utrecht", 52.0, 5.0, ()) for i, q in enumerate("ABC", 1)])
    found = list(AREA.check_item("Berg", dataclasses.replace(ctx, gazetteer=three)))
    assert found == [("", "'Berg' is de naam van meer dan één gemeente; bedoel je 'Berg (A)', 'Berg (B)' of 'Berg (C)'?")]


@pytest.mark.parametrize(("value", "area"), [
    ("Onbekend", Area(unknown=True)), (["onbekend"], Area(unknown=True)), ("Landelijk", Area(national=True)),
])
def test_an_area_of_a_special_word_in_any_case(ctx, value, area):
    assert AREA.convert(value, ctx) == area
