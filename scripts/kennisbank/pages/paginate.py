"""Splitting long generated lists over numbered pages.

Overview pages (all good practices, a theme, a role, the social map's list)
grow with every entry. Above :data:`PAGE_SIZE` items they are split: the first
page keeps its address, the next ones live in a ``pagina/`` folder below it
(``praktijken/pagina/2/``). A slug can never contain a slash, so these
addresses cannot clash with an entry's page.

Every page of such a list gets the same navigation (:func:`pagination` says what it holds,
the ``paginering`` block of ``templates/_blokken.md`` writes it): a ``<nav>`` landmark with
"Pagina 3 van 40", previous and next links, and a window of page numbers (the
first, the last and two on each side of the current one), the current page
marked with ``aria-current="page"``. The window keeps each page's size the
same however many pages there are.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

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


@dataclass(frozen=True)
class Pagination:
    """What the page navigation of one page of a list shows (``_blokken.md`` writes it out).

    ``pages``: (number, link) of the page numbers shown, ``None`` where numbers are left out.
    """

    number: int
    count: int
    previous: str
    next: str
    pages: tuple[tuple[int | None, str], ...]


def pagination(first_doc: str, number: int, count: int) -> Pagination | None:
    """The navigation of page ``number`` of a list, or ``None`` for a list of one page."""
    if count <= 1:
        return None
    here = page_doc(first_doc, number)

    def to(page: int) -> str:
        return relative(here, page_doc(first_doc, page))

    return Pagination(number, count, to(number - 1) if number > 1 else "", to(number + 1) if number < count else "",
                      tuple((page, to(page) if page else "") for page in shown_numbers(number, count)))


@dataclass(frozen=True)
class Group(Generic[T]):
    """The items of one heading of a grouped list on one page.

    ``continued``: the group began on the page before; ``anchor``: the heading's id where it begins.
    """

    heading: str
    items: tuple[T, ...]
    continued: bool = False
    anchor: str = ""


def grouped(rows: Sequence[tuple[str, T]], continues: bool = False, anchors: Mapping[str, str] | None = None) -> list[Group[T]]:
    """``(heading, item)`` rows as groups, a new one whenever the heading changes.

    When the first group on a page continues from the page before (``continues``), it says so and
    gets no anchor; otherwise a heading gets its id from ``anchors``, so other pages can link to it.
    """
    groups: list[Group[T]] = []
    for heading, item in rows:
        if not groups or groups[-1].heading != heading:
            continued = continues and not groups
            groups.append(Group(heading, (), continued, "" if continued else (anchors or {}).get(heading, "")))
        last = groups[-1]
        groups[-1] = Group(last.heading, (*last.items, item), last.continued, last.anchor)
    return groups


def grouped_pages(first_doc: str, rows: Sequence[tuple[str, T]], anchors: Mapping[str, str] | None = None,
                  size: int = PAGE_SIZE) -> Iterator[tuple[str, int, int, list[Group[T]]]]:
    """(docs path, page number, number of pages, its groups) for every page of a grouped list."""
    previous = None
    for doc, number, count, part in pages(first_doc, rows, size):
        continues = bool(part) and part[0][0] == previous
        previous = part[-1][0] if part else None
        yield doc, number, count, grouped(part, continues, anchors)


def first_pages(rows: Sequence[tuple[str, object]], size: int = PAGE_SIZE) -> dict[str, int]:
    """The page on which each group of a grouped list begins."""
    found: dict[str, int] = {}
    for index, (heading, _) in enumerate(rows):
        found.setdefault(heading, index // size + 1)
    return found
