"""Generated pages and data, from the real catalogue and from crafted records."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from kennisbank import generate as g
from kennisbank.checks import check_all
from kennisbank.records import Area

from .conftest import TODAY


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=TODAY)


@pytest.fixture(scope="module")
def files(catalogue):
    return {f.doc_path: f for f in g.generate(catalogue)}


def test_dutch_date():
    assert g.dutch_date(dt.date(2021, 2, 23)) == "23 februari 2021"


def test_text_escapes_html_and_table_pipes():
    assert g.text('<img src=x onerror="alert(1)"> | a') == '&lt;img src=x onerror="alert(1)"&gt; &#124; a'


def test_link_is_relative():
    assert g.link("FSAN", "rollen/helper.md", "praktijken/fsan.md") == "[FSAN](../praktijken/fsan.md)"
    assert g.link("Kaart", "index.md", "sociale-kaart/index.md") == "[Kaart](sociale-kaart/index.md)"


def test_stale_notice_only_after_twelve_months():
    assert g.stale_notice(dt.date(2026, 1, 1), TODAY) == ""
    assert "Controleer of dit nog klopt" in g.stale_notice(dt.date(2021, 2, 23), TODAY)


def test_area_text():
    assert g.area_text(Area(national=True)) == "Landelijk"
    assert g.area_text(Area(unknown=True)) == "Niet vermeld in de bron"
    assert g.area_text(Area(municipalities=("Haarlem",), provinces=("Utrecht",))) == "Haarlem, provincie Utrecht"


def test_every_practice_and_programme_has_a_page(catalogue, files):
    for p in catalogue.practices:
        assert files[f"praktijken/{p.slug}.md"].edit_path == p.path
    for p in catalogue.programmes:
        assert files[f"programmas/{p.slug}.md"].edit_path == p.path


def test_index_pages_per_theme_and_role(catalogue, files):
    for key in catalogue.context.vocab.keys("themas"):
        assert f"themas/{key}.md" in files
    for key in catalogue.context.vocab.keys("rollen"):
        assert f"rollen/{key}.md" in files


def test_practice_page_shows_facts_source_and_notice(files):
    page = files["praktijken/fsan.md"].content
    assert "title: Landelijk netwerk tegen vrouwenbesnijdenis" in page
    assert "Organisatie\n:   Federatie van Somalische Associaties Nederland (FSAN)" in page
    assert "[Voorlichter](../rollen/voorlichter.md)" in page
    assert "Aantal sleutelpersonen\n:   ongeveer 200" in page
    assert "Controleer of dit nog klopt" in page  # verified 2021, shown in 2026
    assert "## Bron" in page and "23 februari 2021" in page
    assert page.index("Organisatie\n:") > page.index("# Landelijk netwerk")


def test_data_from_entries_is_escaped(catalogue):
    evil = dataclasses.replace(catalogue.programmes[0], name="<img src=x onerror=alert(1)>", how_to_engage="<script>x</script>")
    page = g.programme_page(evil, dataclasses.replace(catalogue, programmes=(evil,))).content
    assert "<img" not in page and "<script>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_theme_page_lists_matching_entries(catalogue, files):
    page = files["themas/gezondheid.md"].content
    for p in catalogue.practices:
        assert (f"../praktijken/{p.slug}.md" in page) == ("gezondheid" in p.themes)


def test_map_page_groups_national_and_province(files):
    page = files["sociale-kaart/index.md"].content
    assert page.index("## Landelijk") < page.index("## Noord-Holland")
    assert "../programmas/haarlem-zandvoort-gezondheid.md" in page.split("## Noord-Holland")[1]


def test_payment_table_covers_every_practice(catalogue):
    table = g.payment_table(catalogue, "gidsen/waardering-en-vergoeding.md")
    for p in catalogue.practices:
        assert f"(../praktijken/{p.slug}.md)" in table
    assert "| Praktijk | Vergoeding | Aantal sleutelpersonen |" in table


def test_json_export_round_trips(catalogue, files):
    practices = json.loads(files["data/praktijken.json"].content)
    programmes = json.loads(files["data/programmas.json"].content)
    assert [p["slug"] for p in practices] == [p.slug for p in catalogue.practices]
    assert len(programmes) == len(catalogue.programmes)
    assert practices[0]["verified"] == catalogue.practices[0].verified.isoformat()


def test_content_model_page_documents_every_field(files):
    from kennisbank.schema import SCHEMAS

    page = files["bijdragen/inhoudsmodel.md"].content
    for fields in SCHEMAS.values():
        for f in fields:
            assert f"| `{f.name}` |" in page
