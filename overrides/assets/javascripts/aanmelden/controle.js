/* The checks of `kennisbank check` on the record the form makes, and how `kennisbank from-issue` reports
 * them (contribute/from_issue.py, convert): by the form's labels, without a second message for an answer
 * that was already refused, in the order of the questions.
 *
 * The record is validated with Ajv against the JSON Schema that `kennisbank schemas` writes (the
 * contract of a source file); the words come from the rules of the content model (model/fields.py and
 * model/checks.py), ported here field kind by field kind, with their texts from formulier.json.
 * 'werkgebied' is looked up forgivingly, as the check does; the schema's list holds only exact spellings,
 * so Ajv gets the official names of what the gazetteer found. A value the schema refuses that no ported
 * rule explains still blocks sending, with a message of its own (schema_other).
 */

import { areaAloneMessage, areaMessage } from "./gemeenten.js";
import { readForm } from "./lezen.js";
import { findings, hasMobile, prepare } from "./privacy.js";
import { fill, repr } from "./tekst.js";
import { Day, lineMap } from "./yaml.js";

let validators = null;

/** Ajv, compiled once for the schemas of formulier.json (loaded when the form is first checked). */
async function validator(context, kind) {
  if (!validators) {
    const { Ajv2020, addFormats } = await import("../../vendor/ajv/ajv2020.js");
    const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
    addFormats(ajv);
    validators = Object.fromEntries(Object.entries(context.schemas).map(([k, schema]) => [k, ajv.compile(schema)]));
  }
  return validators[kind];
}

const isGroup = (v) => v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Day);

/** The record as `kennisbank check` reads the file back: dates as text (model/loading.py keeps them so). */
export function loaded(value) {
  if (value instanceof Day) return value.iso;
  if (Array.isArray(value)) return value.map(loaded);
  if (isGroup(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, loaded(v)]));
  return value;
}

/** from_issue._ordered: fields in the order of the form, the one source as 'bronnen' (read today), the check date last. */
export function ordered(form, data, today) {
  const order = [...new Set(form.questions.filter((q) => q.field).map((q) => q.field.split(".")[0]))];
  const fields = {};
  for (const key of order) {
    if (!(key in data)) continue;
    if (key === "bron") fields.bronnen = [{ ...data.bron, geraadpleegd: today }];
    else fields[key] = data[key];
  }
  fields.laatst_geverifieerd = today;
  return fields;
}

// --- the partial dates of model/fields.py -------------------------------------------------------

function parsePartialDate(value) {
  if (typeof value !== "number" && typeof value !== "string") return null;
  const found = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value).trim());
  if (!found) return null;
  const [year, month, day] = found.slice(1).map((p) => (p ? Number(p) : 0));
  if (month && !(month >= 1 && month <= 12)) return null;
  if (day && !validDay(year, month, day)) return null;
  return { year, month, day };
}

function validDay(year, month, day) {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const iso = (y, m, d) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const earliest = (p) => iso(p.year, p.month || 1, p.day || 1);
function latest(p) {
  if (p.day) return iso(p.year, p.month, p.day);
  if (p.month) return iso(p.year, p.month, new Date(Date.UTC(p.year, p.month, 0)).getUTCDate());
  return iso(p.year, 12, 31);
}
const isoOf = (p) => (p.day ? iso(p.year, p.month, p.day) : p.month ? `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}` : String(p.year).padStart(4, "0"));

// --- the field kinds of model/fields.py ------------------------------------------------------

function* checkField(field, value, c) {
  const m = c.messages.fields;
  switch (field.type) {
    case "Text":
      if (typeof value !== "string") yield ["", fill(m.schema_other, { keyword: "type" })];
      else if (!value.trim()) yield ["", m.text_empty];
      else if (field.max_length && Array.from(value).length > field.max_length) yield ["", fill(m.text_too_long, { length: Array.from(value).length, maximum: field.max_length })];
      else if (!field.multiline && value.trim().includes("\n")) yield ["", m.text_one_line];
      return;
    case "Date": {
      const text = typeof value === "string" || typeof value === "number" ? String(value) : null;
      if (text === null || !/^\d{4}-\d{2}-\d{2}$/.test(text)) yield ["", fill(m.date_shape, { value, today: c.today })];
      else if (!parsePartialDate(text)) yield ["", fill(m.no_such_date, { value: text })];
      else if (text > c.today && !field.allow_future) yield ["", fill(m.in_the_future, { value: text })];
      return;
    }
    case "PartialDateField": {
      const day = parsePartialDate(value);
      const shaped = (typeof value === "number" || typeof value === "string") && /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.test(String(value).trim());
      if (!day && shaped) yield ["", fill(m.no_such_date, { value })];
      else if (!day || day.year < 1900) yield ["", fill(m.partial_date_shape, { value })];
      else if (earliest(day) > c.today && !field.allow_future) yield ["", fill(m.in_the_future, { value })];
      return;
    }
    case "CountField": {
      const exact = Number.isInteger(value) && value >= 1;
      if (!(exact || (typeof value === "string" && c.patterns.count.test(value.trim())))) {
        yield ["", fill(m.count, { value, qualifiers: c.countQualifiers.map(repr).join(", ") })];
      }
      return;
    }
    case "Integer": {
      if (!Number.isInteger(value)) {
        yield ["", fill(m.schema_other, { keyword: "type" })];
        return;
      }
      const top = field.until_this_year ? Number(c.today.slice(0, 4)) : field.maximum;
      if (value < field.minimum || (top !== null && value > top)) {
        const bound = top !== null ? fill(m.between, { minimum: field.minimum, maximum: top }) : fill(m.at_least, { minimum: field.minimum });
        yield ["", fill(m.integer_bounds, { value, bound })];
      }
      return;
    }
    case "Url":
      if (typeof value !== "string" || !c.patterns.url.test(value.trim())) yield ["", fill(m.url, { value })];
      return;
    case "Phone":
      if (typeof value === "string" && hasMobile(value)) yield ["", fill(m.phone_mobile, { private: c.messages.privacy.private })];
      else if (typeof value !== "string" || !c.patterns.phone.test(value.trim())) yield ["", fill(m.phone_shape, { value: String(value) })];
      return;
    case "Email": {
      const text = String(value).trim();
      if (typeof value !== "string" || !c.patterns.email.test(text)) yield ["", fill(m.email_shape, { value: text })];
      else if (!c.isRole(text)) yield ["", fill(m.email_personal, { examples: c.roleExamples, vocabulary: c.messages.privacy.role_vocabulary, private: c.messages.privacy.private })];
      return;
    }
    case "AreaField":
      yield* checkList(field, value, c, (item) => (typeof item === "string" ? [areaMessage(item, c.gazetteer, field.special, m)].filter(Boolean) : []));
      if (typeof value === "string" || Array.isArray(value)) {
        const alone = areaAloneMessage(typeof value === "string" ? [value] : value.map(String), field.special, m);
        if (alone) yield ["", alone];
      }
      return;
    case "Terms":
    case "Languages":
      yield* checkList(field, value, c, (item) => (field.allowed.includes(item) ? [] : [fill(m.not_allowed, { value: item })]));
      return;
    case "Choice":
      if (!field.allowed.includes(value)) yield ["", fill(m.not_allowed, { value })];
      return;
    case "Group":
      yield* checkGroup(field, value, c);
      return;
    case "GroupList":
      yield* checkList(field, value, c, (item) => [...checkGroup(field.group, item, c)]);
      return;
    default:
      return;
  }
}

function* checkList(field, value, c, checkItem) {
  if (typeof value === "string" && field.min_items) value = [value];
  if (!Array.isArray(value)) {
    yield ["", fill(c.messages.fields.schema_other, { keyword: "type" })];
    return;
  }
  if (value.length < field.min_items) yield ["", c.messages.fields.list_empty];
  const seen = new Set();
  for (const [index, item] of value.entries()) {
    if (seen.has(String(item))) yield [`[${index}]`, fill(c.messages.fields.twice, { item })];
    seen.add(String(item));
    for (const found of checkItem(item)) {
      if (Array.isArray(found)) yield [`[${index}]${found[0]}`, found[1]];
      else yield [`[${index}]`, found];
    }
  }
}

function* checkGroup(group, value, c) {
  if (!isGroup(value)) {
    yield ["", fill(c.messages.fields.schema_other, { keyword: "type" })];
    return;
  }
  const own = [...checkMapping(value, group.fields, c, ".")];
  yield* own;
  const wrong = new Set(own.map(([sub]) => sub.replace(/^\.+/, "")));
  for (const [earlier, later, message] of group.in_order) {
    const first = parsePartialDate(value[earlier]), second = parsePartialDate(value[later]);
    if (first && second && !wrong.has(earlier) && !wrong.has(later) && earliest(first) > latest(second)) {
      yield [`.${later}`, fill(message, { earlier: value[earlier], later: value[later] })];
    }
  }
}

function* checkMapping(data, fields, c, prefix = "") {
  for (const field of fields) {
    if (!(field.name in data)) {
      if (field.required) yield [`${prefix}${field.name}`, fill(c.messages.fields.required_missing, { kind: field.kind_text })];
      continue;
    }
    if (data[field.name] === null && !field.required) continue;
    for (const [sub, message] of checkField(field, data[field.name], c)) yield [`${prefix}${field.name}${sub}`, message];
  }
  const names = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(data)) if (!names.has(key)) yield [`${prefix}${key}`, fill(c.messages.fields.schema_other, { keyword: "additionalProperties" })];
}

// --- the other rules of model/checks.py on the record ---------------------------------------------

function* strings(value, path) {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
  else if (isGroup(value)) for (const [key, item] of Object.entries(value)) yield* strings(item, path ? `${path}.${key}` : key);
}

function* placeholders(record, c) {
  for (const [path, text] of strings(record, "")) if (text.includes(c.placeholder)) yield [path, c.messages.checks.placeholder];
}

function* running(record, c) {
  if (record.status !== "lopend") return;
  const dates = Array.isArray(record.bronnen) ? record.bronnen.filter(isGroup).map((b) => parsePartialDate(b.datum)).filter(Boolean) : [];
  const since = new Date(Date.parse(c.today + "T00:00:00Z") - c.recentDays * 86400000).toISOString().slice(0, 10);
  const m = c.messages.checks;
  if (!dates.some((d) => latest(d) >= since)) {
    const later = (a, b) => (a.year - b.year || a.month - b.month || a.day - b.day) >= 0 ? a : b; // max() of PartialDate(year, month, day)
    const newest = dates.length ? fill(m.newest_source, { date: isoOf(dates.reduce(later)) }) : m.no_source_date;
    yield ["status", fill(m.running_needs_recent_source, { since, newest })];
  }
  const end = isGroup(record.periode) ? parsePartialDate(record.periode.eind) : null;
  if (end && latest(end) < c.today) yield ["status", fill(m.running_after_end, { end: isoOf(end) })];
}

/** The rules on the body of a practice (placeholders, privacy), labelled as from_issue.label_of does: by the section of the line. */
function bodyParts(kind, reading, c) {
  if (kind !== "praktijk") return [];
  return c.forms[kind].questions.filter((q) => q.section !== null).map((q) => [q,
    q.section === "" ? `# ${reading.data.titel || ""}\n\n${reading.sections[""] || ""}` : reading.sections[q.section] || c.empty_section]);
}

async function bodyRules(kind, reading, c) {
  const parts = bodyParts(kind, reading, c);
  await prepare(parts.map(([, text]) => text));
  const found = [];
  for (const [q, text] of parts) {
    if (text.includes(c.placeholder)) found.push({ id: q.id, label: q.label, message: c.messages.checks.body_placeholder });
    for (const message of findings(text, c.roles, c.messages.privacy.in_contact, c.messages.privacy)) found.push({ id: q.id, label: q.label, message });
  }
  return found;
}

function* privateContact(record, c) {
  for (const [key, value] of Object.entries(record)) {
    if (key === "contact") continue;
    for (const [path, text] of strings(value, key)) {
      for (const message of findings(text, c.roles, c.messages.privacy.in_contact, c.messages.privacy)) yield [path, message];
    }
  }
}

const within = (field, fields) => [...fields].some((f) => field === f || field.startsWith(f + ".") || field.startsWith(f + "[") || f.startsWith(field + "[") || f.startsWith(field + "."));

/** Every problem `kennisbank check` finds in the record (the loaded view of the ordered data), as [path, message]. */
export async function checkRecord(kind, record, c) {
  await prepare([...strings(record, "")].map(([, text]) => text));
  const marks = [...placeholders(record, c)];
  const unfilled = new Set(marks.map(([path]) => path));
  const found = [...marks, ...[...checkMapping(record, c.model[kind], c)].filter(([path]) => !within(path, unfilled)),
    ...running(record, c), ...privateContact(record, c)];
  // The contract: what the JSON Schema refuses and no rule above explains still blocks sending.
  const validate = await validator(c, kind);
  const canonical = { ...record };
  const special = (c.model[kind].find((f) => f.type === "AreaField") || { special: [] }).special;
  if (Array.isArray(record.werkgebied) || typeof record.werkgebied === "string") {
    const items = typeof record.werkgebied === "string" ? [record.werkgebied] : record.werkgebied;
    canonical.werkgebied = [...new Set(items.map((i) => (typeof i !== "string" ? i
      : c.gazetteer.lookup(i)?.name || c.gazetteer.province(i) || (special.includes(i.trim().toLowerCase()) ? i.trim().toLowerCase() : i))))];
  }
  if (!validate(canonical)) {
    for (const error of validate.errors) {
      const path = error.instancePath.split("/").slice(1).reduce((p, part) => (/^\d+$/.test(part) ? `${p}[${part}]` : p ? `${p}.${part}` : part), "");
      const target = error.keyword === "required" ? (path ? `${path}.` : "") + error.params.missingProperty : path;
      if (!found.some(([p]) => within(p, new Set([target])) || p === target) && !within(target, unfilled)) {
        found.push([target, fill(c.messages.fields.schema_other, { keyword: error.keyword })]);
      }
    }
  }
  return found;
}

// --- from_issue.convert: reading and checking, reported by label ----------------------------------

/** from_issue.label_of: the label of the question a problem in the file is about. */
function labelOf(path, form, c) {
  let name = path;
  if (name === "bronnen" || name.startsWith("bronnen[0]")) {
    name = "bron" + name.replace(/^bronnen/, "").replace(/^\[0\]/, "");
    name = name.replace(".geraadpleegd", ".datum");
  }
  for (const q of form.questions) {
    if (q.field && (name === q.field || name.startsWith(q.field + "[") || name.startsWith(q.field + "."))) return q;
  }
  if (name in c.groupQuestions) return form.questions.find((q) => q.id === c.groupQuestions[name]) || null;
  return null;
}

/** Every problem with the answers, as from-issue reports them: [{id, label, message}], in question order. */
export async function checkAnswers(kind, answers, c) {
  const form = c.forms[kind];
  await prepare(Object.values(answers).flat().map(String));
  const reading = readForm(form, answers, c);
  const record = loaded(ordered(form, reading.data, new Day(c.today)));
  const lines = lineMap(record);
  const checked = (await checkRecord(kind, record, c))
    .map(([path, message]) => ({ path, message, line: lineOf(lines, path) }))
    .sort((a, b) => a.line - b.line || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  const refused = new Set(reading.problems.map((p) => p.label));
  const problems = [...reading.problems];
  for (const { path, message } of checked) {
    const q = labelOf(path, form, c);
    const label = q ? q.label : "";
    if (!refused.has(label)) problems.push({ id: q ? q.id : "", label, message });
  }
  problems.push(...(await bodyRules(kind, reading, c)).filter((p) => !refused.has(p.label)));
  const order = new Map(form.questions.map((q, n) => [q.label, n]));
  const unique = [...new Map(problems.map((p) => [`${p.label}\n${p.message}`, p])).values()];
  return { problems: unique.sort((a, b) => (order.get(a.label) ?? -1) - (order.get(b.label) ?? -1)), reading };
}

function lineOf(lines, path) {
  while (path) {
    if (lines.has(path)) return lines.get(path);
    path = path.replace(/(\[\d+\]|\.[^.[]+|^[^.[]+)$/, "");
  }
  return 1;
}
