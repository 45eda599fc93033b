"""The rules that exist twice, in Python and in the map's JavaScript, agree on many generated inputs.

Name normalising and look-up (model/gazetteer.py, sociale-kaart/namen.js), distance and the nearest
programmes (pages/geography.py, sociale-kaart/afstand.js and filters.js), the column encoding
(pages/mapdata.py, sociale-kaart/gegevens.js) and months and dates (pages/common.py, sociale-kaart/tekst.js).
Each test makes hundreds of inputs from a fixed seed, runs the modules once in Node over all of them,
and compares every answer with Python's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import unicodedata

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.gazetteer import PROVINCES, Gazetteer, Municipality, distance_km, normalise
from kennisbank.model.records import Area
from kennisbank.pages import geography, mapdata
from kennisbank.pages.common import MONTHS, dutch_date

from ..conftest import TODAY
from ..support.node import run_module

SEED = 18
#: What a visitor may type in the municipality box: ASCII, the Latin letters of European place names, apostrophes.
ALPHABET = ([chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xC0, 0x180) if c not in (0xD7, 0xF7)]
            + list("’‘´`·ẞ"))


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=TODAY)


def noise(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24))) for _ in range(count)]


def without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def spellings(gazetteer: Gazetteer) -> list[str]:
    """Every official, alternative and former name, as written and as a visitor might type it."""
    names = [m.name for m in gazetteer.municipalities] + [a for m in gazetteer.municipalities for a in m.aliases]
    names += [f.name for f in gazetteer.former]
    variants = [v for n in names for v in (n, n.upper(), without_accents(n).lower(), f"gemeente {n}", f"  {n.replace('-', ' ')} ")]
    return variants + [f"'s-{n}" for n in names[:40]] + [n[:-1] for n in names[:40]]


def test_normalise_agrees(catalogue):
    texts = noise(random.Random(SEED), 1500) + spellings(catalogue.context.gazetteer)
    js = run_module({"sociale-kaart/namen.js": ["normalise"]}, "return data.map(normalise);", texts)
    assert len(js) == len(texts) > 1500
    assert [(t, k) for t, k in zip(texts, js, strict=True) if k != normalise(t)] == []


def test_lookup_agrees_on_every_name_and_on_noise(catalogue):
    """The map's box finds what the gazetteer finds: official names, aliases, former names (as their successor)."""
    gazetteer = catalogue.context.gazetteer
    index = mapdata.client_index(catalogue)
    texts = spellings(gazetteer) + noise(random.Random(SEED + 1), 500)
    js = run_module({"sociale-kaart/gegevens.js": ["geography"], "sociale-kaart/namen.js": ["nameIndex"]}, """
        const { towns } = geography(data.index);
        const names = nameIndex(towns, data.index.gemeenten.map((row) => row[5]), data.index.voormalig);
        return data.texts.map((text) => { const town = names.lookup(text); return town ? town.name : null; });
    """, {"index": index, "texts": texts})
    python = [(m.name if (m := gazetteer.lookup(t) or gazetteer.former_successor(t)) else None) for t in texts]
    assert sum(1 for name in python if name) > 1500
    assert [(t, j, p) for t, j, p in zip(texts, js, python, strict=True) if j != p] == []


def test_distance_agrees():
    rng = random.Random(SEED)
    near = [((rng.uniform(50.7, 53.6), rng.uniform(3.3, 7.3)), (rng.uniform(50.7, 53.6), rng.uniform(3.3, 7.3))) for _ in range(400)]
    far = [((rng.uniform(-80, 80), rng.uniform(-180, 180)), (rng.uniform(-80, 80), rng.uniform(-180, 180))) for _ in range(200)]
    pairs = [*near, *far, ((52.0, 5.0), (52.0, 5.0))]
    js = run_module({"sociale-kaart/afstand.js": ["distanceKm"]}, "return data.map(([a, b]) => distanceKm(a, b));", pairs)
    assert js == pytest.approx([distance_km(a, b) for a, b in pairs], rel=1e-12, abs=1e-9)


def world(catalogue, seed: int, *, real_towns: bool):
    """A catalogue with random programmes (national, per municipality, per province) in a real or made-up country."""
    rng = random.Random(seed)
    if real_towns:
        gazetteer = catalogue.context.gazetteer
    else:
        provinces = [*PROVINCES, *(rng.choice(PROVINCES) for _ in range(68))]  # every province at least once
        gazetteer = Gazetteer(Municipality(f"GM{n:04d}", f"Plaats {n}", province, rng.uniform(50.7, 53.6), rng.uniform(3.3, 7.3))
                              for n, province in enumerate(provinces))
    names = [m.name for m in gazetteer.municipalities]
    programmes = []
    # Sparse enough that many municipalities have no programme of their own, so the nearest rule is used.
    for n in range(120 if real_towns else rng.randint(12, 30)):
        kind = rng.random()
        area = (Area(national=True) if kind < 0.1 else Area(provinces=(rng.choice(PROVINCES),)) if kind < 0.14
                else Area(municipalities=tuple(rng.sample(names, rng.randint(1, 3)))))
        # Names repeat on purpose: programmes at the same distance are then ordered by slug.
        programmes.append(dataclasses.replace(catalogue.programmes[0], slug=f"p-{n:03d}", name=f"Programma {rng.randint(1, 30)}",
                                              area=area, path=f"programmas/p-{n:03d}.yml"))
    context = dataclasses.replace(catalogue.context, gazetteer=gazetteer)
    return dataclasses.replace(catalogue, programmes=tuple(programmes), context=context)


@pytest.mark.parametrize(("seed", "real_towns"), [(SEED, True), (SEED + 1, False), (SEED + 2, False), (SEED + 3, False)])
def test_local_and_nearest_programmes_agree(catalogue, seed, real_towns):
    """For every municipality: the same programmes work there, and without one the same nearest five, as far away."""
    cat = world(catalogue, seed, real_towns=real_towns)
    gazetteer = cat.context.gazetteer
    js = run_module({"sociale-kaart/afstand.js": ["distanceTable"], "sociale-kaart/filters.js": ["compute", "emptyState"],
                     "sociale-kaart/gegevens.js": ["geography"]}, """
        const { towns, provinceMembers } = geography(data.index);
        const map = { data: data.index, towns, columns: data.columns, matchers: {}, distancesFrom: distanceTable(towns, provinceMembers) };
        return towns.map((town) => {
          const view = compute(map, { ...emptyState(), gemeente: town, provincie: town.province });
          return { local: view.local.map((item) => item.i), nearby: view.nearby.map((item) => [item.i, item.km]) };
        });
    """, {"index": mapdata.client_index(cat), "columns": mapdata.client_columns(cat)})
    order = [p.slug for p in mapdata.client_order(cat.programmes)]
    index = geography.MapIndex(cat.programmes, gazetteer)
    without_local = 0
    for municipality, answer in zip(gazetteer.municipalities, js, strict=True):
        local = [p.slug for p in index.local(municipality)]
        assert [order[i] for i in answer["local"]] == local, municipality.name
        if not local:
            without_local += 1
            nearest = index.nearest(municipality)
            assert [order[i] for i, _ in answer["nearby"]] == [n.programme.slug for n in nearest], municipality.name
            assert [km for _, km in answer["nearby"]] == pytest.approx([n.distance_km for n in nearest], rel=1e-9)
    assert without_local >= 10  # the nearest rule was compared, not only the local one


def test_column_encoding_agrees():
    rng = random.Random(SEED)
    columns = []
    for _ in range(300):
        width = rng.randint(1, 5)
        columns.append([[rng.randrange(64 ** width) for _ in range(rng.randint(0, 30))], width])
    js = run_module({"sociale-kaart/gegevens.js": ["decodeDigits"]},
                    "return data.map(([text, width]) => Array.from(decodeDigits(text, width)));",
                    [[mapdata.base64_column(numbers, width), width] for numbers, width in columns])
    assert js == [numbers for numbers, _ in columns]


def test_months_and_dates_agree():
    rng = random.Random(SEED)
    start = dt.date(1990, 1, 1)
    days = sorted({start + dt.timedelta(days=rng.randrange(50 * 366)) for _ in range(600)} | {dt.date(2024, m, 1) for m in range(1, 13)})
    js = run_module({"sociale-kaart/tekst.js": ["MONTHS", "dutchDate"]}, "return { months: MONTHS, dates: data.map(dutchDate) };",
                    [d.isoformat() for d in days])
    assert js["months"] == list(MONTHS)
    assert js["dates"] == [dutch_date(d) for d in days]
