"""Files for a word processor, made from Markdown: ODT and DOCX on A4, by pandoc.

Pandoc comes from PyPI (``pypandoc-binary``), so nothing is installed on the system. It reads a
restricted Markdown (:data:`PANDOC_INPUT`): the extensions Python-Markdown lacks are off, so a text
reads the same in the files as on the site, and so are the ones that would carry raw content into
a file (raw HTML, raw OpenXML or ODF blocks, a YAML metadata block), because the text comes from
contributors. Pandoc also runs with ``--sandbox``: it reads nothing but its input and the
reference document, so an image or include in the text cannot pull in a local file or a web page.

Pandoc's reference documents (which hold the styles and the page size) are Letter-sized and draw
tables without lines, which a form on paper needs. The DOCX reference is made A4 and its table
style gets lines with python-docx (which has no call for table borders, so they are added as
elements of its own XML classes). The ODT reference is pandoc's own output for an empty text
(pandoc's ``reference.odt`` declares a namespace twice, which no XML parser accepts) with its page
layout set to A4; pandoc writes the ODT cell style into each file itself, so each file's cells get
their lines afterwards. Both ODT changes set attributes with lxml: odfpy reads pandoc's files but
cannot write them back (it fails on pandoc's meta.xml).
"""

from __future__ import annotations

import functools
import io
import os
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pypandoc
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

FORMATS = ("odt", "docx")
#: Pandoc's Markdown, less what the site's Markdown does not do and what would pass raw content on.
PANDOC_INPUT = "markdown" + "".join(f"-{extension}" for extension in (
    "raw_html", "raw_attribute", "raw_tex", "yaml_metadata_block", "pandoc_title_block", "citations",
    "tex_math_dollars", "subscript", "superscript", "strikeout", "inline_notes", "example_lists",
    "fancy_lists", "line_blocks", "implicit_figures", "bracketed_spans", "fenced_divs", "native_divs",
    "native_spans", "link_attributes", "inline_code_attributes", "auto_identifiers",
))
LANGUAGE = "nl-NL"
A4_MM = (210, 297)
MARGIN_MM = 15
ODF_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
ODF_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#: The ODT cell styles pandoc writes (without borders), and the line a form's cells get instead.
ODT_CELL_STYLES = ("TableHeaderRowCell", "TableRowCell")
CELL_LINE = "0.5pt solid #000000"
DOCX_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def _pandoc(*args: str, stdin: bytes = b"") -> bytes:
    """Run the pandoc that pypandoc-binary ships; its output as bytes."""
    return subprocess.run([pypandoc.get_pandoc_path(), *args], input=stdin, capture_output=True, check=True, timeout=60).stdout


def _a4_docx(reference: bytes) -> bytes:
    """Pandoc's DOCX reference with A4 pages, even margins, and lines around and between table cells."""
    document = docx.Document(io.BytesIO(reference))
    for section in document.sections:
        section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
    properties = document.styles["Table"].element.find(qn("w:tblPr"))
    borders = OxmlElement("w:tblBorders")
    for edge in DOCX_EDGES:
        line = OxmlElement(f"w:{edge}")
        for name, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            line.set(qn(f"w:{name}"), value)
        borders.append(line)
    indent = properties.find(qn("w:tblInd"))  # OOXML fixes the order: the borders come right after the indent
    if indent is not None:
        indent.addnext(borders)
    else:
        properties.insert(0, borders)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _change_odt(document: bytes, part: str, change: Callable[[etree._Element], None]) -> bytes:
    """An ODT file with one XML part changed by ``change``; every other part is copied as it is."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():  # "mimetype" comes first and stays uncompressed, as ODF requires
            data = source.read(item.filename)
            if item.filename == part:
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            target.writestr(item, data)
    return out.getvalue()


def _a4_pages(styles: etree._Element) -> None:
    """Every page layout of an ODT's styles.xml on A4 with even margins."""
    for layout in styles.iter(f"{{{ODF_STYLE}}}page-layout-properties"):
        layout.set(f"{{{ODF_FO}}}page-width", f"{A4_MM[0]}mm")
        layout.set(f"{{{ODF_FO}}}page-height", f"{A4_MM[1]}mm")
        for side in ("top", "bottom", "left", "right"):
            layout.set(f"{{{ODF_FO}}}margin-{side}", f"{MARGIN_MM}mm")


def _cell_lines(content: etree._Element) -> None:
    """Lines around the table cells of an ODT's content.xml, with a little room inside them."""
    for cell_style in content.iter(f"{{{ODF_STYLE}}}style"):
        if cell_style.get(f"{{{ODF_STYLE}}}name") in ODT_CELL_STYLES:
            for properties in cell_style.iter(f"{{{ODF_STYLE}}}table-cell-properties"):
                properties.set(f"{{{ODF_FO}}}border", CELL_LINE)
                properties.set(f"{{{ODF_FO}}}padding", "1mm")


@functools.cache
def reference(fmt: str) -> bytes:
    """The A4 reference document pandoc takes its styles and page size from."""
    if fmt == "docx":
        return _a4_docx(_pandoc("--print-default-data-file", "reference.docx"))
    if fmt == "odt":
        return _change_odt(_pandoc("--from", "markdown", "--to", "odt", "--output", "-"), "styles.xml", _a4_pages)
    raise ValueError(f"onbekend formaat: {fmt}")


@functools.lru_cache(maxsize=64)
def convert(markdown: str, fmt: str) -> bytes:
    """A Markdown text as an ODT or DOCX file on A4 (cached: while serving, an unchanged text is not converted again)."""
    with tempfile.TemporaryDirectory(prefix="kennisbank-document-") as folder:
        reference_doc = Path(folder) / f"referentie.{fmt}"
        reference_doc.write_bytes(reference(fmt))
        output = Path(folder) / f"document.{fmt}"
        pypandoc.convert_text(markdown, fmt, format=PANDOC_INPUT, outputfile=str(output), verify_format=False, sandbox=True,
                              extra_args=["--reference-doc", str(reference_doc), "--metadata", f"lang={LANGUAGE}"])
        made = output.read_bytes()
    return _change_odt(made, "content.xml", _cell_lines) if fmt == "odt" else made


def convert_all(jobs: Iterable[tuple[str, str]]) -> list[bytes]:
    """:func:`convert` for many (Markdown, format) pairs, with one pandoc per processor at a time.

    Each pandoc is a process of its own, so threads run them side by side; a build waits for the
    slowest file instead of for all of them in a row.
    """
    jobs = list(jobs)
    with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
        list(pool.map(reference, sorted({fmt for _, fmt in jobs})))  # once per format, before the files that need it
        return list(pool.map(lambda job: convert(*job), jobs))
