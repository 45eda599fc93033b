"""What every page module builds on: the Generated record, front matter, escaped text, links, dates and page paths.

All pure functions from values to text. Nothing here knows a page type; the page modules
above this one do, and :mod:`kennisbank.pages.assemble` puts them together.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml
from markupsafe import Markup

from ..model.checks import RECENT, STALE_AFTER
from ..model.fields import Context
from ..model.gazetteer import PROVINCES
from ..model.records import MONTHS, Area, PartialDate, Period, SourceRef, newest_source_date
from ..model.vocabulary import languages

#: libyaml's emitter when PyYAML has it: the same text, twenty times faster over 10,000 pages.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Generated:
    """A generated file for the docs folder, and the source file to edit it."""

    doc_path: str
    content: str
    edit_path: str | None = None
    #: The page holds form controls made by our code (the social map's filters), which the sanitiser keeps.
    interface: bool = False
    #: False for a page that is not listed in sitemap.xml (the redirect pages of other names).
    in_sitemap: bool = True


@dataclass(frozen=True)
class Site:
    """What generated text says about the site itself: its name and public address (``site_url``)."""

    name: str = ""
    url: str = ""

    def address(self, doc_path: str) -> str:
        """The public address of a docs page (``gidsen/x.md`` → ``https://…/gidsen/x/``), or "" without a site address."""
        if not self.url:
            return ""
        return self.url.rstrip("/") + "/" + page_url(doc_path)


def page_url(doc_path: str) -> str:
    """The address of a docs page relative to the site root, as mkdocs makes it: ``gidsen/x.md`` → ``gidsen/x/``."""
    stem = doc_path[: -len(".md")] if doc_path.endswith(".md") else doc_path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    return stem if not stem or stem.endswith("/") else stem + "/"


def dutch_date(day: dt.date) -> str:
    """``2021-02-23`` → ``23 februari 2021``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def text(value: str) -> str:
    """Escape data for Markdown: no HTML from data, no table breaks.

    Brackets and braces are escaped too: Markdown would turn them into links
    (also ``javascript:`` ones), images, or attributes such as ``{: onclick=…}``.
    """
    escaped = html.escape(value, quote=False).replace("|", "&#124;").replace("\n", " ")
    return re.sub(r"([\\\[\]{}])", r"\\\1", escaped)


def link(label: str, from_doc: str, to_doc: str) -> str:
    """A relative Markdown link between two docs paths."""
    return f"[{text(label)}]({_relpath(to_doc, posixpath.dirname(from_doc) or '.')})"


@functools.lru_cache(maxsize=65536)
def _relpath(to_doc: str, from_folder: str) -> str:
    """posixpath.relpath between docs paths, cached: most links (to themes, roles) repeat
    thousands of times. Rooting both at '/' spares a getcwd() system call per link."""
    return posixpath.relpath("/" + to_doc, "/" + from_folder)


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter for a generated page.

    Title and description are HTML-escaped: mkdocs' templates do not escape
    them, and they also end up inside attributes (meta description).
    """
    safe = {k: html.escape(v) if k in ("title", "description") else v for k, v in meta.items()}
    return "---\n" + yaml.dump(safe, Dumper=_DUMPER, allow_unicode=True, sort_keys=False) + "---\n\n"


def is_stale(verified: dt.date, today: dt.date) -> bool:
    """True if an entry was last checked more than twelve months ago."""
    return today - verified > STALE_AFTER


#: A link target the mkdocs adapter turns into this page's correction form (see :func:`correction_links`).
CORRECTION_SCHEME = "kennisbank-correctie:"
CORRECTION_LINK_RE = re.compile(r"\]\(" + re.escape(CORRECTION_SCHEME) + r"\)")
BIJDRAGEN_DOC = "bijdragen/index.md"


def correction_links(markdown: str, form_url: str | None, from_doc: str) -> str:
    """Point ``[…](kennisbank-correctie:)`` links at the page's correction form, or at the page on contributing."""
    target = form_url or _relpath(BIJDRAGEN_DOC, posixpath.dirname(from_doc) or ".")
    return CORRECTION_LINK_RE.sub(lambda m: f"]({target})", markdown)


def knowledge_is_old(newest: PartialDate | None, today: dt.date) -> bool:
    """True when no source shows a date, or the newest one is more than 24 months old."""
    return newest is None or newest.latest() < today - RECENT


def period_text(period: Period | None) -> str:
    """``van 2016 tot 2018``, ``sinds maart 2021``, or nothing."""
    if period is None:
        return ""
    if period.end:
        return f"van {period.start.dutch()} tot {period.end.dutch()}"
    return f"sinds {period.start.dutch()}"


@dataclass(frozen=True)
class Knowledge:
    """How old what the hub knows about an entry is, for the templates' notices and list lines."""

    status: str  #: the status label (``Loopt nog``)
    newest: PartialDate | None  #: the newest date a source shows, if any
    old: bool  #: no dated source, or the newest more than 24 months old
    read: dt.date | None  #: the last day a source was read
    period: str  #: ``van 2016 tot 2018``, ``sinds maart 2021`` or ""


def knowledge(sources: tuple[SourceRef, ...], status_label: str, period: Period | None, today: dt.date) -> Knowledge:
    """The :class:`Knowledge` of an entry from its sources, status and period."""
    newest = newest_source_date(sources)
    return Knowledge(status_label, newest, knowledge_is_old(newest, today), max((s.accessed for s in sources), default=None),
                     period_text(period))


def area_provinces(area: Area, ctx: Context) -> tuple[str, ...]:
    """The provinces an area lies in (empty for national or unknown)."""
    found = set(area.provinces)
    for name in area.municipalities:
        municipality = ctx.gazetteer.lookup(name)
        if municipality:
            found.add(municipality.province)
    return tuple(p for p in PROVINCES if p in found)


def label_links(ctx: Context, vocabulary: str, keys: Iterable[str], from_doc: str | None = None,
                folder: str | None = None) -> list[str]:
    """Dutch labels of vocabulary keys, as Markdown links to their index pages when a folder is given."""
    if folder and from_doc:
        return [Markup(link(ctx.vocab.label(vocabulary, key), from_doc, f"{folder}/{key}.md")) for key in keys]
    return [ctx.vocab.label(vocabulary, key) for key in keys]


def language_list(codes: Iterable[str]) -> list[str]:
    """Dutch names of language codes."""
    names = languages()
    return [names[c] for c in codes]


def municipality_links(area: Area, ctx: Context, from_doc: str) -> list[str]:
    """The municipalities of an area, each linked to its page (as Markdown) when the gazetteer knows it."""
    return [Markup(link(m.name, from_doc, municipality_doc(m.slug))) if (m := ctx.gazetteer.lookup(n)) else n
            for n in area.municipalities]


def split_after_title(body: str) -> tuple[str, str]:
    """A Markdown text cut after its first ``# Title`` line (all of it before, when there is none)."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1]), "\n".join(lines[index + 1:])
    return "", body


def practice_doc(slug: str) -> str:
    return f"praktijken/{slug}.md"


def programme_doc(slug: str) -> str:
    return f"programmas/{slug}.md"


def municipality_doc(slug: str) -> str:
    """A municipality page (made by :mod:`socialmap` for every municipality a programme names)."""
    return f"gemeenten/{slug}.md"


CATALOGUE_DOC = "praktijken/index.md"


MAP_DOC = "sociale-kaart/index.md"
OPEN_DATA_DOC = "open-data.md"


