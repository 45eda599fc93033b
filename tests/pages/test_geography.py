"""Where programmes work and which are nearest (pages/geography.py): MapIndex on real and random programmes."""

from __future__ import annotations

import dataclasses
import random

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.gazetteer import PROVINCES, distance_km
from kennisbank.model.records import Area
from kennisbank.pages.geography import MapIndex

from ..conftest import TODAY

#: The first two programmes on the map: the real content grows, these two stay (as in test_socialmap.py).
STARTING_PAIR = ("fsan-vrouwenbesnijdenis", "haarlem-zandvoort-gezondheid")


@pytest.fixture(scope="module")
def catalogue(layout):
    real = check_all(layout, today=TODAY)
    return dataclasses.replace(real, programmes=tuple(p for p in real.programmes if p.slug in STARTING_PAIR))


@pytest.fixture(scope="module")
def gazetteer(catalogue):
    return catalogue.context.gazetteer


def synthetic(catalogue, slug, name, area):
    """A made-up programme (in memory only), copied from a real one with another name and area."""
    return dataclasses.replace(catalogue.programmes[0], slug=slug, name=name, area=area, path=f"programmas/{slug}.yml")


def nearest(catalogue, gazetteer, place, *areas, limit=5):
    """(slug, km rounded to 0.1) of the nearest programmes to ``place`` among programmes with these areas."""
    programmes = [synthetic(catalogue, f"p-{n}", f"Programma {n}", area) for n, area in enumerate(areas)]
    return [(n.programme.slug, round(n.distance_km, 1)) for n in MapIndex(programmes, gazetteer).nearest(gazetteer.lookup(place), limit)]


def test_local_means_the_municipality_or_its_whole_province(catalogue, gazetteer):
    areas = {"both": Area(municipalities=("Haarlem", "Zandvoort")), "province": Area(provinces=("Noord-Holland",)),
             "utrecht": Area(provinces=("Utrecht",)), "national": Area(national=True), "zandvoort": Area(municipalities=("Zandvoort",))}
    index = MapIndex([synthetic(catalogue, slug, slug, area) for slug, area in areas.items()], gazetteer)
    assert [p.slug for p in index.local(gazetteer.lookup("Haarlem"))] == ["both", "province"]
    assert [p.slug for p in index.national] == ["national"]


def test_distances_to_known_places(catalogue, gazetteer):
    assert nearest(catalogue, gazetteer, "Maastricht", Area(municipalities=("Haarlem",))) == [("p-0", 185.1)]
    # the nearest municipality of an area counts: Haarlem is closer to Maastricht than Zandvoort (186.2 km)
    assert nearest(catalogue, gazetteer, "Maastricht", Area(municipalities=("Zandvoort", "Haarlem"))) == [("p-0", 185.1)]
    assert nearest(catalogue, gazetteer, "Amsterdam", Area(municipalities=("Utrecht",))) == [("p-0", 33.6)]
    assert nearest(catalogue, gazetteer, "Maastricht", Area(municipalities=("Maastricht",)), Area(national=True)) == []  # local, national


def test_a_province_counts_by_its_nearest_municipality(catalogue, gazetteer):
    amsterdam = gazetteer.lookup("Amsterdam")
    closest = min(distance_km((amsterdam.lat, amsterdam.lon), (m.lat, m.lon)) for m in gazetteer.by_province("Utrecht"))
    assert nearest(catalogue, gazetteer, "Amsterdam", Area(provinces=("Utrecht",))) == [("p-0", round(closest, 1))]
    assert closest < 33.6  # some Utrecht municipality is closer than the city of Utrecht


def test_nearest_programmes_are_sorted_by_distance_and_limited(catalogue, gazetteer):
    areas = [Area(municipalities=("Utrecht",)), Area(municipalities=("Zaanstad",)), Area(municipalities=("Maastricht",)),
             Area(municipalities=("Amsterdam",)), Area(national=True)]
    assert nearest(catalogue, gazetteer, "Amsterdam", *areas, limit=2) == [("p-1", 13.5), ("p-0", 33.6)]
    assert [slug for slug, _ in nearest(catalogue, gazetteer, "Amsterdam", *areas, limit=10)] == ["p-1", "p-0", "p-2"]


def test_nearest_agrees_with_the_rule_on_random_programmes(catalogue, gazetteer):
    """The index's walk from near to far gives what the rule gives by brute force: the distance to the nearest place."""
    rng = random.Random(7)
    names = [m.name for m in gazetteer.municipalities]
    programmes = []
    for n in range(120):
        area = Area(provinces=(rng.choice(PROVINCES),)) if n % 10 == 0 else Area(municipalities=tuple(rng.sample(names, rng.randint(1, 3))))
        programmes.append(synthetic(catalogue, f"p-{n}", f"Programma {rng.randint(1, 40)}", area))
    index = MapIndex(programmes, gazetteer)
    for place in rng.sample(list(gazetteer.municipalities), 25):
        here = (place.lat, place.lon)
        rule = []
        for p in programmes:
            towns = [gazetteer.lookup(name) for name in p.area.municipalities]
            towns += [m for province in p.area.provinces for m in gazetteer.by_province(province)]
            if place not in towns:
                rule.append((min(distance_km(here, (m.lat, m.lon)) for m in towns), p.name.lower(), p.slug))
        expected = [(slug, round(km, 6)) for km, _, slug in sorted(rule)[:5]]
        assert [(n.programme.slug, round(n.distance_km, 6)) for n in index.nearest(place)] == expected


def test_view_for_a_municipality_far_from_any_programme(catalogue, gazetteer):
    view = MapIndex(catalogue.programmes, gazetteer).view(gazetteer.lookup("Maastricht"))
    assert view.local == ()
    assert [p.slug for p in view.national] == ["fsan-vrouwenbesnijdenis"]
    assert [(n.programme.slug, round(n.distance_km)) for n in view.nearby] == [("haarlem-zandvoort-gezondheid", 185)]


def test_view_for_haarlem_has_its_programme_and_no_nearby_duplicate(catalogue, gazetteer):
    view = MapIndex(catalogue.programmes, gazetteer).view(gazetteer.lookup("Haarlem"))
    assert [p.slug for p in view.local] == ["haarlem-zandvoort-gezondheid"]
    assert view.nearby == ()


def test_covered_municipalities_include_whole_provinces(catalogue, gazetteer):
    programmes = [synthetic(catalogue, "zeeland", "Zeeland breed", Area(provinces=("Zeeland",))),
                  synthetic(catalogue, "landelijk", "Landelijk", Area(national=True))]
    covered = MapIndex(programmes, gazetteer).covered()
    assert {m.name for m in covered} == {m.name for m in gazetteer.by_province("Zeeland")}
