/* The search page (partials/kb-zoekpagina.html): all results with filters, the query and filters in the URL
 * (zoeken/?q=…&type=…&thema=…&rol=…&provincie=…). */

import { find, loadEngine } from "./motor.js";
import { FAILED, showResults, statusText } from "./resultaten.js";
import { arrowKeys } from "./toetsen.js";
import { searchWhileTyping } from "./typen.js";

const FILTERS = ["type", "thema", "rol", "provincie"];
const PAGE_SIZE = 10;

/** Set up the search page's form; returns its search box. */
export function setupSearchPage(form) {
  const input = form.elements.namedItem("q");
  const selects = FILTERS.map((name) => form.elements.namedItem(name)).filter(Boolean);
  const status = document.getElementById("zoekstatus");
  const list = document.getElementById("zoekresultaten");
  const more = document.querySelector("[data-kb-meer]");
  const clear = form.querySelector("[data-kb-wissen]");
  let current = { results: [], shown: 0 };
  let run = 0;

  const filters = () => Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value]));

  function restore() {
    const params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    for (const select of selects) {
      const value = params.get(select.name) || "";
      if (value && ![...select.options].some((o) => o.value === value)) {
        select.add(new Option(value, value)); // a value from an old link: keep it visible
      }
      select.value = value;
    }
  }

  function saveUrl() {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    for (const [name, value] of Object.entries(filters())) params.set(name, value);
    const query = params.toString();
    history.replaceState(history.state, "", query ? `?${query}` : location.pathname);
  }

  async function search() {
    const mine = ++run;
    const query = input.value;
    const chosen = filters();
    try {
      const found = await find(query, chosen);
      if (mine !== run) return;
      list.replaceChildren();
      current = { results: found ? found.results : [], shown: 0 };
      if (!found) {
        status.textContent = "Typ een woord om te zoeken, of kies een filter.";
      } else {
        await showMore(false);
        if (mine !== run) return;
        status.textContent = statusText(found.results.length, query, Object.keys(chosen).length > 0);
      }
    } catch (error) {
      if (mine !== run) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = FAILED;
      console.warn("Zoeken mislukt:", error);
    }
    more.hidden = current.shown >= current.results.length;
  }

  async function showMore(focus) {
    const first = await showResults(list, current.results, current.shown, current.shown + PAGE_SIZE);
    current.shown = Math.min(current.shown + PAGE_SIZE, current.results.length);
    more.hidden = current.shown >= current.results.length;
    if (focus && first) first.focus();
  }

  /** Hide filter values that no page in the index has (except the chosen one). */
  async function pruneOptions() {
    try {
      const available = await (await loadEngine()).pagefind.filters();
      for (const select of selects) {
        for (const option of select.options) {
          const empty = option.value && !(available[select.name] || {})[option.value];
          option.hidden = option.disabled = Boolean(empty) && option.value !== select.value;
        }
      }
    } catch {
      /* search() reports the failure */
    }
  }

  searchWhileTyping(input, () => { saveUrl(); return search(); });
  form.addEventListener("change", (event) => {
    if (event.target.tagName === "SELECT") { saveUrl(); search(); }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveUrl();
    search();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && input.value) {
      event.preventDefault();
      input.value = "";
      saveUrl();
      search();
    }
  });
  clear.addEventListener("click", () => {
    for (const select of selects) select.value = "";
    saveUrl();
    search();
    pruneOptions();
  });
  more.addEventListener("click", async () => {
    await showMore(true);
    status.textContent = `${statusText(current.results.length, input.value, Object.keys(filters()).length > 0)} Je ziet er ${current.shown}.`;
  });
  arrowKeys(input, list);
  window.addEventListener("popstate", () => { restore(); search(); });

  restore();
  search();
  pruneOptions();
  return input;
}
