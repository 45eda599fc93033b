/* The social map: the list of programmes under the filters, in groups, a page at a time. */

import { el, linkParagraph, pageUrl } from "./dom.js";
import { dutchDate } from "./tekst.js";

export const PAGE = 25; // list items shown at once; "Meer tonen" adds as many

function listItem(row, km, town, settings) {
  const [slug, name, organisation, text, verified, stale, area] = row;
  const item = el("li", "kb-kaart__item");
  const title = el("p", "kb-kaart__naam");
  const anchor = el("a", "", name);
  anchor.href = pageUrl(settings.programmas, slug, settings.mappen);
  title.appendChild(anchor);
  item.appendChild(title);
  item.appendChild(el("p", "kb-kaart__organisatie", organisation + " · " + area));
  if (km !== undefined) item.appendChild(el("p", "kb-kaart__afstand", "Ongeveer " + Math.round(km) + " km van " + town.name));
  item.appendChild(el("p", "kb-kaart__samenvatting", text));
  if (stale) item.appendChild(el("p", "kb-kaart__oud", "Controleer of dit nog klopt: laatst gecontroleerd op " + dutchDate(verified) + "."));
  return item;
}

function groupSection(group, items, rows, town, settings) {
  const section = el("section", "kb-kaart__groep");
  section.appendChild(el("h3", "", group.title));
  if (group.town && group.town.slug) {
    section.appendChild(linkParagraph("kb-kaart__gemeentepagina", "Pagina over sleutelpersonen in " + group.town.name,
      pageUrl(settings.gemeenten, group.town.slug, settings.mappen)));
  }
  const shown = [];
  if (!items.length) {
    section.appendChild(el("p", "", group.key === "lokaal"
      ? "Er werkt nog geen programma in " + group.town.name + " dat past bij je filters."
      : "Geen programma's in de buurt die passen bij je filters."));
  } else {
    const list = el("ul", "kb-kaart__items");
    items.forEach((item, n) => shown.push(list.appendChild(listItem(rows[n], item.km, town, settings))));
    section.appendChild(list);
  }
  return { section, shown };
}

/**
 * The list in `elements.results`, with the "Meer tonen" button `elements.more` and errors in `elements.status`.
 * `render(view, shown, town, focusFrom)` shows the first `shown` items of a computed view (filters.compute) and
 * moves focus to item number `focusFrom` when given; a render started later wins over one still loading.
 */
export function listView(elements, texts, settings) {
  const { results, more, status } = elements;
  let token = 0;

  async function render(view, shown, town, focusFrom) {
    const mine = ++token;
    const visible = [];
    let left = shown;
    for (const group of view.groups) {
      const items = group.items.slice(0, Math.max(left, 0));
      left -= items.length;
      visible.push({ group, items });
    }
    let rows;
    try {
      rows = await texts(visible.flatMap((v) => v.items.map((it) => it.i)));
    } catch (error) {
      if (mine === token) status.textContent = "De lijst kon niet worden geladen. Probeer het opnieuw.";
      return;
    }
    if (mine !== token) return;
    const fragment = document.createDocumentFragment();
    let r = 0;
    const items = [];
    for (const { group, items: groupItems } of visible) {
      if (!groupItems.length && !(group.key === "lokaal" || group.key === "dichtbij")) continue;
      const { section, shown: made } = groupSection(group, groupItems, rows.slice(r, r + groupItems.length), town, settings);
      r += groupItems.length;
      items.push(...made);
      fragment.appendChild(section);
    }
    results.replaceChildren(fragment);
    const total = view.groups.reduce((s, g) => s + g.items.length, 0);
    more.hidden = total <= shown;
    more.textContent = "Meer tonen (nog " + (total - shown) + ")";
    const firstNew = focusFrom === undefined ? null : items[focusFrom];
    if (firstNew) firstNew.querySelector("a").focus();
  }

  return { render };
}
