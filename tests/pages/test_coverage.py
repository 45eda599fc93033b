"""Coverage: programmes and the municipalities they work in, in all and per province, counted from the records."""

from __future__ import annotations

import dataclasses

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.gazetteer import PROVINCES
from kennisbank.model.records import Area
from kennisbank.pages import coverage

from ..conftest import TODAY


@pytest.fixture(scope="module")
def real(layout):
    return check_all(layout, today=TODAY)


def made_up(real, slug: str, area: Area):
    return dataclasses.replace(real.programmes[0], slug=slug, name=slug, area=area, path=f"programmas/{slug}.yml")


def test_counts_of_made_up_programmes(real):
    programmes = (made_up(real, "a", Area(municipalities=("Zwolle", "Kampen"))), made_up(real, "b", Area(provinces=("Zeeland",))),
                  made_up(real, "c", Area(municipalities=("Utrecht",), provinces=("Zeeland",))), made_up(real, "d", Area(national=True)))
    figures = coverage.coverage(programmes, real.context)
    zeeland = len(real.context.gazetteer.by_province("Zeeland"))
    assert (figures.regional, figures.national, figures.covered, figures.municipalities) == (3, 1, 2 + 1 + zeeland, 342)
    rows = {r.province: r for r in figures.provinces}
    assert [r.province for r in figures.provinces] == list(PROVINCES)
    assert rows["Overijssel"] == coverage.ProvinceCoverage("Overijssel", 1, 2, 25)
    assert rows["Zeeland"] == coverage.ProvinceCoverage("Zeeland", 2, zeeland, zeeland)
    assert rows["Utrecht"].programmes == 1 and rows["Utrecht"].covered == 1
    assert rows["Limburg"] == coverage.ProvinceCoverage("Limburg", 0, 0, 31)


def test_the_real_figures_equal_a_count_over_the_records(real):
    figures = coverage.coverage(real.programmes, real.context)
    gazetteer = real.context.gazetteer
    regional = [p for p in real.programmes if not p.area.national and (p.area.municipalities or p.area.provinces)]
    named = {gazetteer.lookup(n).name for p in regional for n in p.area.municipalities}
    provinces = {v for p in regional for v in p.area.provinces}
    assert figures.regional == len(regional) > 0
    assert figures.national == sum(1 for p in real.programmes if p.area.national)
    assert figures.covered == sum(1 for m in gazetteer.municipalities if m.name in named or m.province in provinces)
    assert sum(r.municipalities for r in figures.provinces) == 342


@pytest.mark.parametrize(("doc", "links"), [("index.md", ("gemeenten/index.md", "sociale-kaart/index.md")),
                                            ("sociale-kaart/index.md", ("../gemeenten/index.md", "index.md"))])
def test_the_marker_becomes_the_sentence_and_the_table(real, doc, links):
    figures = coverage.Coverage(47, 15, 190, 342, (coverage.ProvinceCoverage("Groningen", 4, 3, 10),))
    text = coverage.fill_in_coverage("Voor\n\n[[dekking]]\n\nNa", figures, doc)
    assert text.startswith("Voor\n\n**47 programma's in 190 van de 342 gemeenten.** Daarnaast werken er 15 landelijke programma's in heel Nederland.")
    assert f"[lijst van gemeenten]({links[0]})" in text and f"[sociale kaart]({links[1]})" in text
    assert "| Provincie | Programma's | Gemeenten met een programma |\n|---|---:|---:|\n| Groningen | 4 | 3 van 10 |\n" in text
    assert text.endswith("\n\nNa")
    assert coverage.fill_in_coverage("geen merkteken", figures, doc) == "geen merkteken"


def test_one_national_programme_is_singular(real):
    text = coverage.coverage_markdown(coverage.Coverage(1, 1, 1, 342, ()), "index.md")
    assert text.startswith("**1 programma in 1 van de 342 gemeenten.** Daarnaast werkt er 1 landelijk programma in heel Nederland.")
