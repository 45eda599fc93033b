"""Worksheets: the parts of a guide that are marked to fill in, and the rules for their markers.

A guide marks a fill-in part once, with a line before it and a line after it::

    /// werkblad: eerste-gesprek "Checklist voor het eerste gesprek"
    ...the part, in the guide's ordinary Markdown...
    ///

The build makes a worksheet page (``werkbladen/eerste-gesprek/``) and ODT and DOCX files from
that part (:mod:`kennisbank.pages.worksheets`), and puts a link to them on the guide page where
the first line was; the text itself exists only in the guide.

Why this syntax: it is Markdown-like text, not HTML (contributors' HTML is refused), it reads as
"a worksheet starts here … ends here" in the file and in GitHub's preview, and it is the block
syntax of pymdownx.blocks, which Material's users know. pymdownx does not read it here: this
module does, so that every mistake gets a Dutch message with its line, and the build replaces
both lines before Markdown sees them.

A part needs something to fill in: an open place (three or more underscores, ``______``), an
empty check box (``- [ ] …``) or an empty table cell. In a table, a cell of only underscores is
an answer cell; the worksheet shows it as an empty cell with room to write.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .fields import SLUG_RE, did_you_mean, slugify
from .problems import Problem
from .records import Page, Worksheet

KEYWORD = "werkblad"
FIELD = "werkblad"
EXAMPLE = '/// werkblad: eerste-gesprek "Checklist voor het eerste gesprek"'
#: A marker line: ``///`` at the start of a line, then (for an opening) a keyword and its arguments.
MARKER_RE = re.compile(r"^///(?P<rest>.*)$")
OPENING_RE = re.compile(r'^(?P<keyword>[^\s:"]+)\s*:?\s*(?P<arguments>.*)$')
QUOTED_RE = re.compile(r'^"(?P<title>[^"]*)"$')
BLANK_RE = re.compile(r"_{3,}")
TASK_RE = re.compile(r"^\s*[-*+] \[ \] ", re.MULTILINE)
FOOTNOTE_REF_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEF_RE = re.compile(r"^\[\^([^\]\s]+)\]:")


@dataclass(frozen=True)
class Marker:
    """One ``///`` line of a guide body."""

    index: int  # line index in the body (0 is the first line)
    keyword: str  # "werkblad", another word (unknown), or "" for a closing line
    name: str = ""
    title: str | None = None  # None: no title in quotes

    @property
    def closes(self) -> bool:
        """True for the line ``///`` that ends a part."""
        return not self.keyword


def _outside_code(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, line) of the lines that are not inside a fenced code block."""
    fenced = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced:
            yield index, line


def find_markers(body: str) -> list[Marker]:
    """Every ``///`` line at the start of a line, outside code blocks, in order."""
    found = []
    for index, line in _outside_code(body.split("\n")):
        match = MARKER_RE.match(line.rstrip())
        if not match:
            continue
        rest = match.group("rest").strip()
        opening = OPENING_RE.match(rest)
        if not opening:
            found.append(Marker(index, rest))  # "" closes a part; anything else is an unknown block
            continue
        found.append(Marker(index, opening.group("keyword"), *_name_and_title(opening.group("arguments"))))
    return found


def _name_and_title(arguments: str) -> tuple[str, str | None]:
    """``eerste-gesprek "Titel"`` → (name, title); the title is None when it is not in quotes."""
    if '"' not in arguments:
        words = arguments.split()
        return (words[0] if words else ""), None
    quote = arguments.index('"')
    quoted = QUOTED_RE.match(arguments[quote:].strip())
    return arguments[:quote].strip(), quoted.group("title").strip() if quoted else None


def has_room_to_fill_in(text: str) -> bool:
    """An open place (``___``), an empty check box or an empty table cell."""
    if BLANK_RE.search(text) or TASK_RE.search(text):
        return True
    for line in text.split("\n"):
        row = line.strip()
        if row.startswith("|") and not re.fullmatch(r"[\s|:-]+", row):
            cells = re.split(r"(?<!\\)\|", row.strip("|"))
            if any(not cell.strip() for cell in cells):
                return True
    return False


def _footnotes(lines: list[str]) -> dict[str, str]:
    """The guide's footnote definitions by id, each with its indented continuation lines."""
    notes: dict[str, str] = {}
    key = None
    for line in lines:
        match = FOOTNOTE_DEF_RE.match(line)
        if match:
            key = match.group(1)
            notes[key] = line
        elif key and line.startswith(("    ", "\t")):
            notes[key] += "\n" + line
        else:
            key = None
    return notes


def _opening_problems(marker: Marker) -> Iterator[str]:
    if not marker.name:
        yield f"het werkblad heeft geen naam; schrijf '/// werkblad: naam \"Titel\"', bijvoorbeeld '{EXAMPLE}'"
        return
    if not SLUG_RE.match(marker.name):
        yield (f"de naam '{marker.name}' mag alleen kleine letters, cijfers en streepjes bevatten; "
               f"schrijf bijvoorbeeld '{slugify(marker.name) or 'eerste-gesprek'}'")
    if not marker.title:
        yield f"het werkblad '{marker.name}' heeft geen titel tussen aanhalingstekens; schrijf '/// werkblad: {marker.name} \"Titel\"'"


def read_worksheets(body: str, body_line: int) -> tuple[tuple[Worksheet, ...], list[tuple[int, str, str]]]:
    """The marked parts of a guide body, and every problem with their markers as (line, field, message).

    ``body_line`` is the file line of the body's first line, so that messages name file lines.
    """
    lines = body.split("\n")
    sheets: list[Worksheet] = []
    problems: list[tuple[int, str, str]] = []
    notes = _footnotes(lines)
    open_stack: list[Marker] = []  # every block still open, innermost last (an unknown block too, so its '///' closes it)
    for marker in find_markers(body):
        line = body_line + marker.index
        sheets_open = [m for m in open_stack if m.keyword == KEYWORD]
        if marker.keyword and marker.keyword != KEYWORD:
            hint = "; bedoel je 'werkblad'? Een" if did_you_mean(marker.keyword, [KEYWORD]) else "; een"
            problems.append((line, FIELD, f"onbekend blok '/// {marker.keyword}'{hint} werkblad begint met '/// werkblad: naam \"Titel\"'"))
            open_stack.append(marker)
            continue
        if marker.keyword:
            if sheets_open:
                outer = sheets_open[0]
                problems.append((line, FIELD, f"een werkblad kan niet in een ander werkblad staan: het werkblad '{outer.name}' van regel "
                                              f"{body_line + outer.index} is nog open; sluit dat eerst met een regel '///'"))
            problems += [(line, FIELD, message) for message in _opening_problems(marker)]
            open_stack.append(marker)
            continue
        if not open_stack:
            problems.append((line, FIELD, "deze regel '///' sluit een werkblad, maar er is hier geen werkblad open; "
                                          "haal de regel weg of begin het werkblad met '/// werkblad: naam \"Titel\"'"))
            continue
        opening = open_stack.pop()
        if opening.keyword != KEYWORD or len(sheets_open) > 1:
            continue  # the end of an unknown block or of a nested part, both reported at their first line
        part = "\n".join(lines[opening.index + 1: marker.index]).strip("\n")
        opened_at = body_line + opening.index
        label = opening.name or "…"
        if not part.strip():
            problems.append((opened_at, FIELD, f"het werkblad '{label}' is leeg; zet de tekst om in te vullen tussen '/// werkblad: …' en '///'"))
        elif not has_room_to_fill_in(part):
            problems.append((opened_at, FIELD, f"het werkblad '{label}' heeft niets om in te vullen; gebruik een open plek (______), "
                                               "een leeg vakje ('- [ ] …') of een lege tabelcel"))
        used = dict.fromkeys(FOOTNOTE_REF_RE.findall(part))
        sheets.append(Worksheet(name=opening.name, title=opening.title or "", line=opened_at, body=part,
                                notes=tuple(notes[ref] for ref in used if ref in notes)))
    for opening in (m for m in open_stack if m.keyword == KEYWORD):
        problems.append((body_line + opening.index, FIELD, f"het werkblad '{opening.name or '…'}' wordt niet gesloten; "
                                                           "zet een regel '///' onder het laatste deel van het werkblad"))
    return tuple(sheets), problems


def rule_worksheets_only_in_guides(body: str, body_line: int, guides_folder: str) -> Iterator[tuple[int, str, str]]:
    """Pages other than guides have no worksheets: their markers would show as text."""
    for marker in find_markers(body):
        if marker.keyword == KEYWORD:
            yield (body_line + marker.index, FIELD,
                   f"een werkblad kan alleen in een gids staan (in {guides_folder}/); haal '/// werkblad' en '///' weg of zet het deel in een gids")


def rule_unique_worksheets(pages: Iterable[Page]) -> Iterator[Problem]:
    """Two worksheets may not share a name: they would share an address."""
    first: dict[str, tuple[str, int]] = {}
    for page in sorted(pages, key=lambda p: p.path):
        for sheet in page.worksheets:
            if sheet.name in first:
                path, line = first[sheet.name]
                yield Problem(page.path, sheet.line, FIELD, f"er is al een werkblad met de naam '{sheet.name}' ({path}:{line}); kies een andere naam")
            else:
                first[sheet.name] = (page.path, sheet.line)
