"""The municipality pages: one per current municipality, their index with counts, and the redirect pages."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
import yaml

from kennisbank.model.checks import check_all
from kennisbank.model.gazetteer import PROVINCES, normalise, slug_of
from kennisbank.model.records import Area
from kennisbank.pages import municipalities
from kennisbank.pages.geography import MapIndex

from ..conftest import TODAY

HTML_LIMIT = 60 * 1024  # issue 14: a municipality page stays under 60 KB of HTML; its Markdown is far less


@pytest.fixture(scope="module")
def real(layout):
    return check_all(layout, today=TODAY)


@pytest.fixture(scope="module")
def files(real):
    return {f.doc_path: f for f in municipalities.files(real)}


def meta(content: str) -> dict:
    return yaml.safe_load(content.split("---\n")[1])


def with_programmes(catalogue, *programmes):
    return dataclasses.replace(catalogue, programmes=tuple(programmes))


def made_up(catalogue, slug: str, area: Area):
    """A programme in memory only, copied from a real one with another slug and area."""
    return dataclasses.replace(catalogue.programmes[0], slug=slug, name=f"Programma {slug}", area=area, path=f"programmas/{slug}.yml")


def test_every_current_municipality_has_a_page_of_type_gemeente(files, real):
    gazetteer = real.context.gazetteer
    assert len(gazetteer.municipalities) == 342
    for m in gazetteer.municipalities:
        page = files[f"gemeenten/{m.slug}.md"]
        assert meta(page.content)["type"] == "gemeente"
        assert meta(page.content)["provincies"] == [m.province]
        assert f"# Sleutelpersonen in {m.name}\n" in page.content.replace("&#x27;", "'") or m.name.startswith("'")


@pytest.mark.parametrize("name", ["Zwolle", "Amersfoort", "Tilburg", "'s-Hertogenbosch", "Súdwest-Fryslân", "Vlieland"])
def test_a_page_counts_its_programmes_in_its_description(files, real, name):
    m = real.context.gazetteer.lookup(name)
    view = MapIndex(real.programmes, real.context.gazetteer).view(m)
    described = meta(files[f"gemeenten/{m.slug}.md"].content)["description"].replace("&#x27;", "'")
    local, national = len(view.local), len(view.national)
    if local:
        assert described.startswith(f"{local} programma{'' if local == 1 else chr(39) + 's'} met sleutelpersonen in {m.name} ({m.province}), ")
    else:
        assert described.startswith(f"Nog geen programma met sleutelpersonen in {m.name} ({m.province}), ")
    assert f", {national} landelijke programma's en wat er in de buurt is." in described


def test_a_municipality_without_a_programme_says_so_and_how_to_add_one(real):
    catalogue = with_programmes(real, made_up(real, "a", Area(municipalities=("Haarlem",))))
    page = {f.doc_path: f.content for f in municipalities.files(catalogue)}["gemeenten/vlieland.md"]
    assert ("We kennen nog geen programma dat Vlieland zelf als werkgebied noemt. Ook geen programma voor de hele provincie Fryslân.\n\n"
            "Werkt jouw organisatie in Vlieland met sleutelpersonen? [Voeg je programma toe](../bijdragen/index.md).") in page
    assert "## In de hele provincie" not in page and "## Landelijke programma's" not in page
    assert "## In de buurt\n" in page and "[Programma a](../programmas/a.md), ongeveer " in page


def test_own_province_wide_and_national_programmes_each_have_their_section(real):
    catalogue = with_programmes(real, made_up(real, "eigen", Area(municipalities=("Zwolle", "Kampen"))),
                                made_up(real, "provincie", Area(provinces=("Overijssel",))),
                                made_up(real, "land", Area(national=True)))
    page = {f.doc_path: f.content for f in municipalities.files(catalogue)}["gemeenten/zwolle.md"]
    sections = re.split(r"\n## ", page)
    own = next(s for s in sections if s.startswith("Programma's in Zwolle"))
    province = next(s for s in sections if s.startswith("In de hele provincie Overijssel"))
    national = next(s for s in sections if s.startswith("Landelijke programma's"))
    assert "programmas/eigen.md" in own and "programmas/provincie.md" not in own and "Voeg je programma toe" not in own
    assert "programmas/provincie.md" in province and "programmas/eigen.md" not in province
    assert "programmas/land.md" in national
    assert meta(page)["description"] == ("2 programma&#x27;s met sleutelpersonen in Zwolle (Overijssel), 1 landelijk programma en "
                                         "wat er in de buurt is.")


def test_the_guides_for_municipalities_are_linked(files, real):
    guides = [p for p in real.pages if p.is_guide and "gemeenten" in p.audiences]
    assert guides
    page = files["gemeenten/zwolle.md"].content
    for guide in guides:
        assert f"({'../' + guide.doc_path})" in page
    others = [p for p in real.pages if p.is_guide and "gemeenten" not in p.audiences]
    assert all(f"(../{p.doc_path})" not in page.split("## Gidsen voor gemeenten")[1] for p in others)


def test_the_index_lists_every_municipality_by_province_with_its_count(files, real):
    index = files["gemeenten/index.md"].content
    view = MapIndex(real.programmes, real.context.gazetteer)
    covered = sum(1 for m in real.context.gazetteer.municipalities if view.local(m))
    assert f"In {covered} van de 342 gemeenten werkt nu een programma." in index
    for m in real.context.gazetteer.municipalities:
        assert f"({m.slug}.md) ({len(view.local(m))})\n" in index
    assert index.index("## Groningen") < index.index("## Fryslân") < index.index("## Limburg")


@pytest.mark.parametrize(("name", "target"), [
    ("Den Bosch", "s-hertogenbosch"), ("Den Haag", "s-gravenhage"), ("Weesp", "amsterdam"),
    ("Bergambacht", "krimpenerwaard"), ("Dantumadeel", "dantumadiel"), ("Bergen (Limburg)", "bergen-l"),
])
def test_other_names_lead_to_the_current_page(files, name, target):
    page = files[f"gemeenten/{slug_of(name)}.md"].content
    assert meta(page)["template"] == municipalities.REDIRECT_TEMPLATE
    assert meta(page)["doel"] == f"../{target}/"
    assert f"gemeenten/{target}.md" in files


def test_a_redirect_never_hides_a_current_municipality(real):
    gazetteer = real.context.gazetteer
    others = municipalities.other_names(gazetteer)
    assert not set(others) & {m.slug for m in gazetteer.municipalities}
    former = {slug_of(f.name) for f in gazetteer.former}
    assert former - {m.slug for m in gazetteer.municipalities} <= set(others)


def test_municipality_markdown_stays_small_with_many_programmes(real):
    many = [made_up(real, f"p-{n}", Area(municipalities=("Zwolle",))) for n in range(400)]
    many += [made_up(real, f"l-{n}", Area(national=True)) for n in range(400)]
    page = {f.doc_path: f.content for f in municipalities.files(with_programmes(real, *many))}["gemeenten/zwolle.md"]
    assert page.count("\n- [Programma ") == 2 * municipalities.PAGE_LIMIT
    assert "En nog 375 programma's: [bekijk ze allemaal op de sociale kaart](../sociale-kaart/index.md?gemeente=Zwolle)." in page
    assert len(page.encode()) < HTML_LIMIT / 2


def test_place_names_hold_every_name_with_its_counts(files, real):
    places = json.loads(files[municipalities.PLACE_NAMES].content)
    gazetteer = real.context.gazetteer
    view = MapIndex(real.programmes, gazetteer)
    assert places["landelijk"] == len(view.national) and places["provincies"] == list(PROVINCES)
    for m in gazetteer.municipalities:
        name, slug, own, province, where = places["gemeenten"][places["namen"][normalise(m.name)]]
        assert (name, slug, places["provincies"][where]) == (m.name, m.slug, m.province)
        assert own + province == len(view.local(m))
        for alias in m.aliases:
            assert places["gemeenten"][places["namen"][normalise(alias)]][0] == (gazetteer.lookup(alias) or m).name
    for former in gazetteer.former:
        key = normalise(former.name)
        if not gazetteer.lookup(former.name):
            assert places["gemeenten"][places["namen"][key]][0] == former.successor


def test_an_official_name_wins_over_a_former_one(real):
    # "Hengelo" is an official name (Overijssel); no former name or alias may take its key.
    places = municipalities.place_names([MapIndex((), real.context.gazetteer).view(m, 1) for m in real.context.gazetteer.municipalities],
                                        real.context.gazetteer)
    assert all(places["gemeenten"][i][0] == m.name for m in real.context.gazetteer.municipalities
               for i in [places["namen"][normalise(m.name)]])
