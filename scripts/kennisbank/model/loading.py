"""Reading source files into :class:`Source` objects, with line numbers.

This module knows about bytes, encodings, front matter and YAML syntax. It does
not know what fields a page must have; that is :mod:`kennisbank.schema`.

Why not python-frontmatter here: it does not tell where the front matter
starts or which line each key is on, and every problem must be reported as
``path:line: field: message``. So the front matter is split by hand (it is
three lines of logic) and YAML is composed into nodes, which carry positions.

Before anything is composed, :func:`refusals` walks the YAML *events* once (a flat stream,
never recursive) and refuses what content files have no use for and what would make the
rest cost too much: anchors and aliases (a 1 KB file of nested aliases expands to gigabytes,
"billion laughs"), explicit tags, nesting deeper than :data:`MAX_DEPTH`, integers of more
than :data:`MAX_NUMBER_LENGTH` characters (Python refuses to convert 4,300 digits) and keys
that are not text. Files larger than :data:`MAX_BYTES` are not read at all.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

BOM = b"\xef\xbb\xbf"
FENCE = "---"
#: The largest source file that is read (the real ones are under 20 KB).
MAX_BYTES = 1_000_000
#: Content needs three levels (a list of groups with lists); deeper nesting is a mistake or an attack.
MAX_DEPTH = 20
#: Integers in content are counts and years; a longer one is text without quotes, or an attack.
MAX_NUMBER_LENGTH = 30
#: Characters that are no text (YAML refuses them too): control characters other than tab and newline, and non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
SYMLINK = ("dit is een symbolische koppeling (symlink); de kennisbank leest alleen gewone bestanden en mappen. "
           "Zet het bestand zelf hier neer")
NOT_A_FILE = "dit is geen gewoon bestand (maar bijvoorbeeld een pipe of een apparaat); haal het weg"
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_QUOTE_IT = "zet de waarde tussen aanhalingstekens als het tekst is"


class _Loader(yaml.SafeLoader):
    """A safe YAML loader that keeps dates as text and only knows true/false.

    Dates stay text so that an impossible date ("2024-02-30") becomes a clear
    message from the schema instead of an exception inside PyYAML; YAML 1.1's
    yes/no/on/off booleans are dropped because `no` is the code of Norwegian.
    """


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _FastLoader(getattr(yaml, "CSafeLoader", _Loader)):
    """The same rules as :class:`_Loader`, parsed by libyaml when PyYAML has it.

    Reading 10,000 files with the pure-Python parser takes most of a build; libyaml
    is about ten times faster. Its error texts differ, so a file it rejects is parsed
    again by :class:`_Loader` to give the usual messages.
    """

    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


@dataclass(frozen=True)
class Source:
    """A parsed source file: its fields, where each field is, and its body."""

    path: str
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    @property
    def slug(self) -> str:
        """The file name without extension, used as the page's address (string work: no Path per call)."""
        return posixpath.splitext(posixpath.basename(self.path))[0]

    def line_of(self, path: str) -> int:
        """Line of a field path like ``bron.url`` or ``werkgebied[1]``.

        Falls back to the nearest parent that has a line, then to line 1.
        """
        while path:
            if path in self.lines:
                return self.lines[path]
            path = re.sub(r"(\[\d+\]|\.[^.\[]+|^[^.\[]+)$", "", path)
        return self.lines.get("", 1)


_YAML_HINTS = (
    ("mapping values are not allowed here",
     "hier staat een dubbele punt die YAML niet verwacht; zet tekst met ': ' tussen aanhalingstekens"),
    ("found character '\\t' that cannot start any token",
     "tabs zijn niet toegestaan in YAML; gebruik spaties om in te springen"),
    ("could not find expected ':'", "verwacht 'veld: waarde'; ontbreekt er een dubbele punt?"),
    ("expected <block end>, but found", "de inspringing klopt niet; gebruik overal evenveel spaties"),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet gesloten"),
    ("while scanning a quoted scalar", "een aanhalingsteken wordt niet gesloten"),
    ("found undefined alias", "een '*' aan het begin van een waarde betekent iets in YAML; zet de waarde tussen aanhalingstekens"),
    ("expected ',' or ']'", "een lijst tussen [ en ] wordt niet goed gesloten"),
)


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or str(error)
    for needle, hint in _YAML_HINTS:
        if needle in problem or needle in (error.context or ""):
            return f"ongeldige YAML: {hint}"
    return f"ongeldige YAML: {problem}"


def _yaml_error_line(error: yaml.MarkedYAMLError) -> int:
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark else 1


def _walk(node: yaml.Node, prefix: str, offset: int) -> Iterator[tuple[str, int] | tuple[str, int, str]]:
    """Yield (path, line) for every key and item; (path, line, 'dup') for duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            path = f"{prefix}.{name}" if prefix else name
            if name in seen:
                yield (path, key.start_mark.line + offset, "dup")
            seen.add(name)
            yield (path, key.start_mark.line + offset)
            yield from _walk(value, path, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}[{index}]"
            yield (path, item.start_mark.line + offset)
            yield from _walk(item, path, offset)


def _event_line(event: yaml.Event, first_line: int) -> int:
    return event.start_mark.line + first_line if event.start_mark else first_line


@dataclass
class _Open:
    """A list or mapping whose events are being read: its field path and where in it we are."""

    path: str
    index: int | None  # the next item of a list; None for a mapping
    key: str | None = None  # in a mapping: the field whose value comes next, None while a key comes next

    def child(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name


def refusals(text: str, path: str, first_line: int, loader_class: type = _Loader) -> list[Problem]:
    """Problems with YAML that parses but that content has no use for, found from the events alone.

    Raises :class:`yaml.YAMLError` for YAML that does not parse (the caller reports it).
    """
    problems: list[Problem] = []
    stack: list[_Open] = []
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                if stack:
                    stack[-1].key = None
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            top = stack[-1] if stack else None
            is_key = top is not None and top.index is None and top.key is None
            if top is None:
                field = ""
            elif is_key:
                field = top.path
            elif top.index is None:
                field = top.key
            else:
                field, top.index = f"{top.path}[{top.index}]", top.index + 1
            line = _event_line(event, first_line)
            problem = _refusal(event, is_key, loader)
            if problem and not (problems and problems[-1].line == line):  # one per line: a line of aliases is one mistake
                problems.append(Problem(path, line, field, problem))
            if is_key:
                if not isinstance(event, yaml.ScalarEvent):
                    return problems  # a list or group as a key: what follows cannot be read as fields
                top.key = top.child(str(event.value))
                continue
            if isinstance(event, yaml.CollectionStartEvent):
                if len(stack) >= MAX_DEPTH:
                    problems.append(Problem(path, line, re.split(r"[.\[]", field)[0], f"de waarden staan hier meer dan {MAX_DEPTH} lagen diep "
                                            "in elkaar; een bronbestand heeft er hoogstens drie nodig"))
                    return problems
                stack.append(_Open(field, 0 if isinstance(event, yaml.SequenceStartEvent) else None))
            elif top is not None and top.index is None:
                top.key = None
    finally:
        loader.dispose()
    return problems


def _refusal(event: yaml.NodeEvent, is_key: bool, loader) -> str | None:
    """Why one YAML event is refused, or None."""
    if isinstance(event, yaml.AliasEvent):
        return (f"'*{event.anchor}' is in YAML een verwijzing naar een anker; bronbestanden gebruiken geen ankers (&) en verwijzingen (*): "
                f"schrijf de waarde voluit, of {_QUOTE_IT}")
    if event.anchor is not None:
        return (f"'&{event.anchor}' is in YAML een anker; bronbestanden gebruiken geen ankers (&) en verwijzingen (*): "
                f"laat het weg, of {_QUOTE_IT}")
    if getattr(event, "tag", None) is not None:
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        return f"'{tag}' is een YAML-label; bronbestanden gebruiken geen labels (!): laat het weg, of {_QUOTE_IT}"
    if isinstance(event, yaml.ScalarEvent):
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit) if event.implicit[0] else _STR
        if is_key and tag != _STR:
            return ("hier staat een veld zonder naam; schrijf 'veld: waarde', zoals 'titel: …'" if tag.endswith(":null")
                    else f"'{event.value}' kan geen veldnaam zijn; een veldnaam is een woord, zoals 'titel'")
        if tag == _INT and len(event.value) > MAX_NUMBER_LENGTH:
            return f"dit getal is {len(event.value)} tekens lang; zo'n groot getal kan niet: {_QUOTE_IT}"
    elif is_key:
        return "een lijst of groep kan geen veldnaam zijn; schrijf 'veld: waarde', zoals 'titel: …'"
    return None


def parse_yaml(text: str, path: str, first_line: int) -> tuple[dict[str, Any] | None, dict[str, int], list[Problem]]:
    """Parse YAML text that starts at ``first_line`` of the file at ``path``.

    Returns the mapping (or None), a map of field paths to file lines, and problems.
    """
    try:
        refused = refusals(text, path, first_line, _FastLoader)
        return (None, {}, refused) if refused else _fields(*_compose(text, _FastLoader), path, first_line)
    except yaml.YAMLError:
        pass  # parsed again below, for the pure-Python parser's messages and their hints
    try:
        refused = refusals(text, path, first_line, _Loader)
        if refused:
            return None, {}, refused
        node, data = _compose(text, _Loader)
    except yaml.MarkedYAMLError as error:
        return None, {}, [Problem(path, _yaml_error_line(error) + first_line - 1, "", _yaml_message(error))]
    except yaml.YAMLError as error:
        return None, {}, [Problem(path, first_line, "", f"ongeldige YAML: {error}")]
    return _fields(node, data, path, first_line)


def _compose(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree (for line numbers) and the data it holds."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _fields(node: yaml.Node | None, data: Any, path: str, first_line: int) -> tuple[dict[str, Any] | None, dict[str, int], list[Problem]]:
    """Check that parsed YAML is a mapping; find the line of every field and duplicate keys."""
    if data is None:
        return None, {}, [Problem(path, first_line, "", "er staan geen velden in; vul de velden in volgens het sjabloon")]
    if not isinstance(data, dict):
        return None, {}, [Problem(path, first_line, "", "de velden moeten de vorm 'veld: waarde' hebben, één per regel")]
    lines: dict[str, int] = {"": first_line}
    problems: list[Problem] = []
    for entry in _walk(node, "", first_line):
        if len(entry) == 3:
            problems.append(Problem(path, entry[1], entry[0], "dit veld staat er twee keer in; laat er één staan"))
        else:
            lines.setdefault(entry[0], entry[1])
    return data, lines, problems


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Turn file bytes into text, reporting BOMs, CRLF, bad UTF-8 and empty files."""
    problems: list[Problem] = []
    if raw.startswith(BOM):
        problems.append(Problem(path, 1, "", "het bestand begint met een BOM (byte order mark); sla het op als 'UTF-8' zonder BOM"))
        raw = raw[len(BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        return None, [*problems, Problem(path, line, "", f"dit is geen geldige UTF-8 (byte 0x{byte:02x}); sla het bestand op als 'UTF-8'")]
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        problems.append(Problem(path, line, "", "het bestand gebruikt Windows-regeleinden (CRLF); sla het op met Unix-regeleinden (LF)"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [*problems, Problem(path, 1, "", "het bestand is leeg")]
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        return None, [*problems, Problem(path, line, "", f"hier staat een onzichtbaar stuurteken (0x{ord(control.group()):02x}); "
                                                           "haal het weg of typ de tekst opnieuw")]
    return text, problems


def split_front_matter(text: str, path: str) -> tuple[str | None, str, int, list[Problem]]:
    """Split Markdown into (front matter, body, body's first line, problems)."""
    lines = text.split("\n")
    if lines[0].strip() != FENCE:
        message = "geen front matter gevonden; begin het bestand met een regel '---', dan de velden, dan weer een regel '---'"
        return None, text, 1, [Problem(path, 1, "", message)]
    for index in range(1, len(lines)):
        if lines[index].strip() in (FENCE, "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2, []
    return None, text, 1, [Problem(path, 1, "", "de front matter wordt niet afgesloten; zet een regel '---' na het laatste veld")]


def read_source(file: Path, root: Path) -> tuple[Source | None, list[Problem]]:
    """Read a Markdown (with front matter) or YAML source file."""
    path = file.relative_to(root).as_posix()
    size = file.stat().st_size
    if size > MAX_BYTES:
        return None, [Problem(path, 1, "", f"het bestand is {size / 1_000_000:.1f} MB; een bronbestand mag hoogstens "
                                           f"{MAX_BYTES // 1_000_000} MB zijn. Splits het op of haal er iets uit")]
    text, problems = decode(file.read_bytes(), path)
    if text is None:
        return None, problems
    if file.suffix == ".md":
        front, body, body_line, split_problems = split_front_matter(text, path)
        problems += split_problems
        if front is None:
            return None, problems
        first_line = 2
    else:
        front, body, body_line, first_line = text, "", 1, 1
    data, lines, yaml_problems = parse_yaml(front, path, first_line)
    problems += yaml_problems
    if data is None:
        return None, problems
    return Source(path, data, lines, body, body_line), problems


def not_a_plain_file(path: str, link: bool) -> Problem:
    """The problem with a symlink (``link``) or a special file (a pipe, a device) among the sources."""
    return Problem(path, 1, "", SYMLINK if link else NOT_A_FILE)


def read_text(file: Path, root: Path, required: bool = True) -> tuple[str | None, list[Problem]]:
    """The text of one file below ``root`` (a data file), decoded and checked as :func:`decode` does.

    The file is opened only when it is a plain file and no folder between ``root`` and it is a
    symlink, so that a link to a file outside the project is never read, let alone quoted in a
    message. A missing file is a problem when it is ``required``, and (None, []) otherwise.
    """
    path = file.relative_to(root).as_posix()
    place = root
    for name in file.relative_to(root).parts:
        place = place / name
        try:
            mode = os.lstat(place).st_mode
        except OSError:
            missing = Problem(path, 1, "", f"dit bestand ontbreekt, en de kennisbank heeft het nodig; zet het terug, bijvoorbeeld met 'git checkout -- {path}'")
            return None, [missing] if required else []
        if stat.S_ISLNK(mode):
            return None, [not_a_plain_file(place.relative_to(root).as_posix(), link=True)]
    if not stat.S_ISREG(mode):
        return None, [not_a_plain_file(path, link=False)]
    size = os.lstat(file).st_size
    if size > MAX_BYTES:
        return None, [Problem(path, 1, "", f"het bestand is {size / 1_000_000:.1f} MB; een bestand mag hoogstens "
                                           f"{MAX_BYTES // 1_000_000} MB zijn. Splits het op of haal er iets uit")]
    return decode(file.read_bytes(), path)
