"""Splitting long lists over numbered pages: addresses, page windows, navigation, groups."""

from __future__ import annotations

import pytest

from kennisbank.pages import paginate as pg


@pytest.mark.parametrize(("first", "number", "expected"), [
    ("praktijken/index.md", 1, "praktijken/index.md"),
    ("praktijken/index.md", 2, "praktijken/pagina/2.md"),
    ("themas/werving.md", 3, "themas/werving/pagina/3.md"),
    ("sociale-kaart/index.md", 12, "sociale-kaart/pagina/12.md"),
])
def test_page_doc(first, number, expected):
    assert pg.page_doc(first, number) == expected


def test_split_keeps_order_and_gives_one_empty_page_for_nothing():
    assert [len(p) for p in pg.split(list(range(120)))] == [50, 50, 20]
    assert [x for part in pg.split(list(range(120))) for x in part] == list(range(120))
    assert pg.split([]) == [[]]
    assert [len(p) for p in pg.split(list(range(100)))] == [50, 50]


@pytest.mark.parametrize(("number", "count", "expected"), [
    (1, 1, [1]),
    (1, 3, [1, 2, 3]),
    (1, 20, [1, 2, 3, None, 20]),
    (7, 20, [1, None, 5, 6, 7, 8, 9, None, 20]),
    (4, 20, [1, 2, 3, 4, 5, 6, None, 20]),
    (20, 20, [1, None, 18, 19, 20]),
])
def test_shown_numbers_is_a_window_with_first_and_last(number, count, expected):
    assert pg.shown_numbers(number, count) == expected


def test_window_size_does_not_grow_with_the_number_of_pages():
    assert max(len(pg.shown_numbers(n, 1000)) for n in range(1, 1001)) == max(len(pg.shown_numbers(n, 30)) for n in range(1, 31))


def test_no_navigation_for_a_single_page():
    assert pg.pagination("praktijken/index.md", 1, 1) is None


def test_navigation_on_a_middle_page():
    nav = pg.pagination("praktijken/index.md", 3, 5)
    assert (nav.number, nav.count, nav.previous, nav.next) == (3, 5, "2.md", "4.md")
    assert nav.pages == ((1, "../index.md"), (2, "2.md"), (3, "3.md"), (4, "4.md"), (5, "5.md"))


def test_navigation_on_the_first_and_last_page_of_many():
    first, last = pg.pagination("themas/werving.md", 1, 9), pg.pagination("themas/werving.md", 9, 9)
    assert first.previous == "" and first.next == "werving/pagina/2.md"
    assert first.pages == ((1, "werving.md"), (2, "werving/pagina/2.md"), (3, "werving/pagina/3.md"), (None, ""),
                           (9, "werving/pagina/9.md"))
    assert last.next == "" and last.previous == "8.md" and last.pages[0] == (1, "../../werving.md")


def test_grouped_pages_mark_a_continued_group_and_anchor_only_its_start():
    rows = [("Utrecht", f"u{i}") for i in range(3)] + [("Zeeland", f"z{i}") for i in range(4)]
    result = list(pg.grouped_pages("sociale-kaart/index.md", rows, anchors={"Utrecht": "utrecht", "Zeeland": "zeeland"}, size=4))
    assert [(doc, number, count) for doc, number, count, _ in result] == [("sociale-kaart/index.md", 1, 2), ("sociale-kaart/pagina/2.md", 2, 2)]
    assert result[0][3] == [pg.Group("Utrecht", ("u0", "u1", "u2"), False, "utrecht"), pg.Group("Zeeland", ("z0",), False, "zeeland")]
    assert result[1][3] == [pg.Group("Zeeland", ("z1", "z2", "z3"), True, "")]
    assert pg.first_pages(rows, size=4) == {"Utrecht": 1, "Zeeland": 1}
    assert pg.first_pages(rows, size=2) == {"Utrecht": 1, "Zeeland": 2}


def test_a_group_that_starts_a_page_is_not_continued():
    rows = [("Utrecht", "u0"), ("Utrecht", "u1"), ("Zeeland", "z0")]
    second = list(pg.grouped_pages("x.md", rows, size=2))[1][3]
    assert second == [pg.Group("Zeeland", ("z0",), False, "")]


def test_grouped_pages_of_nothing_is_one_empty_page():
    assert list(pg.grouped_pages("themas/werving.md", [])) == [("themas/werving.md", 1, 1, [])]
