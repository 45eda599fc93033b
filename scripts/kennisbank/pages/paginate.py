"""Splitting long generated lists over numbered pages.

Overview pages (all good practices, a theme, a role, the social map's list)
grow with every entry. Above :data:`PAGE_SIZE` items they are split: the first
page keeps its address, the next ones live in a ``pagina/`` folder below it
(``praktijken/pagina/2/``). A slug can never contain a slash, so these
addresses cannot clash with an entry's page.

Every page of such a list gets the same navigation: a ``<nav>`` landmark with
"Pagina 3 van 40", previous and next links, and a window of page numbers (the
first, the last and two on each side of the current one), the current page
marked with ``aria-current="page"``. The window keeps each page's size the
same however many pages there are.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")

PAGE_SIZE = 50
PAGES_FOLDER = "pagina"
WINDOW = 2  # page numbers shown on each side of the current page


def page_doc(first_doc: str, number: int) -> str:
    """Docs path of page ``number`` of a list whose first page is ``first_doc``.

    >>> page_doc("praktijken/index.md", 2), page_doc("themas/werving.md", 3)
    ('praktijken/pagina/2.md', 'themas/werving/pagina/3.md')
    """
    if number == 1:
        return first_doc
    folder = posixpath.dirname(first_doc) if posixpath.basename(first_doc) == "index.md" else first_doc.removesuffix(".md")
    return f"{folder}/{PAGES_FOLDER}/{number}.md"


def is_later_page(doc: str) -> bool:
    """True for page 2, 3, … of a list (a docs path with a ``pagina/`` folder).

    >>> is_later_page("praktijken/pagina/2.md"), is_later_page("praktijken/index.md")
    (True, False)
    """
    return PAGES_FOLDER in doc.split("/")[:-1]


def split(items: Sequence[T], size: int = PAGE_SIZE) -> list[Sequence[T]]:
    """``items`` in consecutive parts of at most ``size``; one empty part for no items."""
    return [items[start:start + size] for start in range(0, len(items), size)] or [items[:0]]


def pages(first_doc: str, items: Sequence[T], size: int = PAGE_SIZE) -> Iterator[tuple[str, int, int, Sequence[T]]]:
    """(docs path, page number, number of pages, the items on it) for every page of a list."""
    parts = split(items, size)
    for number, part in enumerate(parts, start=1):
        yield page_doc(first_doc, number), number, len(parts), part


def shown_numbers(number: int, count: int, window: int = WINDOW) -> list[int | None]:
    """Page numbers to link, with ``None`` where numbers are left out.

    >>> shown_numbers(7, 20)
    [1, None, 5, 6, 7, 8, 9, None, 20]
    """
    wanted = sorted({1, count, *range(max(1, number - window), min(count, number + window) + 1)})
    shown: list[int | None] = []
    for page in wanted:
        if shown and page - (shown[-1] or 0) > 1:
            shown.append(None)
        shown.append(page)
    return shown


def relative(from_doc: str, to_doc: str) -> str:
    """A relative Markdown link target from one docs path to another."""
    return posixpath.relpath("/" + to_doc, "/" + posixpath.dirname(from_doc))  # rooted: no getcwd() per call


def navigation(first_doc: str, number: int, count: int) -> str:
    """Accessible page navigation in Markdown (inside a ``<nav>``); empty for a single page."""
    if count <= 1:
        return ""
    here = page_doc(first_doc, number)

    def to(page: int) -> str:
        return relative(here, page_doc(first_doc, page))

    items = []
    if number > 1:
        items.append(f'- [Vorige pagina]({to(number - 1)}){{ rel="prev" }}')
    for page in shown_numbers(number, count):
        if page is None:
            items.append("- …")
        elif page == number:
            items.append(f'- [{page}]({to(page)}){{ aria-current="page" aria-label="Pagina {page}, deze pagina" }}')
        else:
            items.append(f'- [{page}]({to(page)}){{ aria-label="Pagina {page}" }}')
    if number < count:
        items.append(f'- [Volgende pagina]({to(number + 1)}){{ rel="next" }}')
    return (f'\n<nav class="kb-pagination" aria-label="Paginanummers" markdown="1">\n\n'
            f"Pagina {number} van {count}\n\n" + "\n".join(items) + "\n\n</nav>\n\n")


def unindexed(markdown: str) -> str:
    """Wrap a list of entries so that the search index skips it.

    The entries have pages of their own; indexed again on every overview page they
    would crowd the results and, at 10,000 entries, make Pagefind's index and memory
    about a quarter larger. The overview's title and introduction stay searchable.
    """
    return f'<div data-pagefind-ignore markdown="1">\n\n{markdown.strip()}\n\n</div>\n\n' if markdown.strip() else markdown


def page_title(title: str, number: int, count: int) -> str:
    """The title of one page of a list: ``Goede praktijken (pagina 2 van 40)``."""
    return title if number == 1 else f"{title} (pagina {number} van {count})"


def grouped(rows: Sequence[tuple[str, T]], from_doc: str, render: Callable[[T, str], str],
            continues: bool = False, anchors: Mapping[str, str] | None = None) -> str:
    """Markdown for ``(heading, item)`` rows: a ``##`` heading whenever the group changes.

    ``render(item, from_doc)`` gives one list item. When the first group on a page
    continues from the page before, its heading says so (``## Utrecht (vervolg)``);
    otherwise a heading gets its id from ``anchors``, so other pages can link to it.
    """
    parts: list[str] = []
    current = None
    for heading, item in rows:
        if heading != current:
            if continues and current is None:
                parts.append(f"## {heading} (vervolg)\n\n")
            else:
                anchor = (anchors or {}).get(heading)
                parts.append(f"## {heading}" + (f" {{ #{anchor} }}" if anchor else "") + "\n\n")
            current = heading
        parts.append(f"- {render(item, from_doc)}\n")
    return _join(parts)


def _join(parts: list[str]) -> str:
    """Join headings and list items, with a blank line before every heading but the first."""
    return "".join(f"\n{p}" if p.startswith("## ") and i else p for i, p in enumerate(parts)) + ("\n" if parts else "")


def grouped_pages(first_doc: str, rows: Sequence[tuple[str, T]], render: Callable[[T, str], str],
                  anchors: Mapping[str, str] | None = None, size: int = PAGE_SIZE) -> Iterator[tuple[str, int, int, str]]:
    """(docs path, page number, number of pages, Markdown of its rows) for a grouped list."""
    previous = None
    for doc, number, count, part in pages(first_doc, rows, size):
        continues = bool(part) and part[0][0] == previous
        previous = part[-1][0] if part else None
        yield doc, number, count, grouped(part, doc, render, continues, anchors)


def first_pages(rows: Sequence[tuple[str, object]], size: int = PAGE_SIZE) -> dict[str, int]:
    """The page on which each group of a grouped list begins."""
    found: dict[str, int] = {}
    for index, (heading, _) in enumerate(rows):
        found.setdefault(heading, index // size + 1)
    return found
