/* The header box (partials/kb-zoekveld.html): a few quick results, and a link to the search page. */

import { SEARCH_PAGE, find, loadEngine } from "./motor.js";
import { FAILED, showResults, statusText } from "./resultaten.js";
import { arrowKeys } from "./toetsen.js";
import { searchWhileTyping } from "./typen.js";

const QUICK_SIZE = 5;

/** Set up the header's search form; returns its search box. */
export function setupHeaderBox(form) {
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
