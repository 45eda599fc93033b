"""Checking all source files and turning them into records.

Each rule is a small function that yields ``(field, message)`` or
``(line, field, message)``; :func:`check_all` runs every rule over every file,
collects all problems at once, and builds records from the files that passed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .fields import SLUG_RE, Context, check_mapping, convert_mapping, did_you_mean
from .gazetteer import load_gazetteer
from .loading import Source, read_source
from .privacy import rule_private_contact
from .problems import Problem, Severity
from .records import Page, Practice, Programme, Story
from .schema import PRACTICE_SECTIONS, SCHEMAS
from .stories import is_story, rule_story_excerpt, story_records
from .vocabulary import load_vocabularies

STALE_AFTER = dt.timedelta(days=365)
GUIDES_FOLDER = "gidsen"
SUMMARY_BOX = re.compile(r'^!!! \w+ "In het kort"', re.MULTILINE)


@dataclass(frozen=True)
class Layout:
    """Where the sources live, relative to the repository root."""

    root: Path
    content: str = "content"
    practices: str = "good_practices"
    programmes: str = "programmas"
    data: str = "data"

    def folder(self, name: str) -> Path:
        """Absolute path of one of the folders above."""
        return self.root / getattr(self, name)


@dataclass(frozen=True)
class Catalogue:
    """Everything the generator needs: validated records, plus all problems."""

    pages: tuple[Page, ...]
    practices: tuple[Practice, ...]
    programmes: tuple[Programme, ...]
    problems: tuple[Problem, ...]
    context: Context
    layout: Layout
    stories: tuple[Story, ...] = ()


def slugify(text: str) -> str:
    """A lower-case ASCII slug: ``"Versa Welzijn (Hilversum)"`` → ``versa-welzijn-hilversum``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# --- rules over one source ---------------------------------------------------

def rule_file_name(source: Source) -> Iterator[tuple[int, str, str]]:
    """The file name is the page address: lower case, digits and hyphens."""
    if not SLUG_RE.match(source.slug):
        better = f"{slugify(source.slug) or 'naam'}{Path(source.path).suffix}"
        yield 1, "", f"de bestandsnaam '{source.slug}' mag alleen kleine letters, cijfers en streepjes bevatten; hernoem het bestand naar '{better}'"


def rule_schema(source: Source, kind: str, ctx: Context) -> Iterator[tuple[int, str, str]]:
    """Every field as the content model says."""
    for field, message in check_mapping(source.data, SCHEMAS[kind], ctx):
        yield source.line_of(field), field, message


def _headings(source: Source, level: int) -> list[tuple[int, str]]:
    """(line, text) of Markdown headings of one level, outside code blocks."""
    found, fenced = [], False
    for number, line in enumerate(source.body.split("\n"), start=source.body_line):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and line.startswith("#" * level + " "):
            found.append((number, line[level + 1:].strip()))
    return found


def rule_title_heading(source: Source) -> Iterator[tuple[int, str, str]]:
    """A page starts with one `# Titel` heading equal to its `titel` field."""
    title = source.data.get("titel")
    heads = _headings(source, 1)
    if not heads:
        yield source.body_line, "", f"de pagina heeft geen kop; begin de tekst met '# {title}'"
    elif isinstance(title, str) and heads[0][1] != title.strip():
        yield heads[0][0], "titel", f"de kop '# {heads[0][1]}' is anders dan de titel '{title}'; maak ze gelijk"


def rule_summary_box(source: Source) -> Iterator[tuple[int, str, str]]:
    """A guide opens with an 'In het kort' box."""
    if not SUMMARY_BOX.search(source.body):
        yield source.body_line, "", "de gids heeft geen blok 'In het kort'; zet na de kop '!!! abstract \"In het kort\"' met drie tot vijf korte punten"


def rule_practice_sections(source: Source) -> Iterator[tuple[int, str, str]]:
    """A good practice has the fixed sections, each with some text."""
    heads = _headings(source, 2)
    names = [text for _, text in heads]
    last_line = source.body_line + source.body.rstrip("\n").count("\n")
    for section in PRACTICE_SECTIONS:
        if section not in names:
            close = difflib.get_close_matches(section, names, n=1, cutoff=0.6)
            hint = f" (is '## {close[0]}' bedoeld?)" if close else ""
            yield last_line, "", f"de sectie '## {section}' ontbreekt{hint}; verplicht zijn: {', '.join(PRACTICE_SECTIONS)}"
    lines = source.body.split("\n")
    for index, (line, text) in enumerate(heads):
        if text not in PRACTICE_SECTIONS:
            continue
        end = heads[index + 1][0] if index + 1 < len(heads) else last_line + 1
        content = lines[line - source.body_line + 1: end - source.body_line]
        if not any(x.strip() for x in content):
            yield line, "", f"de sectie '## {text}' is leeg; schrijf 'De bron zegt hier niets over.' als dat zo is"


PLACEHOLDER = "VUL IN"


def _placeholder_fields(value, path: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholder_fields(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholder_fields(item, f"{path}[{index}]")
    elif isinstance(value, str) and PLACEHOLDER in value:
        yield path


def rule_placeholders(source: Source) -> Iterator[tuple[int, str, str]]:
    """Text left over from a template ('VUL IN') must be replaced."""
    for field in _placeholder_fields(source.data):
        yield source.line_of(field), field, "vul dit veld in (hier staat nog 'VUL IN' uit het sjabloon)"
    for number, line in enumerate(source.body.split("\n"), start=source.body_line):
        if PLACEHOLDER in line:
            yield number, "", "hier staat nog 'VUL IN' uit het sjabloon; vervang het door je eigen tekst"


def _within(field: str, fields: set[str]) -> bool:
    return any(field == f or field.startswith((f + ".", f + "[")) or f.startswith((field + "[", field + ".")) for f in fields)


def rule_fresh(source: Source, field: str, ctx: Context) -> Iterator[tuple[int, str, str]]:
    """Warn when an entry has not been checked for more than twelve months."""
    value = source.data.get(field)
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return
    if ctx.today - day > STALE_AFTER:
        message = f"niet meer gecontroleerd sinds {day.isoformat()} (meer dan 12 maanden); ga na of alles nog klopt en pas de datum aan"
        yield source.line_of(field), field, message


# --- reading folders ---------------------------------------------------------

def _all_files(folder: Path) -> list[Path]:
    """Every file under ``folder``, sorted, as ``sorted(p for p in folder.rglob("*") if p.is_file())`` gives them.

    With ``os.scandir``, which knows from the directory itself whether an entry is a file, so
    listing 10,000 files costs no system call per file.
    """
    found, todo = [], [folder]
    while todo:
        parent = todo.pop()
        with os.scandir(parent) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    todo.append(parent / entry.name)
                elif entry.is_file():
                    found.append(parent / entry.name)
    return sorted(found)


def _files(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    if folder.is_dir():
        yield from (p for p in _all_files(folder) if p.suffix in suffixes and p.name != "README.md")


def _as_problems(path: str, found: Iterable[tuple[int, str, str]], severity: Severity = Severity.ERROR) -> list[Problem]:
    return [Problem(path, line, field, message, severity) for line, field, message in found]


def _check_source(source: Source, kind: str, ctx: Context) -> list[Problem]:
    placeholders = list(rule_placeholders(source))
    unfilled = {field for _, field, _ in placeholders if field}
    found: list[tuple[int, str, str]] = [
        *rule_file_name(source),
        *placeholders,
        *(p for p in rule_schema(source, kind, ctx) if not _within(p[1], unfilled)),
    ]
    if kind in ("gids", "pagina"):
        found += rule_title_heading(source)
    if kind == "gids":
        found += rule_summary_box(source)
    if kind == "praktijk":
        found += rule_practice_sections(source)
    if kind in ("praktijk", "programma"):
        found += rule_private_contact(source)
    if kind == "verhaal":
        found += [*rule_title_heading(source), *rule_story_excerpt(source), *rule_private_contact(source, where="")]
    problems = _as_problems(source.path, found)
    stale_field = {"praktijk": "laatst_geverifieerd", "programma": "laatst_geverifieerd"}.get(kind, "laatst_herzien")
    problems += _as_problems(source.path, rule_fresh(source, stale_field, ctx), Severity.WARNING)
    return problems


@dataclass
class CheckedFile:
    """What checking one file gave: its source (when it could be read), its problems, and later its record."""

    stamp: tuple[int, int]  # size and modification time when it was read
    kind: str
    source: Source | None
    problems: list[Problem]
    good: bool  # read and checked without errors: it becomes a record
    record: Any = None  # made on first use, then kept with the file (see CheckMemo)

    def record_of(self, make) -> Any:
        """The file's record, made once by ``make(source)``."""
        if self.record is None:
            self.record = make(self.source)
        return self.record


def file_stamp(file: Path) -> tuple[int, int]:
    """Size and modification time of a file: when neither changed, neither did the file (for our purposes)."""
    stat = file.stat()
    return stat.st_size, stat.st_mtime_ns


@dataclass
class CheckMemo:
    """What :func:`check_all` found, file by file, kept for the next check of the same sources.

    ``kennisbank serve`` checks everything after every edit. With a memo, a file whose size and
    modification time did not change is not read or checked again, and it keeps its record: the
    same object as before, so the generator can see by identity what changed
    (:class:`kennisbank.pages.assemble.Memo`). The rules that look at several files at once
    (unique names, links between files) run every time. Everything is forgotten when the data
    folder or the date changes, since every rule may depend on them.
    """

    context_key: Any = None
    context: Context | None = None
    files: dict[Path, CheckedFile] = dataclasses.field(default_factory=dict)
    seen: dict[Path, CheckedFile] = dataclasses.field(default_factory=dict)

    def context_for(self, layout: Layout, today: dt.date | None) -> Context:
        """The context of the last check when the data folder and the date are the same, else a new one."""
        data = layout.folder("data")
        key = (today or dt.date.today(), sorted((p.as_posix(), *file_stamp(p)) for p in data.rglob("*") if p.is_file()))
        if key != self.context_key or self.context is None:
            self.context_key, self.context, self.files = key, make_context(layout, today), {}
        self.seen = {}
        return self.context

    def get(self, file: Path, kind: str) -> CheckedFile | None:
        """The last result for an unchanged file."""
        found = self.files.get(file)
        if found is not None and found.kind == kind and found.stamp == file_stamp(file):
            self.seen[file] = found
            return found
        return None

    def put(self, file: Path, checked: CheckedFile) -> None:
        self.seen[file] = checked

    def done(self) -> None:
        """Keep only the files of this check (removed files are forgotten)."""
        self.files, self.seen = self.seen, {}


def check_file(file: Path, root: Path, kind: str, ctx: Context) -> CheckedFile:
    """Read and check one source file."""
    stamp = file_stamp(file)
    source, found = read_source(file, root)
    if source is None:
        return CheckedFile(stamp, kind, None, found, good=False)
    checked = _check_source(source, kind, ctx)
    good = not found and not any(p.severity is Severity.ERROR for p in checked)
    return CheckedFile(stamp, kind, source, found + checked, good)


def _read_folder(files: Iterable[Path], root: Path, kind_of, ctx: Context, memo: CheckMemo | None = None) -> tuple[list[CheckedFile], list[Problem]]:
    good: list[CheckedFile] = []
    problems: list[Problem] = []
    for file in files:
        kind = kind_of(file)
        checked = memo.get(file, kind) if memo else None
        if checked is None:
            checked = check_file(file, root, kind, ctx)
            if memo:
                memo.put(file, checked)
        problems += checked.problems
        if checked.good:
            good.append(checked)
    return good, problems


def rule_unique_slugs(sources: list[Source], what: str) -> Iterator[Problem]:
    """Two files in one folder tree may not share a name: they would share an address."""
    by_slug: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_slug[source.slug].append(source)
    for slug, same in by_slug.items():
        for source in same[1:]:
            yield Problem(source.path, 1, "", f"er is al een {what} met de naam '{slug}' ({same[0].path}); kies een andere bestandsnaam")


def rule_programme_links(practices: Iterable[Practice], programmes: Iterable[Programme], lines: dict[str, int]) -> Iterator[Problem]:
    """A practice that names a programme must name one that exists."""
    slugs = [p.slug for p in programmes]
    for practice in practices:
        if practice.programme and practice.programme not in slugs:
            hint = did_you_mean(practice.programme, slugs) or (f"; bestaande programma's: {', '.join(slugs)}" if slugs else "")
            yield Problem(practice.path, lines.get(practice.path, 1), "programma", f"het programma '{practice.programme}' bestaat niet{hint}")


def make_context(layout: Layout, today: dt.date | None = None) -> Context:
    """Load vocabularies and gazetteer for checking."""
    data = layout.folder("data")
    return Context(load_vocabularies(data / "vocabulaire.yml"), load_gazetteer(data), today or dt.date.today())


def check_all(layout: Layout, today: dt.date | None = None, memo: CheckMemo | None = None) -> Catalogue:
    """Read and check every source file; build records from the valid ones.

    ``memo``: what the last check of these sources found; unchanged files are taken from it (see CheckMemo).
    """
    ctx = memo.context_for(layout, today) if memo else make_context(layout, today)
    content = layout.folder("content")

    def page_kind(file: Path) -> str:
        if is_story(file.relative_to(content).parts):
            return "verhaal"
        return "gids" if file.relative_to(content).parts[0] == GUIDES_FOLDER else "pagina"

    page_files, problems = _read_folder(_files(content, (".md",)), layout.root, page_kind, ctx, memo)
    practice_files, found = _read_folder(_files(layout.folder("practices"), (".md",)), layout.root, lambda f: "praktijk", ctx, memo)
    problems += found
    programme_files, found = _read_folder(_files(layout.folder("programmes"), (".yml",)), layout.root, lambda f: "programma", ctx, memo)
    problems += found
    problems += _wrong_types(layout)
    if memo:
        memo.done()

    def page(s: Source, kind: str) -> Page:
        return Page(slug=s.slug, path=s.path, doc_path=Path(s.path).relative_to(layout.content).as_posix(),
                    is_guide=kind == "gids", **convert_mapping(s.data, SCHEMAS[kind], ctx))

    pages = [f.record_of(lambda s, kind=f.kind: page(s, kind)) for f in page_files if f.kind != "verhaal"]
    practices = [f.record_of(lambda s: Practice(slug=s.slug, path=s.path, body=s.body, **convert_mapping(s.data, SCHEMAS["praktijk"], ctx)))
                 for f in practice_files]
    programmes = [f.record_of(lambda s: Programme(slug=s.slug, path=s.path, **convert_mapping(s.data, SCHEMAS["programma"], ctx)))
                  for f in programme_files]
    practice_sources = [f.source for f in practice_files]
    programme_sources = [f.source for f in programme_files]
    problems += rule_unique_slugs(practice_sources, "goede praktijk")
    story_sources = [f.source for f in page_files if f.kind == "verhaal"]
    stories, found = story_records(story_sources, layout.root, layout.content, ctx)
    problems += found
    problems += rule_unique_slugs(story_sources, "verhaal")
    problems += rule_unique_slugs(programme_sources, "programma")
    problems += rule_programme_links(practices, programmes, {s.path: s.line_of("programma") for s in practice_sources})
    failed = {p.path for p in problems if p.severity is Severity.ERROR}
    return Catalogue(
        tuple(p for p in pages if p.path not in failed),
        tuple(p for p in practices if p.path not in failed),
        tuple(p for p in programmes if p.path not in failed),
        tuple(sorted(set(problems))), ctx, layout,
        stories=tuple(s for s in stories if s.path not in failed),
    )


def _wrong_types(layout: Layout) -> list[Problem]:
    """Files with the wrong extension in a source folder are reported, not ignored."""
    expected = {"practices": ".md", "programmes": ".yml"}
    problems = []
    for folder, suffix in expected.items():
        base = layout.folder(folder)
        if not base.is_dir():
            continue
        for file in (p for p in _all_files(base) if p.name != "README.md" and not p.name.startswith(".") and p.suffix != suffix):
            problems.append(Problem(file.relative_to(layout.root).as_posix(), 1, "",
                                    f"dit bestand wordt niet gelezen: bestanden in {getattr(layout, folder)}/ moeten eindigen op '{suffix}'"))
    return problems
