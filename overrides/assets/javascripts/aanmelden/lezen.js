/* Reading the answers of the form as `kennisbank from-issue` reads them from an issue (contribute/from_issue.py):
 * the same cleaning, the same lists, choices, dates and numbers, and the same messages.
 *
 * The answers are what the person typed, by question id, as GitHub would put them in the issue: text,
 * the labels of the chosen options joined by ", ", and for the boxes the list of ticked labels.
 * `cleanAnswer` runs first on everything typed, so the issue, the e-mail and the file hold the same text.
 */

import { htmlProblem } from "./html.js";
import { hasEmail, hasMobile } from "./privacy.js";
import { fill } from "./tekst.js";
import { Day } from "./yaml.js";

// from_issue.CONTROL_RE, and what the form removes besides: C1 controls, other line separators, non-characters, lone surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\u200b\u202a-\u202e\u2066-\u2069\ufeff]|[\x80-\x9f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NO_RESPONSE = "_No response_";
const LIST_ITEM = /^(?:[-*+]|\d{1,3}[.)])\s+\S/;

/** What the form keeps of a typed text: from-issue's normalising (line ends, tabs, control characters), no spaces at line ends. */
export function cleanAnswer(text) {
  return text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(CONTROL, "").split("\n").map((line) => line.replace(/ +$/, "")).join("\n").trim();
}

/** Python's len(): code points. */
export const length = (text) => Array.from(text).length;

const pyStrip = (text) => text.replace(/^\s+|\s+$/g, "");

function splitList(text) {
  return [...new Set(text.split(/[,;\n]/).map(pyStrip).filter(Boolean))];
}

/** from_issue.markdown_text: plain text as Markdown that renders as the same text. */
export function markdownText(text) {
  let escaped = text.replace(/\\/g, "\\\\").replace(/</g, "&lt;").replace(/([[\]{}])/g, "\\$1");
  const lines = [];
  for (let line of escaped.split("\n")) {
    const bare = line.replace(/^\s+/, "");
    const indent = line.slice(0, line.length - bare.length);
    const previous = lines.length ? lines[lines.length - 1] : null;
    if (bare.startsWith("#") || bare.startsWith("```")) line = `${indent}\\${bare}`;
    else if (/^(?:=+|-{2,})\s*$/.test(bare) && previous !== null && previous.trim()) lines.push("");
    else if (LIST_ITEM.test(line) && previous !== null && previous.trim() && !LIST_ITEM.test(previous)) lines.push("");
    lines.push(line);
  }
  escaped = lines.join("\n").replace(/\n{3,}/g, "\n\n");
  return pyStrip(escaped);
}

/** Reads the answers of one form (forms[kind] of formulier.json); returns {data, sections, problems: [{id, label, message}]}. */
export function readForm(form, answers, context) {
  const reading = { data: {}, sections: {}, problems: [] };
  for (const question of form.questions) readAnswer(question, answers[question.id], context, reading);
  return reading;
}

function fail(reading, question, message) {
  reading.problems.push({ id: question.id, label: question.label, message });
}

function put(reading, path, value) {
  const parts = path.split(".");
  let target = reading.data;
  for (const group of parts.slice(0, -1)) target = target[group] = target[group] || {};
  target[parts[parts.length - 1]] = value;
}

function readAnswer(question, raw, context, reading) {
  const m = context.messages.from_issue;
  if (question.type === "checkboxes") {
    const ticked = new Set(raw || []);
    for (const option of question.options) if (!ticked.has(option)) fail(reading, question, fill(m.tick, { option }));
    return;
  }
  const text = cleanAnswer(raw || "");
  if (text === "" || text === NO_RESPONSE || (question.type === "dropdown" && text === "None")) {
    if (question.required) fail(reading, question, question.type === "dropdown" ? m.required_choice : m.required);
    return;
  }
  if (length(text) > question.max_length) {
    fail(reading, question, fill(m.too_long, { length: length(text), maximum: question.max_length }));
    return;
  }
  const html = htmlProblem(text, context.messages.markup);
  if (html) {
    fail(reading, question, html);
    return;
  }
  if (question.section !== null) {
    privacy(question, text, context, reading);
    reading.sections[question.section] = markdownText(text);
    return;
  }
  const value = readValue(question, text, context, reading);
  if (value !== null && !(Array.isArray(value) && !value.length)) put(reading, question.field, value);
}

function privacy(question, text, context, reading) {
  const m = context.messages.from_issue;
  const p = context.messages.privacy;
  if (hasMobile(text)) fail(reading, question, fill(m.mobile, { private: p.private }));
  if (hasEmail(text)) {
    const where = question.field === "hoe_inzetten" ? fill(m.email_belongs_in_contact, { label: context.contactEmailLabel }) : "";
    fail(reading, question, fill(m.email, { private: p.private, where }));
  }
}

function choices(question, text, context, reading) {
  const terms = context.vocabularies[question.vocabulary];
  const byName = new Map([...terms.map(([key, label]) => [label.toLowerCase(), key]), ...terms.map(([key]) => [key, key])]);
  const keys = [];
  for (const item of splitList(text)) {
    const key = byName.get(item.toLowerCase());
    if (key === undefined) fail(reading, question, fill(context.messages.from_issue.not_a_choice, { item, labels: terms.map((t) => t[1]).join(", ") }));
    else if (!keys.includes(key)) keys.push(key);
  }
  if (!question.multiple && keys.length > 1) fail(reading, question, context.messages.from_issue.one_choice);
  return keys;
}

function languageCodes(question, text, context, reading) {
  const byName = new Map(Object.entries(context.languages).map(([code, name]) => [name.toLowerCase(), code]));
  const found = [];
  for (const item of splitList(text)) {
    const lower = item.toLowerCase();
    const code = lower in context.languages ? lower : byName.get(lower);
    if (code === undefined) fail(reading, question, fill(context.messages.from_issue.not_a_language, { item }));
    else if (!found.includes(code)) found.push(code);
  }
  return found;
}

function pad2(n) {
  return String(n).padStart(2, "0");
}

function validDay(year, month, day) {
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && year <= 9999 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function readDate(question, text, context, reading) {
  const m = context.messages.from_issue;
  for (const [n, pattern] of [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/].entries()) {
    const match = pattern.exec(text);
    if (match) {
      const [year, month, day] = (n === 0 ? match.slice(1) : match.slice(1).reverse()).map(Number);
      if (!validDay(year, month, day)) {
        fail(reading, question, fill(m.no_such_date, { value: text }));
        return null;
      }
      return new Day(`${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`);
    }
  }
  fail(reading, question, fill(m.date_shape, { value: text }));
  return null;
}

function readValue(question, text, context, reading) {
  const m = context.messages.from_issue;
  const kind = question.value_kind;
  if (!["terms", "choice", "longtext"].includes(kind) && question.type === "input") text = text.split(/\s+/).filter(Boolean).join(" ");
  if (kind === "terms" || kind === "choice") {
    const keys = choices(question, text, context, reading);
    return kind === "terms" ? keys : keys.length ? keys[0] : null;
  }
  if (kind === "languages") return languageCodes(question, text, context, reading);
  if (kind === "area") {
    const items = splitList(text);
    return items.length === 1 && ["landelijk", "onbekend"].includes(items[0].toLowerCase()) ? items[0] : items;
  }
  if (kind === "number" || kind === "year") {
    const [pattern, what] = context.numberForms[kind];
    if (!new RegExp(`^(?:${pattern})$`).test(text)) {
      fail(reading, question, fill(m.number_shape, { value: text, what }));
      return null;
    }
    return /^\d+$/.test(text) ? Number(text) : text;
  }
  if (kind === "date") return readDate(question, text, context, reading);
  if (kind === "partialdate") {
    const month = /^(\d{4})(?:-(\d{1,2}))?$/.exec(text);
    if (month) {
      if (month[2] && !(Number(month[2]) >= 1 && Number(month[2]) <= 12)) {
        fail(reading, question, fill(m.no_such_month, { value: text }));
        return null;
      }
      return month[2] ? `${month[1]}-${pad2(Number(month[2]))}` : Number(month[1]);
    }
    return readDate(question, text, context, reading);
  }
  if (kind === "url") {
    const url = text.replace(/\(/g, "%28").replace(/\)/g, "%29");
    if (!context.patterns.issue_url.test(url)) {
      fail(reading, question, fill(m.url, { value: text }));
      return null;
    }
    return url;
  }
  if (kind === "email") {
    if (!context.patterns.issue_email.test(text)) {
      fail(reading, question, fill(m.email_shape, { value: text }));
      return null;
    }
    return text;
  }
  const bad = [...context.markupChars].filter((c) => text.includes(c));
  if (bad.length) {
    fail(reading, question, fill(m.markup_chars, { chars: bad.join(" ") }));
    return null;
  }
  if (kind !== "phone") privacy(question, text, context, reading);
  return text;
}
