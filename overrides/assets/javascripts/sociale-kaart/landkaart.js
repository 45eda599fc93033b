/* The social map: the Leaflet map (global L, from assets/vendor/) with a marker per place and clusters.
 *
 * Keyboard users can reach every marker and cluster: Enter on a cluster zooms in and focuses one of its
 * markers, Enter on a marker opens its popup with focus on the first link, and closing it returns focus.
 */

import { getJson } from "./gegevens.js";
import { el, linkParagraph, pageUrl } from "./dom.js";
import { plural } from "./tekst.js";

function countIcon(count, label, className) {
  const inner = el("span", "kb-kaart__aantal");
  inner.appendChild(el("span", "", String(count))).setAttribute("aria-hidden", "true");
  inner.appendChild(el("span", "kb-kaart__sr", label));
  const size = count < 10 ? 30 : count < 100 ? 36 : 44;
  return L.divIcon({ html: inner, className: "kb-kaart__punt " + (className || ""), iconSize: [size, size] });
}

/**
 * Places of the listed regional programmes: municipality or province -> {a, count, items}.
 * Without the columns (the unfiltered first view) only the counts are known; a popup loads the items.
 */
function places(data, columns, view) {
  const found = new Map();
  if (!columns) {
    for (const [a, count] of data.start.plaatsen) found.set(a, { a, count, items: null });
    return found;
  }
  for (const group of view.groups.filter((g) => g.key !== "landelijk")) {
    for (const { i } of group.items) {
      for (const a of columns.gebied[i]) {
        if (!found.has(a)) found.set(a, { a, count: 0, items: [] });
        const place = found.get(a);
        place.items.push(i);
        place.count++;
      }
    }
  }
  return found;
}

async function makeMap(element, settings) {
  const map = L.map(element, { minZoom: 6, maxZoom: 13, zoomSnap: 0.5, keyboard: true });
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
  const outlineBounds = layer.getBounds();
  map.fitBounds(outlineBounds);
  map.setMaxBounds(outlineBounds.pad(0.6));
  const cluster = L.markerClusterGroup({
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
  return { map, cluster, outlineBounds };
}

/**
 * Draw the map in `element` (after loading the outline of the Netherlands). `map` holds kaart.json (`data`),
 * `towns`, `provinceMembers`, `provinceCentres`, the column loader `columns` and `texts` (gegevens.js).
 * Returns `render(view, state)`, which shows the places of a computed view (filters.compute).
 */
export async function mapView(element, map, settings) {
  const { data, towns, provinceMembers, provinceCentres, columns, texts } = map;
  const { map: leaflet, cluster, outlineBounds } = await makeMap(element, settings);
  let here = null;
  let view = null;

  /** The programme indices of a place, loading the columns first if needed. */
  async function placeItems(place) {
    if (place.items) return place.items;
    await columns.load();
    place.items = places(data, columns.columns, view).get(place.a).items;
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
      return texts(first);
    }).then((rows) => {
      rows.forEach((row) => {
        const li = el("li", "");
        const a = el("a", "", row[1]);
        a.href = pageUrl(settings.programmas, row[0], settings.mappen);
        li.appendChild(a);
        list.appendChild(li);
      });
      if (place.items.length > first.length) list.appendChild(el("li", "", "en nog " + (place.items.length - first.length) + " (zie de lijst)"));
      const town = place.a >= 0 ? towns[place.a] : null;
      if (town && town.slug) box.appendChild(linkParagraph("", "Alle programma's in " + town.name, pageUrl(settings.gemeenten, town.slug, settings.mappen)));
      const link = box.querySelector("a");
      if (link && box._kbFocus) link.focus();
    }).catch(() => list.appendChild(el("li", "", "Kon de namen niet laden.")));
    return box;
  }

  function marker(place) {
    const town = place.a >= 0 ? towns[place.a] : null;
    const name = town ? town.name : "Provincie " + data.provincies[-1 - place.a];
    const where = town ? [town.lat, town.lon] : provinceCentres[-1 - place.a];
    const label = name + ": " + plural(place.count, "programma", "programma's");
    const made = L.marker(where, { icon: countIcon(place.count, label), title: label, count: place.count, keyboard: true });
    // Leaflet opens the popup on a click or on Enter (keypress); remember which, to move focus into
    // the popup for keyboard users. Registered before bindPopup, whose handlers open the popup.
    made.on("click", () => { made._kbKeyboard = false; });
    made.on("keypress", (event) => { made._kbKeyboard = event.originalEvent.keyCode === 13; });
    made.bindPopup(() => {
      const box = popupContent(place, name);
      box._kbFocus = made._kbKeyboard;
      return box;
    });
    return made;
  }

  function render(current, state) {
    view = current;
    const markers = [...places(data, columns.columns, view).values()].map(marker);
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
        .bindTooltip(el("span", "", town.name), { permanent: true, direction: "top", offset: [0, -8] }).addTo(leaflet);
      const bounds = L.latLngBounds([[town.lat, town.lon]]);
      markers.forEach((m) => bounds.extend(m.getLatLng()));
      leaflet.fitBounds(bounds.pad(0.2), { ...still, maxZoom: 10 });
    } else if (state.provincie >= 0) {
      const bounds = L.latLngBounds(provinceMembers[state.provincie].map((i) => [towns[i].lat, towns[i].lon]));
      leaflet.fitBounds(bounds.pad(0.1), still);
    } else if (outlineBounds) {
      leaflet.fitBounds(outlineBounds, still);
    }
  }

  return { render };
}
