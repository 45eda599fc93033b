/* The social map: municipality names as a visitor types them.
 *
 * normalise() is gazetteer.normalise (scripts/kennisbank/model/gazetteer.py); change both together,
 * tests/javascript/test_parity.py compares them. A name is found by its official name first, then by an
 * alias or a former municipality's name (the first town to claim a key keeps it).
 */

/** Same comparison key as gazetteer.normalise: no case, accents, apostrophes or 's-prefix.
 *  Python's casefold() also turns ß into ss, which toLowerCase() does not. */
export function normalise(text) {
  const words = text.toLowerCase().replace(/ß/g, "ss").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/['’‘`´.]/g, "").replace(/[^0-9a-z]+/g, " ").trim().split(" ").filter(Boolean);
  if (words.length > 1 && words[0] === "s") words.shift();
  return words.join(" ");
}

/** A key without a leading "gemeente", as gazetteer.lookup ignores it. */
export function withoutPrefix(key) {
  return key.startsWith("gemeente ") ? key.slice(9) : key;
}

/**
 * Look-ups over the towns ([{name}], in index order), the aliases of each town and the former
 * municipalities ([[name, successor index]]): `lookup(text)` gives a town or null, and
 * `suggestions(text, limit)` the entries [{key, label, town}] for the autocomplete.
 */
export function nameIndex(towns, aliases, former) {
  const byKey = new Map(); // normalised name or alias -> town
  const names = []; // [{key, label, town}]
  towns.forEach((t) => {
    byKey.set(normalise(t.name), t);
    names.push({ key: normalise(t.name), label: t.name, town: t });
  });
  aliases.forEach((list, i) => list.forEach((alias) => {
    const key = normalise(alias);
    if (!byKey.has(key)) byKey.set(key, towns[i]);
    names.push({ key, label: alias + " (" + towns[i].name + ")", town: towns[i] });
  }));
  former.forEach(([name, successor]) => {
    const key = normalise(name);
    if (!byKey.has(key)) byKey.set(key, towns[successor]);
    names.push({ key, label: name + " (nu " + towns[successor].name + ")", town: towns[successor] });
  });

  function lookup(text) {
    return byKey.get(withoutPrefix(normalise(text))) || null;
  }

  /** Up to `limit` names that start with the text, then names that contain it. */
  function suggestions(text, limit) {
    const key = withoutPrefix(normalise(text));
    if (!key) return [];
    const starts = [], contains = [];
    for (const entry of names) {
      const at = entry.key.indexOf(key);
      if (at === 0) starts.push(entry);
      else if (at > 0) contains.push(entry);
    }
    const byLabel = (a, b) => a.label.localeCompare(b.label, "nl");
    return starts.sort(byLabel).concat(contains.sort(byLabel)).slice(0, limit);
  }

  return { lookup, suggestions };
}
