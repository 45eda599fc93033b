"""Controlled vocabularies: themes, roles, communities, payment models, languages.

The vocabularies live in ``data/vocabulaire.yml`` so that contributors can read
and extend them; languages come from ISO 639-1 via pycountry, with Dutch names.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry
import yaml

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


def load_vocabularies(path: Path) -> Vocabularies:
    """Read ``vocabulaire.yml``; each list maps a key to a label and an explanation."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Vocabularies(
        {
            name: tuple(Term(key, str(v["label"]), str(v["uitleg"])) for key, v in entries.items())
            for name, entries in raw.items()
        }
    )


@cache
def languages() -> dict[str, str]:
    """ISO 639-1 codes mapped to their Dutch names (e.g. ``so`` → ``Somali``)."""
    dutch = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)
    return {
        lang.alpha_2: dutch.gettext(lang.name)
        for lang in pycountry.languages
        if hasattr(lang, "alpha_2")
    }
