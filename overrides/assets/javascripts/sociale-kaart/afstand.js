/* The social map: distances and the nearest programmes.
 *
 * The rules of scripts/kennisbank/pages/geography.py (MapIndex.nearest) and gazetteer.distance_km:
 * a programme's distance is the distance to the nearest municipality it names, a province counting by
 * its nearest municipality; the nearest come first, ties in client order (by name, as in Python).
 * Change both together; tests/javascript/test_parity.py compares them.
 */

export const NEAREST = 5; // geography.NEAREST
export const EARTH_RADIUS_KM = 6371.0088; // gazetteer.EARTH_RADIUS_KM

/** Great-circle distance in km between two [lat, lon] points (gazetteer.distance_km). */
export function distanceKm(a, b) {
  const rad = Math.PI / 180;
  const h = Math.sin((b[0] - a[0]) * rad / 2) ** 2 +
    Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin((b[1] - a[1]) * rad / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/**
 * A function from a town to its distances: `towns[i]` to every town and `provinces[p]` to the nearest
 * town of every province. It keeps the last answer, as the list asks for the same town many times.
 */
export function distanceTable(towns, provinceMembers) {
  let last = { town: null, towns: null, provinces: null };
  return (town) => {
    if (last.town !== town) {
      const here = [town.lat, town.lon];
      const toTowns = towns.map((t) => distanceKm(here, [t.lat, t.lon]));
      const toProvinces = provinceMembers.map((members) => Math.min(...members.map((i) => toTowns[i])));
      last = { town, towns: toTowns, provinces: toProvinces };
    }
    return last;
  };
}

/** Kilometres to the nearest of a programme's places (towns 0 and up, provinces -1 - p), from a distanceTable answer. */
export function placeDistance(places, distances) {
  let km = Infinity;
  for (const a of places) km = Math.min(km, a >= 0 ? distances.towns[a] : distances.provinces[-1 - a]);
  return km;
}

/** The `limit` nearest of [{i, km}], closest first; equal distances in client order. Sorts `candidates`. */
export function nearestProgrammes(candidates, limit = NEAREST) {
  candidates.sort((a, b) => a.km - b.km || a.i - b.i);
  return candidates.slice(0, limit);
}
