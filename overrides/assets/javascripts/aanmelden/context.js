/* The context every check needs: formulier.json (contribute/webform.py) made ready to use, today's date and the JSON Schemas. */

import { Gazetteer } from "./gemeenten.js";
import { isRoleAddress, roleExamples } from "./privacy.js";

/** Today in the visitor's time zone, as JJJJ-MM-DD. */
export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export function makeContext(data, day, schemas) {
  const roles = data.roles;
  return {
    ...data,
    today: day,
    schemas,
    gazetteer: new Gazetteer(data.gazetteer),
    patterns: Object.fromEntries(Object.entries(data.patterns).map(([name, source]) => [name, new RegExp(source, name === "email" ? "i" : "")])),
    numberForms: data.number_forms,
    countQualifiers: data.count_qualifiers,
    markupChars: data.markup_chars,
    recentDays: data.recent_days,
    groupQuestions: data.group_questions,
    contactEmailLabel: data.contact_email_label,
    isRole: (address) => isRoleAddress(address, roles),
    roleExamples: roleExamples(roles),
  };
}
