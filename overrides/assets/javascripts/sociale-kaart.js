/* Kennisbank Sleutelpersonen: the social map (sociale-kaart/index.md, template sociale-kaart.html).
 *
 * Data (made by scripts/kennisbank/pages/mapdata.py):
 *   kaart.json      what the first, unfiltered view needs: municipalities, filter values, the number
 *                   of national programmes and the count per place (see client_index there);
 *   kolommen.json   per programme its area and filter values as numbers (client_columns there),
 *                   loaded only when a filter is first used (or the URL already carries one);
 *   teksten/N.json  names, organisations, summaries and areas in blocks of `blok` programmes,
 *                   loaded only when the list or a popup shows one of them.
 * The nearest-programme rules repeat socialmap.distance_to/nearest; change both together.
 * Data never goes through innerHTML: every text is set with textContent or a text node.
 */
(function () {
  "use strict";

  const app = document.getElementById("kb-kaart");
  const settingsNode = document.getElementById("kb-kaart-instellingen");
  if (!app || !settingsNode) return;
  const settings = JSON.parse(settingsNode.textContent);

  const PAGE = 25; // list items shown at once; "Meer tonen" adds as many
  const NEAREST = 5; // socialmap.NEAREST
  const EARTH_RADIUS_KM = 6371.0088; // gazetteer.EARTH_RADIUS_KM
  const FACETS = ["thema", "rol", "taal", "doelgroep", "vergoeding"];
  const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"; // socialmap.DIGITS
  const DIGIT_VALUES = new Int8Array(128);
  for (let d = 0; d < DIGITS.length; d++) DIGIT_VALUES[DIGITS.charCodeAt(d)] = d;
  const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];

  const $ = (id) => document.getElementById(id);
  const input = $("kb-gemeente");
  const listbox = $("kb-gemeente-opties");
  const status = $("kb-kaart-status");
  const results = $("kb-kaart-resultaten");
  const more = $("kb-kaart-meer");
  const fallback = $("kb-kaart-zonder-js");

  // --- small helpers -----------------------------------------------------------

  /** Same comparison key as gazetteer.normalise: no case, accents, apostrophes or 's-prefix. */
  function normalise(text) {
    const words = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/['’‘`´.]/g, "").replace(/[^0-9a-z]+/g, " ").trim().split(" ").filter(Boolean);
    if (words.length > 1 && words[0] === "s") words.shift();
    return words.join(" ");
  }

  function withoutPrefix(key) {
    return key.startsWith("gemeente ") ? key.slice(9) : key;
  }

  /** Great-circle distance in km between two [lat, lon] points (gazetteer.distance_km). */
  function distanceKm(a, b) {
    const rad = Math.PI / 180;
    const h = Math.sin((b[0] - a[0]) * rad / 2) ** 2 +
      Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin((b[1] - a[1]) * rad / 2) ** 2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function dutchDate(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return d + " " + MONTHS[m - 1] + " " + y;
  }

  /** An element with a class and text, built without HTML parsing. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function pageUrl(base, slug) {
    return base + encodeURIComponent(slug) + (settings.mappen ? "/" : ".html");
  }

  async function getJson(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  }

  // --- data ----------------------------------------------------------------------

  let data; // kaart.json
  let cols = null; // kolommen.json, once loaded
  let colsPromise = null;
  let matchers = null; // facet -> (i, value) => bool, for the kind of each column
  let towns; // [{i, name, province, lat, lon, slug}]
  let provinceMembers; // province index -> municipality indices
  let provinceCentres; // province index -> [lat, lon]
  let names; // [{key, label, town}] for the autocomplete
  const byKey = new Map(); // normalised name or alias -> town
  const textBlocks = new Map(); // block number -> Promise of rows

  function prepare(index) {
    data = index;
    towns = index.gemeenten.map((row, i) => ({
      i, name: row[0], province: row[1], lat: row[2], lon: row[3], slug: row[4],
    }));
    provinceMembers = index.provincies.map(() => []);
    towns.forEach((t) => provinceMembers[t.province].push(t.i));
    provinceCentres = provinceMembers.map((members) => [
      members.reduce((s, i) => s + towns[i].lat, 0) / members.length,
      members.reduce((s, i) => s + towns[i].lon, 0) / members.length,
    ]);
    names = [];
    towns.forEach((t) => {
      byKey.set(normalise(t.name), t);
      names.push({ key: normalise(t.name), label: t.name, town: t });
    });
    index.gemeenten.forEach((row, i) => row[5].forEach((alias) => {
      const key = normalise(alias);
      if (!byKey.has(key)) byKey.set(key, towns[i]);
      names.push({ key, label: alias + " (" + towns[i].name + ")", town: towns[i] });
    }));
    index.voormalig.forEach(([former, successor]) => {
      const key = normalise(former);
      if (!byKey.has(key)) byKey.set(key, towns[successor]);
      names.push({ key, label: former + " (nu " + towns[successor].name + ")", town: towns[successor] });
    });
  }

  function lookup(text) {
    return byKey.get(withoutPrefix(normalise(text))) || null;
  }

  /** Up to `limit` names that start with the text, then names that contain it. */
  function suggestions(text, limit) {
    const key = withoutPrefix(normalise(text));
    if (!key) return [];
    const starts = [], contains = [];
    for (const entry of names) {
      const at = entry.key.indexOf(key);
      if (at === 0) starts.push(entry);
      else if (at > 0) contains.push(entry);
    }
    const byLabel = (a, b) => a.label.localeCompare(b.label, "nl");
    return starts.sort(byLabel).concat(contains.sort(byLabel)).slice(0, limit);
  }

  /** The text row [slug, name, organisation, summary, verified, stale] of programme i. */
  function texts(i) {
    const block = Math.floor(i / data.blok);
    if (!textBlocks.has(block)) {
      textBlocks.set(block, getJson(settings.teksten + block + ".json").catch((error) => {
        textBlocks.delete(block);
        throw error;
      }));
    }
    return textBlocks.get(block).then((rows) => rows[i - block * data.blok]);
  }

  function loadTexts(indices) {
    return Promise.all(indices.map(texts));
  }

  /** A string of fixed-width base-64 numbers (socialmap.base64_column) as an Int32Array; read once. */
  function decodeDigits(text, width) {
    const values = new Int32Array(text.length / width);
    for (let i = 0, at = 0; i < values.length; i++) {
      let n = 0;
      for (let k = 0; k < width; k++) n = n * 64 + DIGIT_VALUES[text.charCodeAt(at++)];
      values[i] = n;
    }
    return values;
  }

  /** Load the per-programme columns once; later calls share the same promise. */
  function loadColumns() {
    if (!colsPromise) {
      colsPromise = getJson(settings.kolommen).then((loaded) => {
        const kinds = { een: (col) => (i, v) => col[i] === v, bit: (col) => (i, v) => (col[i] & (1 << v)) !== 0,
          lijst: (col) => (i, v) => col[i].includes(v) };
        matchers = {};
        for (const facet of FACETS) {
          const [kind, width] = loaded.soort[facet];
          const col = kind === "lijst" ? loaded[facet] : decodeDigits(loaded[facet], width);
          matchers[facet] = kinds[kind](col);
        }
        cols = loaded;
      }).catch((error) => {
        colsPromise = null;
        throw error;
      });
    }
    return colsPromise;
  }

  // --- filtering -------------------------------------------------------------------

  const state = { gemeente: null, provincie: -1, thema: -1, rol: -1, taal: -1, doelgroep: -1, vergoeding: -1 };

  /** True when the view depends on per-programme data (any filter or a municipality). */
  function filtering() {
    return Boolean(state.gemeente) || state.provincie >= 0 || FACETS.some((facet) => state[facet] >= 0);
  }

  function matchesFilters(i) {
    for (const facet of FACETS) {
      if (state[facet] >= 0 && !matchers[facet](i, state[facet])) return false;
    }
    return true;
  }

  function inProvince(area, p) {
    return area.some((a) => (a >= 0 ? towns[a].province === p : -1 - a === p));
  }

  let distanceCache = { town: null, towns: null, provinces: null };

  /** Distances from a municipality to every municipality and to the nearest part of every province. */
  function distancesFrom(town) {
    if (distanceCache.town !== town) {
      const here = [town.lat, town.lon];
      const toTowns = towns.map((t) => distanceKm(here, [t.lat, t.lon]));
      const toProvinces = provinceMembers.map((members) => Math.min(...members.map((i) => toTowns[i])));
      distanceCache = { town, towns: toTowns, provinces: toProvinces };
    }
    return distanceCache;
  }

  /** The groups of the list for the current state: [{title, items: [{i, km}], link?}]. */
  function compute() {
    if (!cols) return unfiltered();
    const area = cols.gebied;
    const town = state.gemeente;
    const national = [], local = [], regional = [];
    let nearby = [];
    const d = town ? distancesFrom(town) : null;
    for (let i = 0; i < data.aantal; i++) {
      if (!matchesFilters(i)) continue;
      const places = area[i];
      if (places.length === 0) {
        national.push({ i });
      } else if (town) {
        if (places.includes(town.i) || places.includes(-1 - town.province)) {
          local.push({ i });
        } else {
          let km = Infinity;
          for (const a of places) km = Math.min(km, a >= 0 ? d.towns[a] : d.provinces[-1 - a]);
          nearby.push({ i, km });
        }
      } else if (state.provincie < 0 || inProvince(places, state.provincie)) {
        regional.push({ i });
      }
    }
    const groups = [];
    if (town) {
      groups.push({ key: "lokaal", title: "Programma's in " + town.name, items: local, town });
      if (!local.length) {
        nearby.sort((a, b) => a.km - b.km || a.i - b.i);
        nearby = nearby.slice(0, NEAREST);
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
  function unfiltered() {
    const all = Array.from({ length: data.aantal }, (_, i) => ({ i }));
    const national = all.slice(0, data.start.landelijk), regional = all.slice(data.start.landelijk);
    return {
      groups: [{ key: "landelijk", title: "Landelijke programma's", items: national },
        { key: "regionaal", title: "Programma's in gemeenten en provincies", items: regional }],
      local: [], national, nearby: [], regional,
    };
  }

  function summary(found) {
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

  // --- the URL ---------------------------------------------------------------------

  function writeUrl() {
    const params = new URLSearchParams();
    if (state.gemeente) params.set("gemeente", state.gemeente.name);
    if (state.provincie >= 0) params.set("provincie", data.provincies[state.provincie]);
    for (const facet of FACETS) if (state[facet] >= 0) params.set(facet, data.filters[facet][state[facet]]);
    const query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    const name = params.get("gemeente");
    if (name) {
      input.value = name;
      state.gemeente = lookup(name);
      if (state.gemeente) input.value = state.gemeente.name;
    }
    const province = params.get("provincie");
    if (province) state.provincie = data.provincies.findIndex((p) => normalise(p) === normalise(province));
    if (state.gemeente) state.provincie = state.gemeente.province;
    for (const facet of FACETS) {
      const value = params.get(facet);
      if (value) state[facet] = data.filters[facet].indexOf(value);
    }
    return name && !state.gemeente ? name : null;
  }

  function syncSelects() {
    $("kb-provincie").value = state.provincie >= 0 ? data.provincies[state.provincie] : "";
    for (const facet of FACETS) $("kb-" + facet).value = state[facet] >= 0 ? data.filters[facet][state[facet]] : "";
  }

  // --- the list ----------------------------------------------------------------------

  let shown = PAGE;
  let current = null; // result of compute()
  let renderToken = 0;

  function listItem(row, km) {
    const [slug, name, organisation, text, verified, stale, area] = row;
    const item = el("li", "kb-kaart__item");
    const title = el("p", "kb-kaart__naam");
    const anchor = el("a", "", name);
    anchor.href = pageUrl(settings.programmas, slug);
    title.appendChild(anchor);
    item.appendChild(title);
    item.appendChild(el("p", "kb-kaart__organisatie", organisation + " · " + area));
    if (km !== undefined) item.appendChild(el("p", "kb-kaart__afstand", "Ongeveer " + Math.round(km) + " km van " + state.gemeente.name));
    item.appendChild(el("p", "kb-kaart__samenvatting", text));
    if (stale) item.appendChild(el("p", "kb-kaart__oud", "Controleer of dit nog klopt: laatst gecontroleerd op " + dutchDate(verified) + "."));
    return item;
  }

  async function renderList(focusFrom) {
    const token = ++renderToken;
    const visible = [];
    let left = shown;
    for (const group of current.groups) {
      const items = group.items.slice(0, Math.max(left, 0));
      left -= items.length;
      visible.push({ group, items });
    }
    let rows;
    try {
      rows = await loadTexts(visible.flatMap((v) => v.items.map((it) => it.i)));
    } catch (error) {
      if (token === renderToken) status.textContent = "De lijst kon niet worden geladen. Probeer het opnieuw.";
      return;
    }
    if (token !== renderToken) return;
    const fragment = document.createDocumentFragment();
    let r = 0, position = 0, firstNew = null;
    for (const { group, items } of visible) {
      if (!items.length && !(group.key === "lokaal" || group.key === "dichtbij")) continue;
      const section = el("section", "kb-kaart__groep");
      section.appendChild(el("h3", "", group.title));
      if (group.town && group.town.slug) {
        const p = el("p", "kb-kaart__gemeentepagina");
        const a = el("a", "", "Pagina over sleutelpersonen in " + group.town.name);
        a.href = pageUrl(settings.gemeenten, group.town.slug);
        p.appendChild(a);
        section.appendChild(p);
      }
      if (!items.length) {
        section.appendChild(el("p", "", group.key === "lokaal"
          ? "Er werkt nog geen programma in " + group.town.name + " dat past bij je filters."
          : "Geen programma's in de buurt die passen bij je filters."));
      } else {
        const list = el("ul", "kb-kaart__items");
        for (const item of items) {
          const li = listItem(rows[r++], item.km);
          if (position++ === focusFrom) firstNew = li;
          list.appendChild(li);
        }
        section.appendChild(list);
      }
      fragment.appendChild(section);
    }
    results.replaceChildren(fragment);
    const total = current.groups.reduce((s, g) => s + g.items.length, 0);
    more.hidden = total <= shown;
    more.textContent = "Meer tonen (nog " + (total - shown) + ")";
    if (firstNew) firstNew.querySelector("a").focus();
  }

  // --- the map -------------------------------------------------------------------------

  let map = null, cluster = null, here = null, outlineBounds = null;

  function countIcon(count, label, className) {
    const inner = el("span", "kb-kaart__aantal");
    inner.appendChild(el("span", "", String(count))).setAttribute("aria-hidden", "true");
    inner.appendChild(el("span", "kb-kaart__sr", label));
    const size = count < 10 ? 30 : count < 100 ? 36 : 44;
    return L.divIcon({ html: inner, className: "kb-kaart__punt " + (className || ""), iconSize: [size, size] });
  }

  async function initMap() {
    map = L.map($("kb-kaart-kaart"), { minZoom: 6, maxZoom: 13, zoomSnap: 0.5, keyboard: true });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    if (settings.tegels && settings.tegels.url) {
      L.tileLayer(settings.tegels.url, {
        attribution: settings.tegels.attributie || "", maxZoom: settings.tegels.max_zoom || 13,
      }).addTo(map);
    }
    const outline = await getJson(settings.omtrek);
    const layer = L.geoJSON(outline, {
      interactive: false,
      style: { color: "#55606e", weight: 1, fillColor: "#fbfaf6", fillOpacity: settings.tegels ? 0 : 1 },
      attribution: "Kaart: Natural Earth",
    }).addTo(map);
    outlineBounds = layer.getBounds();
    map.fitBounds(outlineBounds);
    map.setMaxBounds(outlineBounds.pad(0.6));
    cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      animate: false, // no fading clusters: calmer, and the markers on screen always match the list
      maxClusterRadius: 40,
      iconCreateFunction: (c) => {
        const n = c.getAllChildMarkers().reduce((s, m) => s + m.options.count, 0);
        return countIcon(n, plural(n, "programma", "programma's") + " in dit gebied; kies om in te zoomen", "kb-kaart__cluster");
      },
    });
    map.addLayer(cluster);
    // Enter on a focused cluster zooms in (or spreads it out), then focus goes to one of its markers.
    cluster.on("clusterkeypress", (event) => {
      if (event.originalEvent.keyCode !== 13) return;
      const first = event.layer.getAllChildMarkers()[0];
      const focusFirst = () => {
        const shown = cluster.getVisibleParent(first);
        if (shown && shown.getElement() && !shown.getElement().contains(document.activeElement)) shown.getElement().focus();
      };
      event.layer.zoomToBounds({ padding: [30, 30] });
      map.once("zoomend", () => setTimeout(focusFirst, 0));
      setTimeout(focusFirst, 600);
    });
    map.on("popupopen", (event) => {
      const link = event.popup.getElement().querySelector(".kb-kaart__popup a");
      if (link && event.popup._source && event.popup._source._kbKeyboard) link.focus();
    });
    map.on("popupclose", (event) => {
      // Back to the marker, so keyboard users do not lose their place when the popup closes.
      const source = event.popup._source;
      if (source && source._kbKeyboard && source.getElement()) source.getElement().focus();
    });
  }

  /** Places of the listed regional programmes: municipality or province -> {a, count, items}.
   *  Without the columns (the unfiltered first view) only the counts are known; a popup loads the items. */
  function places() {
    const found = new Map();
    if (!cols) {
      for (const [a, count] of data.start.plaatsen) found.set(a, { a, count, items: null });
      return found;
    }
    const groups = current.groups.filter((g) => g.key !== "landelijk");
    for (const group of groups) {
      for (const { i } of group.items) {
        for (const a of cols.gebied[i]) {
          if (!found.has(a)) found.set(a, { a, count: 0, items: [] });
          const place = found.get(a);
          place.items.push(i);
          place.count++;
        }
      }
    }
    return found;
  }

  /** The programme indices of a place, loading the columns first if needed. */
  async function placeItems(place) {
    if (place.items) return place.items;
    await loadColumns();
    place.items = places().get(place.a).items;
    return place.items;
  }

  function popupContent(place, name) {
    const box = el("div", "kb-kaart__popup");
    box.appendChild(el("p", "kb-kaart__popup-kop", name));
    const list = el("ul", "");
    box.appendChild(list);
    let first;
    placeItems(place).then((items) => {
      first = items.slice(0, 10);
      return loadTexts(first);
    }).then((rows) => {
      rows.forEach((row) => {
        const li = el("li", "");
        const a = el("a", "", row[1]);
        a.href = pageUrl(settings.programmas, row[0]);
        li.appendChild(a);
        list.appendChild(li);
      });
      if (place.items.length > first.length) list.appendChild(el("li", "", "en nog " + (place.items.length - first.length) + " (zie de lijst)"));
      const town = place.a >= 0 ? towns[place.a] : null;
      if (town && town.slug) {
        const p = el("p", "");
        const a = el("a", "", "Alle programma's in " + town.name);
        a.href = pageUrl(settings.gemeenten, town.slug);
        p.appendChild(a);
        box.appendChild(p);
      }
      const link = box.querySelector("a");
      if (link && box._kbFocus) link.focus();
    }).catch(() => list.appendChild(el("li", "", "Kon de namen niet laden.")));
    return box;
  }

  function renderMap() {
    if (!map) return;
    const markers = [];
    for (const place of places().values()) {
      const town = place.a >= 0 ? towns[place.a] : null;
      const name = town ? town.name : "Provincie " + data.provincies[-1 - place.a];
      const where = town ? [town.lat, town.lon] : provinceCentres[-1 - place.a];
      const label = name + ": " + plural(place.count, "programma", "programma's");
      const marker = L.marker(where, { icon: countIcon(place.count, label), title: label, count: place.count, keyboard: true });
      // Leaflet opens the popup on a click or on Enter (keypress); remember which, to move focus into
      // the popup for keyboard users. Registered before bindPopup, whose handlers open the popup.
      marker.on("click", () => { marker._kbKeyboard = false; });
      marker.on("keypress", (event) => { marker._kbKeyboard = event.originalEvent.keyCode === 13; });
      marker.bindPopup(() => {
        const box = popupContent(place, name);
        box._kbFocus = marker._kbKeyboard;
        return box;
      });
      markers.push(marker);
    }
    cluster.clearLayers();
    cluster.addLayers(markers);
    if (here) here.remove();
    here = null;
    const town = state.gemeente;
    // No animated zoom: Leaflet drops a new view asked for while a zoom animation runs, and the
    // filters can change quickly (or wait for the columns), so the map could end up on an old view.
    const still = { animate: false };
    if (town) {
      here = L.circleMarker([town.lat, town.lon], { radius: 9, color: "#b3261e", weight: 3, fillOpacity: 0.15, interactive: false })
        .bindTooltip(el("span", "", town.name), { permanent: true, direction: "top", offset: [0, -8] }).addTo(map);
      const bounds = L.latLngBounds([[town.lat, town.lon]]);
      markers.forEach((m) => bounds.extend(m.getLatLng()));
      map.fitBounds(bounds.pad(0.2), { ...still, maxZoom: 10 });
    } else if (state.provincie >= 0) {
      const bounds = L.latLngBounds(provinceMembers[state.provincie].map((i) => [towns[i].lat, towns[i].lon]));
      map.fitBounds(bounds.pad(0.1), still);
    } else if (outlineBounds) {
      map.fitBounds(outlineBounds, still);
    }
  }

  // --- updating ------------------------------------------------------------------------

  let announceTimer = null;

  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { status.textContent = text; }, 400);
  }

  async function update(options) {
    if (filtering() && !cols) {
      try {
        await loadColumns();
      } catch (error) {
        status.textContent = "De filters konden niet worden geladen. Probeer het opnieuw.";
        return;
      }
    }
    current = compute();
    shown = PAGE;
    writeUrl();
    app.dataset.gemeente = state.gemeente ? state.gemeente.name : "";
    renderMap();
    const done = renderList();
    const opts = options || {};
    announce(opts.message || (opts.prefix || "") + summary(current));
    return done;
  }

  function setTown(town) {
    if (town === state.gemeente) return;
    state.gemeente = town;
    if (town) state.provincie = town.province;
    syncSelects();
    update();
  }

  // --- the municipality combobox -------------------------------------------------------

  let options = [], active = -1;

  function closeOptions() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function showOptions() {
    options = suggestions(input.value, 8);
    active = -1;
    input.removeAttribute("aria-activedescendant");
    const items = options.map((option, n) => {
      const li = el("li", "kb-kaart__optie", option.label);
      li.id = "kb-gemeente-optie-" + n;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the input
      li.addEventListener("click", () => choose(n));
      return li;
    });
    listbox.replaceChildren(...items);
    const open = items.length > 0 && !(options.length === 1 && lookup(input.value) === options[0].town && normalise(input.value) === options[0].key);
    listbox.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
  }

  function highlight(n) {
    const items = listbox.children;
    if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
    active = n;
    if (n >= 0 && items[n]) {
      items[n].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", items[n].id);
      items[n].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(n) {
    const option = options[n];
    if (!option) return;
    input.value = option.town.name;
    closeOptions();
    setTown(option.town);
  }

  input.addEventListener("input", () => {
    showOptions();
    const town = lookup(input.value);
    if (town || !input.value.trim()) setTown(town);
    else if (state.gemeente) setTown(null);
  });
  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) showOptions();
      if (options.length) highlight((active + 1) % options.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (open && options.length) highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (open && active >= 0) choose(active);
      else if (open && options.length === 1) choose(0);
      else closeOptions();
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        closeOptions();
      } else if (input.value) {
        event.preventDefault();
        input.value = "";
        setTown(null);
      }
    }
  });
  input.addEventListener("blur", () => setTimeout(closeOptions, 0));

  // --- start ---------------------------------------------------------------------------

  async function start() {
    prepare(await getJson(settings.index));
    $("kb-kaart-filters").addEventListener("submit", (event) => event.preventDefault());
    // Someone who reaches for a filter will likely use it: fetch the columns already (failures retry on use).
    $("kb-kaart-filters").addEventListener("focusin", () => { loadColumns().catch(() => {}); });
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
      Object.assign(state, { gemeente: null, provincie: -1, thema: -1, rol: -1, taal: -1, doelgroep: -1, vergoeding: -1 });
      input.value = "";
      syncSelects();
      update({ prefix: "Alle filters zijn gewist. " });
      input.focus();
    });
    more.addEventListener("click", () => {
      const from = shown;
      shown += PAGE;
      renderList(from);
    });
    const unknown = readUrl();
    syncSelects();
    app.hidden = false;
    if (fallback) fallback.hidden = true;
    try {
      await initMap();
    } catch (error) {
      $("kb-kaart-kaart").replaceChildren(el("p", "kb-kaart__fout", "De kaart kon niet worden geladen. De lijst werkt wel."));
    }
    await update(unknown ? { message: "Geen gemeente gevonden met de naam " + unknown + "." } : undefined);
    app.dataset.klaar = "ja";
    // The first view needs no per-programme columns; fetch them once it shows, so that the first
    // filter change does not wait for the network (failures retry on use).
    const later = window.requestIdleCallback || ((callback) => setTimeout(callback, 200));
    later(() => { loadColumns().catch(() => {}); });
  }

  start().catch(() => {
    // Without its data the map cannot work; the plain list below stays.
    app.hidden = true;
    if (fallback) fallback.hidden = false;
  });
})();
