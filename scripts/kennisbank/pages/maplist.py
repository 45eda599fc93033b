"""The social map's plain list: every programme, national ones first, then per province, paginated.

Its first page is the fallback inside the interactive map page (:mod:`kennisbank.pages.socialmap`).
The text is in ``templates/kaartlijst.md`` and the blocks both pages share, ``templates/_kaartlijst.md``.
"""

from __future__ import annotations

from typing import Any

from ..model.checks import Catalogue, slugify
from ..model.gazetteer import PROVINCES
from ..model.records import Programme
from .common import MAP_DOC, Generated, area_provinces, knowledge
from .paginate import first_pages, grouped_pages, page_doc, pagination, relative
from .templating import fragment, page

NATIONAL, FINISHED = "landelijk", "afgerond"  # the keys of the first and the last group (the template names them)


def list_item(programme: Programme, catalogue: Catalogue) -> dict[str, Any]:
    """A programme as the list shows it: the record, its page, its area and its status with the age of its knowledge.

    Area and status are the blocks ``werkgebied`` and ``status`` of ``_blokken.md``: a programme in three
    provinces is listed three times, and the blocks are written once.
    """
    ctx = catalogue.context
    status = knowledge(programme.sources, ctx.vocab.label("status", programme.status), programme.period, ctx.today)
    return {"programme": programme, "doc": f"programmas/{programme.slug}.md",
            "werkgebied": fragment("werkgebied", programme.area), "status": fragment("status", status)}


def groups(catalogue: Catalogue) -> list[tuple[str, list[Programme]]]:
    """(key, programmes): national ones, every province (programmes of each municipality there count), finished ones."""
    programmes = sorted(catalogue.programmes, key=lambda p: p.name.lower())
    current = [p for p in programmes if p.status != "afgerond"]
    provinces = {p.slug: area_provinces(p.area, catalogue.context) for p in current}
    return [(NATIONAL, [p for p in current if p.area.national]),
            *((province, [p for p in current if province in provinces[p.slug]]) for province in PROVINCES),
            (FINISHED, [p for p in programmes if p.status == "afgerond"])]


def list_pages(catalogue: Catalogue) -> list[dict[str, Any]]:
    """What the templates need for every page of the list: its groups, navigation, and on page 1 where each group starts."""
    all_groups = groups(catalogue)
    rows = [(key, list_item(p, catalogue)) for key, items in all_groups for p in items]
    anchors = {key: slugify(key) for key, _ in all_groups}
    starts = first_pages(rows)
    empty = [key for key, items in all_groups[1:-1] if not items]
    result = []
    for doc, number, count, part in grouped_pages(MAP_DOC, rows, anchors):
        jumps = [{"key": key, "page": starts[key], "target": f"{relative(doc, page_doc(MAP_DOC, starts[key]))}#{anchors[key]}"}
                 for key, items in all_groups if items]
        result.append({"doc": doc, "nummer": number, "aantal": count, "groepen": part, "sprongen": jumps,
                       "leeg": empty, "totaal": len(catalogue.programmes),
                       "navigatie": pagination(MAP_DOC, number, count)})
    return result


def map_pages(catalogue: Catalogue, pages: list[dict[str, Any]] | None = None) -> list[Generated]:
    """Every page of the social map's list on its own (the first one is inside the map page instead).

    ``pages``: the :func:`list_pages` when the caller has them already.
    """
    return [Generated(data["doc"], page("kaartlijst.md", {"type": "overzicht"}, **data), f"{catalogue.layout.programmes}/")
            for data in (list_pages(catalogue) if pages is None else pages)]
