"""Dutch municipalities (gemeenten): names, codes, provinces, centres and forgiving look-ups.

The data lives in two CSV files in ``data/`` (see ``data/GEMEENTEN.md`` for sources):

- ``gemeenten.csv``: every current municipality, with its CBS code, official name,
  province, approximate centre and common alternative names;
- ``voormalige_gemeenten.csv``: municipalities dissolved by a merger since 2015,
  with the date and the current municipality they became part of.

Matching is forgiving: case, diacritics, hyphens, apostrophes, dots and extra spaces
do not matter, and the prefix ``'s`` is optional. So ``"sudwest fryslan"`` finds
Súdwest-Fryslân and ``"Hertogenbosch"``, ``"s hertogenbosch"`` and ``"'s-Hertogenbosch"``
all find 's-Hertogenbosch. Alternative names such as "Den Haag" are aliases in the data.

Standard library only; nothing is cached in module state, so callers that want one
shared instance can wrap :func:`load_gazetteer` in :func:`functools.cache`.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "PROVINCES",
    "FormerMunicipality",
    "Gazetteer",
    "Municipality",
    "distance_km",
    "load_gazetteer",
    "normalise",
]

PROVINCES: tuple[str, ...] = (
    "Groningen",
    "Fryslân",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
)

# Other names for provinces: the former Dutch name of Fryslân, short and English names,
# and the ISO 3166-2 codes.
_PROVINCE_ALIASES: dict[str, tuple[str, ...]] = {
    "Groningen": ("NL-GR",),
    "Fryslân": ("Friesland", "NL-FR"),
    "Drenthe": ("NL-DR",),
    "Overijssel": ("NL-OV",),
    "Flevoland": ("NL-FL",),
    "Gelderland": ("NL-GE",),
    "Utrecht": ("NL-UT",),
    "Noord-Holland": ("NH", "North Holland", "NL-NH"),
    "Zuid-Holland": ("ZH", "South Holland", "NL-ZH"),
    "Zeeland": ("NL-ZE",),
    "Noord-Brabant": ("NB", "Brabant", "North Brabant", "NL-NB"),
    "Limburg": ("NL-LI",),
}

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
SUGGEST_CUTOFF = 0.8  # difflib similarity needed for a did-you-mean suggestion

_DROPPED = str.maketrans("", "", "'’‘`´.")  # removed outright, so "N.H." == "NH"
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_CODE = re.compile(r"(?:GM)?\s*(\d{1,4})", re.IGNORECASE)
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")  # "(L.)", "(NH.)": which of two municipalities of one name


def _fold(text: str) -> str:
    """Lower case without diacritics or apostrophes and dots: ``"'s-Súd.A"`` -> ``"s-sud a"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_DROPPED)


def normalise(text: str) -> str:
    """Return a comparison key for a place name.

    Lower case; diacritics, apostrophes and dots removed; every other run of
    non-alphanumeric characters (hyphens, commas, brackets, spaces) becomes one
    space. A leading ``'s`` is dropped, so ``"'s-Hertogenbosch"``,
    ``"s hertogenbosch"`` and ``"Hertogenbosch"`` all give ``"hertogenbosch"``,
    and ``"Súdwest-Fryslân"`` gives ``"sudwest fryslan"``.

    Alternative names ("Den Haag" for 's-Gravenhage) are not handled here but by
    the aliases in the data, see :meth:`Gazetteer.lookup`.
    """
    words = _NON_ALNUM.sub(" ", _fold(text)).split()
    if len(words) > 1 and words[0] == "s":
        words = words[1:]
    return " ".join(words)


def _strip_prefix(key: str, prefixes: Iterable[str]) -> str:
    """Drop a leading word such as "gemeente" from a normalised key."""
    for prefix in prefixes:
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1 :]
    return key


@dataclass(frozen=True)
class Municipality:
    """A current Dutch municipality."""

    code: str  # CBS code, e.g. "GM0363"
    name: str  # official name, e.g. "'s-Gravenhage"
    province: str  # one of PROVINCES
    lat: float  # approximate centre, WGS84
    lon: float
    aliases: tuple[str, ...] = ()  # common alternative names, e.g. ("Den Haag",)

    @property
    def slug(self) -> str:
        """URL slug of the name: ``"s-gravenhage"``, ``"sudwest-fryslan"``, ``"bergen-nh"``."""
        return _NON_ALNUM.sub("-", _fold(self.name)).strip("-")


@dataclass(frozen=True)
class FormerMunicipality:
    """A municipality dissolved by a merger; ``successor`` is the name of a current one."""

    name: str
    dissolved: datetime.date
    successor: str


class Gazetteer:
    """Look-ups over the current and former municipalities."""

    def __init__(self, municipalities: Iterable[Municipality], former: Iterable[FormerMunicipality] = ()) -> None:
        self.municipalities: tuple[Municipality, ...] = tuple(municipalities)
        self.former: tuple[FormerMunicipality, ...] = tuple(former)
        self._by_code = {m.code: m for m in self.municipalities}
        # Normalised key -> municipality, or None where two municipalities share an alias.
        self._by_key: dict[str, Municipality | None] = {}
        # Normalised key -> the spelling to show in a suggestion.
        self._labels: dict[str, str] = {}
        for m in self.municipalities:
            key = normalise(m.name)
            self._by_key[key] = m
            self._labels[key] = m.name
        official = set(self._by_key)
        self._by_base: dict[str, list[Municipality]] = {}  # see below; an alias of two municipalities is one too
        for m in self.municipalities:
            for alias in m.aliases:
                key = normalise(alias)
                if key in official:  # an official name always wins over an alias
                    continue
                if key in self._by_key and self._by_key[key] is not m:
                    shared = self._by_base.setdefault(key, [])
                    shared += [x for x in (self._by_key[key], m) if x is not None and x not in shared]
                    self._by_key[key] = None  # the alias of two municipalities: ambiguous
                else:
                    self._by_key[key] = m
                    self._labels.setdefault(key, alias)
        # A name without its qualifier ("Bergen" for "Bergen (L.)" and "Bergen (NH.)") -> every municipality it may mean.
        for m in self.municipalities:
            base = normalise(_QUALIFIER.sub("", m.name))
            if base != normalise(m.name):
                self._by_base.setdefault(base, []).append(m)
        self._former_by_key = {normalise(f.name): f for f in self.former}
        self._provinces: dict[str, str] = {}
        for province in PROVINCES:
            for label in (province, *_PROVINCE_ALIASES.get(province, ())):
                self._provinces[normalise(label)] = province

    def lookup(self, text: str) -> Municipality | None:
        """Find a current municipality by official name, alias or CBS code.

        Forgiving as described in :func:`normalise`; a leading "gemeente" is ignored,
        and a code may be written ``"GM0363"``, ``"gm 0363"`` or ``"0363"``.
        Returns None for unknown or ambiguous text.
        """
        code = _CODE.fullmatch(text.strip())
        if code:
            return self._by_code.get("GM" + code.group(1).zfill(4))
        return self._by_key.get(_strip_prefix(normalise(text), ("gemeente",)))

    def province(self, text: str) -> str | None:
        """Official name of a province, forgivingly matched: ``"friesland"`` -> ``"Fryslân"``."""
        return self._provinces.get(_strip_prefix(normalise(text), ("provincie", "province")))

    def candidates(self, text: str) -> tuple[Municipality, ...]:
        """Every municipality a name may mean when it needs a qualifier: ``"Bergen"`` -> Bergen (L.), Bergen (NH.).

        Empty when the name is unknown, or when it means one municipality (see :meth:`lookup`).
        """
        if self.lookup(text):
            return ()
        return tuple(self._by_base.get(_strip_prefix(normalise(text), ("gemeente",)), ()))

    def former_successor(self, text: str) -> Municipality | None:
        """The current municipality that a former one became part of (the main one if it was split)."""
        former = self._former_by_key.get(_strip_prefix(normalise(text), ("gemeente",)))
        return self.lookup(former.successor) if former else None

    def suggest(self, text: str) -> str | None:
        """Did-you-mean: the official name or alias closest to ``text``, or None if nothing is close.

        The spelling returned is the one the text resembles: ``"Den Hag"`` -> ``"Den Haag"``,
        ``"Amsterdm"`` -> ``"Amsterdam"``.
        """
        key = _strip_prefix(normalise(text), ("gemeente",))
        if not key:
            return None
        matches = difflib.get_close_matches(key, self._labels, n=1, cutoff=SUGGEST_CUTOFF)
        return self._labels[matches[0]] if matches else None

    def by_province(self, province: str) -> tuple[Municipality, ...]:
        """The municipalities in a province (forgivingly matched); empty for an unknown province."""
        official = self.province(province)
        return tuple(m for m in self.municipalities if m.province == official) if official else ()


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV file with their line numbers; the header must hold ``columns``."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: kolommen ontbreken: {', '.join(missing)}")
        return [(reader.line_num, row) for row in reader]


def load_gazetteer(data_dir: Path) -> Gazetteer:
    """Read ``gemeenten.csv`` and ``voormalige_gemeenten.csv`` from ``data_dir``.

    Raises ValueError, with file and line, when a value is invalid.
    """
    data_dir = Path(data_dir)
    municipalities = []
    path = data_dir / "gemeenten.csv"
    for line, row in _read_rows(path, ("code", "naam", "provincie", "lat", "lon", "aliassen")):
        where = f"{path}:{line}"
        if not re.fullmatch(r"GM\d{4}", row["code"]):
            raise ValueError(f"{where}: code {row['code']!r} heeft niet de vorm GM0000")
        if row["provincie"] not in PROVINCES:
            raise ValueError(f"{where}: onbekende provincie {row['provincie']!r}; toegestaan: {', '.join(PROVINCES)}")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            raise ValueError(f"{where}: lat en lon moeten getallen zijn") from None
        aliases = tuple(a.strip() for a in row["aliassen"].split(";") if a.strip())
        municipalities.append(Municipality(row["code"], row["naam"].strip(), row["provincie"], lat, lon, aliases))

    names = {m.name for m in municipalities}
    former = []
    path = data_dir / "voormalige_gemeenten.csv"
    for line, row in _read_rows(path, ("naam", "opgeheven", "opvolger")):
        where = f"{path}:{line}"
        try:
            dissolved = datetime.date.fromisoformat(row["opgeheven"])
        except ValueError:
            raise ValueError(f"{where}: datum {row['opgeheven']!r} heeft niet de vorm JJJJ-MM-DD") from None
        if row["opvolger"] not in names:
            raise ValueError(f"{where}: opvolger {row['opvolger']!r} staat niet in gemeenten.csv")
        former.append(FormerMunicipality(row["naam"].strip(), dissolved, row["opvolger"]))
    return Gazetteer(municipalities, former)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance in kilometres between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
