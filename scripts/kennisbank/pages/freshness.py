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
from .common import Generated, dutch_date, front_matter, is_stale, link, practice_doc, programme_doc, text

EDITORS_DOC = "redactie/index.md"
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
