/* Search: Pagefind with every part of the index, from this site's /pagefind/ (made by
 * scripts/kennisbank/site/searchindex.py). Nothing is asked of any other origin. */

import { widerQuery } from "../zoekwoorden.js";
import { allowedBy, loadPlaces, placeFor, placeQueries } from "./plaatsen.js";

// This file is assets/javascripts/zoeken/motor.js, so the site root is three folders up.
const ROOT = new URL("../../../", import.meta.url);
const BUNDLE = new URL("pagefind/", ROOT);
const PAGEFIND = new URL("pagefind.js", BUNDLE);
// The parts of a large index and the ids of their word-list pages (scripts/kennisbank/site/searchindex.py).
const MANIFEST = new URL("kennisbank.json", BUNDLE);
export const SEARCH_PAGE = new URL("zoeken/", ROOT);
// The municipalities' names and counts (scripts/kennisbank/pages/municipalities.py, place_names).
const PLACES = new URL("zoeken/plaatsen.json", ROOT);
// How many of the first results are checked for the municipality's own page, so it is not shown twice.
const PLACE_DUPLICATES = 20;
// A word this short is most likely still being typed, and as a prefix it matches so much
// that searching or fetching its chunks would cost more than it saves: wait longer for it.
export const SHORT = 4;

let engine = null;

async function manifest() {
  const response = await fetch(MANIFEST);
  if (!response.ok) throw new Error(`${MANIFEST}: ${response.status}`);
  return response.json();
}

/** Load and set up Pagefind once, with every part of the index; a failed load may be tried again. */
export function loadEngine() {
  if (!engine) {
    engine = Promise.all([import(PAGEFIND.href), manifest()]).then(async ([pagefind, parts]) => {
      const options = { baseUrl: ROOT.pathname, excerptLength: 24 };
      await pagefind.options(options);
      await pagefind.init();
      await Promise.all(parts.delen.map((part) => pagefind.mergeIndex(new URL(part, BUNDLE).pathname, options)));
      return { pagefind, wordLists: new Set(parts.woordenlijsten) };
    });
    engine.catch(() => { engine = null; });
  }
  return engine;
}

/** The municipality that a query names, or null (also when the place names cannot be loaded). */
async function placeOf(text) {
  if (!text) return null;
  try {
    return placeFor(await loadPlaces(PLACES), text);
  } catch {
    return null;
  }
}

/** A municipality's page as a search result: first, with its count of programmes as its text. */
function placeResult(place) {
  const url = new URL(`gemeenten/${place.slug}/`, ROOT).pathname;
  const data = { url, meta: { title: `Sleutelpersonen in ${place.name}`, soort: "Gemeente" }, text: place.text, place: true };
  return { id: `gemeente:${place.slug}`, url, data: async () => data };
}

/** The results without the one at `url` (looked for among the first few only). */
async function without(results, url) {
  const first = await Promise.all(results.slice(0, PLACE_DUPLICATES).map((result) => result.data()));
  const at = first.findIndex((data) => data.url === url);
  return at < 0 ? results : results.filter((_, i) => i !== at);
}

/**
 * Search with a query (may be empty) and filters; null when there is nothing to search for.
 * Words ending in -lijk are also searched without it (zoekwoorden.js); those extra results
 * come after the others. A query that names a municipality (plaatsen.js) shows its page first and
 * searches the name as an exact phrase. The word-list pages of the index are never results.
 */
export async function find(query, filters) {
  const text = query.trim();
  if (!text && Object.keys(filters).length === 0) return null;
  const [{ pagefind, wordLists }, place] = await Promise.all([loadEngine(), placeOf(text)]);
  const wider = place ? null : widerQuery(text);
  const queries = place ? placeQueries(text, place) : [text || null, ...(wider ? [wider] : [])];
  const searches = queries.map((q) => pagefind.search(q, { filters }));
  const seen = new Set(wordLists);
  let results = (await Promise.all(searches)).flatMap((found) => found.results)
    .filter((result) => !seen.has(result.id) && seen.add(result.id));
  if (place && allowedBy(place, filters)) {
    const first = placeResult(place);
    results = [first, ...(await without(results, first.url))];
  }
  return { results, place };
}

/** Fetch the index chunks for what is typed so far, so the search that follows need not wait for them. */
export function preload(query) {
  const text = query.trim();
  if (text.length < SHORT) return;
  loadEngine().then(({ pagefind }) => {
    pagefind.preload(text).catch(() => {});
    const wider = widerQuery(text);
    if (wider) pagefind.preload(wider).catch(() => {});
  }).catch(() => {});
}

