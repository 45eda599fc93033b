"""The page of one good practice and of one programme on the social map.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from ..model.checks import Catalogue
from ..model.fields import Context
from ..model.records import Practice, Programme
from .common import (
    MAP_DOC,
    Generated,
    area_links,
    area_provinces,
    area_text,
    definition_list,
    dutch_date,
    front_matter,
    insert_after_title,
    knowledge_notice,
    labels,
    language_names,
    link,
    practice_doc,
    programme_doc,
    sources_section,
    stale_notice,
    text,
)


def profile_rows(entry: Practice | Programme, ctx: Context, from_doc: str) -> list[tuple[str, str]]:
    """The facts a practice and a programme share: roles, themes, communities, languages, payment."""
    return [
        ("Rollen", labels(ctx, "rollen", entry.roles, from_doc, "rollen")),
        ("Thema's", labels(ctx, "themas", entry.themes, from_doc, "themas")),
        ("Doelgroepen", labels(ctx, "doelgroepen", entry.communities)),
        ("Talen", language_names(entry.languages)),
        ("Vergoeding", labels(ctx, "vergoeding", [entry.payment])),
    ]


def age_notice(entry: Practice | Programme, ctx: Context) -> str:
    """How old the knowledge of an entry is, with its status (see :func:`common.knowledge_notice`)."""
    return knowledge_notice(entry.sources, ctx.vocab.label("status", entry.status), entry.period, entry.organisation, ctx.today)


def practice_page(practice: Practice, catalogue: Catalogue, programmes: dict[str, Programme] | None = None) -> Generated:
    """The page of one good practice: facts, freshness, then the contributor's text.

    ``programmes`` (by slug) saves a search through every programme for each practice.
    """
    ctx, doc = catalogue.context, practice_doc(practice.slug)
    if programmes is None:
        programmes = {p.slug: p for p in catalogue.programmes if p.slug == practice.programme}
    programme = programmes.get(practice.programme) if practice.programme else None
    facts = definition_list([
        ("Organisatie", text(practice.organisation)),
        ("Werkgebied", text(area_text(practice.area))),
        *profile_rows(practice, ctx, doc),
        ("Aantal sleutelpersonen", practice.keyperson_count.dutch() if practice.keyperson_count else ""),
        ("Actief sinds", str(practice.since) if practice.since else ""),
        ("Op de sociale kaart", link(programme.name, doc, programme_doc(programme.slug)) if programme else ""),
    ])
    meta = {"title": practice.title, "description": practice.summary, "type": "praktijk",
            "themas": list(practice.themes), "rollen": list(practice.roles),
            "provincies": list(area_provinces(practice.area, ctx))}
    footer = f"\n\n{sources_section(practice.sources)}Laatst gecontroleerd: {dutch_date(practice.verified)}.\n"
    notices = age_notice(practice, ctx) + stale_notice(practice.verified, ctx.today)
    body = insert_after_title(practice.body.strip("\n"), notices + facts)
    return Generated(doc, front_matter(meta) + body + footer, practice.path)


def programme_page(programme: Programme, catalogue: Catalogue, practices: Sequence[Practice] | None = None) -> Generated:
    """The page of one programme on the social map.

    ``practices`` (the ones that name this programme) saves a search through every practice.
    """
    ctx, doc = catalogue.context, programme_doc(programme.slug)
    contact = programme.contact
    contact_rows = []
    if contact:
        contact_rows = [("E-mail", f"<{contact.email}>" if contact.email else ""),
                        ("Telefoon", text(contact.phone or "")),
                        ("Contactformulier", f"<{contact.form}>" if contact.form else "")]
    facts = definition_list([
        ("Organisatie", text(programme.organisation)),
        ("Werkgebied", area_links(programme.area, ctx, doc)),
        *profile_rows(programme, ctx, doc),
        ("Website", f"<{programme.website}>" if programme.website else ""),
        *contact_rows,
    ])
    if practices is None:
        practices = [p for p in catalogue.practices if p.programme == programme.slug]
    related = "".join(f"- {link(p.title, doc, practice_doc(p.slug))}: {text(p.summary)}\n" for p in practices)
    meta = {"title": programme.name, "description": programme.summary, "type": "programma",
            "themas": list(programme.themes), "rollen": list(programme.roles),
            "provincies": list(area_provinces(programme.area, ctx))}
    parts = [
        f"# {text(programme.name)}\n\n{text(programme.summary)}\n\n",
        age_notice(programme, ctx),
        stale_notice(programme.verified, ctx.today),
        facts,
        f"## Hoe zet je dit programma in?\n\n{text(programme.how_to_engage)}\n\n",
        f"## Goede praktijken\n\n{related}\n" if related else "",
        f"{sources_section(programme.sources)}Laatst gecontroleerd: {dutch_date(programme.verified)}.\n\n",
        f"[Terug naar de sociale kaart]({posixpath.relpath(MAP_DOC, 'programmas')})\n",
    ]
    return Generated(doc, front_matter(meta) + "".join(parts), programme.path)
