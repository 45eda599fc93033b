/* Kennisbank Sleutelpersonen: the social map (sociale-kaart/index.md, template sociale-kaart.html).
 *
 * This module wires the page together; each concern has its own module in sociale-kaart/:
 *   gegevens.js       loading and decoding the data of scripts/kennisbank/pages/mapdata.py
 *   namen.js          name normalising and look-up (gazetteer.normalise)
 *   afstand.js        distances and the nearest programmes (geography.MapIndex.nearest)
 *   filters.js        the state and which programmes the list shows
 *   adres.js          the state in the URL
 *   lijst.js          the list;  landkaart.js  the Leaflet map
 *   gemeentekeuze.js  the municipality box;  tekst.js  counts and dates;  dom.js  building elements
 * The rules that Python has too are compared with it in tests/javascript/test_parity.py.
 */

import { readUrl, writeUrl } from "./sociale-kaart/adres.js";
import { distanceTable } from "./sociale-kaart/afstand.js";
import { el } from "./sociale-kaart/dom.js";
import { FACETS, compute, emptyState, filtering, summary, unfiltered } from "./sociale-kaart/filters.js";
import { columnLoader, geography, getJson, textLoader } from "./sociale-kaart/gegevens.js";
import { municipalityBox } from "./sociale-kaart/gemeentekeuze.js";
import { mapView } from "./sociale-kaart/landkaart.js";
import { PAGE, listView } from "./sociale-kaart/lijst.js";
import { nameIndex } from "./sociale-kaart/namen.js";

const $ = (id) => document.getElementById(id);

/** Start the map in `app` with the settings of the page template; a failure leaves the plain list. */
async function start(app, settings) {
  const input = $("kb-gemeente");
  const status = $("kb-kaart-status");
  const more = $("kb-kaart-meer");
  const fallback = $("kb-kaart-zonder-js");

  const data = await getJson(settings.index);
  const { towns, provinceMembers, provinceCentres } = geography(data);
  const names = nameIndex(towns, data.gemeenten.map((row) => row[5]), data.voormalig);
  const columns = columnLoader(settings.kolommen, FACETS);
  const texts = textLoader(settings.teksten, data.blok);
  const distancesFrom = distanceTable(towns, provinceMembers);
  const list = listView({ results: $("kb-kaart-resultaten"), more, status }, texts, settings);
  const state = emptyState();
  let map = null; // mapView, once the map is drawn
  let current = null; // the computed view (filters.compute)
  let shown = PAGE;
  let announceTimer = null;

  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { status.textContent = text; }, 400);
  }

  function syncSelects() {
    $("kb-provincie").value = state.provincie >= 0 ? data.provincies[state.provincie] : "";
    for (const facet of FACETS) $("kb-" + facet).value = state[facet] >= 0 ? data.filters[facet][state[facet]] : "";
  }

  async function update(options) {
    if (filtering(state) && !columns.columns) {
      try {
        await columns.load();
      } catch (error) {
        status.textContent = "De filters konden niet worden geladen. Probeer het opnieuw.";
        return;
      }
    }
    current = columns.columns
      ? compute({ data, towns, columns: columns.columns, matchers: columns.matchers, distancesFrom }, state)
      : unfiltered(data);
    shown = PAGE;
    writeUrl(state, data);
    app.dataset.gemeente = state.gemeente ? state.gemeente.name : "";
    if (map) map.render(current, state);
    const done = list.render(current, shown, state.gemeente);
    const opts = options || {};
    announce(opts.message || (opts.prefix || "") + summary(current, state, data));
    return done;
  }

  function setTown(town) {
    if (town === state.gemeente) return;
    state.gemeente = town;
    if (town) state.provincie = town.province;
    syncSelects();
    update();
  }

  municipalityBox(input, $("kb-gemeente-opties"), names, () => state.gemeente, setTown);
  const filters = $("kb-kaart-filters");
  filters.addEventListener("submit", (event) => event.preventDefault());
  // Someone who reaches for a filter will likely use it: fetch the columns already (failures retry on use).
  filters.addEventListener("focusin", () => { columns.load().catch(() => {}); });
  $("kb-provincie").addEventListener("change", (event) => {
    const value = event.target.value;
    state.provincie = value ? data.provincies.indexOf(value) : -1;
    if (state.gemeente && state.gemeente.province !== state.provincie) {
      state.gemeente = null;
      input.value = "";
    }
    update();
  });
  for (const facet of FACETS) {
    $("kb-" + facet).addEventListener("change", (event) => {
      state[facet] = event.target.value ? data.filters[facet].indexOf(event.target.value) : -1;
      update();
    });
  }
  $("kb-kaart-wis").addEventListener("click", () => {
    Object.assign(state, emptyState());
    input.value = "";
    syncSelects();
    update({ prefix: "Alle filters zijn gewist. " });
    input.focus();
  });
  more.addEventListener("click", () => {
    const from = shown;
    shown += PAGE;
    list.render(current, shown, state.gemeente, from);
  });

  const asked = readUrl(location.search, state, data, names.lookup);
  if (asked) input.value = state.gemeente ? state.gemeente.name : asked;
  syncSelects();
  app.hidden = false;
  if (fallback) fallback.hidden = true;
  try {
    map = await mapView($("kb-kaart-kaart"), { data, towns, provinceMembers, provinceCentres, columns, texts }, settings);
  } catch (error) {
    $("kb-kaart-kaart").replaceChildren(el("p", "kb-kaart__fout", "De kaart kon niet worden geladen. De lijst werkt wel."));
  }
  const unknown = asked && !state.gemeente ? asked : null;
  await update(unknown ? { message: "Geen gemeente gevonden met de naam " + unknown + "." } : undefined);
  app.dataset.klaar = "ja";
  // The first view needs no per-programme columns; fetch them once it shows, so that the first
  // filter change does not wait for the network (failures retry on use).
  const later = window.requestIdleCallback || ((callback) => setTimeout(callback, 200));
  later(() => { columns.load().catch(() => {}); });
}

const app = $("kb-kaart");
const settingsNode = $("kb-kaart-instellingen");
if (app && settingsNode) {
  start(app, JSON.parse(settingsNode.textContent)).catch(() => {
    // Without its data the map cannot work; the plain list below stays.
    app.hidden = true;
    const fallback = $("kb-kaart-zonder-js");
    if (fallback) fallback.hidden = false;
  });
}
