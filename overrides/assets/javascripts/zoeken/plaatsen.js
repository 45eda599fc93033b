/* Search that knows places: a query that is a municipality's name, alias or former name puts the page of
 * that municipality first, with its count of programmes (zoeken/plaatsen.json, made by
 * scripts/kennisbank/pages/municipalities.py, place_names). Names are matched as the map's municipality box
 * matches them (sociale-kaart/namen.js: no case, accents, hyphens, apostrophes or a leading "gemeente"), so
 * typing a municipality in the header, on the search page and on the map gives the same town. */

import { normalise, withoutPrefix } from "../sociale-kaart/namen.js";

let places = null;

/** Load the place names once from `url`; a failed load may be tried again. */
export function loadPlaces(url) {
  if (!places) {
    places = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    });
    places.catch(() => { places = null; });
  }
  return places;
}

function programmes(n) {
  return n === 1 ? "1 programma" : `${n} programma’s`;
}

/** The line under the municipality's title: how many programmes work there. */
export function countText(name, own, province, national) {
  const here = own + province;
  const first = here === 0 ? `Nog geen programma in ${name}` : `${programmes(here)} in ${name}`;
  const wide = province > 0 ? ` (${province} in de hele provincie)` : "";
  return `${first}${wide}, en ${national} landelijk. Bekijk ook de programma’s in de buurt.`;
}

/**
 * The municipality that `query` names, as {name, slug, own, province, national, provincie, text, typed}, or null.
 * `typed` is true when the visitor typed another name than the official one (an alias or former name).
 */
export function placeFor(data, query) {
  const key = withoutPrefix(normalise(query));
  const at = key ? data.namen[key] : undefined;
  if (at === undefined) return null;
  const [name, slug, own, province, where] = data.gemeenten[at];
  return {
    name, slug, own, province, national: data.landelijk, provincie: data.provincies[where],
    text: countText(name, own, province, data.landelijk),
    typed: normalise(name) !== key,
  };
}

/** True when the search page's filters leave room for a municipality page (type gemeente, its province, no theme or role). */
export function allowedBy(place, filters) {
  return (!filters.type || filters.type === "gemeente") && (!filters.provincie || filters.provincie === place.provincie)
    && !filters.thema && !filters.rol;
}

/** The Pagefind queries for a place: its name as typed and its official name, each as an exact phrase, so
 *  that a name is never split into stems that match other words ("den bosch" is not "den" or "denk"). */
export function placeQueries(text, place) {
  const phrases = [text.replace(/"/g, "")];
  if (normalise(place.name) !== normalise(text) || place.name.toLowerCase() !== text.toLowerCase()) phrases.push(place.name);
  return [...new Set(phrases)].map((phrase) => `"${phrase}"`);
}
