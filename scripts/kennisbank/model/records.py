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


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli",
          "augustus", "september", "oktober", "november", "december")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as a source gives it: a year, a month, or a day (0 = not given)."""

    year: int
    month: int = 0
    day: int = 0

    def earliest(self) -> dt.date:
        """The first day this date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date can mean."""
        if self.day:
            return dt.date(self.year, self.month, self.day)
        if self.month:
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def dutch(self) -> str:
        """``2019``, ``mei 2019`` or ``13 mei 2019``."""
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def iso(self) -> str:
        """``2019``, ``2019-05`` or ``2019-05-13``, as written in a source file."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True, kw_only=True)
class SourceRef:
    """A cited source: a page or document with its own date (where it shows one) and the day it was read."""

    url: str
    title: str
    publisher: str
    accessed: dt.date
    date: PartialDate | None = None
    document: str | None = None  # which part of the source, e.g. a chapter


@dataclass(frozen=True, kw_only=True)
class Period:
    """When a programme or practice ran: a start, and an end where known."""

    start: PartialDate
    end: PartialDate | None = None


@dataclass(frozen=True, kw_only=True)
class Count:
    """How many keypersons, as the source says it: exactly ``number``, or ``ruim``/``ongeveer``/… ``number``."""

    number: int
    qualifier: str = ""  # "", "ruim", "ongeveer", "minstens", "meer dan"

    def dutch(self) -> str:
        """``12`` or ``ruim 200``."""
        return f"{self.qualifier} {self.number}".strip()


@dataclass(frozen=True, kw_only=True)
class FactValue:
    """The value of a practical fact during one period, and the source that states it."""

    value: str
    source: SourceRef
    start: PartialDate | None = None  # None: the source does not say since when
    end: PartialDate | None = None  # None: no end known (a rule in force until it changes)


@dataclass(frozen=True, kw_only=True)
class Fact:
    """A practical fact (an amount, a rule) from ``data/feiten.yml``: its values over time, newest last."""

    key: str
    subject: str
    values: tuple[FactValue, ...]

    @property
    def current(self) -> FactValue:
        """The newest value: the one a guide shows."""
        return max(self.values, key=lambda v: v.start.earliest() if v.start else dt.date.min)


def newest_source_date(sources: tuple[SourceRef, ...]) -> PartialDate | None:
    """The date of the newest dated source, or None when no source shows a date."""
    return max((s.date for s in sources if s.date), default=None)


@dataclass(frozen=True, kw_only=True)
class Contact:
    """Organisational contact data (never a keyperson's own)."""

    email: str | None = None
    phone: str | None = None
    form: str | None = None


@dataclass(frozen=True, kw_only=True)
class Worksheet:
    """A part of a guide marked to fill in (see :mod:`kennisbank.model.worksheets`)."""

    name: str  # its address: werkbladen/<name>/
    title: str
    line: int  # line of the opening marker in the guide's file
    body: str  # the Markdown between the two markers, as the guide has it
    notes: tuple[str, ...] = ()  # the guide's footnote definitions that the part refers to


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
    worksheets: tuple[Worksheet, ...] = ()


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
    status: str
    sources: tuple[SourceRef, ...]
    verified: dt.date
    period: Period | None = None
    keyperson_count: Count | None = None
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
    status: str
    sources: tuple[SourceRef, ...]
    verified: dt.date
    period: Period | None = None
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
