"""The social map's pages and data: municipality pages, the map page, the client data (geography: test_geography.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.gazetteer import PROVINCES
from kennisbank.model.records import Area
from kennisbank.pages import mapdata, municipalities, socialmap
from kennisbank.pages.assemble import generate

from ..conftest import TODAY

#: The two programmes the hub started with: one national, one in Haarlem and Zandvoort. The tests build on
#: this fixed pair, so that they keep their meaning as the real social map grows.
STARTING_PAIR = ("fsan-vrouwenbesnijdenis", "haarlem-zandvoort-gezondheid")


@pytest.fixture(scope="module")
def catalogue(layout):
    real = check_all(layout, today=TODAY)
    return dataclasses.replace(real, programmes=tuple(p for p in real.programmes if p.slug in STARTING_PAIR),
                               practices=tuple(p for p in real.practices if p.programme in STARTING_PAIR or not p.programme))


@pytest.fixture(scope="module")
def gazetteer(catalogue):
    return catalogue.context.gazetteer


def town(gazetteer, name):
    return gazetteer.lookup(name)


def synthetic(catalogue, slug, name, area):
    """A made-up programme (in memory only), copied from a real one with another name and area."""
    return dataclasses.replace(catalogue.programmes[0], slug=slug, name=name, area=area, path=f"programmas/{slug}.yml")


def with_programmes(catalogue, *programmes):
    return dataclasses.replace(catalogue, programmes=tuple(programmes))


# --- pages ---------------------------------------------------------------------------

def page_of(catalogue, doc: str) -> str:
    """One generated page, made by the real entry point (assemble.generate)."""
    return next(f.content for f in generate(catalogue) if f.doc_path == doc)


@pytest.fixture(scope="module")
def files(catalogue):
    return {f.doc_path: f for f in generate(catalogue)}


def test_a_page_per_municipality_with_a_programme(files):
    assert sorted(p for p in files if p.startswith("gemeenten/")) == ["gemeenten/haarlem.md", "gemeenten/index.md", "gemeenten/zandvoort.md"]


def test_municipality_page_content(files):
    page = files["gemeenten/haarlem.md"].content
    assert "title: Sleutelpersonen in Haarlem\n" in page
    assert "# Sleutelpersonen in Haarlem\n" in page
    assert "[Sleutelpersonen gezondheid Haarlem en Zandvoort](../programmas/haarlem-zandvoort-gezondheid.md)" in page
    assert page.index("## Programma's in Haarlem") < page.index("## Landelijke programma's") < page.index("fsan-vrouwenbesnijdenis")
    assert "(../sociale-kaart/index.md?gemeente=Haarlem)" in page
    assert "*(Status: niet bekend; bronnen uit 2021)*" in page
    assert files["gemeenten/haarlem.md"].edit_path == "programmas/"


def test_municipality_page_marks_entries_not_checked_for_a_year(catalogue, gazetteer):
    old = dataclasses.replace(synthetic(catalogue, "oud", "Oud", Area(municipalities=("Haarlem",))), verified=dt.date(2024, 5, 1))
    page = page_of(with_programmes(catalogue, old), "gemeenten/haarlem.md")
    assert "*Controleer of dit nog klopt: laatst gecontroleerd op 1 mei 2024.*" in page


def test_municipality_page_shows_nearby_programmes_with_distance(catalogue, gazetteer):
    programmes = (*catalogue.programmes, synthetic(catalogue, "in-heemstede", "In Heemstede", Area(municipalities=("Heemstede",))))
    page = page_of(with_programmes(catalogue, *programmes), "gemeenten/heemstede.md")
    nearby = page.split("## In de buurt")[1]
    assert "[Sleutelpersonen gezondheid Haarlem en Zandvoort](../programmas/haarlem-zandvoort-gezondheid.md), ongeveer" in nearby
    assert "In Heemstede" not in nearby


def test_map_link_encodes_the_name(gazetteer):
    assert municipalities.map_link("gemeenten/x.md", town(gazetteer, "'s-Gravenhage")) == "../sociale-kaart/index.md?gemeente=%27s-Gravenhage"
    assert municipalities.map_link("gemeenten/x.md", town(gazetteer, "Súdwest-Fryslân")).endswith("?gemeente=S%C3%BAdwest-Frysl%C3%A2n")


def test_programme_page_links_its_municipalities(files):
    page = files["programmas/haarlem-zandvoort-gezondheid.md"].content
    assert "Werkgebied\n:   [Haarlem](../gemeenten/haarlem.md), [Zandvoort](../gemeenten/zandvoort.md)" in page
    assert "Werkgebied\n:   Landelijk" in files["programmas/fsan-vrouwenbesnijdenis.md"].content


def test_map_page_has_the_app_and_the_plain_list(files, catalogue):
    page = files["sociale-kaart/index.md"].content
    assert "template: sociale-kaart.html" in page
    assert '<div id="kb-kaart" class="kb-kaart" hidden>' in page
    assert '<label for="kb-gemeente">Gemeente</label>' in page and 'role="combobox"' in page
    for param in ("provincie", "thema", "rol", "taal", "doelgroep", "vergoeding"):
        assert f'<label for="kb-{param}">' in page and f'<select id="kb-{param}"' in page
    assert 'role="status"' in page
    fallback = page.split('<div id="kb-kaart-zonder-js" markdown>')[1].split("</div>")[0]
    for p in catalogue.programmes:
        assert f"../programmas/{p.slug}.md" in fallback
    assert fallback.index("## Landelijk") < fallback.index("## Noord-Holland")


def test_select_options_are_escaped(catalogue, monkeypatch):
    options = socialmap.filter_options(catalogue)
    monkeypatch.setattr(socialmap, "filter_options", lambda c: {**options, "thema": [("a\"b", "<img src=x onerror=alert(1)>")]})
    html = socialmap.map_page(catalogue).content
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html and 'value="a&quot;b"' in html


def test_large_catalogue_keeps_the_map_page_small(catalogue, gazetteer):
    """With many programmes the plain list on the map page is paginated; later pages hold the rest."""
    names = [m.name for m in gazetteer.municipalities]
    many = [synthetic(catalogue, f"p-{n}", f"Programma {n}", Area(municipalities=(names[n % len(names)],))) for n in range(400)]
    big = with_programmes(catalogue, *catalogue.programmes, *many)
    files = {f.doc_path: f.content for f in generate(big) if f.doc_path.startswith("sociale-kaart/") and f.doc_path.endswith(".md")}
    page = files.pop("sociale-kaart/index.md")
    assert page.count("\n- [") < 80  # one page of the list, plus a few links
    assert 'aria-label="Paginanummers"' in page
    assert "sociale-kaart/pagina/2.md" in files
    listed = page + "".join(files.values())
    assert all(f"programmas/p-{n}.md" in listed for n in range(400))


def test_data_in_pages_is_escaped(catalogue, gazetteer):
    evil = synthetic(catalogue, "evil", "<img src=x onerror=alert(1)>", Area(municipalities=("Haarlem",)))
    evil = dataclasses.replace(evil, summary="<script>alert(1)</script>", organisation="<b>org</b>")
    cat = with_programmes(catalogue, evil)
    for page in (page_of(cat, "gemeenten/haarlem.md"), page_of(cat, "sociale-kaart/index.md")):
        assert "<img" not in page and "<script>alert" not in page and "<b>org" not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page


# --- client data ------------------------------------------------------------------

def test_client_index_describes_the_first_view(catalogue, gazetteer):
    index = mapdata.client_index(catalogue)
    assert index["aantal"] == len(catalogue.programmes) and index["blok"] == mapdata.TEXT_CHUNK
    assert len(index["gemeenten"]) == len(gazetteer.municipalities)
    haarlem = next(i for i, row in enumerate(index["gemeenten"]) if row[0] == "Haarlem")
    zandvoort = next(i for i, row in enumerate(index["gemeenten"]) if row[0] == "Zandvoort")
    assert index["gemeenten"][haarlem][4] == "haarlem"  # has a page
    assert next(row for row in index["gemeenten"] if row[0] == "'s-Gravenhage")[5] == ["Den Haag", "The Hague"]
    assert ["Weesp", next(i for i, row in enumerate(index["gemeenten"]) if row[0] == "Amsterdam")] in index["voormalig"]
    order = [p.slug for p in mapdata.client_order(catalogue.programmes)]
    assert order == ["fsan-vrouwenbesnijdenis", "haarlem-zandvoort-gezondheid"]  # national first
    assert index["start"] == {"landelijk": 1, "plaatsen": [(haarlem, 1), (zandvoort, 1)]}
    assert "programmas" not in index  # the per-programme columns are loaded later


def test_client_columns_describe_areas_and_filters(catalogue, gazetteer):
    index, columns = mapdata.client_index(catalogue), mapdata.client_columns(catalogue)
    haarlem = next(i for i, row in enumerate(index["gemeenten"]) if row[0] == "Haarlem")
    assert columns["gebied"][0] == []
    assert columns["gebied"][1] == [haarlem, next(i for i, row in enumerate(index["gemeenten"]) if row[0] == "Zandvoort")]
    themes = index["filters"]["thema"]
    kind, width = columns["soort"]["thema"]
    assert kind == "bit" and width == -(-len(themes) // 6)  # six themes per base-64 digit
    mask = 0
    for digit in columns["thema"][width:2 * width]:
        mask = mask * 64 + mapdata.DIGITS.index(digit)
    assert [t for i, t in enumerate(themes) if mask >> i & 1] == sorted(["gezondheid", "beleid"], key=themes.index)
    assert columns["soort"]["vergoeding"] == ["een", 1]
    assert index["filters"]["vergoeding"][mapdata.DIGITS.index(columns["vergoeding"][0])] == "gemengd"


def test_filter_columns_are_compact():
    assert mapdata.base64_column([0, 5, 63], 1) == "05_"
    assert mapdata.base64_column([64, 4095], 2) == "10__"
    assert mapdata._encode([[0, 2], [1]], 3, single=False) == (["bit", 1], "52")
    assert mapdata._encode([[0, 40], [1]], mapdata.MASK_BITS + 11, single=False) == (["lijst", 0], [[0, 40], [1]])
    assert mapdata._encode([[3], [1]], 4, single=True) == (["een", 1], "31")
    assert mapdata._encode([[70]], 100, single=True) == (["een", 2], "16")


def test_client_columns_encode_provinces_as_negative_numbers(catalogue):
    cat = with_programmes(catalogue, synthetic(catalogue, "z", "Z", Area(provinces=("Zeeland", "Groningen"))))
    assert mapdata.client_columns(cat)["gebied"][0] == [-1 - PROVINCES.index("Zeeland"), -1]
    assert mapdata.client_index(cat)["start"]["plaatsen"] == [(-1 - PROVINCES.index("Zeeland"), 1), (-1, 1)]


def test_client_texts_come_in_chunks_in_client_order(catalogue):
    many = [synthetic(catalogue, f"p-{n:03}", f"Programma {n:03}", Area(municipalities=("Utrecht",))) for n in range(mapdata.TEXT_CHUNK + 5)]
    chunks = list(mapdata.client_texts(with_programmes(catalogue, *many)))
    assert [len(c) for c in chunks] == [mapdata.TEXT_CHUNK, 5]
    assert chunks[1][0][:2] == [f"p-{mapdata.TEXT_CHUNK:03}", f"Programma {mapdata.TEXT_CHUNK:03}"]
    assert chunks[0][0][4:] == ["2026-12-01", 0, "Utrecht"]  # verified, stale, area


def test_generated_client_files_are_compact_json(files):
    index = json.loads(files["sociale-kaart/kaart.json"].content)
    assert index["aantal"] == 2
    assert json.loads(files["sociale-kaart/teksten/0.json"].content)[0][0] == "fsan-vrouwenbesnijdenis"
    assert "\n" not in files["sociale-kaart/kaart.json"].content.rstrip("\n")
    assert json.loads(files["sociale-kaart/kolommen.json"].content)["gebied"][0] == []


def test_municipality_page_stays_small_with_many_programmes(catalogue, gazetteer):
    """A long list is cut at PAGE_LIMIT, with a link to the map for the rest."""
    many = [synthetic(catalogue, f"p-{n}", f"Programma {n}", Area(municipalities=("Haarlem",))) for n in range(municipalities.PAGE_LIMIT + 7)]
    page = page_of(with_programmes(catalogue, *many), "gemeenten/haarlem.md")
    listed = page.split("## Programma's in Haarlem")[1].split("## ")[0]
    assert listed.count("\n- [") == municipalities.PAGE_LIMIT
    assert "En nog 7 programma's: [bekijk ze allemaal op de sociale kaart](../sociale-kaart/index.md?gemeente=Haarlem)." in listed
