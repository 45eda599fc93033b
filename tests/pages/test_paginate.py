"""Splitting long lists over numbered pages: addresses, page windows, navigation, groups."""

from __future__ import annotations

import re

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
    assert pg.navigation("praktijken/index.md", 1, 1) == ""


def links(markdown: str) -> dict[str, str]:
    """Link text → (target, attributes) of the list items in a navigation."""
    return {m[0]: (m[1], m[2]) for m in re.findall(r"- \[([^\]]+)\]\(([^)]+)\)\{ ([^}]*) \}", markdown)}


def test_navigation_on_a_middle_page():
    nav = pg.navigation("praktijken/index.md", 3, 5)
    assert nav.startswith('\n<nav class="kb-pagination" aria-label="Paginanummers" markdown="1">')
    assert "Pagina 3 van 5" in nav
    found = links(nav)
    assert found["Vorige pagina"] == ("2.md", 'rel="prev"')
    assert found["Volgende pagina"] == ("4.md", 'rel="next"')
    assert found["1"] == ("../index.md", 'aria-label="Pagina 1"')
    assert found["3"] == ("3.md", 'aria-current="page" aria-label="Pagina 3, deze pagina"')
    assert nav.count("aria-current") == 1


def test_navigation_on_the_first_and_last_page():
    first, last = pg.navigation("themas/werving.md", 1, 4), pg.navigation("themas/werving.md", 4, 4)
    assert "Vorige pagina" not in first and links(first)["2"][0] == "werving/pagina/2.md"
    assert "Volgende pagina" not in last and links(last)["1"][0] == "../../werving.md"


def test_page_title():
    assert pg.page_title("Goede praktijken", 1, 3) == "Goede praktijken"
    assert pg.page_title("Goede praktijken", 2, 3) == "Goede praktijken (pagina 2 van 3)"


def render(item: str, from_doc: str) -> str:
    return f"{item} @ {from_doc}"


def test_grouped_pages_repeat_a_continued_heading_and_anchor_only_its_start():
    rows = [("Utrecht", f"u{i}") for i in range(3)] + [("Zeeland", f"z{i}") for i in range(4)]
    result = list(pg.grouped_pages("sociale-kaart/index.md", rows, render, anchors={"Utrecht": "utrecht", "Zeeland": "zeeland"}, size=4))
    assert [(doc, number, count) for doc, number, count, _ in result] == [("sociale-kaart/index.md", 1, 2), ("sociale-kaart/pagina/2.md", 2, 2)]
    first, second = result[0][3], result[1][3]
    assert first == ("## Utrecht { #utrecht }\n\n- u0 @ sociale-kaart/index.md\n- u1 @ sociale-kaart/index.md\n- u2 @ sociale-kaart/index.md\n"
                     "\n## Zeeland { #zeeland }\n\n- z0 @ sociale-kaart/index.md\n\n")
    assert second.startswith("## Zeeland (vervolg)\n\n- z1 @ sociale-kaart/pagina/2.md\n")
    assert "#zeeland" not in second
    assert pg.first_pages(rows, size=4) == {"Utrecht": 1, "Zeeland": 1}
    assert pg.first_pages(rows, size=2) == {"Utrecht": 1, "Zeeland": 2}


def test_grouped_pages_of_nothing_is_one_empty_page():
    assert list(pg.grouped_pages("themas/werving.md", [], render)) == [("themas/werving.md", 1, 1, "")]


def test_unindexed_wraps_a_list_for_the_search_index_to_skip():
    assert pg.unindexed("- [a](a.md)\n") == '<div data-pagefind-ignore markdown="1">\n\n- [a](a.md)\n\n</div>\n\n'
    assert pg.unindexed("") == ""
