#!/usr/bin/env python3
"""Make the base layer of the social map: the outline of the European Netherlands as GeoJSON.

The outline comes from Natural Earth (public domain), as shipped in the npm package
``world-atlas`` (TopoJSON, ISC licence). Run this once after updating that package;
the result is committed as ``overrides/assets/kaart/nederland.geojson``:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 scripts/nederland_omtrek.py /tmp/package/countries-10m.json overrides/assets/kaart/nederland.geojson

Only the polygons of the country "Netherlands" that lie in Europe are kept (Natural
Earth counts Bonaire, Sint Eustatius and Saba as part of it), coordinates are rounded
to three decimals (about 100 m, finer than the source's quantisation) and repeated
points are dropped. Standard library only: decoding TopoJSON takes a few lines, and
the script must run before anything is installed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

COUNTRY = "Netherlands"
EUROPE = (2.0, 50.0, 8.0, 54.5)  # west, south, east, north: a box around the European Netherlands
DECIMALS = 3


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc of a quantised TopoJSON topology."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded integers
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """A closed ring from arc indices; ``~i`` means arc ``i`` reversed. Rounded, without repeats."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their end point
    rounded: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


def in_europe(polygon: list[list[list[float]]]) -> bool:
    """True if the outer ring of a polygon lies inside the European box."""
    west, south, east, north = EUROPE
    return all(west <= lon <= east and south <= lat <= north for lon, lat in polygon[0])


def outline(topology: dict, country: str = COUNTRY) -> dict:
    """The GeoJSON FeatureCollection with the European part of one country."""
    arcs = decode_arcs(topology)
    geometry = next(g for g in topology["objects"]["countries"]["geometries"] if g["properties"]["name"] == country)
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    kept = [[ring(r, arcs) for r in polygon] for polygon in polygons]
    kept = [p for p in kept if in_europe(p) and len(p[0]) >= 4]
    return {
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "properties": {"naam": "Nederland", "bron": "Natural Earth (publiek domein), via npm-pakket world-atlas 2.0.2"},
            "geometry": {"type": "MultiPolygon", "coordinates": kept},
        }],
    }


def main(argv: list[str]) -> int:
    """Read the TopoJSON file and write the GeoJSON file."""
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    result = json.dumps(outline(topology), separators=(",", ":")) + "\n"
    Path(argv[2]).parent.mkdir(parents=True, exist_ok=True)
    Path(argv[2]).write_text(result, encoding="utf-8")
    print(f"{argv[2]}: {len(result)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
