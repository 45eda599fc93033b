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


def term_rows(catalogue: Catalogue, vocabulary: str, key: str) -> list[tuple[str, dict[str, str]]]:
    """(kind, title, docs path and summary) of the guides, practices and programmes with a theme or role."""
    attr = INDEXED[vocabulary]

    def row(kind: str, title: str, doc: str, summary: str) -> tuple[str, dict[str, str]]:
        return kind, {"title": title, "doc": doc, "summary": summary}

    return [
        *(row("gidsen", p.title, p.doc_path, p.summary) for p in catalogue.pages if key in getattr(p, attr, ())),
        *(row("praktijken", p.title, practice_doc(p.slug), p.summary) for p in catalogue.practices if key in getattr(p, attr)),
        *(row("programmas", p.name, programme_doc(p.slug), p.summary) for p in catalogue.programmes if key in getattr(p, attr)),
    ]


def term_pages(catalogue: Catalogue, vocabulary: str, key: str) -> list[Generated]:
    """The index pages for one theme or role: its guides, practices and programmes, paginated."""
    first = f"{vocabulary}/{key}.md"
    rows = term_rows(catalogue, vocabulary, key)
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
    vocab = catalogue.context.vocab
    return [*(term_index(catalogue, v) for v in INDEXED),
            *(g for v in INDEXED for key in vocab.keys(v) for g in term_pages(catalogue, v, key))]
