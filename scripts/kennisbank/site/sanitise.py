"""The second wall: every rendered page goes through nh3 (the Rust sanitiser ammonia) with an allow-list.

``kennisbank check`` already refuses HTML in contributor text (:mod:`kennisbank.model.markup`).
Should anything slip past it, this removes it from the HTML that Markdown makes, before mkdocs puts
it in a page: scripts, styles, event handlers, iframes, objects, meta and link elements, forms, and
links with another scheme than ``http(s):``, ``mailto:`` or ``tel:``, and images from other websites. Kept is what Python-Markdown
and Material's extensions make (mkdocs.yml): headings with their ids and permalinks, admonitions,
details, footnotes, tables (only ``text-align`` of their style), task lists, definition lists,
abbreviations, images, code blocks, and classes and ids from attribute lists.

It runs as the last step of every Markdown conversion (:class:`SanitiseExtension`), so that it also
covers the story excerpts that Material's blog plugin renders itself for its overview pages.

A task list's check boxes get their item's text as their name (``aria-label``): pymdownx.tasklist
writes them without one, and a screen reader would announce a box without saying which one.

Pages our code makes from escaped data may keep the interface it adds (the social map's filter
form): :data:`INTERFACE_TAGS`, only for the pages the plugin names (``Generated.interface``).
"""

from __future__ import annotations

import functools
import re

import markdown
import nh3
from markdown.postprocessors import Postprocessor

from ..model.markup import EXCERPT_SEPARATOR

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li",
    "mark", "nav", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "role", "hidden"},
    "a": {"href", "name", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "checked", "disabled"},  # the check boxes of task lists; always disabled outside our interface
    "td": {"style", "colspan", "rowspan", "align"},
    "th": {"style", "colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
}
#: aria-* for accessible names; data-pagefind-* marks what the search index reads (overrides/main.html).
ATTRIBUTE_PREFIXES = frozenset({"aria-", "data-pagefind-"})
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
STYLE_PROPERTIES = frozenset({"text-align"})

#: What the social map's filter form adds (pages.socialmap); never allowed in contributor text.
INTERFACE_TAGS = frozenset({"form", "input", "select", "option", "button", "label", "section"})
INTERFACE_ATTRIBUTES: dict[str, set[str]] = {
    "input": {"type", "name", "value", "autocomplete", "placeholder", "inputmode", "spellcheck"},
    "select": {"name"},
    "option": {"value", "selected"},
    "button": {"type"},
    "label": {"for"},
}


def _local_images(tag: str, attribute: str, value: str) -> str | None:
    """Images come from the site itself: the site loads nothing from other servers."""
    if tag == "img" and attribute == "src" and (value.startswith("//") or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", value)):
        return None
    return value


#: Where an ``img`` element may start: ``<img`` or ``<image`` (which an HTML parser turns into ``img``), in any case.
#: Tag names are matched on ASCII letters only, as HTML does.
_MAY_HOLD_IMAGE = re.compile(r"<im", re.I | re.A)

#: The only characters that nh3 changes in text without markup: it escapes ``&``, ``<``, ``>`` and the
#: no-break space, drops NUL and a leading byte-order mark, and turns CR into LF. Text without any of
#: them comes out as it went in (tests/site/test_sanitise.py checks this against nh3 itself).
_CHANGED_BY_NH3 = re.compile("[\x00&<>\r\xa0\ufeff]")


@functools.cache
def cleaner(interface: bool, images: bool) -> nh3.Cleaner:
    """The allow-list as a reusable nh3 cleaner, built once per process (see :func:`clean`).

    ``images``: with the check on image addresses (:func:`_local_images`). It is a Python call for
    every attribute of every element, so text in which no ``img`` can start goes without it.
    """
    tags, attributes = set(TAGS), {tag: set(names) for tag, names in ATTRIBUTES.items()}
    if interface:
        tags |= INTERFACE_TAGS
        for tag, names in INTERFACE_ATTRIBUTES.items():
            attributes[tag] = attributes.get(tag, set()) | names
    return nh3.Cleaner(tags=tags, attributes=attributes, generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
                       url_schemes=set(SCHEMES), filter_style_properties=set(STYLE_PROPERTIES), link_rel=None, strip_comments=True,
                       attribute_filter=_local_images if images else None,
                       set_tag_attribute_values=None if interface else {"input": {"disabled": "disabled"}})


def clean(html: str, interface: bool = False) -> str:
    """The HTML with everything outside the allow-list removed; ``interface`` keeps our own form controls.

    Every Markdown conversion calls this, also for each heading of the table of contents, so the
    cleaner is made once (:func:`cleaner`) instead of from the lists on every call: at 10,000
    programmes that is most of nh3's time (BENCHMARK.md). Text that nh3 would return unchanged
    (no markup, no character it rewrites) is not sent to it at all.
    """
    if _CHANGED_BY_NH3.search(html) is None:  # most headings of the table of contents: plain text, nothing to clean
        return html
    parts = html.split(EXCERPT_SEPARATOR)  # the blog plugin cuts the excerpt at this comment, after this step
    return EXCERPT_SEPARATOR.join(cleaner(interface, _MAY_HOLD_IMAGE.search(part) is not None).clean(part) for part in parts)


# The box and its item as nh3 writes them: the item's text runs to the end of the item or to a nested list.
_TASK_BOX = re.compile(
    r'(<label class="task-list-control"><input type="checkbox"[^>]*)'
    r'(>(?:(?!</label>).)*</label>)((?:(?!</li>|<ul|<ol).)*)', re.S)
_TAG = re.compile(r"<[^>]*>")


def name_task_boxes(html: str) -> str:
    """Every check box of a task list named after its item's text (already escaped HTML, without its tags)."""
    def named(match: re.Match[str]) -> str:
        text = " ".join(_TAG.sub("", match[3]).replace('"', "&quot;").split())
        return f'{match[1]} aria-label="{text}"{match[2]}{match[3]}' if text else match[0]
    return _TASK_BOX.sub(named, html) if "task-list-control" in html else html


def clean_text(text: str) -> str:
    """A title or table-of-contents entry without any markup: only its text, escaped."""
    return nh3.clean(text, tags=set()) if "<" in text else text


class _Clean(Postprocessor):
    def __init__(self, md: markdown.Markdown, extension: SanitiseExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        return name_task_boxes(clean(text, interface=self.extension.interface))


class SanitiseExtension(markdown.Extension):
    """Runs :func:`clean` after every other step of a Markdown conversion.

    ``interface`` is set by the plugin for the page being rendered (see the module docstring).
    """

    def __init__(self) -> None:
        super().__init__()
        self.interface = False

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.postprocessors.register(_Clean(md, self), "kennisbank_sanitise", 0)
