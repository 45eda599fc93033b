/*
 * Kennisbank Sleutelpersonen: Dutch word forms that Pagefind's stemmer misses.
 *
 * Pagefind stems Dutch with an algorithm that keeps the ending -lijk, so "gemeentelijk"
 * stays "gemeentelijk" and does not find "gemeente". The Snowball stemmer for Dutch does
 * remove it (its step 3b): only when -lijk lies in the word's "R2" region, so that short
 * words such as "eerlijk" or "mogelijk" keep their meaning. We apply that one step to the
 * query; Pagefind stems the rest ("gemeente" → "gemeent", which also matches "gemeentelijk").
 * See https://snowballstem.org/algorithms/dutch/stemmer.html for R1 and R2.
 */

const VOWELS = "aeiouyè";
const LIJK = /^(.+)lijk(?:e|heid|heden)?$/;

/** Start of the region after the first non-vowel that follows a vowel, looking from `from`. */
function regionAfter(word, from) {
  for (let i = Math.max(from, 0) + 1; i < word.length; i++) {
    if (!VOWELS.includes(word[i]) && VOWELS.includes(word[i - 1])) return i + 1;
  }
  return word.length;
}

/** The word without -lijk (-lijke, -lijkheid, -lijkheden) when Snowball would remove it, else null. */
export function withoutLijk(word) {
  const lower = word.toLowerCase();
  const match = LIJK.exec(lower);
  if (!match) return null;
  const r1 = Math.max(3, regionAfter(lower, 0));
  const r2 = regionAfter(lower, r1);
  return match[1].length >= r2 ? match[1] : null;
}

/**
 * A wider query for words that end in -lijk, or null when there is none.
 * "gemeentelijk budget" → "gemeente budget". Exact searches ("…") stay as they are.
 */
export function widerQuery(query) {
  const text = query.trim();
  if (!text || /^".*"$/.test(text)) return null;
  let changed = false;
  const words = text.split(/\s+/).map((word) => {
    const base = withoutLijk(word);
    if (base) changed = true;
    return base || word;
  });
  return changed ? words.join(" ") : null;
}
