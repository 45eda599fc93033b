"""Turning a submitted GitHub issue form into a source file (``kennisbank from-issue``).

GitHub writes a submitted form into the issue as Markdown: a ``### Label``
heading per question, then the answer; ``_No response_`` for an empty answer
(``None`` for an empty dropdown), several dropdown choices as ``a, b``, and
ticked boxes as ``- [X] label``. The questions and labels are those of
:mod:`kennisbank.forms`.

Nothing in that body can be trusted: anyone can submit a form, and edit the
body afterwards. So every answer is cleaned, capped in length and read as the
type its question asks for, and the file that comes out is checked with the
very rules of ``kennisbank check`` (:func:`kennisbank.checks.check_all`).
Problems are reported in Dutch with the form's own labels, so that the
contributor knows which answer to fix.

How HTML and Markdown from a form are neutralised
-------------------------------------------------
A form answer is plain text, never HTML or Markdown markup:

* HTML tags and comments are removed from every answer (``<script>`` and
  similar elements with their content); the contributor is told.
* Answers that become YAML fields (names, summary, sources, 'how to engage')
  may not contain ``< > [ ] { }``: those would make links, images, HTML or
  attributes (Markdown's ``{: onclick=…}``) wherever the text is shown.
* Answers that become the Markdown body of a practice are escaped so that they
  render as the same text: backslashes, ``[ ] { }`` get a backslash, ``<``
  becomes ``&lt;``, and lines that would start a heading or a code block are
  escaped. Paragraphs and simple lists (``- item``) keep working.
* Web addresses must be ``http(s)://`` without spaces, quotes or brackets;
  e-mail addresses may only use the usual characters.
* Mobile numbers and e-mail addresses are refused in free text, so that no
  keyperson becomes reachable through the site.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..model.checks import Layout, check_all, slugify
from ..model.privacy import PRIVATE, has_email, has_mobile
from ..model.problems import Problem, Severity
from ..model.schema import PRACTICE_SECTIONS
from ..model.vocabulary import Vocabularies, languages, load_vocabularies
from .forms import ENTRY_FORMS, FORMS, Form, Question

MAX_BODY = 100_000  # characters in the whole issue body
NO_RESPONSE = "_No response_"
EMPTY_SECTION = "De bron zegt hier niets over."
SUFFIXES = {"praktijk": ".md", "programma": ".yml"}
FOLDERS = {"praktijk": "practices", "programma": "programmes"}
GROUP_QUESTIONS = {"bron": "bron_url", "contact": "contact_email", "periode": "periode_start"}  # where a problem with a whole group is shown
#: The form asks for one source (``bron.*``); the file lists it as the first of ``bronnen``.
FORM_SOURCE, FILE_SOURCE = "bron", "bronnen[0]"
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/{kind}.schema.json\n"


@dataclass(frozen=True)
class Finding:
    """A problem (or a notice) with one answer, named by the form's label; no label means the whole form."""

    label: str
    message: str

    def format(self) -> str:
        """``Label: message``, as shown to the contributor."""
        return f"{self.label}: {self.message}" if self.label else self.message


@dataclass(frozen=True)
class Result:
    """What came out of a form: the source file text, or the problems that stop it."""

    kind: str | None
    title: str = ""
    text: str | None = None
    problems: tuple[Finding, ...] = ()
    notices: tuple[Finding, ...] = ()

    @property
    def slug(self) -> str:
        """The file name (without extension) the title gives."""
        return slugify(self.title) or (self.kind or "bijdrage")


# --- reading the body ---------------------------------------------------------------

CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
ELEMENT_RE = re.compile(r"<(script|style|iframe|object|embed|template|noscript|svg|math|textarea)\b.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>|<![^<>]*>|<\?[^<>]*>")
MARKUP_CHARS = "<>[]{}"
LIST_ITEM_RE = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+\S")
URL_RE = re.compile(r"^https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?::\d+)?(?:[/?#][A-Za-z0-9\-._~%!$&*+,;=:@/?#]*)?$")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
NUMBER_FORMS = {"number": (r"(?:(?:ruim|ongeveer|minstens|meer dan) )?\d{1,6}",
                           "geen aantal; vul een getal in, zoals 12, of bijvoorbeeld 'ruim 200'"),
                "year": (r"\d{4}", "geen jaartal; vul vier cijfers in, zoals 2015")}
DATE_FORMS = (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"))


def normalise(body: str) -> str:
    """Unix line ends, no control characters (tabs become spaces)."""
    return CONTROL_RE.sub("", body.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def split_answers(body: str, labels: Iterable[str]) -> dict[str, str]:
    """The raw answer under each ``### Label`` heading, looking for the labels in form order.

    A heading that is not the next expected label (for instance one typed into
    an answer) stays part of the answer above it.
    """
    lines = body.split("\n")
    found: list[tuple[int, str]] = []
    start = 0
    for label in labels:
        for index in range(start, len(lines)):
            if lines[index].rstrip() == f"### {label}":
                found.append((index, label))
                start = index + 1
                break
    answers = {}
    for n, (index, label) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        answers[label] = "\n".join(lines[index + 1:end]).strip()
    return answers


def is_empty(raw: str, question: Question) -> bool:
    """True for GitHub's markers of an empty answer."""
    return raw in ("", NO_RESPONSE) or (question.type == "dropdown" and raw == "None")


def strip_html(text: str) -> tuple[str, bool]:
    """Remove HTML elements, comments and tags; say whether there were any.

    Repeated until nothing changes, so that ``<<b>script>`` does not leave a tag
    behind. (Escaping, not this, is what keeps HTML out of the site.)
    """
    stripped = text
    for _ in range(10):
        before, stripped = stripped, TAG_RE.sub("", COMMENT_RE.sub("", ELEMENT_RE.sub("", stripped)))
        if stripped == before:
            break
    return stripped, stripped != text


def markdown_text(text: str) -> str:
    """Plain text as Markdown that renders as that same text (paragraphs and lists keep working)."""
    text = text.replace("\\", "\\\\").replace("<", "&lt;")
    text = re.sub(r"([\[\]{}])", r"\\\1", text)
    lines: list[str] = []
    for line in text.split("\n"):
        bare = line.lstrip()
        indent = line[: len(line) - len(bare)]
        if bare.startswith(("#", "```")):
            line = f"{indent}\\{bare}"
        elif re.fullmatch(r"(=+|-{2,})\s*", bare) and lines and lines[-1].strip():
            lines.append("")  # not a heading underline: keep it a line of its own
        elif LIST_ITEM_RE.match(line) and lines and lines[-1].strip() and not LIST_ITEM_RE.match(lines[-1]):
            lines.append("")  # Markdown only starts a list after an empty line
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# --- reading one answer ----------------------------------------------------------------

@dataclass
class Reading:
    """The answers read so far: values by content-model field, body sections, and findings."""

    data: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)
    notices: list[Finding] = field(default_factory=list)

    def fail(self, question: Question, message: str) -> None:
        self.problems.append(Finding(question.label, message))

    def put(self, path: str, value: Any) -> None:
        """Store a value under a dotted content-model path such as ``bron.url``."""
        *groups, name = path.split(".")
        target = self.data
        for group in groups:
            target = target.setdefault(group, {})
        target[name] = value


def _split_list(text: str) -> list[str]:
    items = [i.strip() for i in re.split(r"[,;\n]", text)]
    return list(dict.fromkeys(i for i in items if i))


def _choices(question: Question, text: str, vocab: Vocabularies, reading: Reading) -> list[str]:
    """Dropdown labels (or keys) back to vocabulary keys."""
    terms = vocab.lists[question.vocabulary]
    by_name = {t.label.lower(): t.key for t in terms} | {t.key: t.key for t in terms}
    keys = []
    for item in _split_list(text):
        key = by_name.get(item.lower())
        if key is None:
            reading.fail(question, f"'{item}' is geen keuze uit de lijst; kies uit: {', '.join(t.label for t in terms)}")
        elif key not in keys:
            keys.append(key)
    if not question.multiple and len(keys) > 1:
        reading.fail(question, "kies hier één mogelijkheid")
    return keys


def _languages(question: Question, text: str, reading: Reading) -> list[str]:
    codes = languages()
    by_name = {name.lower(): code for code, name in codes.items()}
    found = []
    for item in _split_list(text):
        code = item.lower() if item.lower() in codes else by_name.get(item.lower())
        if code is None:
            reading.fail(question, f"'{item}' is geen bekende taal; schrijf de Nederlandse naam (zoals Arabisch) of de taalcode (zoals ar)")
        elif code not in found:
            found.append(code)
    return found


def _date(question: Question, text: str, reading: Reading) -> dt.date | None:
    for number, pattern in enumerate(DATE_FORMS):
        match = pattern.match(text)
        if match:
            year, month, day = match.groups() if number == 0 else reversed(match.groups())
            try:
                return dt.date(int(year), int(month), int(day))
            except ValueError:
                reading.fail(question, f"'{text}' is geen bestaande datum")
                return None
    reading.fail(question, f"'{text}' is geen datum; schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2021-02-23")
    return None


def _partial_date(question: Question, text: str, reading: Reading) -> int | str | dt.date | None:
    """A year (``2019``), a month (``"2019-05"``) or a day, as they are written in a source file."""
    if re.fullmatch(r"\d{4}(?:-\d{1,2})?", text):
        year, _, month = text.partition("-")
        if month and not 1 <= int(month) <= 12:
            reading.fail(question, f"'{text}' is geen bestaande maand")
            return None
        return f"{year}-{int(month):02d}" if month else int(year)
    return _date(question, text, reading)


def _privacy(question: Question, text: str, reading: Reading) -> None:
    """Refuse mobile numbers and e-mail addresses in free text."""
    if has_mobile(text):
        reading.fail(question, f"hier staat een mobiel nummer; haal het weg, {PRIVATE}")
    if has_email(text):
        where = " Een algemeen adres van de organisatie hoort bij 'E-mailadres van de organisatie'." if question.field == "hoe_inzetten" else ""
        reading.fail(question, f"hier staat een e-mailadres; haal het weg, {PRIVATE}.{where}")


def _value(question: Question, text: str, vocab: Vocabularies, reading: Reading) -> Any:
    """Read a cleaned, non-empty answer as the type its question asks for (None if it is wrong)."""
    kind = question.kind_of_value()
    if kind not in ("terms", "choice", "longtext") and question.type == "input":
        text = " ".join(text.split())  # an input is one line, whatever the body says
    if kind in ("terms", "choice"):
        keys = _choices(question, text, vocab, reading)
        return keys if kind == "terms" else (keys[0] if keys else None)
    if kind == "languages":
        return _languages(question, text, reading)
    if kind == "area":
        items = _split_list(text)
        return items[0] if len(items) == 1 and items[0].lower() in ("landelijk", "onbekend") else items
    if kind in ("number", "year"):
        pattern, what = NUMBER_FORMS[kind]
        if not re.fullmatch(pattern, text):
            reading.fail(question, f"'{text}' is {what}")
            return None
        return int(text) if text.isdigit() else text
    if kind == "date":
        return _date(question, text, reading)
    if kind == "partialdate":
        return _partial_date(question, text, reading)
    if kind == "url":
        url = text.replace("(", "%28").replace(")", "%29")
        if not URL_RE.match(url):
            reading.fail(question, f"'{text}' is geen geldig webadres; het begint met https:// en heeft geen spaties, aanhalingstekens of haakjes")
            return None
        return url
    if kind == "email":
        if not EMAIL_RE.match(text):
            reading.fail(question, f"'{text}' is geen geldig e-mailadres")
            return None
        return text
    bad = sorted({c for c in text if c in MARKUP_CHARS}, key=MARKUP_CHARS.index)
    if bad:
        reading.fail(question, f"gebruik hier geen van deze tekens: {' '.join(bad)}")
        return None
    if kind != "phone":  # a phone number is checked by the content model, with its own message
        _privacy(question, text, reading)
    return text


def _checkboxes(question: Question, raw: str, reading: Reading) -> None:
    ticked = {m.group(1).strip() for m in re.finditer(r"^\s*- \[[xX]\] (.+)$", raw, re.MULTILINE)}
    for option in question.options:
        if option not in ticked:
            reading.fail(question, f"vink dit vakje aan: '{option}'")


def read_answer(question: Question, raw: str | None, vocab: Vocabularies, reading: Reading) -> None:
    """Check one answer and store what it says."""
    if raw is None:
        reading.fail(question, "dit veld ontbreekt in het issue; gebruik het formulier en laat de kopjes staan")
        return
    if question.type == "checkboxes":
        _checkboxes(question, raw, reading)
        return
    if is_empty(raw, question):
        if question.required:
            reading.fail(question, "dit veld is verplicht; kies er minstens één" if question.type == "dropdown" else "dit veld is verplicht; vul het in")
        return
    if len(raw) > question.max_length:
        reading.fail(question, f"het antwoord is {len(raw)} tekens lang; het mag hoogstens {question.max_length} tekens zijn")
        return
    text, had_html = strip_html(raw)
    text = text.strip()
    if had_html:
        reading.notices.append(Finding(question.label, "HTML-code is weggehaald"))
    if not text:
        if question.required:
            reading.fail(question, "dit veld is verplicht; vul het in (zonder HTML-code)")
        return
    if question.section is not None:
        _privacy(question, text, reading)
        reading.sections[question.section] = markdown_text(text)
        return
    value = _value(question, text, vocab, reading)
    if value not in (None, []):
        reading.put(question.field, value)


def read_form(body: str, form: Form, vocab: Vocabularies) -> Reading:
    """All answers of one form: values, body sections, problems and notices."""
    reading = Reading()
    answers = split_answers(normalise(body), [q.label for q in form.questions])
    for question in form.questions:
        read_answer(question, answers.get(question.label), vocab, reading)
    return reading


def detect_kind(body: str) -> str | None:
    """Which entry form made this body, judged by its first question's heading."""
    lines = {line.rstrip() for line in normalise(body).split("\n")}
    found = [kind for kind in ENTRY_FORMS if f"### {FORMS[kind].questions[0].label}" in lines]
    return found[0] if len(found) == 1 else None


# --- writing the source file ---------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    """House style: short lists inline, groups as blocks, multi-line text as a literal block, dates bare."""


_Dumper.add_representer(list, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v,
                                                                flow_style=not any(isinstance(i, dict) for i in v)))
_Dumper.ignore_aliases = lambda self, data: True  # the same date twice is written twice: source files never use aliases
_Dumper.add_representer(str, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style="|" if "\n" in v else None))


def _yaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)


def _ordered(data: dict[str, Any], form: Form, today: dt.date) -> dict[str, Any]:
    """Fields in the order of the form, the one source as the list ``bronnen`` (read today), the check date last."""
    order = list(dict.fromkeys(q.field.split(".")[0] for q in form.questions if q.field))
    fields = {k: data[k] for k in order if k in data}
    if FORM_SOURCE in fields:
        fields = {("bronnen" if k == FORM_SOURCE else k): ([{**v, "geraadpleegd": today}] if k == FORM_SOURCE else v)
                  for k, v in fields.items()}
    return {**fields, "laatst_geverifieerd": today}


def render(kind: str, data: dict[str, Any], sections: dict[str, str], today: dt.date) -> str:
    """The text of the new source file."""
    form = FORMS[kind]
    head = SCHEMA_LINE.format(kind=kind) + _yaml(_ordered(data, form, today))
    if kind == "programma":
        return head
    parts = [f"---\n{head}---\n\n# {data.get('titel', '')}\n\n{sections.get('', '')}\n"]
    parts += [f"\n## {s}\n\n{sections.get(s) or EMPTY_SECTION}\n" for s in PRACTICE_SECTIONS]
    return "".join(parts)


# --- checking the result with the rules of 'kennisbank check' ----------------------------------

def validate(text: str, kind: str, slug: str, data_dir: Path, today: dt.date) -> list[Problem]:
    """Every problem ``kennisbank check`` finds in this file, checked on its own in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="kennisbank-issue-") as scratch:
        root = Path(scratch)
        shutil.copytree(data_dir, root / "data")
        layout = Layout(root)
        folder = layout.folder(FOLDERS[kind])
        folder.mkdir(parents=True)
        (folder / f"{slug}{SUFFIXES[kind]}").write_text(text, encoding="utf-8")
        return list(check_all(layout, today).problems)


def label_of(problem: Problem, form: Form, text: str) -> str:
    """The form label that a problem in the produced file is about."""
    name = problem.field
    if name == "bronnen" or name.startswith(FILE_SOURCE):
        name = FORM_SOURCE + name.removeprefix("bronnen").removeprefix("[0]")
        name = name.replace(".geraadpleegd", ".datum")  # the day of reading is the day of the form: shown at the source's date
    for question in form.questions:
        if question.field and (name == question.field or name.startswith((question.field + "[", question.field + "."))):
            return question.label
    if name in GROUP_QUESTIONS:  # a problem with a whole group, such as 'bron'
        return next((q.label for q in form.questions if q.id == GROUP_QUESTIONS[name]), "")
    if not name and problem.line > 1:  # in the body: the section the line is in
        headings = [(n, line[3:]) for n, line in enumerate(text.split("\n"), start=1) if line.startswith("## ")]
        section = next((s for n, s in reversed(headings) if n <= problem.line), "")
        return next((q.label for q in form.questions if q.section == section), "")
    return ""


def convert(body: str, data_dir: Path, today: dt.date, kind: str | None = None) -> Result:
    """Turn an issue body into a checked source file, or say in Dutch what is missing or wrong."""
    if len(body) > MAX_BODY:
        return Result(kind, problems=(Finding("", f"het issue is {len(body)} tekens lang; het mag hoogstens {MAX_BODY} tekens zijn"),))
    kind = kind or detect_kind(body)
    if kind not in ENTRY_FORMS:
        return Result(kind, problems=(Finding("", "dit issue is niet gemaakt met het formulier voor een goede praktijk of een programma"),))
    form = FORMS[kind]
    reading = read_form(body, form, load_vocabularies(data_dir / "vocabulaire.yml"))
    title = str(reading.data.get(form.questions[0].field, ""))
    text = render(kind, reading.data, reading.sections, today)
    result = Result(kind, title, text, notices=tuple(reading.notices))
    # The rules of 'kennisbank check' run even when answers were wrong, so that all problems come at once;
    # an answer that was already refused is not reported a second time.
    refused = {p.label for p in reading.problems}
    checked = [Finding(label_of(p, form, text), p.message) for p in validate(text, kind, result.slug, data_dir, today)
               if p.severity is Severity.ERROR]
    problems = [*reading.problems, *(p for p in checked if p.label not in refused)]
    if problems:
        order = {q.label: n for n, q in enumerate(form.questions)}
        ranked = sorted(dict.fromkeys(problems), key=lambda p: order.get(p.label, -1))
        return Result(kind, title, problems=tuple(ranked), notices=result.notices)
    return result


def convert_file(name: str, data_dir: Path, today: dt.date, kind: str | None = None) -> Result:
    """Read an issue body from a file (``-`` for standard input) and :func:`convert` it."""
    limit = MAX_BODY * 4  # bytes: at most four per character in UTF-8
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(limit + 1)
        else:
            with open(name, "rb") as file:
                raw = file.read(limit + 1)
    except OSError as error:
        return Result(kind, problems=(Finding("", f"het bestand '{name}' kan niet worden gelezen ({error.strerror})"),))
    if len(raw) > limit:
        return Result(kind, problems=(Finding("", f"het issue is te lang; het mag hoogstens {MAX_BODY} tekens zijn"),))
    try:
        body = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Result(kind, problems=(Finding("", "de tekst van het issue is geen geldige UTF-8"),))
    return convert(body, data_dir, today, kind)


def outcome(result: Result, path: object = None) -> str:
    """What to tell the contributor, as Markdown (the workflow posts it on the issue)."""
    if result.problems:
        lines = ["Dit formulier kan nog niet worden verwerkt. Pas het issue aan (kies 'Edit') en verbeter dit:", ""]
        lines += [f"- {p.format()}" for p in result.problems]
    else:
        lines = [f"Nieuw bestand: {path}"]
    if result.notices:
        lines += ["", "Let op:", *(f"- {n.format()}" for n in result.notices)]
    return "\n".join(lines)
