"""Controlled vocabularies: themes, roles, communities, payment models, languages.

The vocabularies live in ``data/vocabulaire.yml`` so that contributors can read
and extend them; languages come from ISO 639-1 via pycountry, with Dutch names.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from .loading import Source, parse_yaml, read_text
from .problems import Problem, Severity

#: The Dutch name of a single value of each vocabulary, used in messages.
SINGULAR = {
    "rollen": "rol",
    "themas": "thema",
    "vergoeding": "vergoedingsvorm",
    "doelgroepen": "doelgroep",
    "doelgroep_gids": "doelgroep",
    "categorieen": "categorie",
    "status": "status",
}
#: "bekend" or "bekende": Dutch adjectives follow the noun's gender (het thema, de rol).
KNOWN = {"themas": "bekend", "status": "bekende"}
#: The vocabularies the content model uses (each has a singular name above); the file must have them all.
REQUIRED = tuple(SINGULAR)
TERM = "per waarde een sleutel met daaronder 'label' en 'uitleg'"


@dataclass(frozen=True)
class Term:
    """One allowed value: its key, Dutch label and explanation."""

    key: str
    label: str
    description: str


@dataclass(frozen=True)
class Vocabularies:
    """All controlled vocabularies, by name (``rollen``, ``themas``, …)."""

    lists: dict[str, tuple[Term, ...]]

    def keys(self, name: str) -> tuple[str, ...]:
        """The allowed keys of one vocabulary, in file order."""
        return tuple(term.key for term in self.lists[name])

    def label(self, name: str, key: str) -> str:
        """The Dutch label of a key."""
        return self.term(name, key).label

    def term(self, name: str, key: str) -> Term:
        """The term for a key of a vocabulary."""
        return next(t for t in self.lists[name] if t.key == key)


def rule_vocabularies(raw: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(field path, message) for each part of the vocabulary file that is not a list of terms."""
    for name in REQUIRED:
        if name not in raw:
            yield name, f"deze woordenlijst ontbreekt; de bronbestanden gebruiken haar. Zet haar terug: {TERM}"
    for name, entries in raw.items():
        if not isinstance(entries, dict) or (not entries and name in REQUIRED):
            yield name, f"moet een woordenlijst zijn: {TERM}"
            continue
        for key, term in entries.items():
            if not isinstance(term, dict):
                yield f"{name}.{key}", "moet 'label' en 'uitleg' hebben"
                continue
            for part in ("label", "uitleg"):
                if not isinstance(term.get(part), str) or not term[part].strip():
                    yield f"{name}.{key}.{part}", "dit verplichte veld ontbreekt of is geen tekst"


def read_vocabularies(file: Path, root: Path) -> tuple[Vocabularies | None, list[Problem]]:
    """Read and check ``vocabulaire.yml`` (each list maps a key to a label and an explanation), as every source is read.

    None when the file cannot be used; the problems say why.
    """
    text, problems = read_text(file, root)
    if text is None:
        return None, problems
    path = file.relative_to(root).as_posix()
    raw, lines, found = parse_yaml(text, path, 1)
    problems += found
    if raw is None:
        return None, problems
    source = Source(path, raw, lines)
    wrong = [Problem(path, source.line_of(field), field, message) for field, message in rule_vocabularies(raw)]
    if wrong:
        return None, problems + wrong
    return Vocabularies({name: tuple(Term(key, v["label"], v["uitleg"]) for key, v in entries.items())
                         for name, entries in raw.items()}), problems


def load_vocabularies(path: Path) -> Vocabularies:
    """Read ``vocabulaire.yml`` for a tool; raises ValueError with every problem when it cannot be used."""
    vocabularies, problems = read_vocabularies(path, path.parent)
    if vocabularies is None or any(p.severity is Severity.ERROR for p in problems):
        raise ValueError("\n".join(p.format() for p in problems))
    return vocabularies


@cache
def languages() -> dict[str, str]:
    """ISO 639-1 codes mapped to their Dutch names (e.g. ``so`` → ``Somali``)."""
    dutch = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)
    return {
        lang.alpha_2: dutch.gettext(lang.name)
        for lang in pycountry.languages
        if hasattr(lang, "alpha_2")
    }
