/* The form's controls: reading the answers as GitHub would get them, filling them in again, and showing
 * problems next to each field and in a summary at the top.
 */

/** The answer to each question of a kind, by question id, as typed (dropdowns: the labels joined by ", "). */
export function readAnswers(root, form) {
  const answers = {};
  for (const q of form.questions) {
    const id = `${form.kind}-${q.id}`;
    if (q.type === "checkboxes" || (q.type === "dropdown" && q.multiple)) {
      const ticked = [...root.querySelectorAll(`input[name="${id}"]:checked`)].map((box) => box.value);
      answers[q.id] = q.type === "checkboxes" ? ticked : ticked.join(", ");
    } else {
      answers[q.id] = root.querySelector(`#${CSS.escape(id)}`).value;
    }
  }
  return answers;
}

export function fillAnswers(root, form, answers) {
  for (const q of form.questions) {
    const id = `${form.kind}-${q.id}`;
    const value = answers[q.id];
    if (value === undefined) continue;
    if (q.type === "checkboxes" || (q.type === "dropdown" && q.multiple)) {
      const chosen = new Set(Array.isArray(value) ? value : value.split(", "));
      for (const box of root.querySelectorAll(`input[name="${id}"]`)) box.checked = chosen.has(box.value);
    } else {
      root.querySelector(`#${CSS.escape(id)}`).value = value;
    }
  }
}

/** Where a link in the summary goes: the field itself, or for a group of boxes its first box (a fieldset takes no focus). */
function focusTarget(root, id) {
  const control = root.querySelector(`#${CSS.escape(id)}`);
  const first = control && control.tagName === "FIELDSET" ? control.querySelector("input") : null;
  return first ? first.id : id;
}

/** Problems ([{id, label, message}]) next to their fields and as links in the summary; returns the summary or null. */
export function showProblems(root, form, problems) {
  for (const q of form.questions) {
    const id = `${form.kind}-${q.id}`;
    const mine = problems.filter((p) => p.id === q.id);
    const note = root.querySelector(`#${CSS.escape(id)}-fout`);
    note.hidden = !mine.length;
    note.replaceChildren(...mine.map((p) => Object.assign(document.createElement("span"), { textContent: p.message })));
    const control = root.querySelector(`#${CSS.escape(id)}`);
    if (mine.length) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
  }
  const summary = root.querySelector("#kb-aanmelden-fouten");
  const list = summary.querySelector("#kb-aanmelden-foutenlijst");
  list.replaceChildren(...problems.map((p) => {
    const item = document.createElement("li");
    const target = p.id ? focusTarget(root, `${form.kind}-${p.id}`) : "";
    const link = document.createElement(target ? "a" : "span");
    if (target) link.href = `#${target}`;
    link.textContent = p.label ? `${p.label}: ${p.message}` : p.message;
    item.append(link);
    return item;
  }));
  summary.hidden = !problems.length;
  return problems.length ? summary : null;
}

/** The municipality box: the options that continue what is typed after the last comma. */
export function updateNames(input, gazetteer, special) {
  const list = document.getElementById(input.getAttribute("list"));
  const parts = input.value.split(/([,;]\s*)/);
  const last = parts.pop();
  const before = parts.join("");
  const options = gazetteer.options(last, 8);
  const extra = special.filter((s) => last.trim() && s.startsWith(last.trim().toLowerCase())).map((s) => ({ value: s, note: "" }));
  list.replaceChildren(...[...extra, ...options].map((o) => Object.assign(document.createElement("option"), {
    value: before + o.value, label: o.note ? `${o.value} (${o.note})` : o.value,
  })));
}
