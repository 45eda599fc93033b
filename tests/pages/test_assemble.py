"""Generated pages and data, from the real catalogue and from crafted records."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import posixpath
import re
import shutil

import pytest

from kennisbank.model.checks import CheckMemo, Layout, check_all
from kennisbank.model.records import Count, PartialDate
from kennisbank.model.schema import SCHEMAS
from kennisbank.pages import assemble, common, entries, paginate, templating, terms, worksheets
from kennisbank.pages import catalogue as catalogue_module
from kennisbank.tools.synthetic import make_repo

from ..conftest import ROOT, TODAY


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=TODAY)


@pytest.fixture(scope="module")
def files(catalogue):
    return {f.doc_path: f for f in assemble.generate(catalogue)}


def test_dutch_date():
    assert common.dutch_date(dt.date(2021, 2, 23)) == "23 februari 2021"


def test_text_escapes_html_and_table_pipes():
    assert common.text('<img src=x onerror="alert(1)"> | a') == '&lt;img src=x onerror="alert(1)"&gt; &#124; a'


def test_link_is_relative():
    assert common.link("FSAN", "rollen/helper.md", "praktijken/fsan.md") == "[FSAN](../praktijken/fsan.md)"
    assert common.link("Kaart", "index.md", "sociale-kaart/index.md") == "[Kaart](sociale-kaart/index.md)"


def test_every_practice_and_programme_has_a_page(catalogue, files):
    for p in catalogue.practices:
        assert files[f"praktijken/{p.slug}.md"].edit_path == p.path
    for p in catalogue.programmes:
        assert files[f"programmas/{p.slug}.md"].edit_path == p.path


def test_index_pages_per_theme_and_role(catalogue, files):
    for key in catalogue.context.vocab.keys("themas"):
        assert f"themas/{key}.md" in files
    for key in catalogue.context.vocab.keys("rollen"):
        assert f"rollen/{key}.md" in files


def test_practice_page_shows_facts_source_and_notice(files):
    page = files["praktijken/fsan.md"].content
    assert "title: Landelijk netwerk tegen vrouwenbesnijdenis" in page
    assert "Organisatie\n:   Federatie van Somalische Associaties in Nederland (FSAN)" in page
    assert "[Voorlichter](../rollen/voorlichter.md)" in page
    assert "Aantal sleutelpersonen\n:   ruim 200" in page
    assert '!!! warning "Volgens bronnen uit 2021"' in page  # the report is more than two years old
    assert "Status: niet bekend. Looptijd: sinds 2004." in page
    assert "[Stuur een correctie](kennisbank-correctie:)" in page
    assert "## Bron" in page and "23 februari 2021" in page and "Gelezen op 1 december 2026." in page
    assert page.index("# Landelijk netwerk") < page.index("Volgens bronnen") < page.index("Organisatie\n:")


def test_a_count_shows_as_the_source_says_it(catalogue):
    exact = dataclasses.replace(catalogue.practices[0], keyperson_count=Count(number=6))
    assert "Aantal sleutelpersonen\n:   6\n" in entries.practice_page(exact, catalogue).content
    assert "ongeveer" not in entries.practice_page(exact, catalogue).content


def test_recent_knowledge_gets_an_info_box_without_an_invitation(catalogue):
    recent = dataclasses.replace(catalogue.programmes[0], status="lopend",
                                 sources=(dataclasses.replace(catalogue.programmes[0].sources[0], date=PartialDate(2025, 6)),))
    page = entries.programme_page(recent, catalogue).content
    assert '!!! info "Volgens bronnen uit 2025"' in page and "Status: lopend." in page
    assert "De nieuwste bron is van juni 2025." in page and "correctie" not in page


def test_undated_sources_say_that_the_age_is_unknown(catalogue):
    undated = dataclasses.replace(catalogue.programmes[0], sources=(dataclasses.replace(catalogue.programmes[0].sources[0], date=None),))
    page = entries.programme_page(undated, catalogue).content
    assert '!!! warning "Volgens bronnen zonder datum"' in page
    assert "ze zijn gelezen op 1 december 2026. Hoe oud deze kennis is, weten we niet." in page


def test_data_from_entries_is_escaped(catalogue):
    evil = dataclasses.replace(catalogue.programmes[0], name="<img src=x onerror=alert(1)>", how_to_engage="<script>x</script>")
    page = entries.programme_page(evil, dataclasses.replace(catalogue, programmes=(evil,))).content
    assert "<img" not in page and "<script>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_theme_page_lists_matching_entries(catalogue, files):
    page = files["themas/gezondheid.md"].content
    for p in catalogue.practices:
        assert (f"../praktijken/{p.slug}.md" in page) == ("gezondheid" in p.themes)


def test_map_page_groups_national_and_province(files):
    page = files["sociale-kaart/index.md"].content
    assert page.index("## Landelijk") < page.index("## Noord-Holland")
    assert "../programmas/haarlem-zandvoort-gezondheid.md" in page.split("## Noord-Holland")[1]


def test_payment_table_covers_every_practice(catalogue):
    table = catalogue_module.payment_table(catalogue, "gidsen/waardering-en-vergoeding.md")
    for p in catalogue.practices:
        assert f"(../praktijken/{p.slug}.md)" in table
    assert "| Praktijk | Vergoeding | Aantal sleutelpersonen |" in table


def test_json_export_round_trips(catalogue, files):
    practices = json.loads(files["data/praktijken.json"].content)
    programmes = json.loads(files["data/programmas.json"].content)
    assert [p["slug"] for p in practices] == [p.slug for p in catalogue.practices]
    assert len(programmes) == len(catalogue.programmes)
    assert practices[0]["verified"] == catalogue.practices[0].verified.isoformat()


def test_content_model_page_documents_every_field(files):
    page = files["bijdragen/inhoudsmodel.md"].content
    for fields in SCHEMAS.values():
        for f in fields:
            assert f"| `{f.name}` |" in page


# --- long lists are paginated (kennisbank.paginate) -------------------------------------

@pytest.fixture(scope="module")
def big(tmp_path_factory, root):
    """A catalogue of 260 synthetic programmes and 60 practices, and its generated files."""
    repo = make_repo(root, tmp_path_factory.mktemp("groot") / "repo", 260, 60, today=TODAY)
    catalogue = check_all(Layout(repo.root), today=TODAY)
    return catalogue, {f.doc_path: f for f in assemble.generate(catalogue)}


def entry_links(doc: str, content: str) -> list[str]:
    """Docs paths that the list items and table rows of a page link to, page numbers left out."""
    found = re.findall(r"^[-|] \[[^\]]+\]\(([^)#]+)[^)]*\)(?!\{)", content, re.MULTILINE)
    return [posixpath.normpath(posixpath.join(posixpath.dirname(doc), target)) for target in found]


def test_catalogue_is_split_into_pages_of_fifty(big):
    catalogue, files = big
    docs = ["praktijken/index.md", "praktijken/pagina/2.md"]
    assert "praktijken/pagina/3.md" not in files
    found = [[t for t in entry_links(d, files[d].content) if t.startswith("praktijken/")] for d in docs]
    assert sorted(found[0] + found[1]) == sorted(f"praktijken/{p.slug}.md" for p in catalogue.practices)
    assert [len(f) for f in found] == [50, len(catalogue.practices) - 50]
    second = files[docs[1]]
    assert "title: Goede praktijken (pagina 2 van 2)" in second.content
    assert '[1](../index.md){ aria-label="Pagina 1" }' in second.content
    assert '[2](2.md){ aria-current="page"' in second.content
    assert "[Bijdragen](../bijdragen/index.md)" in files[docs[0]].content
    assert second.edit_path == files[docs[0]].edit_path == "good_practices/"


def test_theme_pages_list_every_entry_once(big):
    catalogue, files = big
    key = "werving"
    docs = [d for d in files if d == f"themas/{key}.md" or d.startswith(f"themas/{key}/pagina/")]
    expected = [f"praktijken/{p.slug}.md" for p in catalogue.practices if key in p.themes]
    expected += [f"programmas/{p.slug}.md" for p in catalogue.programmes if key in p.themes]
    expected += [p.doc_path for p in catalogue.pages if key in p.themes]
    found = {d: [t for t in entry_links(d, files[d].content) if t != "themas/index.md"] for d in docs}
    assert len(docs) > 1
    assert sorted(t for links in found.values() for t in links) == sorted(expected)
    assert max(len(links) for links in found.values()) == 50


def test_map_list_pages_cover_every_programme_per_province_and_link_to_each_start(big):
    catalogue, files = big
    pages = {d: f.content for d, f in files.items() if d == "sociale-kaart/index.md" or d.startswith("sociale-kaart/pagina/")}
    assert len(pages) > 2
    listed = [t for d, content in pages.items() for t in entry_links(d, content) if t.startswith("programmas/")]
    finished = {p.slug for p in catalogue.programmes if p.status == "afgerond"}
    assert finished and len(finished) < len(catalogue.programmes)
    for programme in catalogue.programmes:
        provinces = common.area_provinces(programme.area, catalogue.context) or (("Landelijk",) if programme.area.national else ())
        expected = 1 if programme.slug in finished else len(provinces)  # finished ones once, at the end
        assert listed.count(f"programmas/{programme.slug}.md") == expected, programme.slug
    assert all(listed.index(f"programmas/{s}.md") > len(listed) - len(finished) - 1 for s in finished)
    jumps = re.findall(r"^- \[([^\]]+)\]\(([^)#]+)#([a-z-]+)\) \(pagina (\d+)\)$", pages["sociale-kaart/index.md"], re.MULTILINE)
    covered = {p for x in catalogue.programmes if x.slug not in finished for p in common.area_provinces(x.area, catalogue.context)}
    assert {name for name, *_ in jumps} == {"Landelijk", *covered, "Afgeronde programma's"}
    for name, target, anchor, number in jumps:
        doc = "sociale-kaart/index.md" if number == "1" else f"sociale-kaart/{target}"
        assert doc == paginate.page_doc("sociale-kaart/index.md", int(number))
        assert f"## {name} {{ #{anchor} }}" in pages[doc]


def test_no_generated_page_grows_with_the_number_of_entries(big, files):
    """Except the data files, every page of 320 entries is about as big as the largest of a few entries."""
    _, many = big
    pages = [f for f in many.values() if f.doc_path.endswith(".md") and f.doc_path != "bijdragen/inhoudsmodel.md"]
    few = max(len(f.content) for f in files.values() if f.doc_path.endswith(".md") and f.doc_path != "bijdragen/inhoudsmodel.md")
    assert max(len(f.content) for f in pages) < max(2 * few, 25_000)


def test_payment_table_is_capped_and_links_to_the_catalogue(big):
    catalogue, _ = big
    table = catalogue_module.payment_table(catalogue, "gidsen/waardering-en-vergoeding.md")
    rows = [line for line in table.splitlines() if line.startswith("| [")]
    assert 0 < len(rows) <= 50 < len(catalogue.practices)
    assert f"Alle {len(catalogue.practices)} praktijken staan in [het overzicht van goede praktijken](../praktijken/index.md)." in table
    assert {row.split(" | ")[1] for row in rows} == {catalogue.context.vocab.label("vergoeding", p.payment) for p in catalogue.practices}


def test_lists_of_entries_are_left_out_of_the_search_index(big):
    _, files = big
    for doc in ("praktijken/index.md", "praktijken/pagina/2.md", "sociale-kaart/pagina/2.md", "themas/werving.md"):
        content = files[doc].content
        start, end = content.index('<div data-pagefind-ignore="all" markdown="1">'), content.index("</div>")
        entries = ("praktijken/fictief", "programmas/", "gidsen/")
        assert any(t.startswith(entries) for t in entry_links(doc, content[start:end])), doc
        assert not any(t.startswith(entries) for t in entry_links(doc, content[:start] + content[end:])), doc


def test_small_lists_have_no_page_numbers(catalogue):
    report = dataclasses.replace(catalogue, programmes=catalogue.programmes[:5], practices=catalogue.practices[:5])
    small = {f.doc_path: f for f in assemble.generate(report)}
    for doc in ("praktijken/index.md", "sociale-kaart/index.md", "themas/gezondheid.md"):
        assert "kb-pagination" not in small[doc].content
    assert not any("/pagina/" in d for d in small if not d.startswith("redactie/"))


# --- making only what changed (serve) -------------------------------------------------

def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    stat = path.stat()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))  # a new time, on coarse clocks too


EDITS = {
    "practice text": lambda repo, pr, pg: _edit(pr[0], "## Werving\n", "## Werving\n\nEen nieuwe zin.\n"),
    "practice title": lambda repo, pr, pg: _edit(pr[1], 'titel: "', 'titel: "Andere titel '),
    "practice themes": lambda repo, pr, pg: _edit(pr[2], "themas: [", 'themas: ["waardering", '),
    "practice's programme": lambda repo, pr, pg: _edit(pr[3], "laatst_geverifieerd:", f"programma: {pg[0].stem}\nlaatst_geverifieerd:"),
    "programme name": lambda repo, pr, pg: _edit(pg[0], 'naam: "', 'naam: "Nieuwe naam '),
    "programme area": lambda repo, pr, pg: _edit(pg[1], "werkgebied: [", 'werkgebied: ["Zoetermeer", '),
    "programme removed": lambda repo, pr, pg: pg[2].unlink(),
    "practice added": lambda repo, pr, pg: (pr[0].parent / "fictief-nieuw.md").write_text(pr[4].read_text(encoding="utf-8"), encoding="utf-8"),
    "vocabulary": lambda repo, pr, pg: _edit(repo / "data" / "vocabulaire.yml", "label: ", "label: Gewijzigd "),
    "fact": lambda repo, pr, pg: _edit(repo / "data" / "feiten.yml", '"€ 5,60 per uur"', '"€ 5,65 per uur"'),
    "worksheet": lambda repo, pr, pg: _edit(repo / "content" / "gidsen" / "eerste-gesprek.md", "We hebben kennisgemaakt.",
                                            "We hebben elkaar leren kennen."),
}
#: Edits after which everything is made again: every page may use the vocabularies and the facts.
EVERYTHING_AGAIN = {"vocabulary", "fact"}


@pytest.mark.parametrize("edit", list(EDITS))
def test_with_a_memo_only_what_changed_is_made_and_the_result_is_the_same(edit, tmp_path):
    repo = make_repo(ROOT, tmp_path / "repo", 30, practices=8, guides=1)
    layout = Layout(repo.root)
    check_memo, memo = CheckMemo(), assemble.Memo()
    first = assemble.generate(check_all(layout, today=TODAY, memo=check_memo), memo=memo)
    assert first == assemble.generate(check_all(layout, today=TODAY))
    assert assemble.generate(check_all(layout, today=TODAY, memo=check_memo), memo=memo) == first
    assert memo.remade == 0  # nothing changed: nothing is made again
    practices = sorted(p for p in repo.practices)
    programmes = sorted(p for p in repo.programmes)
    EDITS[edit](repo.root, practices, programmes)
    again = assemble.generate(check_all(layout, today=TODAY, memo=check_memo), memo=memo)
    assert again == assemble.generate(check_all(layout, today=TODAY))
    assert again != first
    if edit not in EVERYTHING_AGAIN:
        assert memo.remade < len(memo.made) / 2, "most kinds of page come from the memo"


def _term_pages(memo: assemble.Memo) -> dict:
    """What the memo holds for each theme's and role's pages, by job key."""
    return {key: made for key, (_, made) in memo.made.items() if isinstance(key, tuple) and key[0] in terms.INDEXED and key[1] != "index"}


def test_with_a_memo_theme_editors_and_old_knowledge_pages_are_made_again_only_when_their_rows_changed(tmp_path):
    """A theme's rows are the title, link and summary of each entry: an edit elsewhere in an entry leaves its pages."""
    repo = make_repo(ROOT, tmp_path / "repo", 30, practices=8, guides=1)
    layout, check_memo, memo = Layout(repo.root), CheckMemo(), assemble.Memo()
    assemble.generate(check_all(layout, today=TODAY, memo=check_memo), memo=memo)
    before, knowledge, editors = _term_pages(memo), memo.made["knowledge"][1], memo.made["editors"][1]
    assert knowledge and before and editors
    practices = sorted(repo.practices)
    EDITS["practice text"](repo.root, practices, [])
    assemble.generate(check_all(layout, today=TODAY, memo=check_memo), memo=memo)
    assert all(made is before[key] for key, made in _term_pages(memo).items())
    assert memo.made["knowledge"][1] is knowledge and memo.made["editors"][1] is editors
    edited = next(p for p in check_all(layout, today=TODAY).practices if p.path.endswith(practices[1].name))
    EDITS["practice title"](repo.root, practices, [])
    again = assemble.generate(check_all(layout, today=TODAY, memo=check_memo), memo=memo)
    assert again == assemble.generate(check_all(layout, today=TODAY))
    remade = {key for key, made in _term_pages(memo).items() if made is not before[key]}
    assert remade == {(vocabulary, term) for vocabulary, attr in terms.INDEXED.items() for term in getattr(edited, attr)}


def test_with_a_memo_the_worksheet_files_are_made_again_only_when_a_guide_changed(tmp_path):
    repo = make_repo(ROOT, tmp_path / "repo", 10, practices=2, guides=1)
    layout, site = Layout(repo.root), common.Site("Kennisbank", "https://voorbeeld.nl/")
    check_memo, memo = CheckMemo(), assemble.Memo()
    first = assemble.generate_all(check_all(layout, today=TODAY, memo=check_memo), site, memo)
    assert first.downloads and first.pages == assemble.generate(check_all(layout, today=TODAY), site)
    _edit(repo.programmes[0], 'naam: "', 'naam: "Nieuwe naam ')
    again = assemble.generate_all(check_all(layout, today=TODAY, memo=check_memo), site, memo)
    assert again.downloads is first.downloads and again.pages != first.pages
    EDITS["worksheet"](repo.root, [], [])
    third = assemble.generate_all(check_all(layout, today=TODAY, memo=check_memo), site, memo)
    assert third == assemble.generate_all(check_all(layout, today=TODAY), site)
    changed = {a.path for a, b in zip(third.downloads, first.downloads, strict=True) if a.content != b.content}
    assert changed == {worksheets.download_path("eerste-gesprek", fmt) for fmt in ("odt", "docx")}


@pytest.fixture
def own_templates(tmp_path, monkeypatch):
    """A copy of the page templates in a scratch folder, used instead of the real ones."""
    folder = tmp_path / "sjablonen"
    shutil.copytree(templating.folder(), folder)
    monkeypatch.setattr(templating, "folder", lambda: folder)
    monkeypatch.setattr(templating, "_MARKDOWN", templating._environment(True, folder))
    monkeypatch.setattr(templating, "_PLAIN", templating._environment(False, folder))
    templating.reload()
    yield folder
    templating.reload()


def test_with_a_memo_a_changed_template_makes_its_pages_again(own_templates, tmp_path):
    """serve: the plugin calls reload_if_changed before every rebuild; the memo then forgets what the old templates made."""
    repo = make_repo(ROOT, tmp_path / "repo", 10, practices=2, guides=1)
    layout, check_memo, memo = Layout(repo.root), CheckMemo(), assemble.Memo()
    first = assemble.generate(check_all(layout, today=TODAY, memo=check_memo), memo=memo)
    assert templating.reload_if_changed() is False
    assert assemble.generate(check_all(layout, today=TODAY, memo=check_memo), memo=memo) == first and memo.remade == 0
    template = own_templates / "praktijk.md"
    template.write_text(template.read_text(encoding="utf-8").replace("Laatst gecontroleerd: ", "Laatst nagekeken: "), encoding="utf-8")
    assert assemble.generate(check_all(layout, today=TODAY, memo=check_memo), memo=memo) == first  # read once per build, until reload
    assert templating.reload_if_changed() is True and templating.reload_if_changed() is False
    again = {f.doc_path: f.content for f in assemble.generate(check_all(layout, today=TODAY, memo=check_memo), memo=memo)}
    assert memo.remade == len(memo.made)  # new templates: everything made again
    assert again == {f.doc_path: f.content for f in assemble.generate(check_all(layout, today=TODAY))}
    practice_pages = [doc for doc in again if doc.startswith("praktijken/") and doc != "praktijken/index.md" and "/pagina/" not in doc]
    assert practice_pages and all("Laatst nagekeken: " in again[doc] for doc in practice_pages)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A catalogue with every kind of generated page: 40 programmes, 10 practices and a guide with worksheets."""
    repo = make_repo(ROOT, tmp_path_factory.mktemp("delen") / "repo", 40, practices=10, guides=1, today=TODAY)
    return check_all(Layout(repo.root), today=TODAY)


@pytest.mark.parametrize("which", ["real", "synthetic"])
def test_the_two_parts_together_are_the_whole_generation_in_its_order(which, catalogue, synthetic):
    chosen = catalogue if which == "real" else synthetic
    site = common.Site("Kennisbank", "https://example.org/kb/")
    data, rest = assemble.generate_part(chosen, site, data=True), assemble.generate_part(chosen, site, data=False)
    assert not data.keys() & rest.keys()
    assert assemble.combine(rest, data) == assemble.combine(data, rest) == assemble.generate(chosen, site)


def test_the_data_part_is_the_open_data_and_the_municipality_pages(synthetic):
    jobs = assemble.jobs(synthetic, common.Site())
    assert {job.kind for job in jobs} >= assemble.DATA_KINDS  # a misspelt kind would quietly move nothing
    data = [f.doc_path for files in assemble.generate_part(synthetic, common.Site(), data=True).values() for f in files]
    assert "open-data.md" in data and "gemeenten/index.md" in data and any(p.startswith("gemeenten/") and p != "gemeenten/index.md" for p in data)
    assert not any(p.endswith(".md") and p.startswith(("programmas/", "praktijken/", "themas/", "sociale-kaart/")) for p in data)
