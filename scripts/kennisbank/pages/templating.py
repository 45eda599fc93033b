"""Page text in templates: every generated page is a Markdown template in ``pages/templates/``.

An editor who wants to change a heading, an introduction or an empty-state line edits a
template, not Python. The page modules hand a template the records and what they computed
(counts, links, dates); the template chooses the words and their order. ``TEMPLATES.md``
in that folder explains the templates for editors.

A page template has three blocks: ``title`` and ``description`` (the page's front matter)
and ``body`` (its Markdown). Fragments that several pages share are macros in
``_blokken.md``, which every template knows as ``blokken``.

Contributors' text is hostile, so every value a template prints is escaped for Markdown
(:func:`kennisbank.pages.common.text`), unless our own code made it as Markdown
(:func:`trusted`, the ``link`` function, macros). The title and description blocks are
rendered without that escaping, because :func:`kennisbank.pages.common.front_matter`
escapes them for the front matter.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
import traceback
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..model.fields import EMAIL_RE, URL_RE
from .common import CORRECTION_SCHEME, dutch_date, front_matter, text
from .common import link as markdown_link

TEMPLATE_FOLDER = "templates"
FRAGMENTS = "_blokken.md"


def trusted(value: str) -> Markup:
    """Markdown made by our code, or checked for a page as a whole: a template prints it as it is."""
    return Markup(value)


def folder() -> Path:
    """The folder of the templates, which ``kennisbank serve`` watches."""
    return Path(__file__).parent / TEMPLATE_FOLDER


class TemplateProblem(Exception):
    """A mistake in a template, as ``path:line: sjabloon: message`` in Dutch (the build reports it and stops)."""


#: Jinja's messages for the mistakes an editor makes most, in Dutch.
_MESSAGES = (
    (re.compile(r"'([^']+)' is undefined"), "'{0}' bestaat niet in dit sjabloon; kijk bovenaan welke gegevens het krijgt"),
    (re.compile(r"'[^']+' (?:object )?has no attribute '([^']+)'"), "'{0}' bestaat niet; kijk bovenaan het sjabloon welke gegevens het krijgt"),
    (re.compile(r"no value to print"), "hier staat een gegeven zonder waarde; zet het binnen {{% if … %}}"),
    (re.compile(r"innermost block that needs to be closed is '(\w+)'"), "'{{% {0} %}}' is niet gesloten; zet er '{{% end{0} %}}' achter"),
    (re.compile(r"unknown tag '(\w+)'"), "'{{% {0} %}}' kent een sjabloon niet"),
)


def _dutch(message: str) -> str:
    for pattern, dutch in _MESSAGES:
        if found := pattern.search(message):
            return dutch.format(*found.groups())
    return message


def _where(error: Exception) -> tuple[str, int]:
    """The template and line where rendering failed, from Jinja's rewritten traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.name:
        return error.name, error.lineno
    found = ("", 0)
    for frame in traceback.extract_tb(error.__traceback__):
        if Path(frame.filename).parent == folder():
            found = (Path(frame.filename).name, frame.lineno or 0)
    return found


def _problem(error: Exception) -> TemplateProblem:
    name, line = _where(error)
    path = f"scripts/kennisbank/pages/{TEMPLATE_FOLDER}/{name}" if name else f"scripts/kennisbank/pages/{TEMPLATE_FOLDER}"
    message = error.message if isinstance(error, jinja2.TemplateSyntaxError) else str(error)
    return TemplateProblem(f"{path}:{line}: sjabloon: {_dutch(message or type(error).__name__)}")


@functools.lru_cache(maxsize=1 << 16)
def _escaped(value: str) -> Markup:
    """:func:`common.text` as Markup, remembered: names, labels and areas repeat on thousands of pages."""
    return Markup(text(value))


def _escape(value: Any) -> Any:
    """Jinja's ``finalize``: escape every printed value for Markdown unless it is :func:`trusted`."""
    if value is None:
        raise ValueError("no value to print")
    return value if isinstance(value, Markup) else _escaped(str(value))


def _join(items: Iterable[Any], separator: str = "") -> Markup:
    """The ``join`` filter, escaping each item like any printed value (Jinja's own only escapes HTML)."""
    return Markup(separator.join(_escape(item) for item in items))


def _address(url: str) -> Markup:
    """The ``adres`` filter: a checked web address as a link target (anything else escaped)."""
    return Markup(url) if URL_RE.match(url) else _escape(url)


def _autolink(address: str) -> Markup:
    """The ``autolink`` filter: ``<https://…>`` or ``<info@…>`` for a checked address (anything else escaped)."""
    return Markup(f"<{address}>") if URL_RE.match(address) or EMAIL_RE.fullmatch(address) else _escape(address)


def _html(value: Any) -> Markup:
    """The ``html`` filter: a value inside HTML that the template writes itself (attributes included)."""
    return Markup(html.escape(str(value)))


def _code(value: Any) -> Markup:
    """The ``code`` filter: a value as inline code (``…``), which Markdown shows as it is."""
    value = str(value)
    fence = "``" if "`" in value else "`"
    return Markup(f"{fence}{value}{fence}" if fence == "`" else f"{fence} {value} {fence}")


def count(number: int, one: str, many: str) -> str:
    """``1 programma``, ``3 programma's``: a number with the right form of its noun."""
    return f"{number} {one if number == 1 else many}"


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, label: str, to_doc: str) -> Markup:
    """``link(label, to_doc)`` in a template: a relative link from the page being rendered (``doc``)."""
    return Markup(markdown_link(label, context["doc"], to_doc))


def _environment(escaping: bool, templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=escaping,
        finalize=_escape if escaping else None,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates are read once per build: see reload()
    )
    env.filters.update(datum=dutch_date, adres=_address, autolink=_autolink, html=_html, code=_code, join=_join if escaping else env.filters["join"])
    env.globals.update(link=_link, count=count, correctie=Markup(CORRECTION_SCHEME))
    return env


#: Renders page bodies: values escaped for Markdown.
_MARKDOWN = _environment(True, folder())
#: Renders titles and descriptions as plain text (the front matter escapes them).
_PLAIN = _environment(False, folder())


def _digest() -> str:
    """A hash of the template folder: its place, and the name and text of every file in it."""
    digest = hashlib.sha256(str(folder()).encode())
    for path in sorted(p for p in folder().rglob("*") if p.is_file()):
        digest.update(f"\0{path.relative_to(folder()).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def version() -> str:
    """A hash of the templates as they were read: it changes only when :func:`reload_if_changed` reads changed ones.

    What was made with the templates (:class:`kennisbank.pages.assemble.Memo`) is made again when it changes.
    """
    return _digest()


def reload() -> None:
    """Read the templates again on their next use."""
    for env in (_MARKDOWN, _PLAIN):
        if env.cache is not None:
            env.cache.clear()
    _template.cache_clear()
    fragment.cache_clear()
    version.cache_clear()


def reload_if_changed() -> bool:
    """:func:`reload` when a template changed since it was read; ``kennisbank serve`` calls this before every rebuild.

    The templates are a few dozen small files, so reading them to compare costs about a millisecond;
    compiling them all again would cost more, and would make every page new for the memo.
    """
    if _digest() == version():
        return False
    reload()
    return True


@functools.cache
def _template(name: str, escaping: bool) -> tuple[jinja2.Template, dict[str, Any]]:
    """A compiled template and the globals it renders with (the shared fragments as ``blokken``)."""
    version()  # the hash of the templates as they are now, before they are read
    env = _MARKDOWN if escaping else _PLAIN
    try:
        return env.get_template(name), {"blokken": env.get_template(FRAGMENTS).module}
    except jinja2.TemplateError as error:
        raise _problem(error) from error


@functools.lru_cache(maxsize=1 << 16)
def fragment(name: str, *args: Any) -> Markup:
    """A block of ``_blokken.md`` called from Python, remembered per arguments.

    For lines that repeat on many pages (a national programme is listed on every municipality
    page): the words stay in the block, and it is written out once per build instead of per page.
    """
    template, _ = _template(FRAGMENTS, True)
    try:
        return getattr(template.module, name)(*args)
    except (jinja2.TemplateError, ValueError, AttributeError, TypeError, KeyError) as error:
        raise _problem(error) from error


def _render(name: str, blocks: tuple[str | None, ...], escaping: bool, data: Mapping[str, Any]) -> list[str]:
    """Blocks of a template (``None``: the whole template) with one context, or a :class:`TemplateProblem`."""
    template, shared = _template(name, escaping)
    try:
        if blocks == (None,):
            return [template.render({**shared, **data})]
        context = template.new_context({**shared, **data})
        return ["".join(template.blocks[block](context)) for block in blocks]
    except (jinja2.TemplateError, ValueError, AttributeError, TypeError, KeyError) as error:
        raise _problem(error) from error


def render(name: str, **data: Any) -> str:
    """The Markdown of a template: its ``body`` block, or the whole template when it has none."""
    template, _ = _template(name, True)
    return _render(name, ("body" if "body" in template.blocks else None,), True, data)[0]


def page_text(name: str, **data: Any) -> tuple[str, str, str]:
    """(title, description, body) of a page template, the first two as plain text."""
    title, description = _render(name, ("title", "description"), False, data)
    return title.strip(), description.strip(), _render(name, ("body",), True, data)[0]


def page(name: str, meta: Mapping[str, Any], **data: Any) -> str:
    """Front matter and Markdown of a page: the template's title and description join ``meta``.

    ``data`` must name the page's docs path as ``doc``: links in the template start from it.
    """
    title, description, body = page_text(name, **data)
    return front_matter({"title": title, "description": description, **meta}) + body


def templates() -> list[str]:
    """The names of all page templates and fragments besides ``_blokken.md``, for tests."""
    return sorted(_MARKDOWN.list_templates(filter_func=lambda n: n.endswith(".md") and n not in ("TEMPLATES.md", FRAGMENTS)))
