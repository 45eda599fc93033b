"""Worksheets from the real guides: the page, the ODT and DOCX files (read back independently), the overview,
the link in the guide, and the Markdown changes between the guide and each of them."""

from __future__ import annotations

import dataclasses
import re

import pytest

from kennisbank.model.checks import Layout, check_all
from kennisbank.model.worksheets import BLANK_RE, TASK_RE
from kennisbank.pages import worksheets
from kennisbank.pages.common import Site, dutch_date

from ..conftest import ROOT, TODAY
from .test_documents import READERS

SITE = Site("Kennisbank Sleutelpersonen", "https://kennisbank-sleutelpersonen.github.io/kennisbank/")


CATALOGUE = check_all(Layout(ROOT), today=TODAY)
PAIRS = worksheets.worksheets(CATALOGUE)
EACH = pytest.mark.parametrize("pair", PAIRS, ids=[sheet.name for _, sheet in PAIRS])


@pytest.fixture(scope="module")
def catalogue():
    return CATALOGUE


@pytest.fixture(scope="module")
def sheets():
    return PAIRS


@pytest.fixture(scope="module")
def downloads():
    return {d.path: d.content for d in worksheets.downloads(CATALOGUE, SITE)}


def answer_cells(markdown: str) -> int:
    """Table cells that hold only underscores (an open place) or nothing."""
    count = 0
    for line in markdown.split("\n"):
        if line.startswith("|") and not re.fullmatch(r"[\s|:-]+", line):
            count += sum(1 for cell in line.strip().strip("|").split("|") if not cell.strip() or BLANK_RE.fullmatch(cell.strip()))
    return count


def headings(markdown: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"^#{1,6} (.+)$", markdown, re.MULTILINE)]


@EACH
def test_page_has_title_hub_guide_address_version_and_downloads(pair):
    guide, sheet = pair
    page = worksheets.worksheet_page(guide, sheet, SITE, CATALOGUE.context)
    assert page.doc_path == f"werkbladen/{sheet.name}.md"
    assert page.edit_path == guide.path  # "edit this page" opens the guide, where the text lives
    assert "template: werkblad.html" in page.content and "type: werkblad" in page.content
    assert f"\n# {sheet.title}\n" in page.content
    body = page.content.split("\n---\n", 1)[1]
    source = next(line for line in body.split("\n") if "Werkblad bij de gids" in line)
    assert source.startswith("**Kennisbank Sleutelpersonen**")
    assert f"[{guide.title}](../{guide.doc_path})" in source
    assert f"Versie van {dutch_date(guide.reviewed)}" in source
    assert f"<https://kennisbank-sleutelpersonen.github.io/kennisbank/{guide.doc_path.removesuffix('.md')}/>" in page.content
    assert f"({sheet.name}/werkblad-{sheet.name}.odt)" in page.content and f"({sheet.name}/werkblad-{sheet.name}.docx)" in page.content


@EACH
def test_page_has_the_part_with_empty_answer_cells_and_its_footnotes(pair):
    guide, sheet = pair
    page = worksheets.worksheet_page(guide, sheet, SITE, CATALOGUE.context).content
    assert not [line for line in page.split("\n") if line.startswith("|") and re.search(r"\|\s*_{3,}\s*\|", line)]
    assert answer_cells(page) == answer_cells(sheet.body)
    assert len(TASK_RE.findall(page)) == len(TASK_RE.findall(sheet.body))
    for note in sheet.notes:
        assert note in page
    assert "///" not in page


@EACH
@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_download_has_the_headings_empty_answer_cells_and_boxes(pair, downloads, fmt):
    guide, sheet = pair
    outline = READERS[fmt](downloads[f"werkbladen/{sheet.name}/werkblad-{sheet.name}.{fmt}"])
    assert outline.headings[0] == (1, sheet.title)
    assert [text for _, text in outline.headings[1:]] == headings(sheet.body)
    assert all(level >= 2 for level, _ in outline.headings[1:])
    assert outline.empty_cells == answer_cells(sheet.body)
    assert sum(line.startswith("☐ ") for p in outline.paragraphs for line in p.split("\n")) == len(TASK_RE.findall(sheet.body))
    header = next(p for p in outline.paragraphs if "Werkblad bij de gids" in p)
    assert "Kennisbank Sleutelpersonen" in header and guide.title in header and f"Versie van {dutch_date(guide.reviewed)}" in header
    assert SITE.address(guide.doc_path) in header
    assert (round(outline.page_mm[0]), round(outline.page_mm[1])) == (210, 297)


def test_the_checklist_downloads_with_its_boxes_and_the_profile_with_its_cells(downloads):
    checklist = READERS["docx"](downloads["werkbladen/eerste-gesprek/werkblad-eerste-gesprek.docx"])
    voorbereiding = next(p for p in checklist.paragraphs if p.startswith("☐ Datum"))
    assert voorbereiding.split("\n") == ["☐ Datum, tijd en plek zijn afgesproken.", "☐ De vragen zijn van tevoren opgestuurd.",
                                         "☐ De sleutelpersoon weet dat hij of zij iemand mag meenemen."]
    profile = READERS["odt"](downloads["werkbladen/functieprofiel/werkblad-functieprofiel.odt"])
    cells = [c.strip() for c in profile.cells]
    assert cells[cells.index("Naam van de functie") + 1] == ""
    assert cells[cells.index("Uren per week") + 1] == "____ uur"


def test_overview_lists_every_worksheet_in_one_line(catalogue, sheets):
    page = worksheets.overview_page(catalogue).content
    items = [line for line in page.split("\n") if line.startswith("- ")]
    assert len(items) == len(sheets) == 5
    for item, (guide, sheet) in zip(items, sheets, strict=True):
        assert item.startswith(f"- [{sheet.title}]({sheet.name}.md), uit de gids [{guide.title}](../{guide.doc_path}).")
        assert f"({sheet.name}/werkblad-{sheet.name}.odt)" in item and f"({sheet.name}/werkblad-{sheet.name}.docx)" in item


def test_overview_without_worksheets_says_so(catalogue):
    empty = dataclasses.replace(catalogue, pages=tuple(dataclasses.replace(p, worksheets=()) for p in catalogue.pages))
    assert "Er zijn nog geen werkbladen." in worksheets.overview_page(empty).content


def test_guide_gets_a_link_where_its_part_starts_and_loses_the_markers(root, sheets):
    guide = next(g for g, s in sheets if s.name == "eerste-gesprek")
    source = (root / guide.path).read_text(encoding="utf-8")
    page = worksheets.guide_markdown(source, guide)
    assert "///" not in page
    link = ("**Werkblad:** [Checklist voor het eerste gesprek](../werkbladen/eerste-gesprek.md), om te printen of om in te vullen "
            "op je computer ([ODT](../werkbladen/eerste-gesprek/werkblad-eerste-gesprek.odt) of "
            "[DOCX](../werkbladen/eerste-gesprek/werkblad-eerste-gesprek.docx)).\n{: .kb-werkblad-link }\n\nVink af")
    assert link in page
    assert page.replace(link, "Vink af").count("- [ ]") == source.count("- [ ]")


def test_a_guide_without_worksheets_is_left_alone(catalogue):
    guide = next(p for p in catalogue.pages if p.is_guide and not p.worksheets)
    assert worksheets.guide_markdown("Tekst\n///\n", guide) == "Tekst\n///\n"


# --- the Markdown changes --------------------------------------------------------------

def test_headings_move_under_the_title():
    assert worksheets.shift_headings("### Een\n\n#### Twee\n\n```\n# code\n```\n") == "## Een\n\n### Twee\n\n```\n# code\n```\n"
    assert worksheets.shift_headings("Geen kop.") == "Geen kop."


def test_cells_of_underscores_become_empty_and_other_blanks_stay():
    table = "| Vraag | Antwoord |\n| --- | --- |\n| Wat? | ______ |\n| Uren | ____ uur |"
    assert worksheets.empty_answer_cells(table) == "| Vraag | Antwoord |\n| --- | --- |\n| Wat? | |\n| Uren | ____ uur |"


@pytest.mark.parametrize(("target", "on_page", "in_document"), [
    ("zes-rollen.md", "../gidsen/zes-rollen.md", "https://kennisbank-sleutelpersonen.github.io/kennisbank/gidsen/zes-rollen/"),
    ("../rollen/helper.md#taken", "../rollen/helper.md#taken", "https://kennisbank-sleutelpersonen.github.io/kennisbank/rollen/helper/#taken"),
    ("../praktijken/index.md", "../praktijken/index.md", "https://kennisbank-sleutelpersonen.github.io/kennisbank/praktijken/"),
    ("#stap-1", "../gidsen/eerste-gesprek.md#stap-1", "https://kennisbank-sleutelpersonen.github.io/kennisbank/gidsen/eerste-gesprek/#stap-1"),
    ("https://www.pharos.nl/", "https://www.pharos.nl/", "https://www.pharos.nl/"),
    ("javascript:alert(1)", "javascript:alert(1)", None),
])
def test_links_follow_the_part(target, on_page, in_document):
    markdown = f"Zie [de tekst]({target}) hier."
    assert worksheets.rewrite_links(markdown, worksheets.page_link_target("gidsen/eerste-gesprek.md", "werkbladen/x.md")) == \
        f"Zie [de tekst]({on_page}) hier."
    expected = f"Zie [de tekst]({in_document}) hier." if in_document else "Zie de tekst hier."
    assert worksheets.rewrite_links(markdown, worksheets.document_link_target("gidsen/eerste-gesprek.md", SITE)) == expected


def test_without_a_site_address_a_document_keeps_only_link_texts():
    resolve = worksheets.document_link_target("gidsen/x.md", Site())
    assert worksheets.rewrite_links("[Gids](y.md) en [web](https://example.org/)", resolve) == "Gids en [web](https://example.org/)"


def test_for_pandoc_turns_site_markdown_into_what_pandoc_reads():
    site = (
        '!!! tip "Vragen die helpen"\n\n    - Een vraag?\n    - Nog een?\n\nNa het blok.\n\n'
        "- [ ] Een vakje\n- [x] Al gedaan\n\n"
        "Naam: ______\n\n"
        "Tekst {: .klasse }\n\n<!-- een opmerking -->\n\n*[B1]: taalniveau\n\n![Logo](logo.svg)\n\n"
        "```\n- [ ] in code\n```\n"
    )
    assert worksheets.for_pandoc(site) == (
        "> **Vragen die helpen**\n>\n> - Een vraag?\n> - Nog een?\n\nNa het blok.\n\n"
        "☐ Een vakje\\\n☐ Al gedaan\n\n\n"
        "Naam: \\_\\_\\_\\_\\_\\_\n\n"
        "Tekst\n\n\n\n\nLogo\n\n"
        "```\n- [ ] in code\n```\n"
    )


def test_facts_in_a_part_are_filled_in_on_the_page_and_in_the_files(catalogue):
    key = next(iter(catalogue.context.facts))
    guide, sheet = PAIRS[0]
    with_fact = dataclasses.replace(sheet, body=f"Het nummer is [[feit:{key}]].\n\nNaam: ______")
    page = worksheets.worksheet_page(guide, with_fact, SITE, catalogue.context).content
    document = worksheets.document_markdown(guide, with_fact, SITE, catalogue.context)
    for text in (page, document):
        assert "[[feit:" not in text
        assert catalogue.context.facts[key].current.value in text
