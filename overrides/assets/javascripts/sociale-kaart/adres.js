/* The social map: the chosen municipality, province and filters in the page's URL (?gemeente=…&thema=…). */

import { FACETS } from "./filters.js";
import { normalise } from "./namen.js";

/** Replace the URL's query with the state, keeping the path and the fragment. */
export function writeUrl(state, data) {
  const params = new URLSearchParams();
  if (state.gemeente) params.set("gemeente", state.gemeente.name);
  if (state.provincie >= 0) params.set("provincie", data.provincies[state.provincie]);
  for (const facet of FACETS) if (state[facet] >= 0) params.set(facet, data.filters[facet][state[facet]]);
  const query = params.toString();
  history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
}

/**
 * Set the state from a query string; `lookup` finds a town by name. Returns the municipality name in
 * the URL (null when there is none): the caller shows it, or reports it when no town has that name.
 */
export function readUrl(search, state, data, lookup) {
  const params = new URLSearchParams(search);
  const name = params.get("gemeente");
  if (name) state.gemeente = lookup(name);
  const province = params.get("provincie");
  if (province) state.provincie = data.provincies.findIndex((p) => normalise(p) === normalise(province));
  if (state.gemeente) state.provincie = state.gemeente.province;
  for (const facet of FACETS) {
    const value = params.get(facet);
    if (value) state[facet] = data.filters[facet].indexOf(value);
  }
  return name;
}
