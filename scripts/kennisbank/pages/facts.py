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
from .common import Generated, dutch_date, front_matter, link, text

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


def source_link(value: FactValue) -> str:
    """``[Belastingdienst](https://…)``: who states the value, linked to where."""
    return f"[{text(value.source.publisher)}]({value.source.url})"


def fact_text(fact: Fact, today: dt.date) -> str:
    """The newest value of a fact as a guide shows it: value, period and source, and a note when it no longer holds."""
    current = fact.current
    if current.end and current.end.latest() < today:
        return (f"{text(current.value)} (dit gold {period_text(current)}; een nieuwere waarde staat nog niet in de kennisbank; "
                f"bron: {source_link(current)})")
    return f"{text(current.value)} ({period_text(current)}; bron: {source_link(current)})"


def fill_in_facts(markdown: str, facts: Mapping[str, Fact], today: dt.date) -> str:
    """Replace every ``[[feit:key]]`` with the fact (a key that does not exist was refused by ``kennisbank check``)."""
    return REFERENCE_RE.sub(lambda m: fact_text(facts[m.group(1)], today) if m.group(1) in facts else m.group(0), markdown)


def facts_page(catalogue: Catalogue) -> Generated:
    """'Regels en bedragen': every fact, newest value first, each with its period and source."""
    ctx = catalogue.context
    parts = [
        "# Regels en bedragen\n\n",
        "Begin je met sleutelpersonen? Dan krijg je te maken met regels en bedragen, bijvoorbeeld voor een "
        "vrijwilligersvergoeding of een gratis VOG. Hier staan ze bij elkaar. Bij elke waarde staat voor welke periode "
        "die geldt en waar die vandaan komt. Controleer de bron voordat je een besluit neemt: regels en bedragen "
        "veranderen, vaak elk jaar.\n\n",
        f"De gidsen gebruiken dezelfde gegevens, bijvoorbeeld {link('Waardering en vergoeding', FACTS_DOC, 'gidsen/waardering-en-vergoeding.md')}. "
        "Weet je een nieuwere waarde? Lees dan hoe je een correctie stuurt op "
        f"{link('Bijdragen', FACTS_DOC, 'bijdragen/index.md')}.\n\n",
    ]
    for fact in sorted(catalogue.context.facts.values(), key=lambda f: f.subject.lower()):
        parts.append(f"## {text(fact.subject)}\n\n| Periode | Waarde | Bron |\n|---|---|---|\n")
        for value in sorted(fact.values, key=lambda v: v.start.earliest() if v.start else dt.date.min, reverse=True):
            dated = f", {value.source.date.dutch()}" if value.source.date else ""
            parts.append(f"| {period_text(value)} | {text(value.value)} | "
                         f"[*{text(value.source.title)}*]({value.source.url}), {text(value.source.publisher)}{dated}; "
                         f"gelezen op {dutch_date(value.source.accessed)} |\n")
        current = fact.current
        if current.end and current.end.latest() < ctx.today:
            parts.append(f"\nDeze waarde gold {period_text(current)}. Een nieuwere waarde staat nog niet in de kennisbank.\n")
        parts.append("\n")
    if not catalogue.context.facts:
        parts.append("Er staan nog geen regels en bedragen in de kennisbank.\n")
    meta = {"title": "Regels en bedragen", "type": "overzicht",
            "description": "Bedragen en regels voor werken met sleutelpersonen, met de periode waarvoor ze gelden en hun bron."}
    return Generated(FACTS_DOC, front_matter(meta) + "".join(parts), f"{catalogue.layout.data}/feiten.yml")
