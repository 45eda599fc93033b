"""Tests voor scripts/kennisbank/model/gazetteer.py, op de echte gegevens in data/.

De verwachte feiten (codes, provincies, herindelingen) staan in data/GEMEENTEN.md.
"""

from __future__ import annotations

import csv
import datetime
import re
import shutil
from pathlib import Path

import pytest

from kennisbank.model import gazetteer as gz

ROOT = Path(__file__).resolve().parents[2]

DATA = Path(__file__).parents[2] / "data"


@pytest.fixture(scope="module")
def gazetteer():
    return gz.load_gazetteer(DATA)


# --- de gegevens -------------------------------------------------------------


def test_all_twelve_provinces_present(gazetteer):
    assert len(gz.PROVINCES) == 12
    assert {m.province for m in gazetteer.municipalities} == set(gz.PROVINCES)


def test_codes_unique_and_well_formed(gazetteer):
    codes = [m.code for m in gazetteer.municipalities]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"GM\d{4}", code) for code in codes)


def test_names_and_slugs_unique(gazetteer):
    names = [m.name for m in gazetteer.municipalities]
    assert len(names) == len(set(names))
    slugs = [m.slug for m in gazetteer.municipalities]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs)


def test_count_is_that_of_2026(gazetteer):
    assert 340 <= len(gazetteer.municipalities) <= 345


def test_centres_inside_the_netherlands(gazetteer):
    for m in gazetteer.municipalities:
        assert 50.7 <= m.lat <= 53.6, m
        assert 3.3 <= m.lon <= 7.3, m


@pytest.mark.parametrize(
    ("code", "name", "province"),
    [
        ("GM0518", "'s-Gravenhage", "Zuid-Holland"),
        ("GM0363", "Amsterdam", "Noord-Holland"),
        ("GM0599", "Rotterdam", "Zuid-Holland"),
        ("GM0344", "Utrecht", "Utrecht"),
        ("GM0796", "'s-Hertogenbosch", "Noord-Brabant"),
        ("GM1900", "Súdwest-Fryslân", "Fryslân"),
        ("GM1980", "Dijk en Waard", "Noord-Holland"),  # 2022
        ("GM1982", "Land van Cuijk", "Noord-Brabant"),  # 2022
        ("GM1991", "Maashorst", "Noord-Brabant"),  # 2022
        ("GM1992", "Voorne aan Zee", "Zuid-Holland"),  # 2023
        ("GM1979", "Eemsdelta", "Groningen"),  # 2021
        ("GM1961", "Vijfheerenlanden", "Utrecht"),  # 2019
        ("GM0373", "Bergen (NH.)", "Noord-Holland"),
        ("GM0893", "Bergen (L.)", "Limburg"),
    ],
)
def test_known_facts(gazetteer, code, name, province):
    m = gazetteer.lookup(code)
    assert m is not None
    assert (m.code, m.name, m.province) == (code, name, province)


def test_merged_municipalities_are_gone(gazetteer):
    for name in ("Weesp", "Langedijk", "Heerhugowaard", "Brielle", "Haaren", "Uden", "Beemster"):
        assert gazetteer.lookup(name) is None, name


def test_province_sizes(gazetteer):
    assert len(gazetteer.by_province("Fryslân")) == 18
    assert len(gazetteer.by_province("Flevoland")) == 6
    assert sum(len(gazetteer.by_province(p)) for p in gz.PROVINCES) == len(gazetteer.municipalities)


def test_former_municipalities_are_consistent(gazetteer):
    current = {m.name for m in gazetteer.municipalities}
    names = [f.name for f in gazetteer.former]
    assert len(names) == len(set(names))
    for f in gazetteer.former:
        assert f.name not in current, f
        assert f.successor in current, f
        assert datetime.date(2015, 1, 1) <= f.dissolved <= datetime.date(2026, 1, 1), f


# --- normaliseren en slugs ---------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Súdwest-Fryslân", "sudwest fryslan"),
        ("Den Haag", "  den   HAAG "),
        ("'s-Hertogenbosch", "s hertogenbosch"),
        ("'s-Hertogenbosch", "Hertogenbosch"),
        ("’s-Gravenhage", "s-Gravenhage"),
        ("Bergen (NH.)", "bergen nh"),
        ("Nuenen, Gerwen en Nederwetten", "nuenen gerwen en nederwetten"),
    ],
)
def test_normalise_equal(a, b):
    assert gz.normalise(a) == gz.normalise(b)


def test_normalise_examples():
    assert gz.normalise("Súdwest-Fryslân") == "sudwest fryslan"
    assert gz.normalise("'s-Gravenhage") == "gravenhage"
    assert gz.normalise("Capelle aan den IJssel") == "capelle aan den ijssel"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("'s-Gravenhage", "s-gravenhage"),
        ("Súdwest-Fryslân", "sudwest-fryslan"),
        ("Bergen (NH.)", "bergen-nh"),
        ("Nuenen, Gerwen en Nederwetten", "nuenen-gerwen-en-nederwetten"),
    ],
)
def test_slug(gazetteer, name, slug):
    assert gazetteer.lookup(name).slug == slug


# --- opzoeken ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sudwest fryslan", "Súdwest-Fryslân"),
        ("SUDWEST-FRYSLAN", "Súdwest-Fryslân"),
        ("DEN HAAG", "'s-Gravenhage"),
        ("The Hague", "'s-Gravenhage"),
        ("s-Gravenhage", "'s-Gravenhage"),
        ("den bosch", "'s-Hertogenbosch"),
        ("Hertogenbosch", "'s-Hertogenbosch"),
        ("Gemeente Amsterdam", "Amsterdam"),
        ("gm0363", "Amsterdam"),
        ("0518", "'s-Gravenhage"),
        ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
        ("Bergen (Limburg)", "Bergen (L.)"),
        ("De Friese Meren", "De Fryske Marren"),
    ],
)
def test_lookup_is_forgiving(gazetteer, text, name):
    m = gazetteer.lookup(text)
    assert m is not None, text
    assert m.name == name


@pytest.mark.parametrize("text", ["", "xyzzy", "Bergen", "GM9999", "Friesland"])
def test_lookup_unknown_or_ambiguous(gazetteer, text):
    assert gazetteer.lookup(text) is None


def test_an_official_name_wins_over_an_alias_and_a_shared_alias_finds_nothing():
    g = gz.Gazetteer([
        gz.Municipality("GM0001", "Noord", "Utrecht", 52.0, 5.0, aliases=("Zuid", "Midden", "Noorderdorp")),
        gz.Municipality("GM0002", "Zuid", "Utrecht", 52.1, 5.1, aliases=("Midden",)),
        gz.Municipality("GM0003", "Oost", "Utrecht", 52.2, 5.2, aliases=("Oosterdorp", "oosterdorp")),
    ])
    assert g.lookup("Zuid").code == "GM0002"  # its own name, although Noord lists it as an alias
    assert g.lookup("Midden") is None  # the alias of two municipalities
    assert g.lookup("Noorderdorp").code == "GM0001"
    assert g.lookup("Oosterdorp").code == "GM0003"  # one municipality naming an alias twice is no ambiguity
    assert g.suggest("Noorderdrp") == "Noorderdorp"


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Friesland", "Fryslân"),
        ("fryslan", "Fryslân"),
        ("noord holland", "Noord-Holland"),
        ("Provincie Zuid-Holland", "Zuid-Holland"),
        ("province of Utrecht", None),
        ("Province Utrecht", "Utrecht"),
        ("NL-NB", "Noord-Brabant"),
        ("limburg", "Limburg"),
    ],
)
def test_province(gazetteer, text, province):
    assert gazetteer.province(text) == province


def test_province_unknown(gazetteer):
    assert gazetteer.province("Vlaanderen") is None
    assert gazetteer.by_province("Vlaanderen") == ()


def test_by_province_is_forgiving(gazetteer):
    names = {m.name for m in gazetteer.by_province("friesland")}
    assert {"Leeuwarden", "Súdwest-Fryslân"} <= names
    assert "Amsterdam" not in names


@pytest.mark.parametrize(
    ("former", "successor"),
    [
        ("Langedijk", "Dijk en Waard"),
        ("Heerhugowaard", "Dijk en Waard"),
        ("Brielle", "Voorne aan Zee"),
        ("hellevoetsluis", "Voorne aan Zee"),
        ("Weesp", "Amsterdam"),
        ("Haaren", "Oisterwijk"),  # verdeeld; Oisterwijk kreeg het dorp Haaren
        ("Uden", "Maashorst"),
        ("Boxmeer", "Land van Cuijk"),
        ("Het Bildt", "Waadhoeke"),
        ("Maasdonk", "'s-Hertogenbosch"),
    ],
)
def test_former_successor(gazetteer, former, successor):
    m = gazetteer.former_successor(former)
    assert m is not None, former
    assert m.name == successor


def test_former_successor_of_current_or_unknown_is_none(gazetteer):
    assert gazetteer.former_successor("Amsterdam") is None
    assert gazetteer.former_successor("xyzzy") is None


# --- suggesties --------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [
        ("Den Hag", "Den Haag"),
        ("Amsterdm", "Amsterdam"),
        ("Rotterdm", "Rotterdam"),
        ("Sudwest Frislan", "Súdwest-Fryslân"),
        ("gemeente Amsterdm", "Amsterdam"),  # the word gemeente before the name does not count
        ("Gemeente Den Hag", "Den Haag"),
    ],
)
def test_suggest(gazetteer, typo, suggestion):
    assert gazetteer.suggest(typo) == suggestion


@pytest.mark.parametrize("garbage", ["xyzzy", "", "!!!", "qwertyuiop"])
def test_suggest_nothing_close(gazetteer, garbage):
    assert gazetteer.suggest(garbage) is None


# --- afstanden ---------------------------------------------------------------


def test_distance_known_values():
    # Een graad langs een meridiaan is 111,195 km bij de gemiddelde aardstraal van 6371,0088 km.
    assert gz.distance_km((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111.195, rel=0.01)
    assert gz.distance_km((52.0, 5.0), (53.0, 5.0)) == pytest.approx(111.195, rel=0.01)
    assert gz.distance_km((52.0, 5.0), (52.0, 5.0)) == 0.0


def test_distance_symmetric(gazetteer):
    a, b = gazetteer.lookup("Maastricht"), gazetteer.lookup("Groningen")
    pa, pb = (a.lat, a.lon), (b.lat, b.lon)
    assert gz.distance_km(pa, pb) == pytest.approx(gz.distance_km(pb, pa))
    assert 250 < gz.distance_km(pa, pb) < 290  # hemelsbreed ongeveer 270 km


def test_distance_amsterdam_utrecht(gazetteer):
    a, u = gazetteer.lookup("Amsterdam"), gazetteer.lookup("Utrecht")
    assert 30 < gz.distance_km((a.lat, a.lon), (u.lat, u.lon)) < 40  # hemelsbreed ongeveer 35 km


def test_an_ambiguous_name_suggests_every_municipality_it_may_mean(gazetteer):
    assert [m.name for m in gazetteer.candidates("Bergen")] == ["Bergen (L.)", "Bergen (NH.)"]
    assert [m.name for m in gazetteer.candidates("gemeente bergen")] == ["Bergen (L.)", "Bergen (NH.)"]
    assert gazetteer.candidates("Bergen op Zoom") == ()
    assert gazetteer.candidates("Amsterdam") == ()


# --- kapotte bestanden: een Nederlandse melding met regel, nooit een traceback ----------------

CURRENT = (DATA / "gemeenten.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "raw", "expected"), [
    ("gemeenten.csv", b"code,naam,provincie\nGM0344,Utrecht,Utrecht\n",
     ["data/gemeenten.csv:1: de kop mist de kolommen lat, lon, aliassen; de eerste regel moet zijn: code,naam,provincie,lat,lon,aliassen"]),
    ("gemeenten.csv", (CURRENT + 'GM9999,"' + "x" * 200_000 + '",Utrecht,52,5,\n').encode(),
     [f"data/gemeenten.csv:{CURRENT.count(chr(10)) + 1}: hier kan de CSV niet verder gelezen worden; een waarde is te lang"]),
    ("gemeenten.csv", b"\xef\xbb\xbf" + CURRENT.encode(),  # a problem of reading the file, before its rows
     ["data/gemeenten.csv:1: het bestand begint met een BOM (byte order mark); sla het op als 'UTF-8' zonder BOM"]),
    ("gemeenten.csv", CURRENT.replace("52.1685", "nan", 1).encode(),
     [f"data/gemeenten.csv:{CURRENT[:CURRENT.index('52.1685')].count(chr(10)) + 1}: lat: lat en lon moeten graden zijn, zoals 52.0907 en 5.1214"]),
    ("voormalige_gemeenten.csv", b"naam,opgeheven,opvolger\nKapot,2015-01-01,Utrecht\n\xff\n",
     ["data/voormalige_gemeenten.csv:3: dit is geen geldige UTF-8 (byte 0xff); sla het bestand op als 'UTF-8'"]),
    ("voormalige_gemeenten.csv", b"naam,opgeheven,opvolger\nKapot,2015-01-01,Utrecht,Zeist\nKapot,2015-01-01\n",
     ["data/voormalige_gemeenten.csv:2: deze regel heeft meer waarden dan de kop (3); zet een waarde met een komma tussen aanhalingstekens",
      "data/voormalige_gemeenten.csv:3: deze regel heeft minder waarden dan de kop (3); vul de ontbrekende aan, ook als ze leeg zijn ('a,,c')"]),
    ("voormalige_gemeenten.csv", b"naam,opgeheven,opvolger\nKapot\n",
     ["data/voormalige_gemeenten.csv:2: deze regel heeft minder waarden dan de kop (3); vul de ontbrekende aan, ook als ze leeg zijn ('a,,c')"]),
])
@pytest.mark.parametrize("csv_limit", [131_072, 2**31 - 1])  # csv's own default, and what frictionless sets on import
def test_a_broken_file_gets_a_dutch_message_with_its_line(tmp_path, name, raw, expected, csv_limit):
    """Whatever limit csv has in the process: a long value then stops csv itself, or our own limit."""
    old = csv.field_size_limit(csv_limit)
    try:
        _broken_file(tmp_path, name, raw, expected)
    finally:
        csv.field_size_limit(old)


def _broken_file(tmp_path, name, raw, expected):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / name).write_bytes(raw)
    found, problems = gz.read_gazetteer(tmp_path / "data", tmp_path)
    assert found is None and [p.format() for p in problems] == expected
    assert all(type(p.field) is str for p in problems)  # "" when the problem is not in one column
    with pytest.raises(ValueError) as raised:
        gz.load_gazetteer(tmp_path / "data")
    assert str(raised.value).split("\n") == expected


def test_a_remembered_look_up_gives_what_a_fresh_one_gives(gazetteer):
    fresh = gz.Gazetteer(gazetteer.municipalities, gazetteer.former)
    names = ["Den Bosch", "den bosch", "GM0344", "Bergen", "Nergenshuizen", "gemeente Utrecht", "Den Bosch"]
    assert [fresh.lookup(n) for n in names] == [gazetteer.lookup(n) for n in names] == [fresh.lookup(n) for n in names]
    assert fresh.lookup("Den Bosch").name == "'s-Hertogenbosch" and fresh.lookup("Bergen") is None


def test_a_gazetteer_remembers_a_bounded_number_of_look_ups(gazetteer, monkeypatch):
    monkeypatch.setattr(gz, "MAX_REMEMBERED", 3)
    fresh = gz.Gazetteer(gazetteer.municipalities, gazetteer.former)
    for name in ["Utrecht", "Zwolle", "Nergens", "Ergens", "Hier", "Amsterdam"]:
        fresh.lookup(name)
    assert len(fresh._found) == 3
    assert fresh.lookup("Amsterdam").name == "Amsterdam"  # not remembered, still found


ROW = {"code": "GM0344", "naam": "Utrecht", "provincie": "Utrecht", "lat": "52.0907", "lon": "5.1214", "aliassen": ""}
LAT_LON = "lat en lon moeten graden zijn, zoals 52.0907 en 5.1214"


@pytest.mark.parametrize(("changes", "wrong"), [
    ({"lat": "-90", "lon": "-180"}, []), ({"lat": "90", "lon": "180"}, []),
    ({"lat": "-90.01"}, [("lat", LAT_LON)]), ({"lat": "90.01"}, [("lat", LAT_LON)]),
    ({"lon": "-180.01"}, [("lat", LAT_LON)]), ({"lon": "180.01"}, [("lat", LAT_LON)]), ({"lat": "nan"}, [("lat", LAT_LON)]),
    ({"naam": "  "}, [("naam", "de naam ontbreekt")]),
    ({"code": "GM344"}, [("code", "'GM344' heeft niet de vorm GM0000")]),
])
def test_a_row_of_municipalities_is_checked_to_its_limits(changes, wrong):
    municipality, found = gz._municipality({**ROW, **changes})
    assert found == wrong and (municipality is None) == bool(wrong)


def test_a_good_row_becomes_a_municipality_with_its_aliases():
    municipality, found = gz._municipality({**ROW, "naam": " Utrecht ", "aliassen": "Utreg; Stad Utrecht;;"})
    assert found == []
    assert municipality == gz.Municipality("GM0344", "Utrecht", "Utrecht", 52.0907, 5.1214, ("Utreg", "Stad Utrecht"))


@pytest.mark.parametrize(("value", "shown"), [("x" * 60, "'" + "x" * 60 + "'"), ("x" * 61, "'" + "x" * 60 + "…'")])
def test_a_value_in_a_message_is_cut_after_sixty_characters(value, shown):
    assert gz._shown(value) == shown


@pytest.mark.parametrize(("name", "slug"), [("'s-Gravenhage", "s-gravenhage"), ("Den Bosch", "den-bosch"),
                                            ("Bergen (NH.)", "bergen-nh"), ("(Súdwest-Fryslân)", "sudwest-fryslan")])
def test_slug_of_a_place_name(name, slug):
    assert gz.slug_of(name) == slug


def test_a_value_of_exactly_the_longest_length_is_read(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "gemeenten.csv"
    longest = "x" * gz.MAX_VALUE_LENGTH
    path.write_text(CURRENT + f'GM9999,Proef,Utrecht,52,5,"{longest}"\n', encoding="utf-8")
    found, problems = gz.read_gazetteer(tmp_path / "data", tmp_path)
    assert problems == [] and found.lookup("Proef") is not None
    path.write_text(CURRENT + f'GM9999,Proef,Utrecht,52,5,"{longest}x"\n', encoding="utf-8")
    assert [p.format() for p in gz.read_gazetteer(tmp_path / "data", tmp_path)[1]] == [
        f"data/gemeenten.csv:{CURRENT.count(chr(10)) + 1}: hier kan de CSV niet verder gelezen worden; een waarde is te lang"]
