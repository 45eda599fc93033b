/* The social map: the municipality box, an ARIA combobox with suggestions (WAI-ARIA APG, list autocomplete).
 *
 * Arrow keys move through the suggestions, Enter chooses one, Escape closes the list or clears the box.
 * A name that matches exactly chooses the town while typing; clearing the box (or typing an unknown name
 * after a town was chosen) chooses no town.
 */

import { el } from "./dom.js";
import { normalise } from "./namen.js";

/**
 * Wire the combobox `input` with its `listbox`. `names` is namen.nameIndex; `chosen()` gives the town now
 * chosen and `choose(town)` is called with a town or null.
 */
export function municipalityBox(input, listbox, names, chosen, choose) {
  let options = [], active = -1;

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function pick(n) {
    const option = options[n];
    if (!option) return;
    input.value = option.town.name;
    close();
    choose(option.town);
  }

  function show() {
    options = names.suggestions(input.value, 8);
    active = -1;
    input.removeAttribute("aria-activedescendant");
    const items = options.map((option, n) => {
      const li = el("li", "kb-kaart__optie", option.label);
      li.id = "kb-gemeente-optie-" + n;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the input
      li.addEventListener("click", () => pick(n));
      return li;
    });
    listbox.replaceChildren(...items);
    const exact = options.length === 1 && names.lookup(input.value) === options[0].town && normalise(input.value) === options[0].key;
    const open = items.length > 0 && !exact;
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

  input.addEventListener("input", () => {
    show();
    const town = names.lookup(input.value);
    if (town || !input.value.trim()) choose(town);
    else if (chosen()) choose(null);
  });
  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) show();
      if (options.length) highlight((active + 1) % options.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (open && options.length) highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (open && active >= 0) pick(active);
      else if (open && options.length === 1) pick(0);
      else close();
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        close();
      } else if (input.value) {
        event.preventDefault();
        input.value = "";
        choose(null);
      }
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 0));
}
