"""Validated records: what the generator works with.

Records are built only from sources that passed every check, so their fields
can be trusted: dates are dates, vocabulary keys exist, areas are resolved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    """Where a practice or programme works, resolved against the gazetteer."""

    national: bool = False
    unknown: bool = False
    provinces: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()  # official names


@dataclass(frozen=True, kw_only=True)
class SourceRef:
    """A cited source."""

    title: str
    date: dt.date
    publisher: str | None = None
    url: str | None = None
    document: str | None = None


@dataclass(frozen=True, kw_only=True)
class Contact:
    """Organisational contact data (never a keyperson's own)."""

    email: str | None = None
    phone: str | None = None
    form: str | None = None


@dataclass(frozen=True, kw_only=True)
class Page:
    """A hand-written page from ``content/``; a guide when it lives in ``gidsen/``."""

    slug: str
    path: str
    doc_path: str  # path inside the docs folder, e.g. "gidsen/werving.md"
    title: str
    summary: str
    reviewed: dt.date
    audiences: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    is_guide: bool = False


@dataclass(frozen=True, kw_only=True)
class Practice:
    """A good practice from ``good_practices/``."""

    slug: str
    path: str
    title: str
    summary: str
    organisation: str
    area: Area
    themes: tuple[str, ...]
    roles: tuple[str, ...]
    communities: tuple[str, ...]
    languages: tuple[str, ...]
    payment: str
    source: SourceRef
    verified: dt.date
    keyperson_count: int | None = None
    since: int | None = None
    programme: str | None = None
    body: str = ""


@dataclass(frozen=True, kw_only=True)
class Programme:
    """A keyperson programme on the social map, from ``programmas/``."""

    slug: str
    path: str
    name: str
    summary: str
    organisation: str
    area: Area
    themes: tuple[str, ...]
    roles: tuple[str, ...]
    languages: tuple[str, ...]
    communities: tuple[str, ...]
    payment: str
    how_to_engage: str
    source: SourceRef
    verified: dt.date
    website: str | None = None
    contact: Contact | None = None

    @property
    def title(self) -> str:
        """Programmes are titled by their name."""
        return self.name


@dataclass(frozen=True, kw_only=True)
class Consent:
    """Whether a story is about identifiable people, and if so, the recorded consent."""

    identifiable: bool
    given_by: str | None = None  # a role, never a name
    date: dt.date | None = None
    recorded: str | None = None


@dataclass(frozen=True, kw_only=True)
class Story:
    """A story (news item, report, interview) from ``content/verhalen/posts/``."""

    slug: str
    path: str
    doc_path: str
    title: str
    summary: str
    date: dt.date
    categories: tuple[str, ...]
    consent: Consent
    authors: tuple[str, ...] = ()
    draft: bool = False
    sources: tuple[SourceRef, ...] = ()
