/* The social map: Dutch counts and dates, as the Python pages write them (pages/common.py MONTHS, dutch_date). */

export const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
  "september", "oktober", "november", "december"];

/** "3 programma's", "1 programma". */
export function plural(n, one, many) {
  return n + " " + (n === 1 ? one : many);
}

/** "2021-02-23" → "23 februari 2021". */
export function dutchDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return d + " " + MONTHS[m - 1] + " " + y;
}
