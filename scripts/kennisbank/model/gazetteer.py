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
shared instance can wrap :func:`load_gazetteer` in :func:`functools.cache`. The files are read as
every source is (:func:`kennisbank.model.loading.read_text`: no symlinks, at most 1 MB, UTF-8), and
each mistake in them is a :class:`Problem` with its line.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .loading import read_text
from .problems import Problem, Severity

__all__ = [
    "PROVINCES",
    "PROVINCE_ALIASES",
    "FormerMunicipality",
    "Gazetteer",
    "Municipality",
    "distance_km",
    "load_gazetteer",
    "normalise",
    "read_gazetteer",
    "slug_of",
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
PROVINCE_ALIASES: dict[str, tuple[str, ...]] = {
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
        return slug_of(self.name)


def slug_of(name: str) -> str:
    """URL slug of a place name: ``"'s-Gravenhage"`` -> ``"s-gravenhage"``, ``"Den Bosch"`` -> ``"den-bosch"``."""
    return _NON_ALNUM.sub("-", _fold(name)).strip("-")


@dataclass(frozen=True)
class FormerMunicipality:
    """A municipality dissolved by a merger; ``successor`` is the name of a current one."""

    name: str
    dissolved: datetime.date
    successor: str


#: The most look-ups a gazetteer remembers (see Gazetteer.lookup).
MAX_REMEMBERED = 20_000


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
        # What lookup() found for a text, as written: pages look up the same few hundred names again and again
        # (about 400,000 times at 10,000 programmes). Bounded, so no input can make it grow without end.
        self._found: dict[str, Municipality | None] = {}
        self._provinces: dict[str, str] = {}
        for province in PROVINCES:
            for label in (province, *PROVINCE_ALIASES.get(province, ())):
                self._provinces[normalise(label)] = province

    def lookup(self, text: str) -> Municipality | None:
        """Find a current municipality by official name, alias or CBS code.

        Forgiving as described in :func:`normalise`; a leading "gemeente" is ignored,
        and a code may be written ``"GM0363"``, ``"gm 0363"`` or ``"0363"``.
        Returns None for unknown or ambiguous text.
        """
        if text in self._found:
            return self._found[text]
        code = _CODE.fullmatch(text.strip())
        found = self._by_code.get("GM" + code.group(1).zfill(4)) if code else self._by_key.get(_strip_prefix(normalise(text), ("gemeente",)))
        if len(self._found) < MAX_REMEMBERED:
            self._found[text] = found
        return found

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


CURRENT = "gemeenten.csv"
FORMER = "voormalige_gemeenten.csv"
_COLUMNS = {CURRENT: ("code", "naam", "provincie", "lat", "lon", "aliassen"), FORMER: ("naam", "opgeheven", "opvolger")}


#: The longest value of a cell: names and aliases are short. Our own limit, because csv's is one for the whole
#: process, and a library may raise it (frictionless does, when it is imported).
MAX_VALUE_LENGTH = 10_000
TOO_LONG = "een waarde is te lang"


def _shown(value: str) -> str:
    """A value for a message: at most 60 characters of it."""
    return f"'{value[:60]}…'" if len(value) > 60 else f"'{value}'"


def _rows(text: str, path: str, columns: tuple[str, ...]) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """Rows of a CSV text with their line numbers, and a problem for each row that does not fit the header."""
    rows: list[tuple[int, dict[str, str]]] = []
    problems: list[Problem] = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            return [], [Problem(path, 1, "", f"de kop mist de kolommen {', '.join(missing)}; de eerste regel moet zijn: {','.join(columns)}")]
        for row in reader:
            if any(len(value) > MAX_VALUE_LENGTH for value in row.values() if isinstance(value, str)):
                problems.append(Problem(path, reader.line_num, "", f"hier kan de CSV niet verder gelezen worden; {TOO_LONG}"))
                break
            if None in row:
                problems.append(Problem(path, reader.line_num, "", f"deze regel heeft meer waarden dan de kop ({len(reader.fieldnames)}); "
                                                                   "zet een waarde met een komma tussen aanhalingstekens"))
            elif any(value is None for value in row.values()):
                problems.append(Problem(path, reader.line_num, "", f"deze regel heeft minder waarden dan de kop ({len(reader.fieldnames)}); "
                                                                   "vul de ontbrekende aan, ook als ze leeg zijn ('a,,c')"))
            else:
                rows.append((reader.line_num, row))
    except csv.Error:  # without strict=True, csv's only error: a value longer than its limit
        problems.append(Problem(path, reader.line_num + 1, "", f"hier kan de CSV niet verder gelezen worden; {TOO_LONG}"))  # the line being read
    return rows, problems


def _municipality(row: dict[str, str]) -> tuple[Municipality | None, list[tuple[str, str]]]:
    """One row of gemeenten.csv as a municipality, or the (column, message) of what is wrong with it."""
    wrong = []
    if not re.fullmatch(r"GM\d{4}", row["code"]):
        wrong.append(("code", f"{_shown(row['code'])} heeft niet de vorm GM0000"))
    if row["provincie"] not in PROVINCES:
        wrong.append(("provincie", f"onbekende provincie {_shown(row['provincie'])}; toegestaan: {', '.join(PROVINCES)}"))
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        lat = lon = math.nan
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # also false for nan
        wrong.append(("lat", "lat en lon moeten graden zijn, zoals 52.0907 en 5.1214"))
    if not row["naam"].strip():
        wrong.append(("naam", "de naam ontbreekt"))
    if wrong:
        return None, wrong
    aliases = tuple(a.strip() for a in row["aliassen"].split(";") if a.strip())
    return Municipality(row["code"], row["naam"].strip(), row["provincie"], lat, lon, aliases), []


def _former(row: dict[str, str], names: set[str] | None) -> Iterator[tuple[str, str]]:
    """(column, message) for what is wrong with one row of voormalige_gemeenten.csv (``names``: None when gemeenten.csv has errors)."""
    if not _iso_date(row["opgeheven"]):
        yield "opgeheven", f"de datum {_shown(row['opgeheven'])} heeft niet de vorm JJJJ-MM-DD"
    if names is not None and row["opvolger"] not in names:
        yield "opvolger", f"de opvolger {_shown(row['opvolger'])} staat niet in {CURRENT}"


def _iso_date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def read_gazetteer(data_dir: Path, root: Path) -> tuple[Gazetteer | None, list[Problem]]:
    """Read and check ``gemeenten.csv`` and ``voormalige_gemeenten.csv`` from ``data_dir``.

    None when a file cannot be used; the problems (each with file and line) say why.
    """
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for name in (CURRENT, FORMER):
        text, found = read_text(Path(data_dir) / name, root)
        problems += found
        if text is not None:
            texts[name] = text
    if len(texts) < 2:
        return None, problems
    where = {name: (Path(data_dir) / name).relative_to(root).as_posix() for name in texts}
    rows, found = _rows(texts[CURRENT], where[CURRENT], _COLUMNS[CURRENT])
    problems += found
    municipalities = []
    for line, row in rows:
        municipality, wrong = _municipality(row)
        problems += [Problem(where[CURRENT], line, column, message) for column, message in wrong]
        if municipality:
            municipalities.append(municipality)
    # A successor is looked up only in a gemeenten.csv without errors, so that one broken row does not make every merger wrong.
    names = None if problems else {m.name for m in municipalities}
    rows, found = _rows(texts[FORMER], where[FORMER], _COLUMNS[FORMER])
    problems += found
    former = []
    for line, row in rows:
        wrong = list(_former(row, names))
        problems += [Problem(where[FORMER], line, column, message) for column, message in wrong]
        if not wrong:
            former.append(FormerMunicipality(row["naam"].strip(), _iso_date(row["opgeheven"]), row["opvolger"]))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return Gazetteer(municipalities, former), problems


def load_gazetteer(data_dir: Path) -> Gazetteer:
    """Read the two files for a tool or a test; raises ValueError with every problem when they cannot be used."""
    data_dir = Path(data_dir)
    gazetteer, problems = read_gazetteer(data_dir, data_dir.parent)
    if gazetteer is None:
        raise ValueError("\n".join(p.format() for p in problems))
    return gazetteer


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance in kilometres between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
