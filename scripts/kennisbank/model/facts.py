"""Practical facts (amounts, rules) in ``data/feiten.yml``, and the places that use them.

A fact lives once, with its values over time: each value holds for a period and names its
source. A guide writes ``[[feit:key]]`` where the value belongs; the build puts in the newest
value with its period and a link to its source (:mod:`kennisbank.pages.facts`), so a new
year's amount is one edit in the data file. ``kennisbank check`` reports a fact that is
badly written, a reference to a fact that does not exist, and (as a warning) a fact whose
newest value no longer holds.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterator
from pathlib import Path

from .fields import SLUG_RE, Context, Group, GroupList, PartialDateField, Text, check_mapping, convert_mapping
from .loading import Source, decode, parse_yaml
from .problems import Problem, Severity
from .records import Fact, FactValue
from .schema import SOURCE

FACTS_FILE = "feiten.yml"
REFERENCE_RE = re.compile(r"\[\[feit:([^\]\s]*)\]\]")

VALUE = Group(
    "waarde", "value", "Een waarde van het feit in één periode, met de bron die haar noemt.",
    fields=(
        Text("waarde", "value", "De waarde zoals een gids haar toont, zoals '€ 5,60 per uur' of '1 januari 2022'.", max_length=200),
        PartialDateField("van", "start", "Sinds wanneer deze waarde geldt (JJJJ, JJJJ-MM of JJJJ-MM-DD). Laat weg als de bron het niet zegt.",
                         required=False, allow_future=True),
        PartialDateField("tot", "end", "Tot wanneer deze waarde geldt. Laat weg als er geen einde bekend is.", required=False, allow_future=True),
        dataclasses.replace(SOURCE, help="De bron die deze waarde noemt; bij voorkeur de overheid of de wet zelf."),
    ),
    in_order=(("van", "tot", "de waarde kan niet eindigen ({later}) voordat ze begint ({earlier})"),),
    make=FactValue,
)
FACT = (
    Text("onderwerp", "subject", "Waar het feit over gaat, in een paar woorden (dit staat op de pagina Regels en bedragen)."),
    GroupList("waarden", "values", "De waarden door de tijd heen; de nieuwste is de waarde van nu.", group=VALUE),
)


def rule_fact(key: str, data: object, ctx: Context) -> Iterator[tuple[str, str]]:
    """(field path, message) for each problem in one fact."""
    if not isinstance(key, str) or not SLUG_RE.match(key):
        yield key, f"'{key}' is geen geldige naam voor een feit; gebruik kleine letters, cijfers en streepjes"
        return
    if not isinstance(data, dict):
        yield key, "moet een groep velden zijn (onderwerp, waarden)"
        return
    yield from check_mapping(data, FACT, ctx, prefix=f"{key}.")


def rule_fact_is_current(fact: Fact, ctx: Context) -> Iterator[tuple[str, str]]:
    """Warn when the newest value of a fact no longer holds."""
    current = fact.current
    if current.end and current.end.latest() < ctx.today:
        yield (f"{fact.key}.waarden", f"de nieuwste waarde geldt tot en met {current.end.iso()}; zoek de waarde van nu op "
               "en zet die met haar bron bij 'waarden'")


def load_facts(data_dir: Path, root: Path, ctx: Context) -> tuple[dict[str, Fact], list[Problem]]:
    """Read and check ``data/feiten.yml``: the valid facts by key, and every problem."""
    file = data_dir / FACTS_FILE
    if not file.exists():
        return {}, []
    path = file.relative_to(root).as_posix()
    text, problems = decode(file.read_bytes(), path)
    if text is None:
        return {}, problems
    data, lines, found = parse_yaml(text, path, 1)
    problems += found
    if data is None:
        return {}, problems
    source = Source(path, data, lines)
    facts: dict[str, Fact] = {}
    for key, value in data.items():
        wrong = [Problem(path, source.line_of(field), field, message) for field, message in rule_fact(key, value, ctx)]
        problems += wrong
        if not wrong:
            facts[key] = Fact(key=key, **convert_mapping(value, FACT, ctx))
    for fact in facts.values():
        problems += [Problem(path, source.line_of(field), field, message, Severity.WARNING)
                     for field, message in rule_fact_is_current(fact, ctx)]
    return facts, problems


def rule_fact_references(source: Source, ctx: Context) -> Iterator[tuple[int, str, str]]:
    """Every ``[[feit:key]]`` in a page names a fact of ``data/feiten.yml``."""
    for number, line in enumerate(source.body.split("\n"), start=source.body_line):
        for found in REFERENCE_RE.finditer(line):
            key = found.group(1)
            if key not in ctx.facts:
                close = difflib.get_close_matches(key, list(ctx.facts), n=1, cutoff=0.6)
                hint = f"; bedoel je '{close[0]}'?" if close else f"; zet het eerst in data/{FACTS_FILE}"
                yield number, "", f"het feit '{key}' bestaat niet{hint}"
