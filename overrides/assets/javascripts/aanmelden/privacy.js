/* The privacy rule of the build in the browser (model/privacy.py): mobile numbers and e-mail addresses
 * are found in a text however they are written, after the same normalising.
 *
 * Mobile numbers: libphonenumber-js (a port of Google's libphonenumber, which Python's phonenumbers
 * wraps too), with the metadata that knows which numbers are mobile, region NL. It and the HTML entity
 * decoder (entities) are loaded only when a text needs them, so the page stays small.
 * tests/javascript/test_aanmelden_parity.py compares these functions with Python.
 */

import { fill } from "./tekst.js";

const WHATSAPP = /(?:wa\.me\/|whatsapp\.com\/send\/?\?(?:[^\s]*?&)?phone=)\+?(\p{Nd}[\p{Nd}\s-]{6,})/giu;
const BROKEN_NUMBER = /(?<=[\p{Nd}(.)/-])[ \t]*\n[ \t>]*(?=[\p{Nd}(+])/gu;
const LOCAL_CHARS = /[A-Za-z0-9._%+-]/;
const CANDIDATE_AT = /(?<=[A-Za-z0-9._%+-])@(?=[A-Za-z0-9-])/g;
const DOMAIN = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;
const TLD = /\.[A-Za-z]{2,}$/;
const FORMAT_CHARS = /\p{Cf}/gu; // privacy._FORMAT_CHARS are all of category Cf
const MAX_TRIES = 10000;

let decoder = null;
let phones = null;

/** The HTML entity decoder and the phone number finder, loaded once when a text needs them. */
export async function prepare(texts) {
  // Percent escapes and entities can hide an '&' or a digit; superscript and other digits become 0-9 under NFKC.
  if (!decoder && texts.some((t) => /[&%]/.test(t))) decoder = (await import("../../vendor/entities/entities.js")).decodeHTML;
  if (!phones && texts.some((t) => /[\p{N}&%]/u.test(t))) phones = (await import("../../vendor/libphonenumber-js/mobiel.js")).findNumbers;
}

const isAscii = (text) => /^\p{ASCII}*$/u.test(text);

/** urllib.parse.unquote: percent escapes in runs of ASCII decoded as UTF-8, an invalid sequence as U+FFFD. */
export function unquote(text) {
  if (!text.includes("%")) return text;
  return text.replace(/\p{ASCII}+/gu, (run) => {
    if (!run.includes("%")) return run;
    const bytes = [];
    for (let i = 0; i < run.length; i++) {
      if (run[i] === "%" && /^[0-9a-fA-F]{2}$/.test(run.slice(i + 1, i + 3))) {
        bytes.push(parseInt(run.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(run.charCodeAt(i));
    }
    return new TextDecoder("utf-8").decode(new Uint8Array(bytes));
  });
}

function unescapeHtml(text) {
  if (!text.includes("&")) return text;
  if (!decoder) throw new Error("prepare() is niet aangeroepen voor deze tekst");
  return decoder(text);
}

function normaliseLine(line) {
  let text = isAscii(line) ? line : line.normalize("NFKC");
  for (let n = 0; n < 3; n++) { // entities and URL encoding, also when encoded twice
    if (!text.includes("&") && !text.includes("%")) break;
    const decoded = unquote(unescapeHtml(text));
    if (decoded === text) break;
    text = isAscii(decoded) ? decoded : decoded.normalize("NFKC");
  }
  if (!isAscii(text)) text = text.replace(FORMAT_CHARS, "");
  text = text.replace(WHATSAPP, (whole, number) => " +" + number);
  return text.replace(/\n/g, " ").replace(/\r/g, " ");
}

/** privacy.normalise: each line normalised on its own, and a number broken over two lines joined again. */
export function normalise(text) {
  const lines = text.split("\n").map(normaliseLine).join("\n");
  return lines.replace(BROKEN_NUMBER, (m) => " ".repeat(m.length));
}

/** The mobile numbers (as written) in a normalised text; "too many" when the finder gave up before the end. */
export function mobileNumbers(text) {
  if (!/\p{Nd}/u.test(text)) return [];
  if (!phones) throw new Error("prepare() is niet aangeroepen voor deze tekst");
  // libphonenumber-js lets a candidate run on over ", " (its extension pattern for auto-dialling);
  // Python's phonenumbers, like Google's Java original, ends a number at a comma or semicolon.
  return text.split(/[,;]/).flatMap((part) => phones(part, { defaultCountry: "NL", v2: true, leniency: "VALID", maxTries: MAX_TRIES })
    .filter((found) => found.number.getType() === "MOBILE")
    .map((found) => part.slice(found.startsAt, found.endsAt)));
}

export function hasMobile(text) {
  return mobileNumbers(normalise(text)).length > 0;
}

/** privacy.email_addresses: every address in a text, read from each @ a bounded number of characters to each side. */
export function emailAddresses(text) {
  const found = [];
  for (const candidate of text.matchAll(CANDIDATE_AT)) {
    const at = candidate.index;
    let begin = at;
    while (begin > Math.max(0, at - 64) && LOCAL_CHARS.test(text[begin - 1])) begin--;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text.slice(0, at + 254));
    if (!domain) continue;
    const name = domain[0].replace(/[.-]+$/, "");
    if (TLD.test(name)) {
      const local = text.slice(begin, at);
      const start = begin + local.length - local.replace(/^\.+/, "").length;
      found.push(`${text.slice(start, at)}@${name}`);
    }
  }
  return found;
}

export function hasEmail(text) {
  return emailAddresses(normalise(text)).length > 0;
}

export function isRoleAddress(address, roles) {
  const local = address.slice(0, address.lastIndexOf("@")).split("+")[0].toLowerCase();
  return roles.includes(local);
}

export function roleExamples(roles) {
  const first = roles.slice(0, 2).map((r) => `${r}@`);
  return first.length ? first.join(" of ") : "info@";
}

/** privacy.findings: a message for each mobile number and each personal e-mail address in a text. */
export function findings(text, roles, where, messages) {
  const clean = normalise(text);
  const found = mobileNumbers(clean).map(() => fill(messages.mobile_in_text, { where, private: messages.private }));
  for (const address of emailAddresses(clean)) {
    if (!isRoleAddress(address, roles)) {
      found.push(fill(messages.personal_email_in_text, { address, where, examples: roleExamples(roles),
        vocabulary: messages.role_vocabulary, private: messages.private }));
    }
  }
  return found;
}
