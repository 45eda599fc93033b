"""Privacy: an entry may never make a keyperson personally reachable.

No mobile phone number and no personal e-mail address may appear anywhere in the sources: not in
the contact fields (:class:`fields.Phone`, :class:`fields.Email`), and not in any other text of a
guide, page, story, good practice or programme (:func:`rule_private_contact`).

How a text is read, so that a number or address cannot hide behind its notation:

1. :func:`normalise` first: Unicode NFKC (full-width digits become 0-9), HTML entities decoded
   (``&#48;6``), URL encoding decoded (``mailto:jan%40example.org``, also twice encoded), invisible
   format characters dropped, ``wa.me/316…`` and ``whatsapp.com/send?phone=316…`` links written as
   ``+316…``, and a number broken over two lines joined again.
2. Phone numbers are found by the ``phonenumbers`` library (Google's libphonenumber), region NL,
   which knows every notation (spaces, dots, slashes, dashes, en dashes, brackets, ``+31 (0)6``,
   ``0031``). A number whose type is *mobile* is refused, Dutch or foreign.
3. E-mail addresses are found in linear time (:func:`email_addresses`): from each ``@`` the
   address is read a bounded number of characters to each side, so no input can make it slow.
   Why not a regular expression over the whole text: the usual ones backtrack for seconds per
   kilobyte on long runs of letters and dots; and no well-kept library extracts addresses from text.
   An address is allowed only when its local part is a role (``info@``, ``contact@``, …: the list
   ``emailadressen`` in ``data/vocabulaire.yml``), at any domain. Every other address is refused,
   at a free-mail provider and at an organisation's own domain alike.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import unquote

import phonenumbers

from .loading import Source

PRIVATE = "zodat geen sleutelpersoon persoonlijk bereikbaar wordt"
#: The vocabulary (data/vocabulaire.yml) with the local parts of role addresses.
ROLE_VOCABULARY = "emailadressen"
#: Full field paths that the schema checks for privacy itself (fields.Email, fields.Phone); every other text is checked here.
CHECKED_ELSEWHERE = ("contact.email", "contact.telefoon")
IN_CONTACT = " in 'contact'"
#: The messages of :func:`findings`, with {placeholders}; the site's form says the same (contribute/webform.py).
MESSAGES = {
    "mobile_in_text": "hier staat een mobiel nummer (06); noem alleen een algemeen nummer van de organisatie{where}, {private}",
    "too_many_numbers": "hier staan zo veel getallen dat niet na te gaan is of er een mobiel nummer tussen staat; haal lange reeksen getallen weg",
    "personal_email_in_text": ("hier staat een persoonlijk e-mailadres ('{address}'); noem alleen een algemeen adres van de organisatie{where}, "
                               "zoals {examples} (zie de woordenlijst '{vocabulary}'), {private}"),
}
REGION = "NL"

_WHATSAPP = re.compile(r"(?:wa\.me/|whatsapp\.com/send/?\?(?:[^\s]*?&)?phone=)\+?(\d[\d\s-]{6,})", re.IGNORECASE)
_BROKEN_NUMBER = re.compile(r"(?<=[\d(.)/-])[ \t]*\n[ \t>]*(?=[\d(+])")
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_CANDIDATE_AT = re.compile(r"(?<=[A-Za-z0-9._%+-])@(?=[A-Za-z0-9-])")
_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_TLD = re.compile(r"\.[A-Za-z]{2,}\Z")
_FORMAT_CHARS = {ord(c): None for c in ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")}


def _normalise_line(line: str) -> str:
    text = line if line.isascii() else unicodedata.normalize("NFKC", line)
    for _ in range(3):  # entities and URL encoding, also when encoded twice
        if "&" not in text and "%" not in text:
            break
        decoded = unquote(html.unescape(text))
        if decoded == text:
            break
        text = decoded if decoded.isascii() else unicodedata.normalize("NFKC", decoded)
    if not text.isascii():
        text = "".join(c for c in text.translate(_FORMAT_CHARS) if unicodedata.category(c) != "Cf")
    text = _WHATSAPP.sub(lambda m: " +" + m.group(1), text)
    return text.replace("\n", " ").replace("\r", " ")


def _normalised_lines(text: str) -> str:
    """Each line normalised on its own, so that line *n* of the result is line *n* of ``text``."""
    return "\n".join(_normalise_line(line) for line in text.split("\n"))


def _join_broken_numbers(text: str) -> str:
    """A number broken over two lines joined again; the text keeps its length, so offsets stay valid."""
    return _BROKEN_NUMBER.sub(lambda m: " " * len(m.group(0)), text)


def normalise(text: str) -> str:
    """The text as a reader sees it: see the module docstring."""
    return _join_broken_numbers(_normalised_lines(text))


class TooManyNumbers(Exception):
    """The matcher gave up: the text holds more number-like strings than it tries (``MAX_TRIES``)."""


#: Number-like strings that are no phone number the matcher tries before it gives up (about 0.15 s).
#: Real texts have a few; a text with more gets a message of its own (TooManyNumbers).
MAX_TRIES = 10_000


#: The fewest digits a mobile number has, written with a plus and its country code (Niue and Tokelau: +683 and
#: +690 with four digits), and written without a plus: Dutch (nine digits after the 0 of 06) or with 00 before
#: the shortest international one (two more than seven). ``tests/model/test_privacy.py`` derives both from the
#: library's own data, so a new version with shorter numbers makes that test fail.
FEWEST_DIGITS_WITH_PLUS = 7
FEWEST_DIGITS_WITHOUT_PLUS = 9
_DIGIT = re.compile(r"\d")  # every decimal digit, as the matcher reads them (Arabic-Indic digits too)


def could_hold_mobile(text: str) -> bool:
    """Whether a normalised text has enough digits for a mobile number: most texts have none or only a year.

    Asking the matcher costs about 30 µs a text, and 100 µs a number-like string such as a date; at 10,000
    programmes that was a third of the checks.
    """
    digits = len(_DIGIT.findall(text))
    return digits >= FEWEST_DIGITS_WITHOUT_PLUS or (digits >= FEWEST_DIGITS_WITH_PLUS and ("+" in text or "\uff0b" in text))


def mobile_numbers(text: str) -> Iterator[tuple[int, str]]:
    """(offset, number as written) of every mobile number in a normalised text.

    Raises :class:`TooManyNumbers` when the matcher gave up before the end, so that padding a
    text with thousands of non-numbers cannot hide a mobile number after them.
    """
    if not could_hold_mobile(text):
        return
    matcher = phonenumbers.PhoneNumberMatcher(text, REGION, max_tries=MAX_TRIES)
    for match in matcher:
        if phonenumbers.number_type(match.number) == phonenumbers.PhoneNumberType.MOBILE:
            yield match.start, match.raw_string
    if matcher._max_tries <= 0:  # the matcher's own count of tries left (libphonenumber's maxTries)
        raise TooManyNumbers


def has_mobile(value: str) -> bool:
    """Whether a text (a phone number field, a form answer) holds a mobile number, in whatever notation."""
    try:
        return any(True for _ in mobile_numbers(normalise(value)))
    except TooManyNumbers:
        return True


def _local_start(text: str, at: int) -> int:
    """Where the local part before the ``@`` at ``at`` begins (``at`` itself when there is none).

    A walk back instead of a regex search: an ``@`` is never a local character, so no character
    is walked twice and the whole scan stays linear however many ``@`` signs a text holds.
    """
    begin = at
    while begin > max(0, at - 64) and text[begin - 1] in _LOCAL_CHARS:
        begin -= 1
    return begin


def email_addresses(text: str) -> Iterator[tuple[int, str]]:
    """(offset, address) of every e-mail address in a text, in time linear in its length."""
    for candidate in _CANDIDATE_AT.finditer(text):
        at = candidate.start()
        begin = _local_start(text, at)
        domain = _DOMAIN.match(text, at + 1, at + 254)
        if domain:
            name = domain.group(0).rstrip(".-")
            if _TLD.search(name):
                start = begin + len(text[begin:at]) - len(text[begin:at].lstrip("."))
                yield start, f"{text[start:at]}@{name}"


def has_email(text: str) -> bool:
    """Whether a text holds an e-mail address, in whatever notation (form answers may hold none)."""
    return any(True for _ in email_addresses(normalise(text)))


def is_role_address(address: str, roles: Iterable[str]) -> bool:
    """Whether an address is a role address: its local part (without a ``+tag``) is in the list."""
    local = address.rsplit("@", 1)[0].split("+", 1)[0].lower()
    return local in set(roles)


def role_examples(roles: Iterable[str]) -> str:
    """``info@ of contact@``: the first role addresses, for messages."""
    first = [f"{r}@" for r in list(roles)[:2]]
    return " of ".join(first) if first else "info@"


def _nothing_to_find(text: str) -> bool:
    """Whether a text plainly holds no number or address: ASCII without entities or URL encoding (so normalising
    cannot make a digit or an @ appear), no @, and too few digits for a mobile number. Most texts are like this."""
    return text.isascii() and "@" not in text and "&" not in text and "%" not in text and not could_hold_mobile(text)


def findings(text: str, roles: Iterable[str], where: str = IN_CONTACT) -> Iterator[tuple[int, str]]:
    """(line offset within ``text``, Dutch message) for each mobile number or personal e-mail address.

    ``where`` says where the organisation's own details belong (stories and guides have no contact field).
    """
    if _nothing_to_find(text):
        return
    roles = tuple(roles)
    lines = _normalised_lines(text)
    starts = [0, *(m.end() for m in re.finditer("\n", lines))]
    clean = _join_broken_numbers(lines)
    try:
        for offset, _ in mobile_numbers(clean):
            yield bisect.bisect_right(starts, offset) - 1, MESSAGES["mobile_in_text"].format(where=where, private=PRIVATE)
    except TooManyNumbers:
        yield 0, MESSAGES["too_many_numbers"]
    for offset, address in email_addresses(clean):
        if not is_role_address(address, roles):
            yield (bisect.bisect_right(starts, offset) - 1,
                   MESSAGES["personal_email_in_text"].format(address=address, where=where, examples=role_examples(roles),
                                                             vocabulary=ROLE_VOCABULARY, private=PRIVATE))


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """(field path, text) for every string in a YAML value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            field = f"{path}.{key}" if path else str(key)
            if field not in CHECKED_ELSEWHERE:
                yield from _texts(item, field)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


def rule_private_contact(source: Source, roles: Iterable[str], where: str = IN_CONTACT) -> Iterator[tuple[int, str, str]]:
    """No mobile numbers or personal e-mail addresses in the fields or the text of an entry."""
    roles = tuple(roles)
    for field, value in _texts(source.data, ""):
        for _, message in findings(value, roles, where):
            yield source.line_of(field), field, message
    for line, message in findings(source.body, roles, where):
        yield source.body_line + line, "", message
