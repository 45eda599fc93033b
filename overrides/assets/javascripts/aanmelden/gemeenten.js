/* The gazetteer in the browser: the forgiving look-ups of model/gazetteer.py and the messages of
 * fields.AreaField for 'werkgebied', with the same suggestion as `kennisbank check`.
 *
 * The names come from data/gemeenten.csv and data/voormalige_gemeenten.csv through formulier.json
 * (contribute/webform.py). tests/javascript/test_aanmelden_parity.py compares every function with Python.
 * The comparison key is the social map's (sociale-kaart/namen.js), which is gazetteer.normalise.
 */

import { normalise } from "../sociale-kaart/namen.js";
import { getCloseMatches } from "./difflib.js";
import { fill } from "./tekst.js";

function stripPrefix(key, prefixes) {
  for (const prefix of prefixes) if (key.startsWith(prefix + " ")) return key.slice(prefix.length + 1);
  return key;
}

const QUALIFIER = /\s*\([^()]*\)\s*$/;
const CODE = /^(?:GM)?\s*(\d{1,4})$/i;

/** The look-ups of gazetteer.Gazetteer over `data` ({municipalities: [[code, name, province, [aliases]]], former: [[name, successor]], provinces: {name: [aliases]}}). */
export class Gazetteer {
  constructor(data) {
    this.municipalities = data.municipalities.map(([code, name, province, aliases]) => ({ code, name, province, aliases }));
    this.byCode = new Map(this.municipalities.map((m) => [m.code, m]));
    this.byKey = new Map(); // key -> municipality, or null where two share an alias
    this.labels = new Map(); // key -> the spelling a suggestion shows
    this.byBase = new Map(); // key -> every municipality a name without qualifier (or a shared alias) may mean
    for (const m of this.municipalities) {
      const key = normalise(m.name);
      this.byKey.set(key, m);
      this.labels.set(key, m.name);
    }
    const official = new Set(this.byKey.keys());
    for (const m of this.municipalities) {
      for (const alias of m.aliases) {
        const key = normalise(alias);
        if (official.has(key)) continue;
        if (this.byKey.has(key) && this.byKey.get(key) !== m) {
          const shared = this.byBase.get(key) || [];
          for (const x of [this.byKey.get(key), m]) if (x && !shared.includes(x)) shared.push(x);
          this.byBase.set(key, shared);
          this.byKey.set(key, null);
        } else {
          this.byKey.set(key, m);
          if (!this.labels.has(key)) this.labels.set(key, alias);
        }
      }
    }
    for (const m of this.municipalities) {
      const base = normalise(m.name.replace(QUALIFIER, ""));
      if (base !== normalise(m.name)) {
        if (!this.byBase.has(base)) this.byBase.set(base, []);
        this.byBase.get(base).push(m);
      }
    }
    this.former = data.former.map(([name, successor]) => ({ name, successor }));
    this.formerByKey = new Map(this.former.map((f) => [normalise(f.name), f]));
    this.provinces = new Map();
    this.provinceNames = Object.keys(data.provinces);
    for (const [province, aliases] of Object.entries(data.provinces)) {
      for (const label of [province, ...aliases]) this.provinces.set(normalise(label), province);
    }
  }

  lookup(text) {
    const code = CODE.exec(text.trim());
    if (code) return this.byCode.get("GM" + code[1].padStart(4, "0")) || null;
    return this.byKey.get(stripPrefix(normalise(text), ["gemeente"])) || null;
  }

  province(text) {
    return this.provinces.get(stripPrefix(normalise(text), ["provincie", "province"])) || null;
  }

  candidates(text) {
    if (this.lookup(text)) return [];
    return this.byBase.get(stripPrefix(normalise(text), ["gemeente"])) || [];
  }

  formerSuccessor(text) {
    const former = this.formerByKey.get(stripPrefix(normalise(text), ["gemeente"]));
    return former ? this.lookup(former.successor) : null;
  }

  suggest(text, cutoff) {
    const key = stripPrefix(normalise(text), ["gemeente"]);
    if (!key) return null;
    const matches = getCloseMatches(key, this.labels.keys(), 1, cutoff);
    return matches.length ? this.labels.get(matches[0]) : null;
  }

  /** The official names, aliases, former names and provinces that start with (then contain) the text, for the autocomplete. */
  options(text, limit) {
    const key = stripPrefix(normalise(text), ["gemeente"]);
    if (!key) return [];
    const entries = [
      ...this.municipalities.flatMap((m) => [{ value: m.name, note: m.province }, ...m.aliases.map((a) => ({ value: a, note: m.name }))]),
      ...this.former.map((f) => ({ value: f.successor, note: `vroeger ${f.name}`, key: normalise(f.name) })),
      ...this.provinceNames.map((p) => ({ value: p, note: "provincie" })),
    ];
    const starts = [], contains = [];
    for (const entry of entries) {
      const at = (entry.key || normalise(entry.value)).indexOf(key);
      if (at === 0) starts.push(entry);
      else if (at > 0) contains.push(entry);
    }
    const byValue = (a, b) => a.value.localeCompare(b.value, "nl");
    return [...starts.sort(byValue), ...contains.sort(byValue)].slice(0, limit);
  }
}

/** fields.AreaField.check_item: the message for one area (a municipality, a province or a special word), or null. */
export function areaMessage(item, gazetteer, special, messages) {
  const name = item.trim();
  if (special.includes(name.toLowerCase()) || gazetteer.lookup(name) || gazetteer.province(name)) return null;
  const candidates = gazetteer.candidates(name);
  if (candidates.length) {
    const options = candidates.map((m) => `'${m.name}'`);
    const listing = options.length > 1 ? options.slice(0, -1).join(", ") + ` of ${options[options.length - 1]}` : options[0];
    return fill(messages.area_ambiguous, { name, listing });
  }
  const successor = gazetteer.formerSuccessor(name);
  if (successor) return fill(messages.area_former, { name, successor: successor.name });
  const suggestion = gazetteer.suggest(name, messages.suggest_cutoff);
  const hint = suggestion ? fill(messages.did_you_mean, { option: suggestion }) : fill(messages.area_no_suggestion, { national: messages.national });
  return fill(messages.area_unknown, { name, hint });
}

/** fields.AreaField.check: a special word ('landelijk', 'onbekend') with other areas, or null. */
export function areaAloneMessage(items, special, messages) {
  const specials = items.filter((i) => special.includes(i.trim().toLowerCase()));
  return specials.length && items.length > 1 ? fill(messages.area_alone, { special: specials[0] }) : null;
}
