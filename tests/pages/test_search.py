"""Search: page types and filters from front matter, the built pages Pagefind reads, and a build that fails without an index."""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kennisbank.model.checks import check_all, make_context
from kennisbank.pages import search as s
from kennisbank.site import searchindex

from ..conftest import TODAY, run_cli


@pytest.fixture(scope="module")
def ctx(layout):
    return make_context(layout, TODAY)


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=TODAY)


# --- pure functions -------------------------------------------------------------

@pytest.mark.parametrize(("meta", "src_uri", "expected"), [
    ({"type": "praktijk"}, "praktijken/fsan.md", "praktijk"),
    ({"type": "gemeente"}, "gemeenten/utrecht.md", "gemeente"),
    ({"titel": "Werving"}, "gidsen/werving-en-selectie.md", "gids"),
    ({"titel": "Over"}, "over.md", "pagina"),
    ({}, "bijdragen/index.md", "pagina"),
    ({"type": "  "}, "gidsen/x.md", "gids"),
])
def test_page_type(meta, src_uri, expected):
    assert s.page_type(meta, src_uri) == expected


def test_type_labels_are_dutch_and_unknown_types_show_their_name():
    assert [s.type_label(k) for k in ("gids", "praktijk", "programma", "gemeente", "overzicht")] == [
        "Gids", "Goede praktijk", "Programma", "Gemeente", "Overzicht"]
    assert s.type_label("kaart") == "Kaart"


def test_filters_come_from_front_matter_fields(ctx):
    meta = {"type": "programma", "themas": ["gezondheid", "bestaat-niet", "gezondheid"], "rollen": ["voorlichter"],
            "provincies": ["Zuid-Holland", "Atlantis", "Noord-Holland"], "description": "thema: werving"}
    assert s.page_filters(meta, "programmas/x.md", ctx.vocab) == (
        ("type", "programma"), ("thema", "gezondheid"), ("rol", "voorlichter"),
        ("provincie", "Noord-Holland"), ("provincie", "Zuid-Holland"))


def test_a_municipality_page_with_one_province_gets_that_filter(ctx):
    meta = {"title": "Súdwest-Fryslân", "type": "gemeente", "provincie": "Fryslân"}
    assert s.page_filters(meta, "gemeenten/sudwest-fryslan.md", ctx.vocab) == (("type", "gemeente"), ("provincie", "Fryslân"))


def test_a_guide_is_filtered_by_its_themes(ctx):
    meta = {"titel": "Werving", "themas": ["werving"], "doelgroep": ["organisaties"]}
    assert s.page_filters(meta, "gidsen/werving-en-selectie.md", ctx.vocab) == (("type", "gids"), ("thema", "werving"))


def test_the_search_page_is_not_indexed_and_has_the_form(ctx):
    search_page = s.page_search({"titel": "Zoeken"}, s.SEARCH_PAGE, ctx)
    assert not search_page.indexed and search_page.is_search_page
    form = {f.name: f for f in search_page.form}
    assert list(form) == ["type", "thema", "rol", "provincie"]
    assert [o.value for o in form["type"].options] == ["gids", "werkblad", "praktijk", "programma", "gemeente", "overzicht", "pagina", "verhaal"]
    assert ("werving", "Werving en selectie") in [(o.value, o.label) for o in form["thema"].options]
    assert ("helper", "Helper") in [(o.value, o.label) for o in form["rol"].options]
    assert [o.value for o in form["provincie"].options][:2] == ["Groningen", "Fryslân"]
    assert form["thema"].all_label == "Alle thema’s"


def test_overview_pages_are_indexed_by_their_summary_only(ctx):
    overview = s.page_search({"title": "Thema: Werving", "type": "overzicht"}, "themas/werving.md", ctx)
    practice = s.page_search({"title": "FSAN", "type": "praktijk"}, "praktijken/fsan.md", ctx)
    assert overview.indexed and overview.summary_only
    assert practice.indexed and not practice.summary_only


@pytest.mark.parametrize("doc", ["praktijken/pagina/2.md", "themas/werving/pagina/3.md", "sociale-kaart/pagina/2.md"])
def test_later_pages_of_a_list_are_not_indexed(ctx, doc):
    assert not s.page_search({"title": "Lijst (pagina 2 van 3)", "type": "overzicht"}, doc, ctx).indexed


def test_other_pages_are_indexed_without_the_form(ctx):
    other = s.page_search(None, "over.md", ctx)
    assert other.indexed and not other.is_search_page and other.type_label == "Over de kennisbank"


# --- the built site: what Pagefind reads --------------------------------------------

class SearchMarkup(HTMLParser):
    """Collects Pagefind's attributes, and whether they sit inside data-pagefind-body."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, opens the body)
        self.has_body = False
        self.filters: list[tuple[str, str, bool]] = []  # (name, value, inside body)
        self.meta: dict[str, str] = {}
        self._open: tuple[str, str, str] | None = None
        self.header_forms: list[str | None] = []  # action of each search form inside <header>
        self.ids: dict[str, dict[str, str | None]] = {}

    @property
    def in_body(self) -> bool:
        return any(body for _, body in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] = a
        if tag == "form" and a.get("role") == "search" and any(t == "header" for t, _ in self.stack):
            self.header_forms.append(a.get("action"))
        if "data-pagefind-filter" in a:
            self._open = ("filter", a["data-pagefind-filter"] or "", "")
        elif "data-pagefind-meta" in a:
            self._open = ("meta", a["data-pagefind-meta"] or "", "")
        if tag not in self.VOID:
            opens = "data-pagefind-body" in a
            self.has_body = self.has_body or opens
            self.stack.append((tag, opens))

    def handle_data(self, data):
        if self._open:
            kind, name, text = self._open
            self._open = (kind, name, text + data)

    def handle_endtag(self, tag):
        if self._open:
            kind, name, text = self._open
            if kind == "filter":
                self.filters.append((name, text.strip(), self.in_body))
            else:
                self.meta[name] = text.strip()
            self._open = None
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def markup(built_site: Path, doc_path: str) -> SearchMarkup:
    html_path = "index.html" if doc_path == "index.md" else doc_path.removesuffix("index.md").removesuffix(".md") + "/index.html"
    parser = SearchMarkup()
    parser.feed((built_site / html_path.replace("//", "/")).read_text(encoding="utf-8"))
    return parser


def test_every_page_has_the_search_box_in_its_header(built_site):
    pages = [p for p in built_site.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) > 40
    for path in pages:
        parser = SearchMarkup()
        parser.feed(path.read_text(encoding="utf-8"))
        assert len(parser.header_forms) == 1, path
        action = parser.header_forms[0] or ""
        target = built_site / action.removeprefix("/kennisbank/") if action.startswith("/") else path.parent / action
        assert target.resolve() == (built_site / "zoeken").resolve(), path


def test_hand_written_pages_carry_type_and_themes_from_front_matter(built_site, catalogue):
    assert catalogue.pages
    for page in catalogue.pages:
        if page.doc_path == s.SEARCH_PAGE:
            continue
        found = markup(built_site, page.doc_path)
        expected = [("type", "gids" if page.is_guide else "pagina")] + [("thema", t) for t in page.themes]
        assert [(n, v) for n, v, _ in found.filters] == expected, page.path
        assert found.meta == {"soort": "Gids" if page.is_guide else "Over de kennisbank"}, page.path


def test_practices_and_programmes_carry_their_record_fields(built_site, catalogue):
    for record, folder, kind in [*((p, "praktijken", "praktijk") for p in catalogue.practices),
                                 *((p, "programmas", "programma") for p in catalogue.programmes)]:
        found = markup(built_site, f"{folder}/{record.slug}.md")
        values = [(n, v) for n, v, _ in found.filters]
        assert values[0] == ("type", kind)
        assert [v for n, v in values if n == "thema"] == list(record.themes), record.path
        assert [v for n, v in values if n == "rol"] == list(record.roles), record.path
        assert found.meta["soort"] == s.type_label(kind)


def test_a_practice_in_a_municipality_can_be_found_by_province(built_site):
    found = markup(built_site, "praktijken/haarlem-zandvoort.md")
    assert ("provincie", "Noord-Holland") in [(n, v) for n, v, _ in found.filters]


def test_filter_values_are_not_indexed_as_text(built_site, catalogue):
    for page in catalogue.pages[:3]:
        found = markup(built_site, page.doc_path)
        assert found.has_body and found.filters
        assert not any(inside for _, _, inside in found.filters)


def test_an_overview_page_indexes_its_title_and_description_not_its_list(built_site):
    html = (built_site / "themas" / "werving" / "index.html").read_text(encoding="utf-8")
    assert html.count("data-pagefind-body") == 1
    body = html.split("<div data-pagefind-body>", 1)[1].split("</div>", 1)[0]
    assert "Thema: Werving en selectie. Sleutelpersonen vinden, kiezen en de groep divers maken." in body
    assert "<a " not in body
    assert '<span data-pagefind-meta="title">Thema: Werving en selectie</span>' in html


def test_the_search_page_keeps_its_contract(built_site):
    found = markup(built_site, "zoeken.md")
    assert not found.has_body and not found.filters  # the search page itself is not a result
    assert found.ids["zoekresultaten"] is not None
    assert found.ids["zoekstatus"]["aria-live"] == "polite"
    assert {name for name in ("q", "type", "thema", "rol", "provincie") if any(a.get("name") == name for a in found.ids.values())} == {
        "q", "type", "thema", "rol", "provincie"}


def test_the_index_is_built_and_in_dutch(built_site):
    assert (built_site / "pagefind" / "pagefind.js").exists()
    assert list((built_site / "pagefind").glob("pagefind.nl_*.pf_meta"))
    assert not list((built_site / "pagefind").glob("pagefind.en_*.pf_meta"))


# --- a broken index step fails the build and leaves site/ alone -----------------------------

@pytest.fixture
def old_site(scratch: Path) -> Path:
    site = scratch / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige versie", encoding="utf-8")
    return site


def test_a_failing_pagefind_fails_the_build(scratch, old_site, monkeypatch, capsys, caplog):
    real_run = subprocess.run

    def pagefind_fails(command, **kwargs):
        assert "pagefind" in command
        return real_run([command[0], "-c", "import sys; print('kapot', file=sys.stderr); sys.exit(3)"], **kwargs)

    monkeypatch.setattr(searchindex.subprocess, "run", pagefind_fails)
    assert run_cli(scratch, "build") == 1
    assert "De zoekindex kon niet worden gemaakt" in caplog.text and "kapot" in caplog.text  # mkdocs logs the plugin's error
    assert "De site is niet gebouwd; de vorige versie in site/ is ongewijzigd." in capsys.readouterr().err
    assert sorted(p.name for p in old_site.iterdir()) == ["index.html"]
    assert (old_site / "index.html").read_text(encoding="utf-8") == "vorige versie"
    assert not list(scratch.glob(".site.new-*"))


def test_a_pagefind_that_writes_no_index_fails_the_build(scratch, old_site, monkeypatch, caplog):
    monkeypatch.setattr(searchindex.subprocess, "run", lambda command, **kwargs: subprocess.CompletedProcess(command, 0, "", ""))
    assert run_cli(scratch, "build") == 1
    assert "De zoekindex kon niet worden gemaakt" in caplog.text
    assert (old_site / "index.html").read_text(encoding="utf-8") == "vorige versie"


def test_a_working_pagefind_replaces_the_site(scratch, old_site):
    assert run_cli(scratch, "build") == 0
    assert (old_site / "pagefind" / "pagefind.js").exists()
    assert (old_site / "zoeken" / "index.html").exists()
