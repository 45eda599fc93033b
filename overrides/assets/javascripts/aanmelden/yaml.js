/* The YAML of a new source file, written exactly as `kennisbank from-issue` writes it (PyYAML's SafeDumper
 * with the house style of contribute/from_issue.py: short lists inline, groups as blocks, multi-line text
 * as a literal block, dates bare, width 1000, Unicode as it is).
 *
 * Why our own: no YAML library for the browser chooses quotes as PyYAML does, and the downloaded file
 * must be the file from-issue makes. This is PyYAML's emitter (analyze_scalar, choose_scalar_style and
 * the writers) for the values a form gives: mappings, lists, strings, whole numbers and dates. The form
 * cleans text first (lezen.js, cleanAnswer), so no string needs PyYAML's double-quoted style; one that
 * would is an error here rather than a different file. tests/javascript/test_aanmelden_parity.py compares
 * this with PyYAML over many generated values.
 */

/** A calendar day, written bare as PyYAML writes a date. */
export class Day {
  constructor(iso) {
    this.iso = iso;
  }
}

const BREAKS = "\n\x85\u2028\u2029";
const SPACE_OR_BREAK = "\0 \t\r\n\x85\u2028\u2029";

// PyYAML's implicit resolvers (yaml/resolver.py): a plain scalar that matches one is not read back as text.
const RESOLVERS = [
  [/^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/, "yYnNtTfFoO"],
  [/^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, "-+0123456789."],
  [/^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/, "-+0123456789"],
  [/^(?:<<)$/, "<"],
  [/^(?:~|null|Null|NULL|)$/, "~nN"],
  [/^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/, "0123456789"],
  [/^(?:=)$/, "="],
  [/^(?:!|&|\*)$/, "!&*"],
];

/** Whether PyYAML would read the plain scalar back as something other than text. Python's `$` also matches before a final newline. */
function resolvesToOther(value) {
  if (value === "") return true;
  const text = value.endsWith("\n") ? value.slice(0, -1) : value;
  return RESOLVERS.some(([pattern, firsts]) => firsts.includes(value[0]) && pattern.test(text));
}

function isUnicodeOk(ch) {
  const c = ch.codePointAt(0);
  return (c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c < 0x10ffff)) && c !== 0xfeff;
}

/** PyYAML's Emitter.analyze_scalar, over code points. */
export function analyse(scalar) {
  const chars = Array.from(scalar);
  if (!chars.length) return { empty: true, multiline: false, flowPlain: false, blockPlain: true, single: true, block: false };
  let blockIndicators = false, flowIndicators = false, lineBreaks = false, special = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false, breakSpace = false, spaceBreak = false;
  if (scalar.startsWith("---") || scalar.startsWith("...")) blockIndicators = flowIndicators = true;
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || SPACE_OR_BREAK.includes(chars[1]);
  let previousSpace = false, previousBreak = false;
  chars.forEach((ch, index) => {
    if (index === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) flowIndicators = blockIndicators = true;
      if ("?:".includes(ch)) {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === "-" && followedByWhitespace) flowIndicators = blockIndicators = true;
    } else {
      if (",?[]{}".includes(ch)) flowIndicators = true;
      if (ch === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === "#" && precededByWhitespace) flowIndicators = blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!(ch === "\n" || (ch >= " " && ch <= "~")) && !isUnicodeOk(ch)) special = true;
    if (ch === " ") {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = previousBreak = false;
    }
    precededByWhitespace = SPACE_OR_BREAK.includes(ch);
    followedByWhitespace = index + 2 >= chars.length || SPACE_OR_BREAK.includes(chars[index + 2]);
  });
  let flowPlain = true, blockPlain = true, single = true, block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) flowPlain = blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) flowPlain = blockPlain = single = false;
  if (spaceBreak || special) flowPlain = blockPlain = single = block = false;
  if (lineBreaks) flowPlain = blockPlain = false;
  if (flowIndicators) flowPlain = false;
  if (blockIndicators) blockPlain = false;
  return { empty: false, multiline: lineBreaks, flowPlain, blockPlain, single, block };
}

/** A string as PyYAML writes it in a block mapping (flow = false) or an inline list (flow = true), at `indent`. */
export function scalar(text, { flow = false, indent = 0 } = {}) {
  if (/[\x85\u2028\u2029]/.test(text)) throw new Error(`het formulier haalt deze regeleinden weg: ${JSON.stringify(text)}`);
  const a = analyse(text);
  const literal = text.includes("\n");
  if (!literal && !resolvesToOther(text) && (flow ? a.flowPlain : a.blockPlain)) return text;
  if (literal && !flow && a.block) return literalBlock(text, indent + 2);
  if (!literal && a.single) return `'${text.replace(/'/g, "''")}'`;
  throw new Error(`deze tekst schrijft PyYAML tussen dubbele aanhalingstekens, wat het formulier niet maakt: ${JSON.stringify(text)}`);
}

function literalBlock(text, indent) {
  let hints = "";
  if (" \n\x85\u2028\u2029".includes(text[0])) hints += "2";
  if (!BREAKS.includes(text[text.length - 1])) hints += "-";
  else if (text.length === 1 || BREAKS.includes(text[text.length - 2])) hints += "+";
  const pad = " ".repeat(indent);
  return `|${hints}\n` + text.split("\n").map((line) => (line ? pad + line : "")).join("\n");
}

function value(item, indent, flow) {
  if (item instanceof Day) return item.iso;
  if (typeof item === "number") return String(item);
  return scalar(item, { flow, indent });
}

/** A mapping of the source file (keys in order), as `from_issue._yaml` writes it; ends with a newline. */
export function dump(mapping, indent = 0) {
  const pad = " ".repeat(indent);
  let out = "";
  for (const [key, item] of Object.entries(mapping)) {
    if (Array.isArray(item) && item.some((i) => i && typeof i === "object" && !(i instanceof Day))) {
      out += `${pad}${key}:\n`;
      for (const group of item) out += dump(group, indent + 2).replace(new RegExp(`^${" ".repeat(indent + 2)}`), `${pad}- `);
    } else if (Array.isArray(item)) {
      out += `${pad}${key}: [${item.map((i) => value(i, indent, true)).join(", ")}]\n`;
    } else if (item && typeof item === "object" && !(item instanceof Day)) {
      out += `${pad}${key}:\n` + dump(item, indent + 2);
    } else {
      out += `${pad}${key}: ${value(item, indent, false)}\n`;
    }
  }
  return out;
}

/** The line of every field path in `dump(mapping)` (1 for the first line), as model/loading.py's Source.lines gives them. */
export function lineMap(mapping, indent = 0, start = 1, prefix = "", lines = new Map()) {
  let line = start;
  for (const [key, item] of Object.entries(mapping)) {
    const path = prefix ? `${prefix}.${key}` : key;
    lines.set(path, line);
    if (Array.isArray(item) && item.some((i) => i && typeof i === "object" && !(i instanceof Day))) {
      line++;
      item.forEach((group, n) => {
        lines.set(`${path}[${n}]`, line);
        line = lineMap(group, indent + 2, line, `${path}[${n}]`, lines).next;
      });
    } else if (Array.isArray(item)) {
      item.forEach((_, n) => lines.set(`${path}[${n}]`, line));
      line++;
    } else if (item && typeof item === "object" && !(item instanceof Day)) {
      line = lineMap(item, indent + 2, line + 1, path, lines).next;
    } else {
      line += typeof item === "string" && item.includes("\n") ? item.split("\n").length + 1 : 1;
    }
  }
  lines.next = line;
  return lines;
}
