"""Index pages per theme and per role, and the lists of all themes and roles.

The text is in ``templates/onderwerp.md`` and ``templates/onderwerpen.md``.
"""

from __future__ import annotations

from ..model.checks import Catalogue
from .common import Generated, practice_doc, programme_doc
from .paginate import grouped_pages, pagination
from .templating import page

#: The vocabularies with index pages: vocabulary (also the folder of its pages) → the record attribute.
INDEXED = {"themas": "themes", "rollen": "roles"}


#: One entry in a theme's or role's list: its kind (the group it is shown in) and its title, docs path and summary.
Row = tuple[str, dict[str, str]]


def rows_by_term(catalogue: Catalogue, vocabulary: str) -> dict[str, list[Row]]:
    """The guides, practices and programmes of every theme or role in a vocabulary, in one pass over the records.

    A page lists only these rows, so ``kennisbank serve`` makes a theme's pages again only when its
    rows changed (:mod:`kennisbank.pages.assemble`), not on every edit of an entry with that theme.
    """
    attr = INDEXED[vocabulary]
    found: dict[str, list[Row]] = {key: [] for key in catalogue.context.vocab.keys(vocabulary)}
    entries = [
        *(("gidsen", p.title, p.doc_path, p.summary, getattr(p, attr, ())) for p in catalogue.pages),
        *(("praktijken", p.title, practice_doc(p.slug), p.summary, getattr(p, attr)) for p in catalogue.practices),
        *(("programmas", p.name, programme_doc(p.slug), p.summary, getattr(p, attr)) for p in catalogue.programmes),
    ]
    for kind, title, doc, summary, keys in entries:
        for key in dict.fromkeys(keys):  # an entry is listed once, even if it names a term twice
            if key in found:
                found[key].append((kind, {"title": title, "doc": doc, "summary": summary}))
    return found


def term_pages(catalogue: Catalogue, vocabulary: str, key: str, rows: list[Row]) -> list[Generated]:
    """The index pages for one theme or role: its ``rows`` (from :func:`rows_by_term`), paginated."""
    first = f"{vocabulary}/{key}.md"
    result = []
    for doc, number, count, groups in grouped_pages(first, rows):
        content = page("onderwerp.md", {"type": "overzicht"}, doc=doc, soort=vocabulary,
                       onderwerp=catalogue.context.vocab.term(vocabulary, key), groepen=groups, totaal=len(rows),
                       nummer=number, aantal=count, navigatie=pagination(first, number, count), alle=f"{vocabulary}/index.md")
        result.append(Generated(doc, content, f"{catalogue.layout.data}/vocabulaire.yml"))
    return result


def term_index(catalogue: Catalogue, vocabulary: str) -> Generated:
    """The list of all themes or roles."""
    doc = f"{vocabulary}/index.md"
    content = page("onderwerpen.md", {"type": "overzicht"}, doc=doc, soort=vocabulary,
                   onderwerpen=catalogue.context.vocab.lists[vocabulary])
    return Generated(doc, content, f"{catalogue.layout.data}/vocabulaire.yml")


def files(catalogue: Catalogue) -> list[Generated]:
    """The lists of all themes and roles and the index pages of each."""
    return [*(term_index(catalogue, v) for v in INDEXED),
            *(g for v in INDEXED for key, rows in rows_by_term(catalogue, v).items() for g in term_pages(catalogue, v, key, rows))]
