/* Messages with {placeholders}, filled in as Python's str.format does with named fields.
 *
 * The templates come from the Python source (contribute/webform.py writes them into formulier.json),
 * so the form says the same words as `kennisbank check` and `kennisbank from-issue`.
 */

/** The template with every {name} replaced by values[name]; "{{" and "}}" are literal braces. */
export function fill(template, values = {}) {
  return template.replace(/\{\{|\}\}|\{([a-z_]+)\}/g, (whole, name) => {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    if (!(name in values)) throw new Error(`geen waarde voor {${name}} in '${template}'`);
    return String(values[name]);
  });
}

/** Python's repr() of a plain string, as the messages quote options: 'ruim'. */
export function repr(text) {
  return text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
