"""Practical facts on pages: ``[[feit:key]]`` becomes the value with its period and source,
and the page 'Regels en bedragen' lists every fact with all its values.

The facts come from ``data/feiten.yml`` (:mod:`kennisbank.model.facts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..model.checks import Catalogue
from ..model.facts import REFERENCE_RE
from ..model.records import Fact, FactValue
from .common import Generated, dutch_date
from .templating import page, render

FACTS_DOC = "regels-en-bedragen.md"


def period_text(value: FactValue) -> str:
    """``in 2025``, ``sinds 1 november 2018``, ``van 2024 tot en met juni 2025``, or the day the source was read."""
    start, end = value.start, value.end
    if start and end and start.year == end.year and (start.month, start.day) in ((0, 0), (1, 1)) \
            and (end.month, end.day) in ((0, 0), (12, 31)):
        return f"in {start.year}"
    if start and end:
        return f"van {start.dutch()} tot en met {end.dutch()}"
    if start:
        return f"sinds {start.dutch()}"
    if end:
        return f"tot en met {end.dutch()}"
    return f"stand op {dutch_date(value.source.accessed)}"


def has_ended(value: FactValue, today: dt.date) -> bool:
    """True when a value's period is over (and no newer value is in the hub)."""
    return bool(value.end and value.end.latest() < today)


def fact_text(fact: Fact, today: dt.date) -> str:
    """The newest value of a fact as a guide shows it: value, period and source, and a note when it no longer holds."""
    current = fact.current
    return render("feit.md", waarde=current, periode=period_text(current), verlopen=has_ended(current, today))


def fill_in_facts(markdown: str, facts: Mapping[str, Fact], today: dt.date) -> str:
    """Replace every ``[[feit:key]]`` with the fact (a key that does not exist was refused by ``kennisbank check``)."""
    return REFERENCE_RE.sub(lambda m: fact_text(facts[m.group(1)], today) if m.group(1) in facts else m.group(0), markdown)


def facts_page(catalogue: Catalogue) -> Generated:
    """'Regels en bedragen': every fact, newest value first, each with its period and source."""
    today = catalogue.context.today
    facts = []
    for fact in sorted(catalogue.context.facts.values(), key=lambda f: f.subject.lower()):
        values = sorted(fact.values, key=lambda v: v.start.earliest() if v.start else dt.date.min, reverse=True)
        facts.append({"subject": fact.subject, "waarden": [{"value": v, "periode": period_text(v)} for v in values],
                      "verlopen": has_ended(fact.current, today), "periode": period_text(fact.current)})
    content = page("regels-en-bedragen.md", {"type": "overzicht"}, doc=FACTS_DOC, feiten=facts)
    return Generated(FACTS_DOC, content, f"{catalogue.layout.data}/feiten.yml")
