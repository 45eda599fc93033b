"""ODT and DOCX from Markdown by pandoc, read back with independent readers (python-docx, odfpy)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import docx
import pytest
from odf import opendocument, style, table, teletype
from odf import text as odf_text

from kennisbank.pages import documents

MARKDOWN = """# Titel

Een alinea met **vet**.

## Vragen

| Vraag | Antwoord |
| --- | --- |
| Wat wil ik leren? |  |
| Hoe? | dagen: \\_\\_\\_\\_ |

☐ Eerste vakje

☐ Tweede vakje
"""


@dataclass
class Outline:
    """What a reader finds in a document: headings, paragraphs outside tables, table cells, page size."""

    headings: list[tuple[int, str]]
    paragraphs: list[str]
    cells: list[str]
    page_mm: tuple[float, float]

    @property
    def empty_cells(self) -> int:
        return sum(1 for cell in self.cells if not cell.strip())


def docx_outline(data: bytes) -> Outline:
    """A DOCX file as python-docx reads it."""
    document = docx.Document(io.BytesIO(data))
    headings = [(int(p.style.name.split()[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading ")]
    cells = [cell.text for t in document.tables for row in t.rows for cell in row.cells]
    section = document.sections[0]
    return Outline(headings, [p.text for p in document.paragraphs], cells, (section.page_width.mm, section.page_height.mm))


def _mm(length: str) -> float:
    for unit, factor in (("mm", 1.0), ("cm", 10.0), ("in", 25.4)):
        if length.endswith(unit):
            return float(length[: -len(unit)]) * factor
    raise ValueError(length)


def odt_outline(data: bytes) -> Outline:
    """An ODT file as odfpy reads it."""
    document = opendocument.load(io.BytesIO(data))
    headings = [(int(h.getAttribute("outlinelevel")), teletype.extractText(h)) for h in document.getElementsByType(odf_text.H)]
    in_tables = {id(p) for cell in document.getElementsByType(table.TableCell) for p in cell.getElementsByType(odf_text.P)}
    paragraphs = [teletype.extractText(p) for p in document.getElementsByType(odf_text.P) if id(p) not in in_tables]
    cells = [teletype.extractText(cell) for cell in document.getElementsByType(table.TableCell)]
    (layout, *_) = document.getElementsByType(style.PageLayoutProperties)
    return Outline(headings, paragraphs, cells, (_mm(layout.getAttribute("pagewidth")), _mm(layout.getAttribute("pageheight"))))


READERS = {"docx": docx_outline, "odt": odt_outline}


@pytest.mark.parametrize("fmt", documents.FORMATS)
def test_headings_table_empty_cells_and_boxes_survive(fmt):
    outline = READERS[fmt](documents.convert(MARKDOWN, fmt))
    assert outline.headings == [(1, "Titel"), (2, "Vragen")]
    assert [c.strip() for c in outline.cells] == ["Vraag", "Antwoord", "Wat wil ik leren?", "", "Hoe?", "dagen: ____"]
    assert outline.empty_cells == 1
    assert [p for p in outline.paragraphs if p.startswith("☐")] == ["☐ Eerste vakje", "☐ Tweede vakje"]


@pytest.mark.parametrize("fmt", documents.FORMATS)
def test_pages_are_a4(fmt):
    width, height = READERS[fmt](documents.convert(MARKDOWN, fmt)).page_mm
    assert (round(width), round(height)) == documents.A4_MM


def test_docx_table_cells_have_lines():
    document = docx.Document(io.BytesIO(documents.convert(MARKDOWN, "docx")))
    (table_style,) = {t.style.name for t in document.tables}
    edges = document.styles[table_style].element.xpath("./w:tblPr/w:tblBorders/*")
    assert sorted(e.tag.rsplit("}", 1)[1] for e in edges) == sorted(documents.DOCX_EDGES)


def test_odt_table_cells_have_lines():
    document = opendocument.load(io.BytesIO(documents.convert(MARKDOWN, "odt")))
    used = {cell.getAttribute("stylename") for cell in document.getElementsByType(table.TableCell)}
    borders = {s.getAttribute("name"): p.getAttribute("border") for s in document.automaticstyles.getElementsByType(style.Style)
               for p in s.getElementsByType(style.TableCellProperties)}
    assert used and {borders[name] for name in used} == {documents.CELL_LINE}


@pytest.mark.parametrize("fmt", documents.FORMATS)
def test_the_language_is_dutch(fmt):
    with zipfile.ZipFile(io.BytesIO(documents.convert(MARKDOWN, fmt))) as archive:
        xml = archive.read("word/styles.xml" if fmt == "docx" else "meta.xml").decode()
    assert "nl-NL" in xml


HOSTILE = """# Titel

```{=openxml}
<w:p><w:r><w:t>INGESPOTEN</w:t></w:r></w:p>
```

```{=opendocument}
<text:p>INGESPOTEN</text:p>
```

<b>html</b>

![beeld](/etc/hostname)

---
header-includes: INGESPOTEN
---
"""


@pytest.mark.parametrize("fmt", documents.FORMATS)
def test_contributor_text_cannot_put_raw_markup_or_files_in_a_document(fmt):
    with zipfile.ZipFile(io.BytesIO(documents.convert(HOSTILE, fmt))) as archive:
        names = archive.namelist()
        body = archive.read("word/document.xml" if fmt == "docx" else "content.xml").decode()
    assert "<w:t>INGESPOTEN</w:t>" not in body and "<text:p>INGESPOTEN</text:p>" not in body
    assert "&lt;w:p&gt;" in body or "&lt;w:t&gt;" in body  # shown as text, not taken as markup
    assert "<b>" not in body
    assert not any(name.startswith(("word/media", "Pictures")) for name in names)


def test_converting_the_same_text_twice_is_not_done_twice():
    documents.convert.cache_clear()
    documents.convert(MARKDOWN, "odt")
    documents.convert(MARKDOWN, "odt")
    assert documents.convert.cache_info().hits == 1
