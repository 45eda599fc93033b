/* Search: Pagefind with every part of the index, from this site's /pagefind/ (made by
 * scripts/kennisbank/site/searchindex.py). Nothing is asked of any other origin. */

import { widerQuery } from "../zoekwoorden.js";

// This file is assets/javascripts/zoeken/motor.js, so the site root is three folders up.
const ROOT = new URL("../../../", import.meta.url);
const BUNDLE = new URL("pagefind/", ROOT);
const PAGEFIND = new URL("pagefind.js", BUNDLE);
// The parts of a large index and the ids of their word-list pages (scripts/kennisbank/site/searchindex.py).
const MANIFEST = new URL("kennisbank.json", BUNDLE);
export const SEARCH_PAGE = new URL("zoeken/", ROOT);
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

/**
 * Search with a query (may be empty) and filters; null when there is nothing to search for.
 * Words ending in -lijk are also searched without it (zoekwoorden.js); those extra results
 * come after the others. The word-list pages of the index are never results.
 */
export async function find(query, filters) {
  const text = query.trim();
  if (!text && Object.keys(filters).length === 0) return null;
  const { pagefind, wordLists } = await loadEngine();
  const wider = widerQuery(text);
  const searches = [text || null, ...(wider ? [wider] : [])].map((q) => pagefind.search(q, { filters }));
  const seen = new Set(wordLists);
  const results = (await Promise.all(searches)).flatMap((found) => found.results)
    .filter((result) => !seen.has(result.id) && seen.add(result.id));
  return { results };
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

