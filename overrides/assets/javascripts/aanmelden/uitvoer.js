/* The three ways out of the form: a prefilled GitHub issue, an e-mail to the editors, the source file.
 *
 * The issue body is written as GitHub writes a submitted issue form (a "### Label" heading per question,
 * "_No response_" when empty, "- [X] label" per ticked box), so `kennisbank from-issue` reads it unchanged;
 * the e-mail holds the same text, so the editors can run from-issue on it too. The file is the file
 * from-issue makes (contribute/from_issue.py, render).
 */

import { ordered } from "./controle.js";
import { fill } from "./tekst.js";
import { Day, dump } from "./yaml.js";

/** GitHub's limit on a URL is about 8 KB; above this the issue route is not offered. */
export const MAX_URL = 8000;

/** The issue body as GitHub writes it for these answers (already cleaned: lezen.js, cleanAnswer). */
export function issueBody(form, answers, noResponse) {
  return form.questions.map((q) => {
    if (q.type === "checkboxes") {
      const ticked = new Set(answers[q.id] || []);
      return `### ${q.label}\n\n` + q.options.map((o) => `- [${ticked.has(o) ? "X" : " "}] ${o}`).join("\n");
    }
    return `### ${q.label}\n\n${answers[q.id] || noResponse}`;
  }).join("\n\n") + "\n";
}

export function issueTitle(form, answers) {
  return form.title + (answers[form.questions[0].id] || "");
}

/** The GitHub issue form of this kind, with every answer filled in by its question id. */
export function issueUrl(repo, form, answers) {
  const params = new URLSearchParams({ template: form.file, title: issueTitle(form, answers) });
  for (const q of form.questions) if (q.type !== "checkboxes" && answers[q.id]) params.set(q.id, answers[q.id]);
  return `${repo}/issues/new?${params}`;
}

export function mailUrl(email, form, answers, noResponse) {
  const body = issueBody(form, answers, noResponse).replace(/\n/g, "\r\n");
  return `mailto:${email}?subject=${encodeURIComponent(issueTitle(form, answers))}&body=${encodeURIComponent(body)}`;
}

/** fields.slugify: lower-case ASCII with hyphens. */
export function slugify(text) {
  return text.normalize("NFKD").replace(/\P{ASCII}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

export function fileName(form, reading) {
  return (slugify(String(reading.data[form.questions[0].field] || "")) || form.kind) + form.suffix;
}

/** from_issue.render: the text of the new source file. */
export function sourceFile(form, reading, context) {
  const day = new Day(context.today);
  const head = fill(context.schema_line, { kind: form.kind }) + dump(ordered(form, reading.data, day));
  if (form.kind === "programma") return head;
  let text = `---\n${head}---\n\n# ${reading.data.titel || ""}\n\n${reading.sections[""] || ""}\n`;
  for (const section of context.practice_sections) text += `\n## ${section}\n\n${reading.sections[section] || context.empty_section}\n`;
  return text;
}
