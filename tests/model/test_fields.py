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


def test_one_municipality_of_a_name_with_a_qualifier_is_named_alone(ctx):
    one = Gazetteer([Municipality("GM0001", "Berg (A)", "Utrecht", 52.0, 5.0, ())])
    found = list(AREA.check_item("Berg", dataclasses.replace(ctx, gazetteer=one)))
    assert found == [("", "'Berg' is de naam van meer dan één gemeente; bedoel je 'Berg (A)'?")]


THEMES = f.Terms("themas", "themes", "", vocabulary="themas")


@pytest.mark.parametrize(("field", "value", "expected"), [
    (f.Text("x", "x", "", max_length=5), "abcde", []),  # exactly the maximum
    (f.Text("x", "x", "", max_length=5), "abcdef", [("", "is 6 tekens lang; het mag hoogstens 5 tekens zijn")]),
    (f.Date("x", "x", ""), "1-5-2024", [("", "'1-5-2024' is geen datum in de vorm JJJJ-MM-DD (bijvoorbeeld 2026-12-01)")]),
    (f.Date("x", "x", ""), [2024], [("", "'[2024]' is geen datum in de vorm JJJJ-MM-DD (bijvoorbeeld 2026-12-01)")]),
    (f.CountField("x", "x", ""), 1, []),
    (f.CountField("x", "x", ""), 0, [("", "'0' is geen aantal; schrijf het getal zoals de bron het noemt (12), eventueel met 'ruim', 'ongeveer', "
                                     "'minstens', 'meer dan' ervoor (bijvoorbeeld 'ruim 200')")]),
    (THEMES, ["werving", "werving"], [("[1]", "'werving' staat er twee keer in")]),
    (THEMES, [3], [("[0]", "moet een thema zijn, niet een getal")]),
    (f.Slugs("x", "x", ""), ["Redactie"], [("[0]", "'Redactie' is geen geldige sleutel; gebruik kleine letters, cijfers en streepjes")]),
    (f.Text("x", "x", ""), "twee\nregels", [("", f.MESSAGES["text_one_line"])]),
    (f.PartialDateField("x", "x", ""), "2099-01", [("", f.MESSAGES["in_the_future"].format(value="2099-01"))]),
    (f.Reference("x", "x", "", target="programma"), 3,
     [("", "'3' is geen geldige naam van een programma; gebruik de bestandsnaam zonder extensie")]),
    (f.Reference("x", "x", "", target="programma"), "Fsan",
     [("", "'Fsan' is geen geldige naam van een programma; gebruik de bestandsnaam zonder extensie")]),
    (f.Flag("x", "x", ""), "ja", [("", "moet true of false zijn, niet tekst")]),
])
def test_a_value_gets_exactly_its_message(field, value, expected, ctx):
    assert list(field.check(value, ctx)) == expected


def test_a_single_term_is_a_list_of_one(ctx):
    assert THEMES.convert("werving", ctx) == ("werving",)


def test_an_unknown_field_without_a_near_name_lists_the_allowed_ones(ctx):
    assert list(f.check_mapping({"zzz": 1}, SOURCE.fields, ctx)) == [
        ("zzz", "onbekend veld; toegestaan: url, titel"), ("url", "dit verplichte veld ontbreekt (een webadres (https://…))"),
        ("titel", "dit verplichte veld ontbreekt (tekst)")]


#: A group of which at least one of two fields must be given, with a start that may not come after its end.
SPAN = f.Group("periode", "period", "", fields=(f.PartialDateField("begin", "start", "", required=False, allow_future=True),
                                               f.PartialDateField("eind", "end", "", required=False, allow_future=True)),
               one_of=("begin", "eind"), in_order=(("begin", "eind", "{earlier} ligt na {later}"),))


@pytest.mark.parametrize(("value", "expected"), [
    ({"begin": 2020}, []),
    ({"begin": 2020, "eind": 2021}, []),  # both given
    ({"begin": "2020-05", "eind": "2020-05"}, []),  # the same month: not in the wrong order
    ({"begin": "2020-05-13", "eind": "2020-05-13"}, []),  # one day
    ({"begin": 2021, "eind": 2020}, [(".eind", "2021 ligt na 2020")]),
    ({}, [("", "vul minstens één van deze velden in: begin, eind")]),
])
def test_a_group_checks_one_of_and_order(value, expected, ctx):
    assert list(SPAN.check(value, ctx)) == expected


#: A group with sub-fields that need the context: the vocabulary for the schema, the gazetteer to convert.
PLACE = f.Group("plaats", "place", "", fields=(AREA, THEMES))


def test_a_group_without_a_record_class_converts_to_a_mapping_with_the_context(ctx):
    assert PLACE.convert({"werkgebied": ["Utrecht"], "themas": ["werving"]}, ctx) == {
        "area": Area(municipalities=("Utrecht",)), "themes": ("werving",)}
    assert f.GroupList("x", "x", "", group=PLACE).convert([{"werkgebied": "Utrecht", "themas": []}], ctx) == (
        {"area": Area(municipalities=("Utrecht",)), "themes": ()},)


def test_the_json_schema_of_a_group_list_names_the_vocabulary_of_its_sub_fields(ctx):
    schema = f.GroupList("x", "x", "Uitleg.", group=PLACE).json_schema(ctx)
    themes = schema["items"]["properties"]["themas"]
    assert [s for s in themes["anyOf"] if "enum" in s] == [{"enum": list(ctx.vocab.keys("themas"))}]
    assert schema["type"] == "array" and schema["description"] == "Uitleg."

