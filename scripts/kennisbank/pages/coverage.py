"""Coverage at a glance: "N programma's in M van de 342 gemeenten", and a table per province, counted from the records.

The home page writes ``[[dekking]]`` where the figures belong; the map page shows them under its title.
The text is in ``templates/dekking.md``. A programme counts for a municipality when its area names the
municipality or its whole province (:class:`~kennisbank.pages.geography.MapIndex`); national programmes
work everywhere, so they are counted apart.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model.fields import Context
from ..model.gazetteer import PROVINCES
from ..model.records import Programme
from .common import area_provinces
from .geography import MapIndex
from .templating import render

COVERAGE_MARKER = "[[dekking]]"


@dataclass(frozen=True)
class ProvinceCoverage:
    """One province: the regional programmes that work in it, and how many of its municipalities have one."""

    province: str
    programmes: int
    covered: int
    municipalities: int


@dataclass(frozen=True)
class Coverage:
    """The regional programmes, the municipalities they work in, the national programmes, and each province."""

    regional: int
    national: int
    covered: int
    municipalities: int
    provinces: tuple[ProvinceCoverage, ...]


def coverage(programmes: tuple[Programme, ...], ctx: Context) -> Coverage:
    """Count the programmes and the municipalities they work in, in all and per province."""
    gazetteer = ctx.gazetteer
    index = MapIndex(programmes, gazetteer)
    covered = {m.name for m in index.covered()}
    regional = [p for p in programmes if not p.area.national and (p.area.municipalities or p.area.provinces)]
    provinces_of = [area_provinces(p.area, ctx) for p in regional]
    rows = []
    for province in PROVINCES:
        members = [m for m in gazetteer.municipalities if m.province == province]
        working = sum(1 for found in provinces_of if province in found)
        rows.append(ProvinceCoverage(province, working, sum(1 for m in members if m.name in covered), len(members)))
    return Coverage(len(regional), len(index.national), len(covered), len(gazetteer.municipalities), tuple(rows))


def coverage_markdown(figures: Coverage, from_doc: str) -> str:
    """The figures and the table (``templates/dekking.md``), with links relative to ``from_doc``."""
    folder = posixpath.dirname(from_doc) or "."
    return render("dekking.md", dekking=figures, gemeenten=posixpath.relpath("gemeenten/index.md", folder),
                  kaart=posixpath.relpath("sociale-kaart/index.md", folder)).strip("\n") + "\n"


def fill_in_coverage(markdown: str, figures: Coverage, from_doc: str) -> str:
    """Replace ``[[dekking]]`` with :func:`coverage_markdown`."""
    return markdown.replace(COVERAGE_MARKER, coverage_markdown(figures, from_doc)) if COVERAGE_MARKER in markdown else markdown
