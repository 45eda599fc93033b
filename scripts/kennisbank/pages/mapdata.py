"""Client data for the map script (``overrides/assets/javascripts/sociale-kaart.js``).

- a small index with what the first, unfiltered view needs (:func:`client_index`);
- the per-programme areas and filter values that the script loads only when a filter is first
  used (:func:`client_columns`);
- the texts of the list in chunks that the script loads only when it shows them (:func:`client_texts`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..model.checks import Catalogue
from ..model.gazetteer import PROVINCES, Gazetteer
from ..model.records import Programme
from .common import Generated, is_stale
from .geography import MapIndex
from .socialmap import FILTERS, filter_options

TEXT_CHUNK = 100  # programmes per text file of the client data


CLIENT_INDEX = "sociale-kaart/kaart.json"


CLIENT_COLUMNS = "sociale-kaart/kolommen.json"


MASK_BITS = 30  # a filter with at most this many values is stored as one bitmask per programme


DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"  # base 64, nothing to escape in JSON


CLIENT_TEXTS = "sociale-kaart/teksten"


def client_places(programme: Programme, gazetteer: Gazetteer, index: dict[str, int]) -> list[int]:
    """The places of a programme as the client numbers them: municipalities 0 and up, provinces -1, -2, …."""
    area = programme.area
    return [index[m.name] for n in area.municipalities if (m := gazetteer.lookup(n))] + [-1 - PROVINCES.index(v) for v in area.provinces]


def client_order(programmes: Iterable[Programme]) -> list[Programme]:
    """The order of programmes in the client data: those without a place (national) first, then by name.

    That is the unfiltered list order, so the first view needs only the number of national programmes.
    """
    return sorted(programmes, key=lambda p: (bool(p.area.municipalities or p.area.provinces), p.name.lower(), p.slug))


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _town_index(gazetteer: Gazetteer) -> dict[str, int]:
    return {m.name: i for i, m in enumerate(gazetteer.municipalities)}


def client_index(catalogue: Catalogue) -> dict[str, Any]:
    """What the map script needs for its first, unfiltered view: no per-programme data.

    ``start`` holds the number of national programmes (they come first in client order) and,
    per place (municipality index, or -1 - province index), how many programmes work there,
    for the markers. The per-programme columns are in :func:`client_columns`.
    """
    gazetteer, options = catalogue.context.gazetteer, filter_options(catalogue)
    index = _town_index(gazetteer)
    pages = {m.name for m in MapIndex(catalogue.programmes, gazetteer).covered()}  # the municipalities with a page
    areas = [client_places(p, gazetteer, index) for p in client_order(catalogue.programmes)]
    counts: dict[int, int] = {}
    for places in areas:
        for a in places:
            counts[a] = counts.get(a, 0) + 1
    return {
        "provincies": list(PROVINCES),
        "gemeenten": [[m.name, PROVINCES.index(m.province), m.lat, m.lon, m.slug if m.name in pages else "", list(m.aliases)]
                      for m in gazetteer.municipalities],
        "voormalig": [[f.name, index[f.successor]] for f in gazetteer.former],
        "filters": {param: [value for value, _ in values] for param, values in options.items()},
        "start": {"landelijk": sum(1 for places in areas if not places), "plaatsen": sorted(counts.items())},
        "aantal": len(areas),
        "blok": TEXT_CHUNK,
    }


def base64_column(numbers: list[int], width: int) -> str:
    """Numbers as one string of ``width`` base-64 digits each (most significant first).

    Much smaller after gzip than a JSON list of numbers, and cheap to read back with charCodeAt.
    """
    return "".join(DIGITS[n >> 6 * k & 63] for n in numbers for k in range(width - 1, -1, -1))


def _encode(values: list[list[int]], size: int, single: bool) -> tuple[list[Any], Any]:
    """A filter column in its smallest cheap form: one index or one bitmask per programme in
    fixed-width base-64 digits (kind ``[een|bit, width]``), or a list per programme (``lijst``)."""
    if single:
        width = max(1, -(-max(size - 1, 1).bit_length() // 6))
        return ["een", width], base64_column([v[0] for v in values], width)
    if size <= MASK_BITS:
        width = max(1, -(-size // 6))
        return ["bit", width], base64_column([sum(1 << i for i in set(v)) for v in values], width)
    return ["lijst", 0], values


def client_columns(catalogue: Catalogue) -> dict[str, Any]:
    """Per programme (client order) its places and filter values, loaded when a filter is first used.

    ``gebied`` holds per programme the indices of its municipalities (0 and up) and provinces
    (-1 for the first province, -2 for the second, …); an empty list means national. Each filter
    column has a kind and a width in ``soort``: ``een`` (the index of the one value) or ``bit``
    (a bitmask with bit i set for value i of ``filters``), each as ``width`` base-64 digits per
    programme in one string (see :func:`base64_column`), or ``lijst`` (a list of indices each).
    """
    gazetteer, options = catalogue.context.gazetteer, filter_options(catalogue)
    index = _town_index(gazetteer)
    programmes = client_order(catalogue.programmes)
    columns: dict[str, Any] = {"gebied": [client_places(p, gazetteer, index) for p in programmes], "soort": {}}
    for param, (_, attr) in FILTERS.items():
        position = {value: i for i, (value, _) in enumerate(options[param])}
        single = param == "vergoeding"
        values = [[position[v] for v in ([getattr(p, attr)] if single else getattr(p, attr))] for p in programmes]
        columns["soort"][param], columns[param] = _encode(values, len(options[param]), single)
    return columns


def client_area_text(programme: Programme, gazetteer: Gazetteer) -> str:
    """The area as the map list shows it: ``Haarlem, provincie Utrecht`` or ``Landelijk``."""
    parts = [m.name for n in programme.area.municipalities if (m := gazetteer.lookup(n))]
    parts += [f"provincie {v}" for v in programme.area.provinces]
    return ", ".join(parts) or "Landelijk"


def client_texts(catalogue: Catalogue) -> Iterator[list[list[Any]]]:
    """Chunks of [slug, name, organisation, summary, verified, stale, area] in client order."""
    ctx = catalogue.context
    programmes = client_order(catalogue.programmes)
    for start in range(0, len(programmes), TEXT_CHUNK):
        yield [[p.slug, p.name, p.organisation, p.summary, p.verified.isoformat(), int(is_stale(p.verified, ctx.today)),
                client_area_text(p, ctx.gazetteer)]
               for p in programmes[start:start + TEXT_CHUNK]]


def files(catalogue: Catalogue) -> list[Generated]:
    """The map's client data: the index, the filter columns and the text chunks."""
    result = [Generated(CLIENT_INDEX, _compact(client_index(catalogue))),
              Generated(CLIENT_COLUMNS, _compact(client_columns(catalogue)))]
    result += [Generated(f"{CLIENT_TEXTS}/{n}.json", _compact(chunk)) for n, chunk in enumerate(client_texts(catalogue))]
    return result
