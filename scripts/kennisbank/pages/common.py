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

from ..model.checks import RECENT, STALE_AFTER
from ..model.fields import Context
from ..model.gazetteer import PROVINCES
from ..model.records import MONTHS, Area, PartialDate, Period, SourceRef, newest_source_date
from ..model.vocabulary import languages
from .paginate import page_title

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


def stale_notice(verified: dt.date, today: dt.date) -> str:
    """A visible 'check whether this is still current' box, or nothing."""
    if not is_stale(verified, today):
        return ""
    return (
        '!!! warning "Controleer of dit nog klopt"\n\n'
        f"    Deze gegevens zijn voor het laatst gecontroleerd op {dutch_date(verified)}. "
        "Dat is meer dan een jaar geleden. Vraag de organisatie of alles nog klopt "
        "voordat je op deze gegevens bouwt.\n\n"
    )


def source_line(source: SourceRef) -> str:
    """A cited source in one line: linked title, publisher, its own date, the part used, and when it was read."""
    parts = [f"*{text(source.title)}*", text(source.publisher)]
    if source.date:
        parts.append(source.date.dutch())
    line = f"[{', '.join(parts)}]({source.url})"
    if source.document:
        line += f", {text(source.document)}"
    return f"{line}. Gelezen op {dutch_date(source.accessed)}."


def sources_section(sources: Iterable[SourceRef]) -> str:
    """The 'Bronnen' section of an entry: one line per source."""
    listed = list(sources)
    heading = "Bron" if len(listed) == 1 else "Bronnen"
    return f"## {heading}\n\n" + "".join(f"- {source_line(s)}\n" for s in listed) + "\n"


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


def status_note(status_label: str, sources: tuple[SourceRef, ...]) -> str:
    """``Status: niet bekend; bronnen uit 2018`` for lists of entries."""
    newest = newest_source_date(sources)
    return f"Status: {status_label.lower()}; " + (f"bronnen uit {newest.year}" if newest else "bronnen zonder datum")


def knowledge_notice(sources: tuple[SourceRef, ...], status_label: str, period: Period | None, organisation: str,
                     today: dt.date) -> str:
    """The box near the top of an entry: how old its knowledge is, its status, and an invitation when it is old."""
    newest = newest_source_date(sources)
    title = f"Volgens bronnen uit {newest.year}" if newest else "Volgens bronnen zonder datum"
    lines = [f"Status: {status_label.lower()}." + (f" Looptijd: {period_text(period)}." if period else "")]
    if newest is None:
        read = max(s.accessed for s in sources)
        lines.append(f"De bronnen noemen geen datum; ze zijn gelezen op {dutch_date(read)}. Hoe oud deze kennis is, weten we niet.")
    elif knowledge_is_old(newest, today):
        lines.append(f"De nieuwste bron is van {newest.dutch()}: meer dan twee jaar geleden. Sindsdien kan er veel veranderd zijn.")
    else:
        lines.append(f"De nieuwste bron is van {newest.dutch()}.")
    if knowledge_is_old(newest, today):
        lines.append(f"Werk je bij {text(organisation)}, of weet je hoe het nu zit? [Stuur een correctie]({CORRECTION_SCHEME}).")
    kind = "warning" if knowledge_is_old(newest, today) else "info"
    return f'!!! {kind} "{title}"\n\n' + "".join(f"    {line}\n\n" for line in lines)


def area_text(area: Area) -> str:
    """A readable description of a work area."""
    if area.national:
        return "Landelijk"
    if area.unknown:
        return "Niet vermeld in de bron"
    return ", ".join([*area.municipalities, *(f"provincie {p}" for p in area.provinces)])


def area_provinces(area: Area, ctx: Context) -> tuple[str, ...]:
    """The provinces an area lies in (empty for national or unknown)."""
    found = set(area.provinces)
    for name in area.municipalities:
        municipality = ctx.gazetteer.lookup(name)
        if municipality:
            found.add(municipality.province)
    return tuple(p for p in PROVINCES if p in found)


def labels(ctx: Context, vocabulary: str, keys: Iterable[str], from_doc: str | None = None, folder: str | None = None) -> str:
    """Dutch labels of vocabulary keys, linked to their index pages when a folder is given."""
    items = []
    for key in keys:
        label = ctx.vocab.label(vocabulary, key)
        items.append(link(label, from_doc, f"{folder}/{key}.md") if folder and from_doc else text(label))
    return ", ".join(items) or "Niet vermeld in de bron"


def language_names(codes: Iterable[str]) -> str:
    """Dutch names of language codes."""
    names = languages()
    return ", ".join(names[c] for c in codes) or "Niet vermeld in de bron"


def definition_list(rows: Iterable[tuple[str, str]]) -> str:
    """A Markdown definition list (rendered as <dl>)."""
    return "\n".join(f"{term}\n:   {value}\n" for term, value in rows if value) + "\n"


def insert_after_title(body: str, insert: str) -> str:
    """Put generated text right after the first ``# Title`` line of a body."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", insert.rstrip("\n"), *lines[index + 1:]])
    return insert + body


def practice_doc(slug: str) -> str:
    return f"praktijken/{slug}.md"


def programme_doc(slug: str) -> str:
    return f"programmas/{slug}.md"


def municipality_doc(slug: str) -> str:
    """A municipality page (made by :mod:`socialmap` for every municipality a programme names)."""
    return f"gemeenten/{slug}.md"


def area_links(area: Area, ctx: Context, from_doc: str) -> str:
    """Like :func:`area_text`, with each municipality linked to its page."""
    if area.national or area.unknown:
        return text(area_text(area))
    names = [link(m.name, from_doc, municipality_doc(m.slug)) if (m := ctx.gazetteer.lookup(n)) else text(n) for n in area.municipalities]
    return ", ".join([*names, *(f"provincie {p}" for p in area.provinces)])


CATALOGUE_DOC = "praktijken/index.md"


MAP_DOC = "sociale-kaart/index.md"
OPEN_DATA_DOC = "open-data.md"


def list_page(doc: str, meta: dict[str, Any], number: int, count: int, parts: list[str], edit_path: str) -> Generated:
    """One page of a paginated overview, its title saying which page it is."""
    return Generated(doc, front_matter({**meta, "title": page_title(meta["title"], number, count)}) + "".join(parts), edit_path)
