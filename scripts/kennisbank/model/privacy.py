"""Privacy: an entry may never make a keyperson personally reachable.

The contact fields already refuse Dutch mobile numbers and personal-looking e-mail
addresses (:class:`fields.Phone`, :class:`fields.Email`, with the patterns defined here). The same details could also
be typed into any other text of a programme or good practice, such as ``hoe_inzetten``
or the body of a practice; :func:`rule_private_contact` looks there, with the same
patterns, so the contact fields remain the one place for contact data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .loading import Source

PRIVATE = "zodat geen sleutelpersoon persoonlijk bereikbaar wordt"
MOBILE_RE = re.compile(r"(?:\+31|0031|\b0)[\s-]*6(?:[\s-]*\d){8}\b")


PERSONAL_MAIL_RE = re.compile(
    r"@(gmail|hotmail|outlook|live|yahoo|icloud|ziggo|kpnmail|kpnplanet|home|planet|upcmail|xs4all|msn)\.",
    re.IGNORECASE,
)
NAME_MAIL_RE = re.compile(r"^[a-z]+\.[a-z]+(?:\.[a-z]+)?@", re.IGNORECASE)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
CHECKED_ELSEWHERE = ("contact",)  # checked field by field by the schema
IN_CONTACT = " in 'contact'"


def findings(text: str, where: str = IN_CONTACT) -> Iterator[str]:
    """Dutch messages for each mobile number or personal-looking e-mail address in a text.

    ``where`` says where the organisation's own details belong (stories have no contact field).
    """
    if MOBILE_RE.search(text):
        yield f"hier staat een mobiel nummer (06); noem alleen een algemeen nummer van de organisatie{where}, {PRIVATE}"
    for address in EMAIL_RE.findall(text):
        if PERSONAL_MAIL_RE.search(address) or NAME_MAIL_RE.match(address):
            yield (f"hier staat een persoonlijk e-mailadres ('{address}'); noem alleen een algemeen adres van de "
                   f"organisatie{where}, {PRIVATE}")


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """(field path, text) for every string in a YAML value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if not (path == "" and key in CHECKED_ELSEWHERE):
                yield from _texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


def rule_private_contact(source: Source, where: str = IN_CONTACT) -> Iterator[tuple[int, str, str]]:
    """No mobile numbers or personal e-mail addresses in the fields or the text of an entry."""
    for field, value in _texts(source.data, ""):
        for message in findings(value, where):
            yield source.line_of(field), field, message
    for number, line in enumerate(source.body.split("\n"), start=source.body_line):
        for message in findings(line, where):
            yield number, "", message
