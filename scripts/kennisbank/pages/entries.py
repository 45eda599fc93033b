"""The page of one good practice and of one programme on the social map.

The text of both pages is in ``templates/praktijk.md`` and ``templates/programma.md``;
this module hands them the record and what it takes from the vocabularies.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import Any

from ..model.checks import Catalogue
from ..model.fields import Context
from ..model.records import Contact, Practice, Programme
from .common import (
    MAP_DOC,
    Generated,
    area_provinces,
    is_stale,
    knowledge,
    label_links,
    language_list,
    link,
    municipality_links,
    practice_doc,
    programme_doc,
    split_after_title,
)
from .templating import page, trusted


def profile(entry: Practice | Programme, ctx: Context, from_doc: str) -> dict[str, Any]:
    """What a practice and a programme share: roles, themes, communities, languages, payment, and how old it is."""
    return {
        "rollen": label_links(ctx, "rollen", entry.roles, from_doc, "rollen"),
        "themas": label_links(ctx, "themas", entry.themes, from_doc, "themas"),
        "doelgroepen": label_links(ctx, "doelgroepen", entry.communities),
        "talen": language_list(entry.languages),
        "vergoeding": ctx.vocab.label("vergoeding", entry.payment),
        "kennis": knowledge(entry.sources, ctx.vocab.label("status", entry.status), entry.period, ctx.today),
        "verouderd": is_stale(entry.verified, ctx.today),
        "doc": from_doc,
    }


def meta(entry: Practice | Programme, kind: str, ctx: Context) -> dict[str, Any]:
    """The front matter of an entry's page besides its title and description."""
    return {"type": kind, "themas": list(entry.themes), "rollen": list(entry.roles),
            "provincies": list(area_provinces(entry.area, ctx))}


def practice_page(practice: Practice, catalogue: Catalogue, programmes: dict[str, Programme] | None = None) -> Generated:
    """The page of one good practice: facts, freshness, then the contributor's text.

    ``programmes`` (by slug) saves a search through every programme for each practice.
    """
    ctx, doc = catalogue.context, practice_doc(practice.slug)
    if programmes is None:
        programmes = {p.slug: p for p in catalogue.programmes if p.slug == practice.programme}
    programme = programmes.get(practice.programme) if practice.programme else None
    before, after = split_after_title(practice.body.strip("\n"))
    content = page("praktijk.md", meta(practice, "praktijk", ctx), practice=practice, **profile(practice, ctx, doc),
                   voor=trusted(before), na=trusted(after.lstrip("\n")),
                   programma=trusted(link(programme.name, doc, programme_doc(programme.slug))) if programme else "")
    return Generated(doc, content, practice.path)


def programme_page(programme: Programme, catalogue: Catalogue, practices: Sequence[Practice] | None = None) -> Generated:
    """The page of one programme on the social map.

    ``practices`` (the ones that name this programme) saves a search through every practice.
    """
    ctx, doc = catalogue.context, programme_doc(programme.slug)
    if practices is None:
        practices = [p for p in catalogue.practices if p.programme == programme.slug]
    content = page("programma.md", meta(programme, "programma", ctx), programme=programme, **profile(programme, ctx, doc),
                   contact=programme.contact or Contact(),
                   gebied=municipality_links(programme.area, ctx, doc),
                   praktijken=[{"title": p.title, "summary": p.summary, "doc": practice_doc(p.slug)} for p in practices],
                   kaart=trusted(posixpath.relpath(MAP_DOC, "programmas")))
    return Generated(doc, content, programme.path)
