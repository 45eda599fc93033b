"""One page per municipality ("Sleutelpersonen in <gemeente>") and the list of them.

The text is in ``templates/gemeente.md`` and ``templates/gemeenten.md``.
"""

from __future__ import annotations

import posixpath
import re

from markupsafe import Markup

from ..model.checks import Catalogue
from ..model.fields import Context
from ..model.gazetteer import PROVINCES, Municipality
from ..model.records import Programme
from . import common
from .common import MAP_DOC, OPEN_DATA_DOC, Generated, is_stale, knowledge, link, programme_doc
from .geography import MapIndex
from .templating import fragment, page, trusted


def municipality_doc(municipality: Municipality) -> str:
    """Docs path of a municipality page: ``gemeenten/haarlem.md``."""
    return common.municipality_doc(municipality.slug)


def listed(programme: Programme, ctx: Context, from_doc: str, extra: Markup | str = "") -> Markup:
    """A programme's line in the lists of a municipality page (the ``programma`` block of ``_blokken.md``).

    Every municipality page lies in the same folder, so the line of a programme is the same on each of
    them: :func:`~kennisbank.pages.templating.fragment` writes it once.
    """
    status = knowledge(programme.sources, ctx.vocab.label("status", programme.status), programme.period, ctx.today)
    return fragment("programma", programme, trusted(link(programme.name, from_doc, programme_doc(programme.slug))),
                    status, is_stale(programme.verified, ctx.today), extra)


def map_link(from_doc: str, municipality: Municipality | None = None) -> str:
    """A relative link to the map page, with a municipality filter when given."""
    target = posixpath.relpath(MAP_DOC, posixpath.dirname(from_doc) or ".")
    if municipality:
        target += "?gemeente=" + re.sub(r"[^0-9A-Za-z._~-]", lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), municipality.name)
    return target


PAGE_LIMIT = 25  # programmes per list on a municipality page; the map shows the rest, so pages stay small


def municipality_page(municipality: Municipality, catalogue: Catalogue, index: MapIndex) -> Generated:
    """"Sleutelpersonen in <gemeente>": the programmes there, the national ones, and the nearest others."""
    ctx, doc = catalogue.context, municipality_doc(municipality)
    view = index.view(municipality)
    local = [listed(p, ctx, doc, "" if municipality.name in p.area.municipalities else fragment("hele_provincie", p.area.provinces[0]))
             for p in view.local[:PAGE_LIMIT]]
    content = page("gemeente.md", {"type": "overzicht", "provincies": [municipality.province]},
                   doc=doc, gemeente=municipality, lokaal=local,
                   landelijk=[listed(p, ctx, doc) for p in view.national[:PAGE_LIMIT]],
                   dichtbij=[listed(n.programme, ctx, doc, fragment("afstand", round(n.distance_km))) for n in view.nearby],
                   meer_lokaal=max(0, len(view.local) - PAGE_LIMIT), meer_landelijk=max(0, len(view.national) - PAGE_LIMIT),
                   kaart=trusted(map_link(doc, municipality)), open_data=trusted(posixpath.relpath(OPEN_DATA_DOC, "gemeenten")))
    return Generated(doc, content, f"{catalogue.layout.programmes}/")


def municipality_index(municipalities: list[Municipality]) -> Generated:
    """The list of all municipality pages, per province."""
    doc = "gemeenten/index.md"
    provinces = [(province, [{"name": m.name, "doc": municipality_doc(m)} for m in municipalities if m.province == province])
                 for province in PROVINCES]
    content = page("gemeenten.md", {"type": "overzicht"}, doc=doc, provincies=[(p, ms) for p, ms in provinces if ms],
                   kaart=trusted(posixpath.relpath(MAP_DOC, "gemeenten")))
    return Generated(doc, content, "programmas/")


def files(catalogue: Catalogue) -> list[Generated]:
    """A page for every municipality where a programme works, and the list of those pages."""
    index = MapIndex(catalogue.programmes, catalogue.context.gazetteer)
    covered = index.covered()
    return [*(municipality_page(m, catalogue, index) for m in covered), municipality_index(covered)]
