/* Python's difflib.get_close_matches, for the gazetteer's did-you-mean (model/gazetteer.py, Gazetteer.suggest).
 *
 * Why a port: the suggestion must be the one `kennisbank check` gives, and difflib's ratio has its own
 * rules (longest matching blocks, the "popular element" heuristic for long texts, ties broken by the
 * larger string). No npm package follows CPython's SequenceMatcher exactly; this one is compared with
 * Python over thousands of inputs in tests/javascript/test_aanmelden_parity.py.
 */

class SequenceMatcher {
  constructor(b) {
    this.b = b;
    const b2j = new Map();
    for (let i = 0; i < b.length; i++) {
      if (!b2j.has(b[i])) b2j.set(b[i], []);
      b2j.get(b[i]).push(i);
    }
    const n = b.length;
    if (n >= 200) { // autojunk: elements in more than 1% of b are "popular" and left out of the index
      const ntest = Math.floor(n / 100) + 1;
      for (const [element, indices] of [...b2j]) if (indices.length > ntest) b2j.delete(element);
    }
    this.b2j = b2j;
    this.fullbcount = null;
  }

  setSeq1(a) {
    this.a = a;
    this.matchingBlocks = null;
  }

  findLongestMatch(alo, ahi, blo, bhi) {
    const { a, b, b2j } = this;
    let besti = alo, bestj = blo, bestsize = 0;
    let j2len = new Map();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map();
      for (const j of b2j.get(a[i]) || []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) || 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
      }
      j2len = newj2len;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) { besti--; bestj--; bestsize++; }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  }

  getMatchingBlocks() {
    if (this.matchingBlocks) return this.matchingBlocks;
    const la = this.a.length, lb = this.b.length;
    const queue = [[0, la, 0, lb]];
    const blocks = [];
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop();
      const [i, j, k] = this.findLongestMatch(alo, ahi, blo, bhi);
      if (k) {
        blocks.push([i, j, k]);
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    blocks.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    const collapsed = [];
    let [i1, j1, k1] = [0, 0, 0];
    for (const [i2, j2, k2] of blocks) {
      if (i1 + k1 === i2 && j1 + k1 === j2) k1 += k2;
      else {
        if (k1) collapsed.push([i1, j1, k1]);
        [i1, j1, k1] = [i2, j2, k2];
      }
    }
    if (k1) collapsed.push([i1, j1, k1]);
    collapsed.push([la, lb, 0]);
    this.matchingBlocks = collapsed;
    return collapsed;
  }

  ratio() {
    const matches = this.getMatchingBlocks().reduce((sum, block) => sum + block[2], 0);
    return ratioOf(matches, this.a.length + this.b.length);
  }

  quickRatio() {
    if (!this.fullbcount) {
      this.fullbcount = new Map();
      for (const ch of this.b) this.fullbcount.set(ch, (this.fullbcount.get(ch) || 0) + 1);
    }
    const avail = new Map();
    let matches = 0;
    for (const ch of this.a) {
      const left = avail.has(ch) ? avail.get(ch) : this.fullbcount.get(ch) || 0;
      avail.set(ch, left - 1);
      if (left > 0) matches++;
    }
    return ratioOf(matches, this.a.length + this.b.length);
  }

  realQuickRatio() {
    return ratioOf(Math.min(this.a.length, this.b.length), this.a.length + this.b.length);
  }
}

function ratioOf(matches, length) {
  return length ? (2.0 * matches) / length : 1.0;
}

/** The best `n` of `possibilities` whose similarity to `word` is at least `cutoff`, best first. */
export function getCloseMatches(word, possibilities, n = 3, cutoff = 0.6) {
  // Python indexes strings by code point; Array.from does too.
  const matcher = new SequenceMatcher(Array.from(word));
  const found = [];
  for (const x of possibilities) {
    matcher.setSeq1(Array.from(x));
    if (matcher.realQuickRatio() >= cutoff && matcher.quickRatio() >= cutoff) {
      const score = matcher.ratio();
      if (score >= cutoff) found.push([score, x]);
    }
  }
  // heapq.nlargest over (score, x): a higher score first, then the larger string.
  found.sort((p, q) => q[0] - p[0] || (p[1] < q[1] ? 1 : p[1] > q[1] ? -1 : 0));
  return found.slice(0, n).map((pair) => pair[1]);
}
