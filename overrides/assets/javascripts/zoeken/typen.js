/* Search as you type: wait for a pause in typing, and run only the newest search. */

import { SHORT, preload } from "./motor.js";

// Search once typing pauses this long. The index chunks for the word are fetched at once
// (preload), so the search itself can start from memory.
const WAIT_MS = 60;
// A word shorter than SHORT is most likely still being typed: wait longer for it.
const SHORT_WAIT_MS = 400;

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
export function searchWhileTyping(input, search) {
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

