"""Where programmes work and which are nearest: the geography of the social map.

:class:`MapIndex` answers "which programmes work in this municipality, and which are closest if
none do?". The map script repeats these rules (``nearestProgrammes`` and ``compute`` in
``overrides/assets/javascripts/sociale-kaart/``), so both must change together;
tests/javascript/test_parity.py compares the two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model.gazetteer import Gazetteer, Municipality, distance_km
from ..model.records import Area, Programme

NEAREST = 5  # how many nearby programmes a municipality without one gets


@dataclass(frozen=True)
class Nearby:
    """A programme that does not work in a municipality, and how far away it does."""

    programme: Programme
    distance_km: float


@dataclass(frozen=True)
class LocalView:
    """What the map shows for one municipality."""

    municipality: Municipality
    local: tuple[Programme, ...]
    national: tuple[Programme, ...]
    nearby: tuple[Nearby, ...]


def by_name(programmes: Iterable[Programme]) -> list[Programme]:
    """Programmes in alphabetical order."""
    return sorted(programmes, key=lambda p: (p.name.lower(), p.slug))


class MapIndex:
    """Programmes by the municipalities and provinces they name, for fast look-ups per municipality.

    A programme works in a municipality when its area names the municipality or its whole province;
    else its distance is that to the nearest municipality it names (a province counting by its nearest
    municipality). Built once per catalogue: a municipality page then costs a walk over the 342
    municipalities instead of a pass over every programme.
    """

    def __init__(self, programmes: Iterable[Programme], gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.programmes = by_name(programmes)
        self.national = tuple(p for p in self.programmes if p.area.national)
        self.by_town: dict[str, list[Programme]] = {}
        self.by_province: dict[str, list[Programme]] = {}
        for p in self.programmes:
            for name in p.area.municipalities:
                self.by_town.setdefault(name, []).append(p)
            for province in p.area.provinces:
                self.by_province.setdefault(province, []).append(p)

    def local(self, municipality: Municipality) -> list[Programme]:
        """Programmes that name the municipality or its province, alphabetically."""
        found = {p.slug: p for p in (*self.by_town.get(municipality.name, ()), *self.by_province.get(municipality.province, ()))}
        return by_name(found.values())

    def covered(self) -> list[Municipality]:
        """Municipalities where at least one regional programme works, in gazetteer order."""
        return [m for m in self.gazetteer.municipalities if m.name in self.by_town or m.province in self.by_province]

    def nearest(self, municipality: Municipality, limit: int = NEAREST) -> list[Nearby]:
        """The ``limit`` closest programmes that do not work in the municipality, closest first.

        Walks the municipalities from near to far; the first time a programme covers one is its distance.
        """
        here = (municipality.lat, municipality.lon)
        towns = sorted(((distance_km(here, (m.lat, m.lon)), m) for m in self.gazetteer.municipalities), key=lambda dm: dm[0])
        local = {p.slug for p in self.local(municipality)}
        seen: dict[str, Nearby] = {}
        for distance, town in towns:
            if len(seen) >= limit and distance > max(n.distance_km for n in seen.values()):
                break
            for p in (*self.by_town.get(town.name, ()), *self.by_province.get(town.province, ())):
                if p.slug not in local and p.slug not in seen:
                    seen[p.slug] = Nearby(p, distance)
        ordered = sorted(seen.values(), key=lambda n: (n.distance_km, n.programme.name.lower(), n.programme.slug))
        return ordered[:limit]

    def view(self, municipality: Municipality, limit: int = NEAREST) -> LocalView:
        """Programmes that work in a municipality, the national ones, and the nearest others."""
        return LocalView(municipality, tuple(self.local(municipality)), self.national, tuple(self.nearest(municipality, limit)))


def province_centre(gazetteer: Gazetteer, province: str) -> tuple[float, float]:
    """The mean of the centres of a province's municipalities (where the map puts province-wide programmes)."""
    members = gazetteer.by_province(province)
    return (sum(m.lat for m in members) / len(members), sum(m.lon for m in members) / len(members))


def area_points(area: Area, gazetteer: Gazetteer) -> list[tuple[float, float]]:
    """(lat, lon) of each municipality and province an area names."""
    points = [(m.lat, m.lon) for name in area.municipalities if (m := gazetteer.lookup(name))]
    return points + [province_centre(gazetteer, p) for p in area.provinces]
