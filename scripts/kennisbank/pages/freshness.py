"""The editors' page 'Te controleren': entries not checked for more than twelve months.

``kennisbank check`` warns about each such entry; this page lists the same
entries for editors, oldest first, with a link to the page and to its source
file. The source links are written as ``kennisbank-bron:<path>`` and turned into
web-editor addresses by the mkdocs plugin (:func:`source_links`), because only
the plugin knows the repository's address.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model.checks import Catalogue
from ..model.records import PartialDate, newest_source_date
from .common import Generated, dutch_date, front_matter, is_stale, knowledge_is_old, link, list_page, practice_doc, programme_doc, text
from .paginate import navigation, page_title, pages

EDITORS_DOC = "redactie/index.md"
KNOWLEDGE_DOC = "redactie/oude-kennis.md"
SOURCE_SCHEME = "kennisbank-bron:"
SOURCE_LINK_RE = re.compile(r"\[([^\]]*)\]\(" + re.escape(SOURCE_SCHEME) + r"([^)\s]+)\)")


@dataclass(frozen=True)
class StaleEntry:
    """One entry that needs checking: when it was last checked, what it is, where it lives."""

    checked: dt.date
    kind: str
    title: str
    doc_path: str
    source_path: str
    field: str


def stale_entries(catalogue: Catalogue) -> list[StaleEntry]:
    """Every page, practice and programme last checked more than twelve months ago, oldest first."""
    today = catalogue.context.today
    entries = [StaleEntry(p.reviewed, "Gids" if p.is_guide else "Pagina", p.title, p.doc_path, p.path, "laatst_herzien")
               for p in catalogue.pages]
    entries += [StaleEntry(p.verified, "Goede praktijk", p.title, practice_doc(p.slug), p.path, "laatst_geverifieerd")
                for p in catalogue.practices]
    entries += [StaleEntry(p.verified, "Programma", p.name, programme_doc(p.slug), p.path, "laatst_geverifieerd")
                for p in catalogue.programmes]
    return sorted((e for e in entries if is_stale(e.checked, today)), key=lambda e: (e.checked, e.title.lower()))


def editors_page(catalogue: Catalogue) -> Generated:
    """The generated page 'Te controleren'."""
    entries = stale_entries(catalogue)
    today = catalogue.context.today
    parts = [
        "# Te controleren\n\n",
        "Deze pagina is voor redacteuren. Hier staat alles wat langer dan twaalf maanden niet is "
        "gecontroleerd. Het oudste staat bovenaan. `kennisbank check` noemt dezelfde pagina's als waarschuwing.\n\n",
        "Zo controleer je een pagina:\n\n"
        "1. Ga na of alles nog klopt. Lees bijvoorbeeld de website van de organisatie, of vraag het de organisatie zelf.\n"
        "2. Pas aan wat niet meer klopt. Noem de bron van de nieuwe gegevens.\n"
        "3. Zet de datum bij `laatst_geverifieerd` (bij een gids: `laatst_herzien`) op de dag van je controle.\n\n",
        "Het bronbestand opent in de webeditor van GitHub. Lees ook [Bijdragen](../bijdragen/index.md).\n\n",
        f"Praktijken en programma's waarvan de nieuwste bron ouder is dan twee jaar, staan op {link('Oude kennis', EDITORS_DOC, KNOWLEDGE_DOC)}.\n\n",
    ]
    if entries:
        count = "1 pagina" if len(entries) == 1 else f"{len(entries)} pagina's"
        parts.append(f"Stand op {dutch_date(today)}: {count}.\n\n")
        parts.append("| Laatst gecontroleerd | Soort | Pagina | Bronbestand |\n|---|---|---|---|\n")
        parts += [
            f"| {dutch_date(e.checked)} | {e.kind} | {link(e.title, EDITORS_DOC, e.doc_path)} | "
            f"[{text(e.source_path)}]({SOURCE_SCHEME}{e.source_path}) |\n"
            for e in entries
        ]
    else:
        parts.append(f"Stand op {dutch_date(today)}: alles is in de afgelopen twaalf maanden gecontroleerd.\n")
    meta = {"title": "Te controleren", "description": "Voor redacteuren: pagina's die langer dan twaalf maanden niet zijn gecontroleerd.",
            "type": "overzicht"}
    return Generated(EDITORS_DOC, front_matter(meta) + "".join(parts), "scripts/kennisbank/pages/freshness.py")


def source_links(markdown: str, url_of: Callable[[str], str] | None) -> str:
    """Turn ``[label](kennisbank-bron:path)`` into links to the web editor, or into plain code without one."""
    if url_of is None:
        return SOURCE_LINK_RE.sub(lambda m: f"`{m.group(2)}`", markdown)
    return SOURCE_LINK_RE.sub(lambda m: f"[{m.group(1)}]({url_of(m.group(2))})", markdown)


@dataclass(frozen=True)
class AgedEntry:
    """A practice or programme whose newest dated source is more than 24 months old (or that has no dated source)."""

    newest: PartialDate | None
    kind: str
    title: str
    status: str
    doc_path: str
    source_path: str


def aged_entries(catalogue: Catalogue) -> list[AgedEntry]:
    """Every practice and programme with old or undated knowledge, oldest first (undated first of all)."""
    ctx = catalogue.context
    entries = [AgedEntry(newest_source_date(p.sources), "Goede praktijk", p.title, ctx.vocab.label("status", p.status),
                         practice_doc(p.slug), p.path) for p in catalogue.practices]
    entries += [AgedEntry(newest_source_date(p.sources), "Programma", p.name, ctx.vocab.label("status", p.status),
                          programme_doc(p.slug), p.path) for p in catalogue.programmes]
    old = [e for e in entries if knowledge_is_old(e.newest, ctx.today)]
    return sorted(old, key=lambda e: (e.newest is not None, e.newest.latest() if e.newest else dt.date.min, e.title.lower()))


def knowledge_pages(catalogue: Catalogue) -> list[Generated]:
    """'Oude kennis': entries whose newest source is older than two years, oldest first, in pages of 50."""
    entries = aged_entries(catalogue)
    meta = {"title": "Oude kennis", "type": "overzicht",
            "description": "Voor redacteuren: praktijken en programma's waarvan de nieuwste bron ouder is dan twee jaar, de oudste eerst."}
    result = []
    for doc, number, count, part in pages(KNOWLEDGE_DOC, entries):
        parts = [f"# {page_title('Oude kennis', number, count)}\n\n"]
        if number == 1:
            parts.append("Hier staan de praktijken en programma's waarvan de nieuwste bron ouder is dan twee jaar, of geen datum "
                         "noemt. De oudste staat bovenaan. Zoek een nieuwere bron, bijvoorbeeld de website van de organisatie, "
                         "of vraag de organisatie hoe het nu gaat. Voeg de nieuwe bron toe aan `bronnen` en pas zo nodig de "
                         "`status` aan. Alle pagina's over het controleren staan op "
                         f"{link('Te controleren', doc, EDITORS_DOC)}.\n\n")
            parts.append(f"Stand op {dutch_date(catalogue.context.today)}: {len(entries)} van "
                         f"{len(catalogue.practices) + len(catalogue.programmes)} praktijken en programma's.\n\n")
        if part:
            parts.append("| Nieuwste bron | Soort | Pagina | Status | Bronbestand |\n|---|---|---|---|---|\n")
            parts += [f"| {e.newest.dutch() if e.newest else 'geen datum'} | {e.kind} | {link(e.title, doc, e.doc_path)} | "
                      f"{e.status} | [{text(e.source_path)}]({SOURCE_SCHEME}{e.source_path}) |\n" for e in part]
            parts.append("\n")
        else:
            parts.append("Alle praktijken en programma's hebben een bron van de laatste twee jaar.\n\n")
        parts.append(navigation(KNOWLEDGE_DOC, number, count))
        result.append(list_page(doc, meta, number, count, parts, "scripts/kennisbank/pages/freshness.py"))
    return result
