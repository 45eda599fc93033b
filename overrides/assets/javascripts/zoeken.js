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
 * The parts are in zoeken/: motor.js (Pagefind), typen.js (search as you type), resultaten.js,
 * toetsen.js (keys), zoekpagina.js and zoekvak.js.
 *
 * Result titles and labels are set as text. Excerpts are HTML made by Pagefind (escaped
 * text with <mark> around matches); we keep only the text and the <mark> elements.
 */

import { SEARCH_PAGE } from "./zoeken/motor.js";
import { isTyping, isVisible } from "./zoeken/toetsen.js";
import { setupSearchPage } from "./zoeken/zoekpagina.js";
import { setupHeaderBox } from "./zoeken/zoekvak.js";

// The benchmark (scripts/kennisbank/tools/bench.py) searches through this module.
export { find, loadEngine } from "./zoeken/motor.js";

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
