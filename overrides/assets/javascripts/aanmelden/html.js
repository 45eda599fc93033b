/* HTML in a text field (model/markup.py, rule_no_markup_in_fields): the form refuses it with the words
 * of `kennisbank check`, before anything leaves the browser. Also refused is what `kennisbank from-issue`
 * would strip as HTML (its strip_html), so the file made here is the file from-issue makes.
 */

import { fill } from "./tekst.js";

const HTML_START = /<[A-Za-z/!?]/g;
const AUTOLINK = /^<(?:(?:https?|ftp):\/\/[^<>\s]*|mailto:[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>/i;
// from_issue.strip_html's patterns
const ELEMENT = /<(script|style|iframe|object|embed|template|noscript|svg|math|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)/i;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/;
const TAG = /<\/?[A-Za-z][^<>]*>|<![^<>]*>|<\?[^<>]*>/;

function snippetAt(text, start) {
  const end = text.slice(start, start + 40).indexOf(">");
  return end >= 0 ? text.slice(start, start + end + 1) : text.slice(start, start + 30) + "…";
}

/** markup._html_problem(text, allow_wrappers=False) for a text field, as the check says it; null without HTML. */
export function htmlProblem(text, messages) {
  const indent = text.length - text.replace(/^\s+/, "").length;
  const lastGt = text.lastIndexOf(">");
  for (const found of text.matchAll(HTML_START)) {
    const start = found.index;
    if (AUTOLINK.test(text.slice(start, start + 2000)) || messages.comments.some((c) => text.startsWith(c, start))) continue;
    if (lastGt < start && start > indent) continue; // "a<b" in a sentence is text
    return fill(messages.html_here, { snippet: snippetAt(text, start), rest: messages.plain_text_only });
  }
  const stripped = [ELEMENT, COMMENT, TAG].map((re) => re.exec(text)).filter(Boolean).sort((a, b) => a.index - b.index)[0];
  return stripped ? fill(messages.html_here, { snippet: snippetAt(text, stripped.index), rest: messages.plain_text_only }) : null;
}
