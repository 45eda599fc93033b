"""Index pages per theme and per role, and the lists of all themes and roles.
"""

from __future__ import annotations

from ..model.checks import Catalogue
from ..model.records import Page, Practice, Programme
from .common import Generated, front_matter, link, list_page, practice_doc, programme_doc, text
from .paginate import grouped_pages, navigation, page_title, unindexed


def entries_with(catalogue: Catalogue, attr: str, key: str) -> tuple[list[Page], list[Practice], list[Programme]]:
    """The guides, practices and programmes with one theme or role: what its index pages list."""
    pages = [p for p in catalogue.pages if key in getattr(p, attr, ())]
    practices = [p for p in catalogue.practices if key in getattr(p, attr)]
    programmes = [p for p in catalogue.programmes if key in getattr(p, attr)]
    return pages, practices, programmes


def _titled_item(item: tuple[str, str, str], from_doc: str) -> str:
    """``[title](page): summary`` for a list item."""
    title, doc, summary = item
    return f"{link(title, from_doc, doc)}: {text(summary)}"


def term_pages(catalogue: Catalogue, vocabulary: str, attr: str, folder: str, key: str) -> list[Generated]:
    """The index pages for one theme or role: its guides, practices and programmes, paginated."""
    ctx, first = catalogue.context, f"{folder}/{key}.md"
    term = ctx.vocab.term(vocabulary, key)
    pages_with, practices, programmes = entries_with(catalogue, attr, key)
    what = "Thema" if vocabulary == "themas" else "Rol"
    rows = [
        *(("Gidsen", (p.title, p.doc_path, p.summary)) for p in pages_with),
        *(("Goede praktijken", (p.title, practice_doc(p.slug), p.summary)) for p in practices),
        *(("Programma's op de sociale kaart", (p.name, programme_doc(p.slug), p.summary)) for p in programmes),
    ]
    meta = {"title": f"{what}: {term.label}", "description": term.description, "type": "overzicht"}
    result = []
    for doc, number, count, listing in grouped_pages(first, rows, _titled_item):
        parts = [f"# {text(page_title(meta['title'], number, count))}\n\n{text(term.description)}\n\n"]
        if number == 1 and count > 1:
            parts.append(f"Bij dit onderwerp staan {len(rows)} gidsen, praktijken en programma's, verdeeld over {count} pagina's.\n\n")
        parts.append(unindexed(listing) if rows else "Er staat nog niets bij dit onderwerp.\n\n")
        parts.append(navigation(first, number, count))
        parts.append(f"{link('Alle thema’s' if vocabulary == 'themas' else 'Alle rollen', doc, f'{folder}/index.md')}\n")
        result.append(list_page(doc, meta, number, count, parts, f"{catalogue.layout.data}/vocabulaire.yml"))
    return result


def term_page(catalogue: Catalogue, vocabulary: str, attr: str, folder: str, key: str) -> Generated:
    """The first index page for one theme or role (see :func:`term_pages`)."""
    return term_pages(catalogue, vocabulary, attr, folder, key)[0]


def term_index(catalogue: Catalogue, vocabulary: str, folder: str, title: str, intro: str) -> Generated:
    """The list of all themes or roles."""
    ctx = catalogue.context
    items = "".join(f"- [{text(t.label)}]({t.key}.md): {text(t.description)}\n" for t in ctx.vocab.lists[vocabulary])
    meta = {"title": title, "description": intro, "type": "overzicht"}
    return Generated(f"{folder}/index.md", front_matter(meta) + f"# {title}\n\n{intro}\n\n{items}", f"{catalogue.layout.data}/vocabulaire.yml")
