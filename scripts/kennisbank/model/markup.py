"""Nothing a contributor writes may run in a visitor's browser: the first wall, at ``kennisbank check``.

The policy (CONTRIBUTING.md, *HTML en scripts*):

- The text of every page, guide, story and good practice is Markdown, never HTML. Refused are
  HTML tags and comments, links and images whose address starts with a scheme other than
  ``http(s):``, ``mailto:`` or ``tel:`` (``javascript:``, ``data:``, ``vbscript:``), images from
  another website (the site loads nothing from other servers), and attribute lists (``{ … }``)
  with anything but classes, ids and the harmless attributes in :data:`ATTRIBUTES` (so no
  ``{: onclick=… }``). What the project's own pages use is allowed: the two marker comments in
  :data:`COMMENTS` and ``<div class="…" markdown>`` … ``</div>`` wrappers (Material's grid cards).
  Code (between backticks, or in a fenced block) is shown as text and is not checked.
- Text fields (front matter, and every field of a programme) are shown as text; HTML in them is
  refused all the same, so that the contributor learns it early.
- An SVG image is a document that can hold script: :func:`svg_problems` accepts only drawing
  elements and refuses scripts, event handlers, links out of the file, styles and DTDs.

The second wall is in the mkdocs adapter (:mod:`kennisbank.site.sanitise`): every rendered page
goes through nh3 with an allow-list, so whatever slips past these rules is still removed.
Why these rules are our own code: no Markdown linter knows which HTML this site allows, and no
well-kept SVG sanitiser exists on PyPI (the candidates are prototypes); the SVGs are few and made
by the project, so they are validated with the standard library's expat rather than rewritten.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any
from xml.parsers import expat

from .loading import Source

EXCERPT_SEPARATOR = "<!-- more -->"  # where a story's teaser ends (Material's blog plugin)
PAYMENT_TABLE_MARKER = "<!-- kennisbank:vergoedingstabel -->"  # where the payment table goes (pages.catalogue)
COMMENTS = (EXCERPT_SEPARATOR, PAYMENT_TABLE_MARKER)
#: Attributes an attribute list ``{ … }`` may set, besides ``.klasse`` and ``#id``.
ATTRIBUTES = ("width", "height", "title", "download", "lang")
SCHEMES = ("http", "https", "mailto", "tel")
MARKDOWN_ONLY = "gebruik alleen Markdown: HTML in de tekst kan in de browser van een bezoeker iets laten draaien"
#: What a text field says about HTML in it, instead of MARKDOWN_ONLY (the site's form says the same: contribute/webform.py).
PLAIN_TEXT_ONLY = "schrijf gewone tekst, zonder HTML"
HTML_HERE = "hier staat HTML ('{snippet}'); {rest}"

_HTML_START = re.compile(r"<(?:[A-Za-z/!?])")
_AUTOLINK = re.compile(r"<(?:(?:https?|ftp)://[^<>\s]*|mailto:[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>", re.IGNORECASE)
_WRAPPER = re.compile(r'^(?:<div(?: class="[a-z0-9 _-]*")? markdown(?:="1")?>|</div>)$')
# Bounded repeats, so that a line of a thousand '[' or '{' without an end costs a thousand steps, not a million.
# An address ends at a space, but not at a tab: Markdown keeps a tab in the address, and a browser drops it
# ("java<tab>script:" is "javascript:").
_LINK = re.compile(r"(!?)\[[^\]\n]{0,1000}\]\(\s*<?([^ \n)>]{0,2000})")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]{1,1000}\]:\s*<?([^ \n>]{0,2000})")
_ATTR_LIST = re.compile(r"\{:?[ ]*([^}\n ][^}\n]{0,500})[ ]*\}")
_ATTR_TOKEN = re.compile(r"""([^\s=]+)(?:=(?:"[^"]*"|'[^']*'|\S*))?""")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_BACKTICKS = re.compile(r"`+")
_ESCAPED = re.compile(r"\\.")  # a backslash makes the next character plain text


def without_code(line: str) -> str:
    """The line with its code spans (text between equal runs of backticks) blanked out, in linear time."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    if len(runs) < 2:
        return line
    following: list[int | None] = [None] * len(runs)  # the next run of the same length
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = last.get(length)
        last[length] = index
    parts, done, index = [], 0, 0
    while index < len(runs):
        closing = following[index]
        if closing is None:
            index += 1
            continue
        parts += [line[done:runs[index][0]], " " * (runs[closing][1] - runs[index][0])]
        done, index = runs[closing][1], closing + 1
    return "".join(parts) + line[done:]


def _scheme(url: str) -> str | None:
    """The scheme of an address as a browser reads it: entities decoded, spaces and control characters dropped."""
    found = _SCHEME.match(_CONTROL.sub("", html.unescape(url)).lower())
    return found.group(1) if found else None


def _html_problem(text: str, allow_wrappers: bool) -> str | None:
    """The first HTML in a text (outside code) that is not allowed, as a message."""
    if allow_wrappers and _WRAPPER.match(text.strip()):
        return None
    indent = len(text) - len(text.lstrip())
    last_gt = text.rfind(">")
    for found in _HTML_START.finditer(text):
        start = found.start()
        if _AUTOLINK.match(text, start, start + 2000) or any(text.startswith(c, start) for c in COMMENTS):
            continue
        if last_gt < start and start > indent:
            continue  # "a<b" in a sentence: without a ">" Markdown shows it as text (a tag at the start of a line may go on)
        end = text.find(">", start, start + 40)
        snippet = text[start:end + 1] if end >= 0 else text[start:start + 30] + "…"
        return HTML_HERE.format(snippet=snippet, rest=MARKDOWN_ONLY)
    return None


def _link_problems(text: str, content: str) -> Iterator[str]:
    """Links and images with a dangerous scheme, images from elsewhere, attribute lists that set too much."""
    for image, url in [*_LINK.findall(text), *(("", u) for u in _REFERENCE.findall(text))]:
        scheme = _scheme(url)
        if scheme and scheme not in SCHEMES:
            yield f"het adres '{url[:40]}' begint met '{scheme}:'; een link begint met https://, mailto: of tel:, of is een pad in de kennisbank"
        elif image and (scheme or url.startswith("//")):
            yield (f"de afbeelding '{url[:60]}' staat op een andere website; zet hem in {content}/ en verwijs ernaar met een pad, "
                   "want de site laadt niets van andere servers")
    for attributes in _ATTR_LIST.findall(text):
        for name in _ATTR_TOKEN.findall(attributes):
            if not name.startswith((".", "#")) and name.lower() not in ATTRIBUTES:
                yield (f"'{name}' mag niet in een blok {{ … }}; daarin mogen alleen .klasse, #id en "
                       f"{', '.join(ATTRIBUTES)}")


def rule_no_markup_in_body(source: Source, content: str = "content") -> Iterator[tuple[int, str, str]]:
    """No HTML, dangerous links, foreign images or event handlers in the Markdown text of a file."""
    fenced = False
    for number, line in enumerate(source.body.split("\n"), start=source.body_line):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        text = _ESCAPED.sub("  ", without_code(line))
        problem = _html_problem(text, allow_wrappers=True)
        if problem:
            yield number, "", problem
        for message in dict.fromkeys(_link_problems(text, content)):
            yield number, "", message


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """(field path, text) of every string in a YAML value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def rule_no_markup_in_fields(source: Source) -> Iterator[tuple[int, str, str]]:
    """No HTML in any text field; it would be shown as text, so it is always a mistake or an attack."""
    for field, value in _strings(source.data, ""):
        problem = _html_problem(value, allow_wrappers=False)
        if problem:
            yield source.line_of(field), field, problem.replace(MARKDOWN_ONLY, PLAIN_TEXT_ONLY)


# --- SVG -------------------------------------------------------------------------------------

#: Drawing elements an SVG in content/ may use, and the metadata of the perskit's licence (RDF, CC, DC).
SVG_ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "metadata", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
    "pattern", "marker",
})
SVG_METADATA_PREFIXES = ("rdf:", "cc:", "dc:")
SVG_ONLY = "een SVG in de kennisbank is alleen een tekening; haal het weg of maak het bestand opnieuw"


def _svg_attribute_problem(name: str, value: str) -> str | None:
    lowered = _CONTROL.sub("", html.unescape(value)).lower()
    if name.lower().startswith("on"):
        return f"het attribuut '{name}' start een script; {SVG_ONLY}"
    if name in ("href", "xlink:href") and not value.startswith("#"):
        return f"'{name}' verwijst naar iets buiten dit bestand ('{value[:40]}'); {SVG_ONLY}"
    if "javascript:" in lowered or re.search(r"url\((?!\s*['\"]?#)", lowered):
        return f"het attribuut '{name}' verwijst naar iets buiten dit bestand of start een script; {SVG_ONLY}"
    return None


def svg_problems(raw: bytes) -> list[tuple[int, str]]:
    """(line, message) for everything in an SVG file that is more than a drawing."""
    problems: list[tuple[int, str]] = []
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_dtd(*_: Any) -> None:
        problems.append((parser.CurrentLineNumber, f"het bestand heeft een DOCTYPE of ENTITY; {SVG_ONLY}"))
        raise _Stop

    def start(name: str, attributes: dict[str, str]) -> None:
        if name not in SVG_ELEMENTS and not name.startswith(SVG_METADATA_PREFIXES):
            problems.append((parser.CurrentLineNumber, f"'<{name}>' hoort niet in een tekening; {SVG_ONLY}"))
        for attribute, value in attributes.items():
            problem = _svg_attribute_problem(attribute, value)
            if problem:
                problems.append((parser.CurrentLineNumber, problem))

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.StartElementHandler = start
    try:
        parser.Parse(raw, True)
    except _Stop:
        pass
    except expat.ExpatError as error:
        problems.append((error.lineno, f"dit is geen geldige SVG (de XML klopt niet in kolom {error.offset + 1}); sla het bestand opnieuw op als SVG"))
    return problems


class _Stop(Exception):
    """Stops expat at the first DTD: nothing after it is read."""
