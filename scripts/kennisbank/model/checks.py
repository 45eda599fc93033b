"""Checking all source files and turning them into records.

Each rule is a small function that yields ``(field, message)`` or
``(line, field, message)``; :func:`check_all` runs every rule over every file,
collects all problems at once, and builds records from the files that passed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import operator
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .facts import load_facts, rule_fact_references
from .fields import SLUG_RE, Context, check_mapping, convert_mapping, did_you_mean, parse_partial_date, slugify
from .gazetteer import Gazetteer, read_gazetteer
from .loading import MAX_BYTES, Source, not_a_plain_file, read_source
from .markup import rule_no_markup_in_body, rule_no_markup_in_fields, svg_problems
from .privacy import IN_CONTACT, rule_private_contact
from .problems import Problem, Severity
from .records import Page, Practice, Programme, Story
from .schema import PRACTICE_SECTIONS, SCHEMAS
from .stories import is_story, rule_story_excerpt, story_records
from .vocabulary import Vocabularies, read_vocabularies
from .worksheets import read_worksheets, rule_unique_worksheets, rule_worksheets_only_in_guides

STALE_AFTER = dt.timedelta(days=365)
#: How recent a source must be for 'lopend', and how old knowledge may be before a page says so.
RECENT = dt.timedelta(days=730)
GUIDES_FOLDER = "gidsen"
VOCABULARY_FILE = "vocabulaire.yml"
#: What content/ may hold besides Markdown pages (.md): images, copied into the site as they are.
#: SVG can hold script, so every SVG is checked (markup.svg_problems); the others are only ever shown as images.
CONTENT_ASSETS = (".svg", ".png", ".jpg", ".jpeg", ".webp")
#: Other names mkdocs reads as Markdown pages (mkdocs.utils.markdown_extensions).
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd")
#: The most problems reported for one file; beyond it one line says how many more there are.
MAX_PROBLEMS_PER_FILE = 100
SUMMARY_BOX = re.compile(r'^!!! \w+ "In het kort"', re.MULTILINE)
#: The order of Problem (its fields in turn), as one C-level key: a file of 100,000 problems sorts in a tenth of the time.
PROBLEM_ORDER = operator.attrgetter("path", "line", "field", "message", "severity")
#: Messages of the rules below that the site's form says too (contribute/webform.py), with their {placeholders}.
MESSAGES = {
    "placeholder": "vul dit veld in (hier staat nog 'VUL IN' uit het sjabloon)",
    "body_placeholder": "hier staat nog 'VUL IN' uit het sjabloon; vervang het door je eigen tekst",
    "running_needs_recent_source": ("'lopend' kan alleen als een bron van na {since} zegt dat het loopt ({newest}); "
                                    "zet de status op 'onbekend', of voeg zo'n bron toe"),
    "newest_source": "de nieuwste bron is van {date}",
    "no_source_date": "geen bron noemt een datum",
    "running_after_end": "'lopend' kan niet: het einde van de periode ({end}) is voorbij; zet de status op 'afgerond'",
}


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
            close = difflib.get_close_matches(section, list(dict.fromkeys(names)), n=1, cutoff=0.6)
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
        yield source.line_of(field), field, MESSAGES["placeholder"]
    for number, line in enumerate(source.body.split("\n"), start=source.body_line):
        if PLACEHOLDER in line:
            yield number, "", MESSAGES["body_placeholder"]


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


def rule_running_needs_recent_source(source: Source, ctx: Context) -> Iterator[tuple[int, str, str]]:
    """'lopend' only where a source from the last 24 months says so, and never after the period's end."""
    if source.data.get("status") != "lopend":
        return
    sources = source.data.get("bronnen")
    dates = [d for b in sources if isinstance(b, dict) and (d := parse_partial_date(b.get("datum")))] if isinstance(sources, list) else []
    since = ctx.today - RECENT
    line = source.line_of("status")
    if not any(d.latest() >= since for d in dates):
        newest = MESSAGES["newest_source"].format(date=max(dates).iso()) if dates else MESSAGES["no_source_date"]
        yield line, "status", MESSAGES["running_needs_recent_source"].format(since=since.isoformat(), newest=newest)
    period = source.data.get("periode")
    end = parse_partial_date(period.get("eind")) if isinstance(period, dict) else None
    if end and end.latest() < ctx.today:
        yield line, "status", MESSAGES["running_after_end"].format(end=end.iso())


# --- reading folders ---------------------------------------------------------

def list_folder(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Every regular file under ``folder``, and a problem for every symlink or special file there.

    Symlinks are never followed or read: a link to a file outside the project (a system file, a
    secret) would otherwise be read as a source and quoted in messages. Pipes and devices would hang.
    With ``os.scandir``, which knows from the directory itself what each entry is, so listing
    10,000 files costs no system call per file (``kennisbank serve`` lists them after every edit).
    """
    files: list[Path] = []
    problems: list[Problem] = []
    if folder.is_symlink():
        return [], [_not_a_plain_file(folder, root, link=True)]
    if not folder.is_dir():
        return [], []
    todo = [folder]
    while todo:
        parent = todo.pop()
        with os.scandir(parent) as entries:
            for entry in entries:
                if entry.is_symlink():
                    problems.append(_not_a_plain_file(parent / entry.name, root, link=True))
                elif entry.is_dir(follow_symlinks=False):
                    todo.append(parent / entry.name)
                elif entry.is_file(follow_symlinks=False):
                    files.append(parent / entry.name)
                else:
                    problems.append(_not_a_plain_file(parent / entry.name, root, link=False))
    # By the parts, as Path's own order (on POSIX), computed once per file instead of in every comparison.
    return sorted(files, key=operator.attrgetter("parts")), sorted(problems)


def _not_a_plain_file(path: Path, root: Path, link: bool) -> Problem:
    return not_a_plain_file(path.relative_to(root).as_posix(), link)


def _published(path: Path, content: Path) -> bool:
    """Whether mkdocs puts a file of the docs folder on the site (it leaves out dot files and templates/)."""
    parts = path.relative_to(content).parts
    return not any(part.startswith(".") for part in parts) and parts[0] != "templates"


def content_file_problems(files: Iterable[Path], layout: Layout) -> list[Problem]:
    """Files in content/ that are not pages: only checked images may go onto the site."""
    problems: list[Problem] = []
    content = layout.folder("content")
    for file in files:
        if not _published(file, content) or file.suffix == ".md":
            continue
        path = file.relative_to(layout.root).as_posix()
        suffix = file.suffix.lower()
        if suffix in OTHER_MARKDOWN:
            problems.append(Problem(path, 1, "", f"mkdocs maakt hier een pagina van die niet gecontroleerd wordt; hernoem het bestand naar "
                                                 f"'{file.stem}.md'"))
        elif suffix not in CONTENT_ASSETS:
            allowed = ", ".join(CONTENT_ASSETS)
            problems.append(Problem(path, 1, "", f"dit soort bestand ('{file.suffix or file.name}') komt ongecontroleerd op de site; in "
                                                 f"{layout.content}/ staan alleen pagina's (.md) en afbeeldingen ({allowed})"))
        elif suffix == ".svg":
            if file.stat().st_size > MAX_BYTES:
                problems.append(Problem(path, 1, "", f"het bestand is groter dan {MAX_BYTES // 1_000_000} MB; maak de afbeelding kleiner"))
                continue
            problems += [Problem(path, line, "", message) for line, message in svg_problems(file.read_bytes())]
    return problems


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
        found += read_worksheets(source.body, source.body_line)[1]
    if kind in ("pagina", "verhaal"):
        found += rule_worksheets_only_in_guides(source.body, source.body_line, GUIDES_FOLDER)
    if kind == "praktijk":
        found += rule_practice_sections(source)
    if kind != "programma":
        found += rule_fact_references(source, ctx)
    if kind in ("praktijk", "programma"):
        found += rule_running_needs_recent_source(source, ctx)
    if kind == "verhaal":
        found += [*rule_title_heading(source), *rule_story_excerpt(source)]
    # Practices and programmes have a contact field for the organisation's details; other pages do not.
    found += rule_private_contact(source, ctx.role_addresses, where=IN_CONTACT if kind in ("praktijk", "programma") else "")
    found += rule_no_markup_in_fields(source)
    if kind != "programma":
        found += rule_no_markup_in_body(source)
    problems = _capped(_as_problems(source.path, found))
    stale_field = {"praktijk": "laatst_geverifieerd", "programma": "laatst_geverifieerd"}.get(kind, "laatst_herzien")
    problems += _as_problems(source.path, rule_fresh(source, stale_field, ctx), Severity.WARNING)
    return problems


def _capped(problems: list[Problem]) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS_PER_FILE` problems of one file, then one that counts the rest."""
    if len(problems) <= MAX_PROBLEMS_PER_FILE:
        return problems
    unique = set(problems)
    shown = sorted(unique, key=PROBLEM_ORDER)[:MAX_PROBLEMS_PER_FILE]
    rest = len(unique) - len(shown)
    if rest <= 0:
        return shown
    return [*shown, Problem(shown[-1].path, shown[-1].line, "", f"en nog {rest} andere problemen in dit bestand; verbeter eerst deze")]


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
    context: tuple[Context | None, list[Problem]] | None = None
    files: dict[Path, CheckedFile] = dataclasses.field(default_factory=dict)
    seen: dict[Path, CheckedFile] = dataclasses.field(default_factory=dict)

    def context_for(self, layout: Layout, today: dt.date | None) -> tuple[Context | None, list[Problem]]:
        """The context (and the problems of the facts) of the last check when the data folder and the date are the same, else new ones."""
        files, _ = list_folder(layout.folder("data"), layout.root)
        key = (today or dt.date.today(), [(p.as_posix(), *file_stamp(p)) for p in files])
        if key != self.context_key or self.context is None:
            self.context_key, self.context, self.files = key, checking_context(layout, today), {}
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
    found = _capped(found)
    if source is None:
        return CheckedFile(stamp, kind, None, found, good=False)
    checked = _check_source(source, kind, ctx)
    good = not found and not any(p.severity is Severity.ERROR for p in checked)
    return CheckedFile(stamp, kind, source, found + checked, good)


def _read_folder(files: Iterable[tuple[Path, str]], root: Path, ctx: Context, memo: CheckMemo | None = None) -> tuple[list[CheckedFile], list[Problem]]:
    good: list[CheckedFile] = []
    problems: list[Problem] = []
    for file, kind in files:
        checked = memo.get(file, kind) if memo else None
        if checked is None:
            checked = check_file(file, root, kind, ctx)
            if memo:
                memo.put(file, checked)
        problems += checked.problems
        if checked.good:
            good.append(checked)
    return good, problems


Listing = dict[str, tuple[list[Path], list[Problem]]]


def list_sources(layout: Layout) -> Listing:
    """The files of every source folder, and the problems of listing them (see :func:`list_folder`)."""
    return {name: list_folder(layout.folder(name), layout.root) for name in ("content", "practices", "programmes", "data")}


def source_files(layout: Layout, listed: Listing) -> dict[str, list[tuple[Path, str]]]:
    """Every file that :func:`check_file` reads, with its kind: the pages (guides, stories, other pages), practices, programmes."""
    content = layout.folder("content")

    def page_kind(file: Path) -> str:
        if is_story(file.relative_to(content).parts):
            return "verhaal"
        return "gids" if file.relative_to(content).parts[0] == GUIDES_FOLDER else "pagina"

    return {
        "pages": [(f, page_kind(f)) for f in listed["content"][0] if f.suffix == ".md" and _published(f, content)],
        "practices": [(f, "praktijk") for f in _sources(listed["practices"][0], ".md")],
        "programmes": [(f, "programma") for f in _sources(listed["programmes"][0], ".yml")],
    }


def rule_unique_slugs(sources: list[Source], what: str) -> Iterator[Problem]:
    """Two files in one folder tree may not share a name: they would share an address."""
    by_slug: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_slug[source.slug].append(source)
    for slug, same in by_slug.items():
        for source in same[1:]:
            yield Problem(source.path, 1, "", f"er is al een {what} met de naam '{slug}' ({same[0].path}); kies een andere bestandsnaam")


def rule_programme_links(practices: Iterable[Practice], programmes: Iterable[str], lines: dict[str, int]) -> Iterator[Problem]:
    """A practice that names a programme must name one that exists.

    ``programmes`` are the names of every programme file, also of those with errors: a practice
    that links to a programme with an error is not told that the programme does not exist.
    """
    slugs = sorted(set(programmes))
    for practice in practices:
        if practice.programme and practice.programme not in slugs:
            hint = did_you_mean(practice.programme, slugs) or (f"; bestaande programma's: {', '.join(slugs)}" if slugs else "")
            yield Problem(practice.path, lines.get(practice.path, 1), "programma", f"het programma '{practice.programme}' bestaat niet{hint}")


class DataError(ValueError):
    """The data files (vocabularies, municipalities) cannot be used; the message lists their problems."""


def read_context(layout: Layout, today: dt.date | None = None) -> tuple[Context | None, list[Problem]]:
    """Vocabularies and gazetteer for checking, read as every source is; None when they cannot be used."""
    data = layout.folder("data")
    vocabularies, problems = read_vocabularies(data / VOCABULARY_FILE, layout.root)
    gazetteer, found = read_gazetteer(data, layout.root)
    problems += found
    if vocabularies is None or gazetteer is None:
        return None, problems
    return Context(vocabularies, gazetteer, today or dt.date.today()), problems


def make_context(layout: Layout, today: dt.date | None = None) -> Context:
    """Vocabularies and gazetteer for a tool; raises :class:`DataError` when they cannot be used."""
    ctx, problems = read_context(layout, today)
    if ctx is None:
        raise DataError("\n".join(p.format() for p in sorted(set(problems))))
    return ctx


def checking_context(layout: Layout, today: dt.date | None = None) -> tuple[Context | None, list[Problem]]:
    """The context every rule checks against, with the facts of ``data/feiten.yml``, and the problems of the data files.

    The context is None when the vocabularies or the municipalities cannot be used.
    """
    ctx, problems = read_context(layout, today)
    if ctx is None:
        return None, problems
    facts, fact_problems = load_facts(layout.folder("data"), layout.root, ctx)
    return dataclasses.replace(ctx, facts=facts), problems + fact_problems


def check_all(layout: Layout, today: dt.date | None = None, memo: CheckMemo | None = None) -> Catalogue:
    """Read and check every source file; build records from the valid ones.

    ``memo``: what the last check of these sources found; unchanged files are taken from it (see CheckMemo).
    """
    listed = list_sources(layout)
    problems = [p for _, refused in listed.values() for p in refused]
    ctx, found = memo.context_for(layout, today) if memo else checking_context(layout, today)
    problems += found
    if ctx is None:  # without the vocabularies and the municipalities no source can be checked
        empty = Context(Vocabularies({}), Gazetteer(()), today or dt.date.today())
        return Catalogue((), (), (), tuple(sorted(set(problems))), empty, layout)
    files = source_files(layout, listed)
    page_files, found = _read_folder(files["pages"], layout.root, ctx, memo)
    problems += found
    problems += content_file_problems(listed["content"][0], layout)
    programme_names = [f.stem for f, _ in files["programmes"]]
    practice_files, found = _read_folder(files["practices"], layout.root, ctx, memo)
    problems += found
    programme_files, found = _read_folder(files["programmes"], layout.root, ctx, memo)
    problems += found
    problems += _wrong_types(layout, {"practices": listed["practices"][0], "programmes": listed["programmes"][0]})
    if memo:
        memo.done()

    def page(s: Source, kind: str) -> Page:
        return Page(slug=s.slug, path=s.path, doc_path=Path(s.path).relative_to(layout.content).as_posix(),
                    is_guide=kind == "gids", worksheets=read_worksheets(s.body, s.body_line)[0] if kind == "gids" else (),
                    **convert_mapping(s.data, SCHEMAS[kind], ctx))

    pages = [f.record_of(lambda s, kind=f.kind: page(s, kind)) for f in page_files if f.kind != "verhaal"]
    practices = [f.record_of(lambda s: Practice(slug=s.slug, path=s.path, body=s.body, **convert_mapping(s.data, SCHEMAS["praktijk"], ctx)))
                 for f in practice_files]
    programmes = [f.record_of(lambda s: Programme(slug=s.slug, path=s.path, **convert_mapping(s.data, SCHEMAS["programma"], ctx)))
                  for f in programme_files]
    practice_sources = [f.source for f in practice_files]
    problems += rule_unique_slugs(practice_sources, "goede praktijk")
    problems += rule_unique_worksheets(pages)
    story_sources = [f.source for f in page_files if f.kind == "verhaal"]
    stories, found = story_records(story_sources, layout.root, layout.content, ctx)
    problems += found
    problems += rule_unique_slugs(story_sources, "verhaal")
    problems += rule_unique_slugs([f.source for f in programme_files], "programma")
    problems += rule_programme_links(practices, programme_names, {s.path: s.line_of("programma") for s in practice_sources})
    failed = {p.path for p in problems if p.severity is Severity.ERROR}
    return Catalogue(
        tuple(p for p in pages if p.path not in failed),
        tuple(p for p in practices if p.path not in failed),
        tuple(p for p in programmes if p.path not in failed),
        tuple(sorted(set(problems))), ctx, layout,
        stories=tuple(s for s in stories if s.path not in failed),
    )


def _sources(files: Iterable[Path], suffix: str) -> list[Path]:
    """The source files of a folder: its files with the right extension, without README.md."""
    return [f for f in files if f.suffix == suffix and f.name != "README.md"]


def _wrong_types(layout: Layout, listed: dict[str, list[Path]]) -> list[Problem]:
    """Files with the wrong extension in a source folder are reported, not ignored."""
    expected = {"practices": ".md", "programmes": ".yml"}
    problems = []
    for folder, suffix in expected.items():
        for file in listed[folder]:
            if file.name != "README.md" and not file.name.startswith(".") and file.suffix != suffix:
                problems.append(Problem(file.relative_to(layout.root).as_posix(), 1, "",
                                        f"dit bestand wordt niet gelezen: bestanden in {getattr(layout, folder)}/ moeten eindigen op '{suffix}'"))
    return problems
