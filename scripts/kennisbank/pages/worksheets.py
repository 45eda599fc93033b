"""Worksheets: a page to print and an ODT and a DOCX file for every part a guide marks to fill in.

A guide marks the part once (:mod:`kennisbank.model.worksheets`). From that one text this module
makes, in every build:

- the worksheet page ``werkbladen/<naam>.md``: the part (its ``[[feit:…]]`` filled in) with the hub's name, the guide's address and
  the date of its version (``laatst_herzien``) above it, made for A4 (``overrides/werkblad.html``
  and ``werkblad.css``), with answer cells left empty to write in;
- the same text in pandoc's Markdown, which :mod:`kennisbank.pages.documents` turns into the ODT
  and DOCX downloads (check boxes as ☐, answer cells empty, links as full addresses);
- the overview ``werkbladen/index.md``, and the link on the guide page where the part starts
  (:func:`guide_markdown`, called by the mkdocs plugin for the guide's own page).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..model.checks import GUIDES_FOLDER, Catalogue
from ..model.fields import Context
from ..model.records import Page, Worksheet
from ..model.worksheets import KEYWORD, find_markers
from . import documents
from .common import Generated, Site, link
from .facts import fill_in_facts
from .templating import page, render, trusted

FOLDER = "werkbladen"
OVERVIEW_DOC = f"{FOLDER}/index.md"
TEMPLATE = "werkblad.html"
BOX = "☐"
LINK_RE = re.compile(r'(?<!!)\[(?P<label>[^\]]*)\]\(\s*<?(?P<target>(?:[^()\s<>]|\([^()\s]*\))+)>?(?:\s+"[^"]*")?\s*\)')
IMAGE_RE = re.compile(r"!\[(?P<alt>[^\]]*)\]\([^)]*\)")
SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
WEB_SCHEMES = ("http:", "https:", "mailto:")
HEADING_RE = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)
ADMONITION_RE = re.compile(r'^(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+"(?P<title>[^"]*)")?\s*$')
TASK_RE = re.compile(r"^\s*[-*+] \[[ xX]\]\s+(?P<text>.*)$")
ATTR_LIST_RE = re.compile(r"[ \t]*\{:[^}\n]*\}|[ \t]*\{[ \t]*[.#][^}\n]*\}")
ABBREVIATION_RE = re.compile(r"^\*\[[^\]]+\]:.*$\n?", re.MULTILINE)
COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
BLANK_RE = re.compile(r"_{3,}")


@dataclass(frozen=True)
class Download:
    """A file for the site that is not a page: bytes, written as they are."""

    path: str
    content: bytes


def sheet_doc(name: str) -> str:
    """The worksheet page of a marked part."""
    return f"{FOLDER}/{name}.md"


def download_path(name: str, fmt: str) -> str:
    """Where a worksheet's ODT or DOCX file is in the site: next to the page, named after the worksheet."""
    return f"{FOLDER}/{name}/werkblad-{name}.{fmt}"


def worksheets(catalogue: Catalogue) -> list[tuple[Page, Worksheet]]:
    """Every marked part with its guide, by title."""
    found = [(page, sheet) for page in catalogue.pages if page.is_guide for sheet in page.worksheets]
    return sorted(found, key=lambda pair: (pair[1].title.lower(), pair[1].name))


# --- Markdown of a part ------------------------------------------------------------

def _pieces(markdown: str) -> list[str]:
    """The text cut at fenced code blocks: the pieces at odd positions are the code blocks."""
    return re.split(r"(^(?:```|~~~).*?^(?:```|~~~)[^\n]*$)", markdown, flags=re.MULTILINE | re.DOTALL)


def _code_free(markdown: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to the text outside fenced code blocks only."""
    return "".join(piece if index % 2 else change(piece) for index, piece in enumerate(_pieces(markdown)))


def shift_headings(markdown: str, top: int = 2) -> str:
    """Move the headings of a part so that its highest one is level ``top`` (the worksheet's title is level 1)."""
    levels = [len(m.group(1)) for piece in _pieces(markdown)[::2] for m in HEADING_RE.finditer(piece)]
    if not levels:
        return markdown
    shift = top - min(levels)
    return _code_free(markdown, lambda s: HEADING_RE.sub(lambda m: "#" * min(6, max(1, len(m.group(1)) + shift)), s))


def empty_answer_cells(markdown: str) -> str:
    """Table cells of only underscores become empty cells: room to write, on paper and in a word processor."""
    def row(line: str) -> str:
        if not line.lstrip().startswith("|"):
            return line
        cells = re.split(r"(?<!\\)\|", line)
        return "|".join(" " if BLANK_RE.fullmatch(cell.strip()) else cell for cell in cells)
    return "\n".join(row(line) for line in markdown.split("\n"))


def rewrite_links(markdown: str, resolve: Callable[[str], str | None]) -> str:
    """Give every inline link the target ``resolve`` says; ``None`` keeps only the link's text."""
    def replace(match: re.Match) -> str:
        target = resolve(match.group("target"))
        return match.group("label") if target is None else f"[{match.group('label')}]({target})"
    return LINK_RE.sub(replace, markdown)


def _resolved_doc(guide_doc: str, target: str) -> tuple[str, str]:
    """A relative link target of the guide as (docs path, '#fragment' or '')."""
    path, _, fragment = target.partition("#")
    doc = posixpath.normpath(posixpath.join(posixpath.dirname(guide_doc), path)) if path else guide_doc
    return doc, f"#{fragment}" if fragment else ""


def page_link_target(guide_doc: str, from_doc: str) -> Callable[[str], str | None]:
    """Links of the part, as seen from the worksheet page instead of the guide."""
    def resolve(target: str) -> str:
        if SCHEME_RE.match(target):
            return target
        doc, fragment = _resolved_doc(guide_doc, target)
        return posixpath.relpath("/" + doc, "/" + (posixpath.dirname(from_doc) or ".")) + fragment
    return resolve


def document_link_target(guide_doc: str, site: Site) -> Callable[[str], str | None]:
    """Links of the part as full web addresses, for a file that is read away from the site; other schemes are dropped."""
    def resolve(target: str) -> str | None:
        if target.lower().startswith(WEB_SCHEMES):
            return target
        if SCHEME_RE.match(target) or not site.url:
            return None
        doc, fragment = _resolved_doc(guide_doc, target)
        return (site.address(doc) if doc.endswith(".md") else site.url.rstrip("/") + "/" + doc) + fragment
    return resolve


def _admonitions_as_quotes(markdown: str) -> str:
    """``!!! tip "Titel"`` with an indented text becomes a quote with the title in bold: pandoc has no admonitions."""
    lines, out, index = markdown.split("\n"), [], 0
    while index < len(lines):
        match = ADMONITION_RE.match(lines[index])
        index += 1
        if not match:
            out.append(lines[index - 1])
            continue
        body = []
        while index < len(lines) and (lines[index].startswith("    ") or not lines[index].strip()):
            body.append(lines[index][4:])
            index += 1
        while body and not body[-1].strip():
            body.pop()
        while body and not body[0].strip():
            body.pop(0)
        title = [f"**{match.group('title')}**", ""] if match.group("title") else []
        out += [f"> {line}".rstrip() for line in [*title, *body]] + [""]
    return "\n".join(out)


def _tasks_as_boxes(markdown: str) -> str:
    """A task list becomes lines that start with ☐, one paragraph per list: a box to tick by hand or to overtype with ☒.

    One paragraph with a line per box keeps a checklist as short on paper as on the worksheet page.
    """
    out: list[str] = []
    boxes: list[str] = []
    for line in [*markdown.split("\n"), ""]:
        match = TASK_RE.match(line)
        if match:
            boxes.append(f"{BOX} {match.group('text')}")
            continue
        if boxes:
            out += ["\\\n".join(boxes), ""]
            boxes = []
        out.append(line)
    return "\n".join(out[:-1])


def for_pandoc(markdown: str) -> str:
    """The site's Markdown of a worksheet in the pandoc Markdown that :data:`documents.PANDOC_INPUT` reads."""
    def change(piece: str) -> str:
        piece = COMMENT_RE.sub("", piece)
        piece = ABBREVIATION_RE.sub("", piece)
        piece = ATTR_LIST_RE.sub("", piece)
        piece = IMAGE_RE.sub(lambda m: m.group("alt"), piece)
        piece = BLANK_RE.sub(lambda m: "\\_" * len(m.group(0)), piece)
        return _tasks_as_boxes(_admonitions_as_quotes(piece))
    return _code_free(markdown, change)


# --- the worksheet page, its files, and the overview --------------------------------

def _part(sheet: Worksheet, ctx: Context) -> str:
    """The marked part with its footnotes and facts, headings moved under the worksheet's title, answer cells empty."""
    notes = "\n\n" + "\n".join(sheet.notes) if sheet.notes else ""
    return fill_in_facts(empty_answer_cells(shift_headings(sheet.body)) + notes + "\n", ctx.facts, ctx.today)


def _origin(guide: Page, site: Site) -> dict[str, Any]:
    """Where a worksheet comes from, for the line under its title: the site, the guide's version and address."""
    return {"site": site.name, "gids": guide.title, "versie": guide.reviewed, "adres": site.address(guide.doc_path)}


def document_markdown(guide: Page, sheet: Worksheet, site: Site, ctx: Context) -> str:
    """The worksheet as pandoc reads it for the ODT and DOCX files (``templates/werkblad-bestand.md``)."""
    body = rewrite_links(_part(sheet, ctx), document_link_target(guide.doc_path, site))
    return render("werkblad-bestand.md", titel=sheet.title, **_origin(guide, site), tekst=trusted(for_pandoc(body)))


def _downloads(name: str, from_doc: str) -> dict[str, Markup]:
    return {fmt: trusted(link(fmt.upper(), from_doc, download_path(name, fmt))) for fmt in ("odt", "docx")}


def worksheet_page(guide: Page, sheet: Worksheet, site: Site, ctx: Context) -> Generated:
    """The worksheet page: on screen with its downloads, on paper only the worksheet (``templates/werkblad.md``)."""
    doc = sheet_doc(sheet.name)
    body = rewrite_links(_part(sheet, ctx), page_link_target(guide.doc_path, doc))
    content = page("werkblad.md", {"type": "werkblad", "template": TEMPLATE, "hide": ["toc"]}, doc=doc, titel=sheet.title,
                   **_origin(guide, site), gids_link=trusted(link(guide.title, doc, guide.doc_path)),
                   **_downloads(sheet.name, doc), tekst=trusted(body))
    return Generated(doc, content, guide.path)


def overview_page(catalogue: Catalogue) -> Generated:
    """The page 'Werkbladen': every worksheet in one line, with its guide and its downloads."""
    sheets = [{"link": trusted(link(sheet.title, OVERVIEW_DOC, sheet_doc(sheet.name))),
               "gids_link": trusted(link(guide.title, OVERVIEW_DOC, guide.doc_path)), **_downloads(sheet.name, OVERVIEW_DOC)}
              for guide, sheet in worksheets(catalogue)]
    content = page("werkbladen.md", {"type": "overzicht"}, doc=OVERVIEW_DOC, werkbladen=sheets)
    return Generated(OVERVIEW_DOC, content, f"{catalogue.layout.content}/{GUIDES_FOLDER}/")


def files(catalogue: Catalogue, site: Site) -> list[Generated]:
    """The overview and every worksheet page."""
    return [overview_page(catalogue), *(worksheet_page(guide, sheet, site, catalogue.context) for guide, sheet in worksheets(catalogue))]


def downloads(catalogue: Catalogue, site: Site) -> list[Download]:
    """The ODT and DOCX file of every worksheet."""
    jobs = [(sheet.name, fmt, document_markdown(guide, sheet, site, catalogue.context))
            for guide, sheet in worksheets(catalogue) for fmt in documents.FORMATS]
    contents = documents.convert_all((markdown, fmt) for _, fmt, markdown in jobs)
    return [Download(download_path(name, fmt), content) for (name, fmt, _), content in zip(jobs, contents, strict=True)]


def guide_markdown(markdown: str, guide: Page) -> str:
    """A guide page with a link to the worksheet where each marked part starts, and no marker lines left."""
    if not guide.worksheets:
        return markdown
    titles = {sheet.name: sheet.title for sheet in guide.worksheets}
    lines = markdown.split("\n")
    for marker in find_markers(markdown):
        if marker.closes:
            lines[marker.index] = ""
        elif marker.keyword == KEYWORD and marker.name in titles:
            sheet_link = trusted(link(titles[marker.name], guide.doc_path, sheet_doc(marker.name)))
            lines[marker.index] = render("werkblad-link.md", blad=sheet_link, **_downloads(marker.name, guide.doc_path))
    return "\n".join(lines)
