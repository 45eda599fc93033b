"""Site search: what Pagefind indexes of each page, and the choices on the search page.

Search runs in the browser on a Pagefind index that :func:`kennisbank.plugin.run_pagefind`
makes after the build. This module decides per page whether it is indexed, its type
(gids, praktijk, programma, gemeente, overzicht) and the filter values Pagefind stores.
All of it comes from the page's own front matter, never from its text.

Filter values are keys (``thema=werving``, ``rol=helper``) and province names, so the
search page URL ``zoeken/?q=…&type=…&thema=…&rol=…&provincie=…`` stays the same when
a label changes. The Dutch labels come from the vocabulary and from :data:`TYPES`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..model.checks import GUIDES_FOLDER
from ..model.fields import Context
from ..model.gazetteer import PROVINCES
from ..model.vocabulary import Vocabularies
from .paginate import is_later_page

#: The search page (``content/zoeken.md`` → ``zoeken/``). It is not indexed itself.
SEARCH_PAGE = "zoeken.md"

#: Page types and their Dutch labels, in the order the filter shows them.
#: Hand-written pages have no ``type``: a guide is ``gids``, any other page ``pagina``.
TYPES: dict[str, str] = {
    "gids": "Gids",
    "werkblad": "Werkblad",
    "praktijk": "Goede praktijk",
    "programma": "Programma",
    "gemeente": "Gemeente",
    "overzicht": "Overzicht",
    "pagina": "Over de kennisbank",
    "verhaal": "Verhaal",
}

#: Types indexed by title and summary only. Their lists repeat the records, which are indexed
#: themselves; indexing the lists again would crowd the results and, with thousands of
#: records, make each of these pages a very large download when it shows up as a result.
SUMMARY_ONLY = frozenset({"overzicht"})

#: Filter name (URL parameter and Pagefind filter) → (form label, "all" choice, vocabulary).
FILTERS: dict[str, tuple[str, str, str | None]] = {
    "type": ("Soort pagina", "Alle soorten", None),
    "thema": ("Thema", "Alle thema’s", "themas"),
    "rol": ("Rol", "Alle rollen", "rollen"),
    "provincie": ("Provincie", "Alle provincies", None),
}


@dataclass(frozen=True)
class Option:
    """One choice of a filter: the value in the URL and index, and its Dutch label."""

    value: str
    label: str


@dataclass(frozen=True)
class Filter:
    """A filter on the search page (a select box)."""

    name: str
    label: str
    all_label: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class PageSearch:
    """What the templates need to know about search for one page."""

    indexed: bool
    type: str
    type_label: str
    filters: tuple[tuple[str, str], ...] = ()  # (filter name, value), for data-pagefind-filter
    form: tuple[Filter, ...] = ()  # the filters of the search page; empty on other pages
    summary_only: bool = False  # index the title and description, not the page text

    @property
    def is_search_page(self) -> bool:
        """True on the search page, which shows the search form."""
        return bool(self.form)


def page_type(meta: Mapping[str, Any], src_uri: str) -> str:
    """The type of a page: its front matter ``type``, else guide or plain page by folder."""
    declared = meta.get("type")
    if isinstance(declared, str) and declared.strip():
        return declared.strip()
    return "gids" if src_uri.split("/")[0] == GUIDES_FOLDER else "pagina"


def type_label(key: str) -> str:
    """The Dutch label of a page type (an unknown type shows its own name)."""
    return TYPES.get(key, key.capitalize())


def _as_list(value: Any) -> list[str]:
    """A front matter value as a list of strings (one string, a list, or nothing)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        return [str(v) for v in value if isinstance(v, str)]
    return []


def page_filters(meta: Mapping[str, Any], src_uri: str, vocab: Vocabularies) -> tuple[tuple[str, str], ...]:
    """The filter values of a page, from its front matter fields only.

    Unknown theme or role keys and unknown provinces are left out, so a filter
    never offers a value without a label.
    """
    found: list[tuple[str, str]] = [("type", page_type(meta, src_uri))]
    for name, field in (("thema", "themas"), ("rol", "rollen")):
        vocabulary = FILTERS[name][2] or ""
        allowed = vocab.keys(vocabulary) if vocabulary in vocab.lists else ()
        found += [(name, key) for key in _as_list(meta.get(field)) if key in allowed]
    provinces = _as_list(meta.get("provincies")) + _as_list(meta.get("provincie"))
    found += [("provincie", p) for p in PROVINCES if p in provinces]
    return tuple(dict.fromkeys(found))


def filter_form(vocab: Vocabularies) -> tuple[Filter, ...]:
    """The filters of the search page with every value the site can have.

    The page hides the values that no indexed page has (see zoeken.js), so a
    new type such as ``gemeente`` shows up as soon as its pages exist.
    """
    def options(name: str) -> tuple[Option, ...]:
        vocabulary = FILTERS[name][2]
        if name == "type":
            return tuple(Option(k, v) for k, v in TYPES.items())
        if name == "provincie":
            return tuple(Option(p, p) for p in PROVINCES)
        return tuple(Option(t.key, t.label) for t in vocab.lists.get(vocabulary or "", ()))

    return tuple(Filter(name, label, all_label, options(name)) for name, (label, all_label, _) in FILTERS.items())


def page_search(meta: Mapping[str, Any] | None, src_uri: str, ctx: Context) -> PageSearch:
    """Search details of one page: indexed or not (and how), type and label, filters, and the form on the search page."""
    meta = meta or {}
    kind = page_type(meta, src_uri)
    if src_uri == SEARCH_PAGE:
        return PageSearch(False, kind, type_label(kind), form=filter_form(ctx.vocab))
    if kind in SUMMARY_ONLY and is_later_page(src_uri):  # same title and summary as page 1: find each list once
        return PageSearch(False, kind, type_label(kind))
    return PageSearch(True, kind, type_label(kind), page_filters(meta, src_uri, ctx.vocab), summary_only=kind in SUMMARY_ONLY)
