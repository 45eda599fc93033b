/* The social map: which programmes the list shows for the chosen municipality, province and filters.
 *
 * The state holds a town (or null) and per filter the index of the chosen value (-1 for none).
 * The groups follow the plain list of pages/maplist.py and pages/geography.py: programmes that work in
 * the municipality (or its province), else the nearest ones, and the national ones.
 */

import { nearestProgrammes, placeDistance } from "./afstand.js";
import { plural } from "./tekst.js";

export const FACETS = ["thema", "rol", "taal", "doelgroep", "vergoeding"];

/** No municipality, province or filter chosen. */
export function emptyState() {
  return { gemeente: null, provincie: -1, thema: -1, rol: -1, taal: -1, doelgroep: -1, vergoeding: -1 };
}

/** True when the view depends on per-programme data (any filter or a municipality). */
export function filtering(state) {
  return Boolean(state.gemeente) || state.provincie >= 0 || FACETS.some((facet) => state[facet] >= 0);
}

function matchesFilters(matchers, state, i) {
  for (const facet of FACETS) {
    if (state[facet] >= 0 && !matchers[facet](i, state[facet])) return false;
  }
  return true;
}

function inProvince(towns, area, p) {
  return area.some((a) => (a >= 0 ? towns[a].province === p : -1 - a === p));
}

/**
 * The groups of the list for a state: {groups: [{key, title, items: [{i, km?}], town?}], local, national,
 * nearby, regional}. `map` holds kaart.json (`data`), the `towns`, the loaded `columns` and `matchers`, and
 * `distancesFrom` (afstand.distanceTable).
 */
export function compute(map, state) {
  const { data, columns, matchers } = map;
  const town = state.gemeente;
  const national = [], local = [], regional = [];
  let nearby = [];
  const d = town ? map.distancesFrom(town) : null;
  for (let i = 0; i < data.aantal; i++) {
    if (!matchesFilters(matchers, state, i)) continue;
    const places = columns.gebied[i];
    if (places.length === 0) {
      national.push({ i });
    } else if (town) {
      if (places.includes(town.i) || places.includes(-1 - town.province)) local.push({ i });
      else nearby.push({ i, km: placeDistance(places, d) });
    } else if (state.provincie < 0 || inProvince(map.towns, places, state.provincie)) {
      regional.push({ i });
    }
  }
  const groups = [];
  if (town) {
    groups.push({ key: "lokaal", title: "Programma's in " + town.name, items: local, town });
    if (!local.length) {
      nearby = nearestProgrammes(nearby);
      groups.push({ key: "dichtbij", title: "Dichtstbijzijnde programma's", items: nearby });
    }
    groups.push({ key: "landelijk", title: "Landelijke programma's", items: national });
  } else {
    const where = state.provincie >= 0 ? "in " + data.provincies[state.provincie] : "in gemeenten en provincies";
    groups.push({ key: "landelijk", title: "Landelijke programma's", items: national });
    groups.push({ key: "regionaal", title: "Programma's " + where, items: regional });
  }
  return { groups, local, national, nearby: town && !local.length ? nearby : [], regional };
}

/** The unfiltered view without the columns: national programmes come first in client order. */
export function unfiltered(data) {
  const all = Array.from({ length: data.aantal }, (_, i) => ({ i }));
  const national = all.slice(0, data.start.landelijk), regional = all.slice(data.start.landelijk);
  return {
    groups: [{ key: "landelijk", title: "Landelijke programma's", items: national },
      { key: "regionaal", title: "Programma's in gemeenten en provincies", items: regional }],
    local: [], national, nearby: [], regional,
  };
}

/** The sentence that the status line reads out for a computed view. */
export function summary(found, state, data) {
  const town = state.gemeente;
  const nat = plural(found.national.length, "landelijk programma", "landelijke programma's");
  if (town) {
    if (found.local.length) return plural(found.local.length, "programma", "programma's") + " in " + town.name + " en " + nat + ".";
    return "Geen programma in " + town.name + ". Wel " + nat + " en " +
      plural(found.nearby.length, "programma", "programma's") + " in de buurt.";
  }
  const total = found.national.length + found.regional.length;
  if (!total) return "Geen programma's gevonden. Wis een filter om meer te zien.";
  if (state.provincie >= 0) {
    return plural(found.regional.length, "programma", "programma's") + " in " + data.provincies[state.provincie] + " en " + nat + ".";
  }
  return plural(total, "programma", "programma's") + " gevonden.";
}
