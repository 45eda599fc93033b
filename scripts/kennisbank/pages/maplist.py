"""The social map's plain list: every programme, national ones first, then per province, paginated.

Its first page is the fallback inside the interactive map page (:mod:`kennisbank.pages.socialmap`).
"""

from __future__ import annotations

from functools import partial

from ..model.checks import Catalogue, slugify
from ..model.fields import Context
from ..model.gazetteer import PROVINCES
from ..model.records import Programme
from .common import MAP_DOC, Generated, area_provinces, area_text, link, list_page, programme_doc, status_note, text
from .paginate import first_pages, grouped_pages, navigation, page_doc, page_title, relative, unindexed

FINISHED = "Afgeronde programma's"


def _map_item(programme: Programme, from_doc: str, ctx: Context) -> str:
    return (f"{link(programme.name, from_doc, programme_doc(programme.slug))} ({text(programme.organisation)}, "
            f"{text(area_text(programme.area))}): {text(programme.summary)} "
            f"*({status_note(ctx.vocab.label('status', programme.status), programme.sources)})*")


def map_pages(catalogue: Catalogue) -> list[Generated]:
    """The social map's list: every programme, national ones first, then per province, paginated.

    The first page says on which page each province starts.
    """
    ctx = catalogue.context
    programmes = sorted(catalogue.programmes, key=lambda p: p.name.lower())
    current = [p for p in programmes if p.status != "afgerond"]
    provinces = {p.slug: area_provinces(p.area, ctx) for p in current}
    groups: list[tuple[str, list[Programme]]] = [("Landelijk", [p for p in current if p.area.national])]
    for province in PROVINCES:
        groups.append((province, [p for p in current if province in provinces[p.slug]]))
    groups.append((FINISHED, [p for p in programmes if p.status == "afgerond"]))
    rows = [(name, p) for name, items in groups for p in items]
    anchors = {name: slugify(name) for name, _ in groups}
    starts = first_pages(rows)
    empty = [name for name, items in groups[1:-1] if not items]
    meta = {"title": "Sociale kaart", "description": "Vind programma's met sleutelpersonen in jouw gemeente, jouw provincie of landelijk.", "type": "overzicht"}
    result = []
    for doc, number, count, listing in grouped_pages(MAP_DOC, rows, partial(_map_item, ctx=ctx), anchors):
        parts = [f"# {page_title('Sociale kaart', number, count)}\n\n"]
        if number == 1:
            parts.append("Op de sociale kaart staan programma's die met sleutelpersonen werken. "
                         "Zoek een programma in jouw gemeente of provincie, of een landelijk programma. "
                         f"Programma's die zijn afgerond, staan onderaan onder '{FINISHED}'.\n\n")
            if count > 1:
                parts.append(f"De lijst staat op {count} pagina's. Ga direct naar:\n\n" + "".join(
                    f"- [{name}]({relative(doc, page_doc(MAP_DOC, starts[name]))}#{anchors[name]}) (pagina {starts[name]})\n"
                    for name, items in groups if items) + "\n")
        parts.append(unindexed(listing))
        parts.append(navigation(MAP_DOC, number, count))
        if empty and number == 1:
            parts.append("## Geen programma bekend\n\nIn deze provincies kent de kennisbank nog geen programma: "
                         f"{', '.join(empty)}. Ken je er een? Lees {link('Bijdragen', doc, 'bijdragen/index.md')}.\n")
        result.append(list_page(doc, meta, number, count, parts, f"{catalogue.layout.programmes}/"))
    return result
