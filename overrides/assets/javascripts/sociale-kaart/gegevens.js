/* The social map: loading and reading the data that scripts/kennisbank/pages/mapdata.py makes.
 *
 *   kaart.json      what the first, unfiltered view needs: municipalities, filter values, the number
 *                   of national programmes and the count per place (client_index there);
 *   kolommen.json   per programme its area and filter values as numbers (client_columns there),
 *                   loaded only when a filter is first used (or the URL already carries one);
 *   teksten/N.json  names, organisations, summaries and areas in blocks of `blok` programmes,
 *                   loaded only when the list or a popup shows one of them.
 * A failed load is forgotten, so the next use tries again.
 */

export const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"; // mapdata.DIGITS
const DIGIT_VALUES = new Int8Array(128);
for (let d = 0; d < DIGITS.length; d++) DIGIT_VALUES[DIGITS.charCodeAt(d)] = d;

export async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(url + ": " + response.status);
  return response.json();
}

/** The towns of kaart.json as objects, the towns of each province, and each province's centre (mean of its towns). */
export function geography(index) {
  const towns = index.gemeenten.map((row, i) => ({
    i, name: row[0], province: row[1], lat: row[2], lon: row[3], slug: row[4],
  }));
  const provinceMembers = index.provincies.map(() => []);
  towns.forEach((t) => provinceMembers[t.province].push(t.i));
  const provinceCentres = provinceMembers.map((members) => [
    members.reduce((s, i) => s + towns[i].lat, 0) / members.length,
    members.reduce((s, i) => s + towns[i].lon, 0) / members.length,
  ]);
  return { towns, provinceMembers, provinceCentres };
}

/** A string of fixed-width base-64 numbers (mapdata.base64_column) as an Int32Array. */
export function decodeDigits(text, width) {
  const values = new Int32Array(text.length / width);
  for (let i = 0, at = 0; i < values.length; i++) {
    let n = 0;
    for (let k = 0; k < width; k++) n = n * 64 + DIGIT_VALUES[text.charCodeAt(at++)];
    values[i] = n;
  }
  return values;
}

const KINDS = {
  een: (col) => (i, v) => col[i] === v,
  bit: (col) => (i, v) => (col[i] & (1 << v)) !== 0,
  lijst: (col) => (i, v) => col[i].includes(v),
};

/** Per facet a test (programme i, value index v) => bool, for the kind of each column of kolommen.json. */
export function matchers(columns, facets) {
  const found = {};
  for (const facet of facets) {
    const [kind, width] = columns.soort[facet];
    found[facet] = KINDS[kind](kind === "lijst" ? columns[facet] : decodeDigits(columns[facet], width));
  }
  return found;
}

/** Loads kolommen.json once: `load()` shares one promise; `columns` and `matchers` are null until it is done. */
export function columnLoader(url, facets) {
  const loader = { columns: null, matchers: null, load };
  let pending = null;
  function load() {
    if (!pending) {
      pending = getJson(url).then((loaded) => {
        loader.matchers = matchers(loaded, facets);
        loader.columns = loaded;
      }).catch((error) => {
        pending = null;
        throw error;
      });
    }
    return pending;
  }
  return loader;
}

/** A function from programme indices to their text rows [slug, name, organisation, summary, verified, stale, area]. */
export function textLoader(base, blockSize) {
  const blocks = new Map(); // block number -> Promise of rows
  function row(i) {
    const block = Math.floor(i / blockSize);
    if (!blocks.has(block)) {
      blocks.set(block, getJson(base + block + ".json").catch((error) => {
        blocks.delete(block);
        throw error;
      }));
    }
    return blocks.get(block).then((rows) => rows[i - block * blockSize]);
  }
  return (indices) => Promise.all(indices.map(row));
}
