"""One page per municipality ("Sleutelpersonen in <gemeente>") and the list of them.
"""

from __future__ import annotations

import posixpath
import re

from ..model.checks import Catalogue
from ..model.fields import Context
from ..model.gazetteer import PROVINCES, Municipality
from ..model.records import Programme
from . import common
from .common import MAP_DOC, OPEN_DATA_DOC, Generated, area_text, dutch_date, front_matter, is_stale, link, programme_doc, status_note, text
from .geography import MapIndex


def count(n: int) -> str:
    """``1 programma``, ``2 programma's``."""
    return f"{n} programma" if n == 1 else f"{n} programma's"


def municipality_doc(municipality: Municipality) -> str:
    """Docs path of a municipality page: ``gemeenten/haarlem.md``."""
    return common.municipality_doc(municipality.slug)


def stale_line(programme: Programme, ctx: Context) -> str:
    """A short 'check whether this is still current' note for lists, or nothing."""
    if not is_stale(programme.verified, ctx.today):
        return ""
    return f" *Controleer of dit nog klopt: laatst gecontroleerd op {dutch_date(programme.verified)}.*"


def programme_item(programme: Programme, ctx: Context, from_doc: str, extra: str = "") -> str:
    """One programme as a Markdown list item: link, organisation, area, summary."""
    return (f"- {link(programme.name, from_doc, programme_doc(programme.slug))}{extra} "
            f"({text(programme.organisation)}; werkgebied: {text(area_text(programme.area))}). "
            f"{text(programme.summary)} *({status_note(ctx.vocab.label('status', programme.status), programme.sources)})*"
            f"{stale_line(programme, ctx)}\n")


def map_link(from_doc: str, municipality: Municipality | None = None) -> str:
    """A relative link to the map page, with a municipality filter when given."""
    target = posixpath.relpath(MAP_DOC, posixpath.dirname(from_doc) or ".")
    if municipality:
        target += "?gemeente=" + re.sub(r"[^0-9A-Za-z._~-]", lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), municipality.name)
    return target


PAGE_LIMIT = 25  # programmes per list on a municipality page; the map shows the rest, so pages stay small


def more_on_map(total: int, doc: str, municipality: Municipality) -> str:
    """A closing line for a list cut at :data:`PAGE_LIMIT`: where to find the others."""
    if total <= PAGE_LIMIT:
        return "\n"
    return f"\nEn nog {count(total - PAGE_LIMIT)}: [bekijk ze allemaal op de sociale kaart]({map_link(doc, municipality)}).\n\n"


def municipality_page(municipality: Municipality, catalogue: Catalogue, index: MapIndex) -> Generated:
    """"Sleutelpersonen in <gemeente>": the programmes there, the national ones, and the nearest others."""
    ctx, doc = catalogue.context, municipality_doc(municipality)
    view = index.view(municipality)
    name = text(municipality.name)
    parts = [
        f"# Sleutelpersonen in {name}\n\n",
        f"{name} ligt in de provincie {municipality.province}. Hier zie je welke programma's met "
        f"sleutelpersonen in {name} werken. Je ziet ook de landelijke programma's en programma's in de buurt.\n\n",
        f"[Bekijk {name} op de sociale kaart]({map_link(doc, municipality)})\n\n",
        f"## Programma's in {name}\n\n",
    ]
    for p in view.local[:PAGE_LIMIT]:
        note = f" (in de hele provincie {p.area.provinces[0]})" if municipality.name not in p.area.municipalities else ""
        parts.append(programme_item(p, ctx, doc, note))
    parts.append(more_on_map(len(view.local), doc, municipality))
    if view.national:
        parts.append("## Landelijke programma's\n\nDeze programma's werken in heel Nederland, dus ook in "
                     f"{name}.\n\n" + "".join(programme_item(p, ctx, doc) for p in view.national[:PAGE_LIMIT])
                     + more_on_map(len(view.national), doc, municipality))
    if view.nearby:
        parts.append(f"## In de buurt\n\nDeze programma's werken niet in {name}, maar wel dichtbij. "
                     "De afstand is hemelsbreed, van het midden van de ene gemeente naar het midden van de andere.\n\n")
        parts += [programme_item(n.programme, ctx, doc, f", ongeveer {round(n.distance_km)} km") for n in view.nearby]
        parts.append("\n")
    parts.append(f"## Gegevens hergebruiken\n\nAlle programma's staan ook als [open data]({posixpath.relpath(OPEN_DATA_DOC, 'gemeenten')}).\n")
    meta = {"title": f"Sleutelpersonen in {municipality.name}",
            "description": f"Programma's met sleutelpersonen in de gemeente {municipality.name} ({municipality.province}), landelijk en in de buurt.",
            "type": "overzicht", "provincies": [municipality.province]}
    return Generated(doc, front_matter(meta) + "".join(parts), f"{catalogue.layout.programmes}/")


def municipality_index(municipalities: list[Municipality]) -> Generated:
    """The list of all municipality pages, per province."""
    doc = "gemeenten/index.md"
    parts = ["# Sleutelpersonen per gemeente\n\n",
             "Voor elke gemeente waar een programma met sleutelpersonen werkt, is er een eigen pagina. "
             "Staat jouw gemeente er niet bij? Zoek haar op de [sociale kaart](../sociale-kaart/index.md): "
             "daar zie je de landelijke programma's en de programma's die het dichtst bij jou werken.\n\n"]
    for province in PROVINCES:
        members = [m for m in municipalities if m.province == province]
        if members:
            parts.append(f"## {province}\n\n" + "".join(f"- {link(m.name, doc, municipality_doc(m))}\n" for m in members) + "\n")
    if not municipalities:
        parts.append("Er is nog geen gemeente met een eigen programma.\n")
    meta = {"title": "Sleutelpersonen per gemeente", "description": "Alle gemeenten waar een programma met sleutelpersonen werkt.", "type": "overzicht"}
    return Generated(doc, front_matter(meta) + "".join(parts), "programmas/")


def files(catalogue: Catalogue) -> list[Generated]:
    """A page for every municipality where a programme works, and the list of those pages."""
    index = MapIndex(catalogue.programmes, catalogue.context.gazetteer)
    covered = index.covered()
    return [*(municipality_page(m, catalogue, index) for m in covered), municipality_index(covered)]
