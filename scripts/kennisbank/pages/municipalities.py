"""One page per current municipality ("Sleutelpersonen in <gemeente>"), the list of them, and the
redirect pages for former municipalities and other names.

The text is in ``templates/gemeente.md``, ``templates/gemeenten.md`` and, for the redirects,
``overrides/doorverwijzing.html``.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass

from markupsafe import Markup

from ..model.checks import Catalogue
from ..model.fields import Context
from ..model.gazetteer import PROVINCES, Gazetteer, Municipality, normalise, slug_of
from ..model.records import Page, Programme
from . import common
from .common import BIJDRAGEN_DOC, MAP_DOC, OPEN_DATA_DOC, Generated, front_matter, is_stale, knowledge, link, programme_doc
from .geography import LocalView, MapIndex
from .templating import fragment, page, trusted

#: The template of a redirect page (in ``overrides/``): a link and a meta refresh, no JavaScript.
REDIRECT_TEMPLATE = "doorverwijzing.html"

#: Who a guide for municipalities is written for (its ``doelgroep``).
MUNICIPAL_AUDIENCE = "gemeenten"


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


@dataclass(frozen=True)
class Counts:
    """How many programmes work in a municipality: named there, province-wide and national."""

    own: int
    province: int
    national: int

    @property
    def local(self) -> int:
        """Programmes that name the municipality or its whole province."""
        return self.own + self.province


def own_and_province(view: LocalView) -> tuple[list[Programme], list[Programme]]:
    """The programmes that name the municipality, and those that work in its whole province only."""
    own = [p for p in view.local if view.municipality.name in p.area.municipalities]
    return own, [p for p in view.local if view.municipality.name not in p.area.municipalities]


def counts(view: LocalView) -> Counts:
    """The :class:`Counts` of a municipality's view."""
    own, province = own_and_province(view)
    return Counts(len(own), len(province), len(view.national))


def municipal_guides(pages: tuple[Page, ...]) -> list[Page]:
    """The guides written for municipalities, by title."""
    return sorted((p for p in pages if p.is_guide and MUNICIPAL_AUDIENCE in p.audiences), key=lambda p: p.title.lower())


def municipality_page(view: LocalView, catalogue: Catalogue, guides: list[Page] | None = None) -> Generated:
    """"Sleutelpersonen in <gemeente>": its own programmes, the province-wide and national ones, the nearest
    others, the guides for municipalities, and how to add a programme."""
    municipality = view.municipality
    ctx, doc = catalogue.context, municipality_doc(municipality)
    own, province = own_and_province(view)
    content = page("gemeente.md", {"type": "gemeente", "provincies": [municipality.province]},
                   doc=doc, gemeente=municipality, aantallen=counts(view),
                   eigen=[listed(p, ctx, doc) for p in own[:PAGE_LIMIT]],
                   provincie=[listed(p, ctx, doc) for p in province[:PAGE_LIMIT]],
                   landelijk=[listed(p, ctx, doc) for p in view.national[:PAGE_LIMIT]],
                   dichtbij=[listed(n.programme, ctx, doc, fragment("afstand", round(n.distance_km))) for n in view.nearby],
                   meer_eigen=max(0, len(own) - PAGE_LIMIT), meer_provincie=max(0, len(province) - PAGE_LIMIT),
                   meer_landelijk=max(0, len(view.national) - PAGE_LIMIT),
                   gidsen=[trusted(link(g.title, doc, g.doc_path)) for g in (guides or [])],
                   bijdragen=trusted(posixpath.relpath(BIJDRAGEN_DOC, "gemeenten")),
                   kaart=trusted(map_link(doc, municipality)), open_data=trusted(posixpath.relpath(OPEN_DATA_DOC, "gemeenten")))
    return Generated(doc, content, f"{catalogue.layout.programmes}/")


def municipality_index(rows: list[tuple[Municipality, Counts]]) -> Generated:
    """The list of all municipalities, per province, each with its count of programmes."""
    doc = "gemeenten/index.md"
    provinces = [(province, [{"name": m.name, "doc": municipality_doc(m), "aantal": c.local} for m, c in rows if m.province == province])
                 for province in PROVINCES]
    content = page("gemeenten.md", {"type": "overzicht"}, doc=doc, provincies=[(p, ms) for p, ms in provinces if ms],
                   met_programma=sum(1 for _, c in rows if c.local), totaal=len(rows),
                   kaart=trusted(posixpath.relpath(MAP_DOC, "gemeenten")))
    return Generated(doc, content, "programmas/")


def other_names(gazetteer: Gazetteer) -> dict[str, Municipality]:
    """Slug of every alias and former municipality → the current municipality it leads to.

    A slug that is a current municipality's own is never taken; of two names with one slug the first wins
    (aliases before former names, in the order of the data).
    """
    taken = {m.slug for m in gazetteer.municipalities}
    found: dict[str, Municipality] = {}
    names = [(alias, m) for m in gazetteer.municipalities for alias in m.aliases]
    names += [(f.name, m) for f in gazetteer.former if (m := gazetteer.lookup(f.successor))]
    for name, municipality in names:
        slug = slug_of(name)
        if slug and slug not in taken and slug not in found:
            found[slug] = municipality
    return found


def redirect_page(slug: str, municipality: Municipality) -> Generated:
    """A page at ``gemeenten/<slug>/`` that sends the visitor on to the municipality's own page."""
    meta = {"title": municipality.name, "template": REDIRECT_TEMPLATE, "doel": f"../{municipality.slug}/"}
    return Generated(f"gemeenten/{slug}.md", front_matter(meta), in_sitemap=False)


def files(catalogue: Catalogue) -> list[Generated]:
    """A page for every current municipality, their index, a redirect for every other name, and the place
    names for the search."""
    index = MapIndex(catalogue.programmes, catalogue.context.gazetteer)
    guides = municipal_guides(catalogue.pages)
    views = [index.view(m) for m in catalogue.context.gazetteer.municipalities]
    redirects = [redirect_page(slug, m) for slug, m in other_names(catalogue.context.gazetteer).items()]
    return [*(municipality_page(v, catalogue, guides) for v in views),
            municipality_index([(v.municipality, counts(v)) for v in views]), *redirects,
            Generated(PLACE_NAMES, json.dumps(place_names(views, catalogue.context.gazetteer), ensure_ascii=False,
                                              separators=(",", ":")) + "\n")]


#: The place names for the site search (``overrides/assets/javascripts/zoeken/plaatsen.js``).
PLACE_NAMES = "zoeken/plaatsen.json"


def place_names(views: list[LocalView], gazetteer: Gazetteer) -> dict:
    """What the search needs to put a municipality's page first: per municipality its name, slug and counts
    (own, province-wide) and province (an index of ``provincies``), the number of national programmes, and
    every name a visitor may type (official, alias, former; normalised
    as :func:`~kennisbank.model.gazetteer.normalise` does) → the index of its municipality.

    An official name always wins over an alias or a former name; of the others the first one keeps its key.
    """
    position = {v.municipality.name: i for i, v in enumerate(views)}
    keys: dict[str, int] = {normalise(v.municipality.name): i for i, v in enumerate(views)}
    others = [(alias, m.name) for m in gazetteer.municipalities for alias in m.aliases]
    others += [(f.name, f.successor) for f in gazetteer.former]
    for name, current in others:
        keys.setdefault(normalise(name), position[current])
    rows = [[v.municipality.name, v.municipality.slug, c.own, c.province, PROVINCES.index(v.municipality.province)]
            for v in views for c in (counts(v),)]
    return {"gemeenten": rows, "provincies": list(PROVINCES), "landelijk": len(views[0].national) if views else 0,
            "namen": dict(sorted(keys.items()))}
