"""The pages per theme and per role (pages/terms.py), from the real catalogue and a synthetic one."""

from __future__ import annotations

import dataclasses

import pytest

from kennisbank.model.checks import Catalogue, Layout, check_all
from kennisbank.pages import terms
from kennisbank.pages.common import practice_doc, programme_doc
from kennisbank.tools.synthetic import make_repo

from ..conftest import ROOT, TODAY


@pytest.fixture(scope="module")
def catalogues(layout, tmp_path_factory) -> dict[str, Catalogue]:
    repo = make_repo(ROOT, tmp_path_factory.mktemp("terms") / "repo", 200, practices=40, guides=2)
    return {"echt": check_all(layout, today=TODAY), "synthetisch": check_all(Layout(repo.root), today=TODAY)}


def scanned(catalogue: Catalogue, vocabulary: str, key: str) -> list[terms.Row]:
    """The rows of one term, found the slow way: every record asked whether it has the term."""
    attr = terms.INDEXED[vocabulary]
    return [
        *(("gidsen", {"title": p.title, "doc": p.doc_path, "summary": p.summary}) for p in catalogue.pages if key in getattr(p, attr, ())),
        *(("praktijken", {"title": p.title, "doc": practice_doc(p.slug), "summary": p.summary})
          for p in catalogue.practices if key in getattr(p, attr)),
        *(("programmas", {"title": p.name, "doc": programme_doc(p.slug), "summary": p.summary})
          for p in catalogue.programmes if key in getattr(p, attr)),
    ]


@pytest.mark.parametrize("which", ["echt", "synthetisch"])
@pytest.mark.parametrize("vocabulary", list(terms.INDEXED))
def test_rows_by_term_lists_every_entry_with_the_term_in_order(catalogues, which, vocabulary):
    catalogue = catalogues[which]
    found = terms.rows_by_term(catalogue, vocabulary)
    assert list(found) == list(catalogue.context.vocab.keys(vocabulary))  # every term, also one without entries
    assert found == {key: scanned(catalogue, vocabulary, key) for key in found}
    assert any(found.values())


def test_an_entry_that_names_a_term_twice_is_listed_once(catalogues):
    catalogue = catalogues["synthetisch"]
    practice = next(p for p in catalogue.practices if p.themes)
    twice = dataclasses.replace(practice, themes=(practice.themes[0], *practice.themes))
    changed = dataclasses.replace(catalogue, pages=(), programmes=(), practices=(twice,))
    found = terms.rows_by_term(changed, "themas")
    assert found[practice.themes[0]] == [("praktijken", {"title": practice.title, "doc": practice_doc(practice.slug),
                                                        "summary": practice.summary})]
    assert sum(len(rows) for rows in found.values()) == len(practice.themes)


def test_term_pages_link_to_every_row_and_no_other_entry(catalogues):
    catalogue = catalogues["synthetisch"]
    found = terms.rows_by_term(catalogue, "themas")
    key, rows = max(found.items(), key=lambda item: len(item[1]))
    made = terms.term_pages(catalogue, "themas", key, rows[:5])  # the pages show the rows they are given, nothing else
    assert [page.doc_path for page in made] == [f"themas/{key}.md"]
    for _, row in rows[:5]:
        assert f"/{row['doc']})" in made[0].content or f"]({row['doc']})" in made[0].content
    for _, row in rows[5:]:
        assert row["doc"] not in made[0].content
