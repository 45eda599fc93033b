/*
 * Kennisbank Sleutelpersonen: search on the Pagefind index.
 *
 * The index is made at build time (scripts/kennisbank/site/searchindex.py) and served from
 * the same site, in /pagefind/; a large site has it in parts, which are all searched
 * together. Pagefind loads only the index chunks a query needs. This file asks nothing
 * of any other origin.
 *
 * - The header box (partials/kb-zoekveld.html) shows a few quick results.
 * - The search page (partials/kb-zoekpagina.html) shows all results with filters and
 *   keeps the query and filters in its URL: zoeken/?q=…&type=…&thema=…&rol=…&provincie=…
 * - Keys: / or s focuses search (unless you are typing in a field), arrow keys move
 *   through the results, Enter opens one, Escape closes the list or clears the box.
 *
 * Result titles and labels are set as text. Excerpts are HTML made by Pagefind (escaped
 * text with <mark> around matches); we keep only the text and the <mark> elements.
 */

import { widerQuery } from "./zoekwoorden.js";

// This file is assets/javascripts/zoeken.js, so the site root is two folders up.
const ROOT = new URL("../../", import.meta.url);
const BUNDLE = new URL("pagefind/", ROOT);
const PAGEFIND = new URL("pagefind.js", BUNDLE);
// The parts of a large index and the ids of their word-list pages (scripts/kennisbank/site/searchindex.py).
const MANIFEST = new URL("kennisbank.json", BUNDLE);
const SEARCH_PAGE = new URL("zoeken/", ROOT);
const FILTERS = ["type", "thema", "rol", "provincie"];
const PAGE_SIZE = 10;
const QUICK_SIZE = 5;
// Search once typing pauses this long. The index chunks for the word are fetched at once
// (preload), so the search itself can start from memory.
const WAIT_MS = 60;
// A word this short is most likely still being typed, and as a prefix it matches so much
// that searching or fetching its chunks would cost more than it saves: wait longer for it.
const SHORT = 4;
const SHORT_WAIT_MS = 400;

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
function preload(query) {
  const text = query.trim();
  if (text.length < SHORT) return;
  loadEngine().then(({ pagefind }) => {
    pagefind.preload(text).catch(() => {});
    const wider = widerQuery(text);
    if (wider) pagefind.preload(wider).catch(() => {});
  }).catch(() => {});
}

/** A function that runs `action` once calls stop for `ms(...args)` milliseconds. */
function debounce(action, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), ms(...args));
  };
}

/** How long to wait after a key before searching for `query`. */
function pause(query) {
  return query.trim().length < SHORT ? SHORT_WAIT_MS : WAIT_MS;
}

/** Search as you type in `input`: fetch the chunks at once, run `search` when typing pauses. */
function searchWhileTyping(input, search) {
  const later = debounce(latestOnly(search), pause);
  input.addEventListener("input", () => {
    preload(input.value);
    later(input.value);
  });
}

/**
 * Runs `task` for the newest call only. While a run is busy, calls wait and only the newest
 * of them runs next: Pagefind searches one query at a time, so a queue of older queries
 * (one per key typed) would only delay the one the user is waiting for.
 */
function latestOnly(task) {
  let busy = false;
  let next = null;
  async function drain() {
    busy = true;
    try {
      while (next) {
        const args = next;
        next = null;
        await task(...args);
      }
    } finally {
      busy = false;
    }
  }
  return (...args) => {
    next = args;
    if (!busy) drain();
  };
}

/** Pagefind's excerpt as safe DOM nodes: text, and <mark> around the matches. Nothing else. */
function excerptNodes(html) {
  const template = document.createElement("template");
  template.innerHTML = html; // parsed inert: nothing in a template runs or loads
  const nodes = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.append(mark);
    } else {
      nodes.append(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

/** One result as a list item: type label, title link, excerpt. */
function resultItem(data) {
  const item = document.createElement("li");
  item.className = "kb-resultaat";
  const type = document.createElement("span");
  type.className = "kb-resultaat__soort";
  type.textContent = data.meta.soort || "Pagina";
  const link = document.createElement("a");
  link.className = "kb-resultaat__titel";
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const excerpt = document.createElement("p");
  excerpt.className = "kb-resultaat__tekst";
  excerpt.append(excerptNodes(data.excerpt || ""));
  item.append(type, link, excerpt);
  return item;
}

/** Add results[from, to) to a list; returns the first new link. */
async function showResults(list, results, from, to) {
  const data = await Promise.all(results.slice(from, to).map((result) => result.data()));
  const items = data.map(resultItem);
  list.append(...items);
  return items.length ? items[0].querySelector("a") : null;
}

function count(n) {
  return n === 1 ? "1 resultaat" : `${n} resultaten`;
}

/** The status line: how many results, or what to try when there are none. */
function statusText(total, query, filtered) {
  const q = query.trim();
  if (total > 0) {
    const what = q ? `${count(total)} voor “${q}”` : count(total);
    return `${what}${filtered ? " met de gekozen filters" : ""}.`;
  }
  if (!q) return "Geen pagina’s met deze filters. Zet een filter uit.";
  if (filtered) return `Geen resultaten voor “${q}” met de gekozen filters. Zet een filter uit of probeer een ander woord.`;
  return `Geen resultaten voor “${q}”. Controleer de spelling, of probeer een ander of korter woord.`;
}

const FAILED = "Zoeken lukt nu niet. Laad de pagina opnieuw of probeer het later nog eens.";

/** Is the user typing in a form field? Then single-letter shortcuts must not fire. */
function isTyping(element) {
  if (!element || !(element instanceof HTMLElement)) return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

function isVisible(element) {
  return Boolean(element) && element.getClientRects().length > 0;
}

/**
 * Arrow keys between a search box and its result links:
 * Down from the box goes to the first result, Up from the first result back to the box.
 */
function arrowKeys(input, list, onEscape) {
  const links = () => [...list.querySelectorAll("a")];
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && links().length) {
      event.preventDefault();
      links()[0].focus();
    }
  });
  list.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      all[event.key === "Home" ? 0 : all.length - 1].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.focus();
      onEscape?.();
    }
  });
}

/* --- the search page ------------------------------------------------------- */

function setupSearchPage(form) {
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

/* --- the header box ---------------------------------------------------------- */

function setupHeaderBox(form) {
  const input = form.elements.namedItem("q");
  const panel = form.querySelector("[data-kb-paneel]");
  const status = form.querySelector("[data-kb-status]");
  const list = form.querySelector("[data-kb-lijst]");
  const all = form.querySelector("[data-kb-alles]");
  const message = form.querySelector("[data-kb-melding]");
  let run = 0;

  function close() {
    panel.hidden = true;
  }

  async function search() {
    const mine = ++run;
    const query = input.value;
    if (!query.trim()) {
      list.replaceChildren();
      message.textContent = "";
      close();
      return;
    }
    try {
      const found = await find(query, {});
      if (mine !== run) return;
      list.replaceChildren();
      await showResults(list, found.results, 0, QUICK_SIZE);
      if (mine !== run) return;
      const text = statusText(found.results.length, query, false);
      status.textContent = text;
      const url = new URL(SEARCH_PAGE);
      url.searchParams.set("q", query.trim());
      all.href = url.href;
      all.textContent = found.results.length > QUICK_SIZE
        ? `Alle ${found.results.length} resultaten op de zoekpagina`
        : "Zoeken met filters op de zoekpagina";
      message.textContent = found.results.length ? `${text} Gebruik pijltje omlaag om ze te kiezen.` : text;
    } catch (error) {
      if (mine !== run) return;
      list.replaceChildren();
      status.textContent = FAILED;
      message.textContent = FAILED;
      console.warn("Zoeken mislukt:", error);
    }
    panel.hidden = document.activeElement !== input && !form.contains(document.activeElement);
  }

  input.addEventListener("focus", () => {
    loadEngine().catch(() => {});
    if (input.value.trim() && list.children.length) panel.hidden = false;
  }, { passive: true });
  searchWhileTyping(input, search);
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    if (!panel.hidden) close();
    else if (input.value) { input.value = ""; search(); }
  });
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget)) close();
  });
  input.addEventListener("keydown", (event) => {
    // After Escape closed the list, arrow down opens it again (before arrowKeys moves focus into it).
    if (event.key === "ArrowDown" && list.children.length) panel.hidden = false;
  });
  arrowKeys(input, list, close);
  return input;
}

/* --- start ----------------------------------------------------------------- */

const pageForm = document.querySelector("[data-kb-zoekpagina]");
const headerForm = document.querySelector("[data-kb-zoekveld]");
const pageInput = pageForm ? setupSearchPage(pageForm) : null;
const headerInput = headerForm ? setupHeaderBox(headerForm) : null;

document.addEventListener("keydown", (event) => {
  if (event.key !== "/" && event.key !== "s") return;
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTyping(event.target) || isTyping(document.activeElement)) return;
  event.preventDefault();
  const target = [pageInput, headerInput].find(isVisible);
  if (target) {
    target.focus();
    target.select();
  } else {
    location.href = SEARCH_PAGE.href;
  }
});
