/* Search with the keyboard: arrow keys between a box and its results, and / or s to reach the box. */

/** Is the user typing in a form field? Then single-letter shortcuts must not fire. */
export function isTyping(element) {
  if (!element || !(element instanceof HTMLElement)) return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

export function isVisible(element) {
  return Boolean(element) && element.getClientRects().length > 0;
}

/**
 * Arrow keys between a search box and its result links:
 * Down from the box goes to the first result, Up from the first result back to the box.
 */
export function arrowKeys(input, list, onEscape) {
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
