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

from markupsafe import Markup

from ..model.checks import Catalogue
from ..model.records import PartialDate, newest_source_date
from .common import Generated, is_stale, knowledge_is_old, practice_doc, programme_doc, text
from .paginate import pages, pagination
from .templating import page, trusted

EDITORS_DOC = "redactie/index.md"
KNOWLEDGE_DOC = "redactie/oude-kennis.md"
SOURCE_SCHEME = "kennisbank-bron:"
SOURCE_LINK_RE = re.compile(r"\[([^\]]*)\]\(" + re.escape(SOURCE_SCHEME) + r"([^)\s]+)\)")


@dataclass(frozen=True)
class StaleEntry:
    """One entry that needs checking: when it was last checked, what it is, where it lives."""

    checked: dt.date
    kind: str  #: gids, pagina, praktijk or programma (``blokken.soorten`` names them)
    title: str
    doc_path: str
    source_path: str
    field: str


def stale_entries(catalogue: Catalogue) -> list[StaleEntry]:
    """Every page, practice and programme last checked more than twelve months ago, oldest first."""
    today = catalogue.context.today
    entries = [StaleEntry(p.reviewed, "gids" if p.is_guide else "pagina", p.title, p.doc_path, p.path, "laatst_herzien")
               for p in catalogue.pages if is_stale(p.reviewed, today)]
    entries += [StaleEntry(p.verified, "praktijk", p.title, practice_doc(p.slug), p.path, "laatst_geverifieerd")
                for p in catalogue.practices if is_stale(p.verified, today)]
    entries += [StaleEntry(p.verified, "programma", p.name, programme_doc(p.slug), p.path, "laatst_geverifieerd")
                for p in catalogue.programmes if is_stale(p.verified, today)]
    return sorted(entries, key=lambda e: (e.checked, e.title.lower()))


def source_link(path: str) -> Markup:
    """``[path](kennisbank-bron:path)``: a link the plugin points at the web editor (see :func:`source_links`)."""
    return trusted(f"[{text(path)}]({SOURCE_SCHEME}{path})")


def editors_page(catalogue: Catalogue, entries: list[StaleEntry] | None = None) -> Generated:
    """The generated page 'Te controleren'; ``entries``: :func:`stale_entries`, when the caller has them already."""
    entries = stale_entries(catalogue) if entries is None else entries
    content = page("te-controleren.md", {"type": "overzicht"}, doc=EDITORS_DOC, paginas=entries,
                   vandaag=catalogue.context.today, oude_kennis=KNOWLEDGE_DOC, bronlink=source_link)
    return Generated(EDITORS_DOC, content, "scripts/kennisbank/pages/freshness.py")


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
    entries = [AgedEntry(newest_source_date(p.sources), "praktijk", p.title, ctx.vocab.label("status", p.status),
                         practice_doc(p.slug), p.path) for p in catalogue.practices]
    entries += [AgedEntry(newest_source_date(p.sources), "programma", p.name, ctx.vocab.label("status", p.status),
                          programme_doc(p.slug), p.path) for p in catalogue.programmes]
    old = [e for e in entries if knowledge_is_old(e.newest, ctx.today)]
    return sorted(old, key=lambda e: (e.newest is not None, e.newest.latest() if e.newest else dt.date.min, e.title.lower()))


def knowledge_pages(catalogue: Catalogue, entries: list[AgedEntry] | None = None) -> list[Generated]:
    """'Oude kennis': entries whose newest source is older than two years, oldest first, in pages of 50.

    ``entries``: :func:`aged_entries` of the catalogue, when the caller has them already.
    """
    entries = aged_entries(catalogue) if entries is None else entries
    everything = len(catalogue.practices) + len(catalogue.programmes)
    return [Generated(doc, page("oude-kennis.md", {"type": "overzicht"}, doc=doc, nummer=number, aantal=count,
                                navigatie=pagination(KNOWLEDGE_DOC, number, count), vandaag=catalogue.context.today,
                                totaal=len(entries), van=everything, items=part, controleren=EDITORS_DOC,
                                bronlink=source_link),
                      "scripts/kennisbank/pages/freshness.py")
            for doc, number, count, part in pages(KNOWLEDGE_DOC, entries)]
