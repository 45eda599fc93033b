"""Field types of the content model: each checks a value (yielding Dutch messages), converts it
into the value a record holds, and describes itself as JSON Schema and as a line of documentation.

Why not validate with the ``jsonschema`` package: its messages are English and cannot be written
per field, and a check such as "is this a Dutch municipality, and if not, which one did you mean?"
is not expressible in JSON Schema. So the fields are ours and JSON Schema is *generated* from them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .gazetteer import PROVINCES, Gazetteer
from .privacy import PRIVATE, ROLE_VOCABULARY, has_mobile, is_role_address, role_examples
from .records import Area, Count, Fact, PartialDate
from .vocabulary import KNOWN, SINGULAR, Vocabularies, languages

NATIONAL = "landelijk"


UNKNOWN = "onbekend"


@dataclass(frozen=True)
class Context:
    """What checks need to know beyond the value itself."""

    vocab: Vocabularies
    gazetteer: Gazetteer
    today: dt.date
    facts: Mapping[str, Fact] = field(default_factory=dict)  # data/feiten.yml, by key

    @property
    def role_addresses(self) -> tuple[str, ...]:
        """The local parts of allowed e-mail addresses (``info``, ``contact``, …), from the vocabulary."""
        return tuple(t.key for t in self.vocab.lists.get(ROLE_VOCABULARY, ()))


Issue = tuple[str, str]  # (sub-path below the field, message)


def type_name(value: Any) -> str:
    """A Dutch description of a YAML value's type, for messages."""
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "ja/nee"
    if isinstance(value, (int, float)):
        return "een getal"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return type(value).__name__


def did_you_mean(value: str, options: list[str] | tuple[str, ...]) -> str:
    """`` bedoel je 'x'?`` for the closest option, or an empty string."""
    close = difflib.get_close_matches(value.lower(), [o.lower() for o in options], n=1, cutoff=0.6)
    if not close:
        return ""
    original = next(o for o in options if o.lower() == close[0])
    return f"; bedoel je '{original}'?"


@dataclass(frozen=True)
class Field:
    """A field of a page type: its Dutch name, record attribute and help text."""

    name: str
    attr: str
    help: str
    required: bool = True
    replaces: str = ""  # the name this field had before, so a file that still uses it gets a clear message

    def check(self, value: Any, ctx: Context) -> Iterator[Issue]:
        """Yield (sub-path, message) for each problem with the value."""
        yield from ()

    def convert(self, value: Any, ctx: Context) -> Any:
        """Turn a valid value into what the record holds."""
        return value

    def json_schema(self, ctx: Context) -> dict[str, Any]:
        """This field as JSON Schema, with its help text as description."""
        return {"description": self.help}

    def kind(self) -> str:
        """A short Dutch description of the expected value, for the docs."""
        return "tekst"

    def empty(self) -> Any:
        """The record value when an optional field is left out."""
        return None


@dataclass(frozen=True)
class Text(Field):
    max_length: int | None = None
    multiline: bool = False

    def check(self, value, ctx):
        if not isinstance(value, str):
            yield "", f"moet {self.kind()} zijn, niet {type_name(value)}"
            return
        if not value.strip():
            yield "", "mag niet leeg zijn"
        elif self.max_length and len(value) > self.max_length:
            yield "", f"is {len(value)} tekens lang; het mag hoogstens {self.max_length} tekens zijn"
        elif not self.multiline and "\n" in value.strip():
            yield "", "moet op één regel passen"

    def convert(self, value, ctx):
        return value.strip()

    def json_schema(self, ctx):
        schema = {"type": "string", "minLength": 1, "description": self.help}
        if self.max_length:
            schema["maxLength"] = self.max_length
        return schema


DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Date(Field):
    allow_future: bool = False  # a period may end (or begin) after today; a day someone read or checked something may not

    def check(self, value, ctx):
        text = str(value) if isinstance(value, (str, int)) else None
        if text is None or not DATE_RE.match(text):
            yield "", f"'{value}' is geen datum in de vorm JJJJ-MM-DD (bijvoorbeeld {ctx.today.isoformat()})"
            return
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            yield "", f"'{text}' is geen bestaande datum"
            return
        if day > ctx.today and not self.allow_future:
            yield "", f"'{text}' ligt in de toekomst"

    def convert(self, value, ctx):
        return dt.date.fromisoformat(str(value))

    def kind(self):
        return "een datum (JJJJ-MM-DD)"

    def json_schema(self, ctx):
        return {"type": "string", "format": "date", "pattern": DATE_RE.pattern, "description": self.help}


PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(value: Any) -> PartialDate | None:
    """``2019``, ``"2019-05"`` or ``"2019-05-13"`` as a :class:`PartialDate`; None if it is no such date."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    found = PARTIAL_DATE_RE.match(str(value).strip())
    if not found:
        return None
    year, month, day = (int(part) if part else 0 for part in found.groups())
    if month and not 1 <= month <= 12:
        return None
    if day:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
    return PartialDate(year, month, day)


@dataclass(frozen=True)
class PartialDateField(Field):
    """A date as precise as the source gives it: ``2019``, ``2019-05`` or ``2019-05-13``; not in the future, unless allowed."""

    allow_future: bool = False

    def check(self, value, ctx):
        day = parse_partial_date(value)
        shaped = not isinstance(value, bool) and isinstance(value, (int, str)) and PARTIAL_DATE_RE.match(str(value).strip())
        if day is None and shaped:
            yield "", f"'{value}' is geen bestaande datum"
        elif day is None or day.year < 1900:
            yield "", f"'{value}' is geen datum; schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD (bijvoorbeeld 2019 of 2019-05-13)"
        elif day.earliest() > ctx.today and not self.allow_future:
            yield "", f"'{value}' ligt in de toekomst"

    def convert(self, value, ctx):
        return parse_partial_date(value)

    def kind(self):
        return "een jaar, maand of dag (JJJJ, JJJJ-MM of JJJJ-MM-DD)"

    def json_schema(self, ctx):
        return {"anyOf": [{"type": "integer", "minimum": 1900}, {"type": "string", "pattern": PARTIAL_DATE_RE.pattern}],
                "description": self.help}


COUNT_QUALIFIERS = ("ruim", "ongeveer", "minstens", "meer dan")
COUNT_RE = re.compile(r"^(?:(" + "|".join(COUNT_QUALIFIERS) + r") )?([1-9]\d{0,5})$")


@dataclass(frozen=True)
class CountField(Field):
    """A number of people as the source says it: ``12``, or ``ruim 200``, ``ongeveer 30``, ``minstens 5``, ``meer dan 20``."""

    def check(self, value, ctx):
        exact = isinstance(value, int) and not isinstance(value, bool) and value >= 1
        if not (exact or (isinstance(value, str) and COUNT_RE.match(value.strip()))):
            yield "", (f"'{value}' is geen aantal; schrijf het getal zoals de bron het noemt (12), "
                       f"eventueel met {', '.join(repr(q) for q in COUNT_QUALIFIERS)} ervoor (bijvoorbeeld 'ruim 200')")

    def convert(self, value, ctx):
        if isinstance(value, int):
            return Count(number=value)
        qualifier, number = COUNT_RE.match(value.strip()).groups()
        return Count(number=int(number), qualifier=qualifier or "")

    def kind(self):
        return "een aantal zoals de bron het noemt: `12`, of `ruim 200`, `ongeveer 30`, `minstens 5`, `meer dan 20`"

    def json_schema(self, ctx):
        return {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": COUNT_RE.pattern}],
                "description": self.help}


@dataclass(frozen=True)
class Integer(Field):
    minimum: int = 0
    maximum: int | None = None
    until_this_year: bool = False

    def _max(self, ctx: Context) -> int | None:
        return ctx.today.year if self.until_this_year else self.maximum

    def check(self, value, ctx):
        if isinstance(value, bool) or not isinstance(value, int):
            yield "", f"moet een geheel getal zijn, niet {type_name(value)}"
            return
        top = self._max(ctx)
        if value < self.minimum or (top is not None and value > top):
            bound = f"tussen {self.minimum} en {top}" if top is not None else f"minstens {self.minimum}"
            yield "", f"{value} kan niet; het moet {bound} zijn"

    def kind(self):
        return "een geheel getal"

    def json_schema(self, ctx):
        schema = {"type": "integer", "minimum": self.minimum, "description": self.help}
        if self._max(ctx) is not None:
            schema["maximum"] = self._max(ctx)
        return schema


# No spaces, quotes, brackets or braces: a web address ends up inside Markdown links and <…> autolinks,
# where those characters would end the link and let the rest be read as HTML or attributes.
URL_RE = re.compile(r"^https?://[^\s/$.?#<>\"'`(){}\[\]\\][^\s<>\"'`(){}\[\]\\]*\.[^\s<>\"'`(){}\[\]\\]+$")


@dataclass(frozen=True)
class Url(Field):
    def check(self, value, ctx):
        if not isinstance(value, str) or not URL_RE.match(value.strip()):
            yield "", f"'{value}' is geen geldig webadres; het moet beginnen met https://"

    def convert(self, value, ctx):
        return value.strip()

    def kind(self):
        return "een webadres (https://…)"

    def json_schema(self, ctx):
        return {"type": "string", "format": "uri", "pattern": "^https?://", "description": self.help}


@dataclass(frozen=True)
class Choice(Field):
    """One key from a controlled vocabulary."""

    vocabulary: str = ""

    def check(self, value, ctx):
        allowed = ctx.vocab.keys(self.vocabulary)
        if not isinstance(value, str):
            yield "", f"moet één {SINGULAR[self.vocabulary]} zijn, niet {type_name(value)}; kies uit: {', '.join(allowed)}"
        elif value not in allowed:
            yield "", unknown_term(value, self.vocabulary, allowed)

    def kind(self):
        return f"één {SINGULAR[self.vocabulary]} uit de woordenlijst `{self.vocabulary}`"

    def json_schema(self, ctx):
        return {"description": self.help, "enum": list(ctx.vocab.keys(self.vocabulary))}


def unknown_term(value: str, vocabulary: str, allowed: tuple[str, ...]) -> str:
    """Message for a value that is not in a vocabulary, listing what is allowed."""
    known = KNOWN.get(vocabulary, "bekende")
    hint = did_you_mean(value, allowed)
    listing = f" Kies uit: {', '.join(allowed)}" if hint else f"; kies uit: {', '.join(allowed)}"
    return f"'{value}' is geen {known} {SINGULAR[vocabulary]}{hint}{listing}"


@dataclass(frozen=True)
class ListField(Field):
    """A list of distinct items, each checked by :meth:`check_item`."""

    min_items: int = 1

    def check(self, value, ctx):
        if isinstance(value, str) and self.min_items:
            value = [value]  # a single value is fine as a one-item list
        if not isinstance(value, list):
            yield "", f"moet een lijst zijn, niet {type_name(value)}"
            return
        if len(value) < self.min_items:
            yield "", "mag niet leeg zijn; noem er minstens één"
        seen: set[str] = set()
        for index, item in enumerate(value):
            if str(item) in seen:
                yield f"[{index}]", f"'{item}' staat er twee keer in"
            seen.add(str(item))
            for sub, message in self.check_item(item, ctx):
                yield f"[{index}]{sub}", message

    def check_item(self, item: Any, ctx: Context) -> Iterator[Issue]:
        yield from ()

    def convert(self, value, ctx):
        return tuple([value] if isinstance(value, str) else value)

    def empty(self):
        return ()

    def json_schema(self, ctx):
        array = {"type": "array", "minItems": self.min_items, "uniqueItems": True, "items": self.item_schema(ctx)}
        if not self.min_items:
            return {**array, "description": self.help}
        # A single value is accepted as a one-item list (werkgebied: landelijk).
        return {"description": self.help, "anyOf": [array, self.item_schema(ctx)]}

    def item_schema(self, ctx: Context) -> dict[str, Any]:
        return {"type": "string"}


@dataclass(frozen=True)
class Terms(ListField):
    """A list of keys from a controlled vocabulary."""

    vocabulary: str = ""

    def check_item(self, item, ctx):
        allowed = ctx.vocab.keys(self.vocabulary)
        if not isinstance(item, str):
            yield "", f"moet een {SINGULAR[self.vocabulary]} zijn, niet {type_name(item)}"
        elif item not in allowed:
            yield "", unknown_term(item, self.vocabulary, allowed)

    def kind(self):
        return f"een lijst uit de woordenlijst `{self.vocabulary}`"

    def item_schema(self, ctx):
        return {"enum": list(ctx.vocab.keys(self.vocabulary))}


@dataclass(frozen=True)
class Languages(ListField):
    """A list of ISO 639-1 language codes."""

    def check_item(self, item, ctx):
        codes = languages()
        if not isinstance(item, str) or item not in codes:
            by_name = {name.lower(): code for code, name in codes.items()}
            hint = f"; bedoel je '{by_name[str(item).lower()]}'?" if str(item).lower() in by_name else ""
            yield "", f"'{item}' is geen taalcode volgens ISO 639-1 (twee letters, zoals 'nl', 'ar', 'ti'){hint}"

    def kind(self):
        return "een lijst taalcodes (ISO 639-1, zoals `nl`, `ar`, `ti`)"

    def item_schema(self, ctx):
        return {"enum": sorted(languages())}


@dataclass(frozen=True)
class AreaField(ListField):
    """`werkgebied`: municipalities, provinces, `landelijk`, or (if allowed) `onbekend`."""

    allow_unknown: bool = False

    def _special(self) -> tuple[str, ...]:
        return (NATIONAL, UNKNOWN) if self.allow_unknown else (NATIONAL,)

    def check(self, value, ctx):
        yield from super().check(value, ctx)
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        specials = [i for i in items if str(i).strip().lower() in self._special()]
        if specials and len(items) > 1:
            yield "", f"'{specials[0]}' kan niet samen met andere gebieden staan; kies '{specials[0]}' of noem de gebieden"

    def check_item(self, item, ctx):
        if not isinstance(item, str):
            yield "", f"moet de naam van een gemeente of provincie zijn, niet {type_name(item)}"
            return
        name = item.strip()
        if name.lower() in self._special() or ctx.gazetteer.lookup(name) or ctx.gazetteer.province(name):
            return
        candidates = ctx.gazetteer.candidates(name)
        if candidates:
            options = [f"'{m.name}'" for m in candidates]
            listing = ", ".join(options[:-1]) + f" of {options[-1]}" if len(options) > 1 else options[0]
            yield "", f"'{name}' is de naam van meer dan één gemeente; bedoel je {listing}?"
            return
        successor = ctx.gazetteer.former_successor(name)
        if successor:
            yield "", f"'{name}' is geen gemeente meer; het hoort nu bij '{successor.name}'"
            return
        suggestion = ctx.gazetteer.suggest(name)
        hint = f"; bedoel je '{suggestion}'?" if suggestion else f"; gebruik de naam van een gemeente, een provincie of '{NATIONAL}'"
        yield "", f"'{name}' is geen gemeente{hint}"

    def convert(self, value, ctx):
        items = [value] if isinstance(value, str) else value
        names = [i.strip() for i in items]
        if names[0].lower() == NATIONAL:
            return Area(national=True)
        if names[0].lower() == UNKNOWN:
            return Area(unknown=True)
        municipalities = [m.name for n in names if (m := ctx.gazetteer.lookup(n))]
        provinces = [p for n in names if not ctx.gazetteer.lookup(n) and (p := ctx.gazetteer.province(n))]
        return Area(provinces=tuple(provinces), municipalities=tuple(municipalities))

    def empty(self):
        return Area(unknown=True)

    def kind(self):
        extra = f", of `{UNKNOWN}` als de bron het niet noemt" if self.allow_unknown else ""
        return f"een lijst gemeenten en/of provincies, of `{NATIONAL}`{extra}"

    def item_schema(self, ctx):
        names = sorted({m.name for m in ctx.gazetteer.municipalities} | {a for m in ctx.gazetteer.municipalities for a in m.aliases})
        return {"enum": [*self._special(), *PROVINCES, *names]}


@dataclass(frozen=True)
class Group(Field):
    """A group of named sub-fields (a YAML mapping)."""

    fields: tuple[Field, ...] = ()
    one_of: tuple[str, ...] = ()  # at least one of these sub-fields must be given
    make: Callable[..., Any] | None = None  # record class built from the converted values
    #: (earlier, later, message): two date sub-fields that may not be in the wrong order;
    #: the message may use {earlier} and {later} (the values as written).
    in_order: tuple[tuple[str, str, str], ...] = ()

    def check(self, value, ctx):
        if not isinstance(value, dict):
            yield "", f"moet {self.kind()} zijn, niet {type_name(value)}"
            return
        own = list(check_mapping(value, self.fields, ctx, prefix="."))
        yield from own
        if self.one_of and not any(k in value for k in self.one_of):
            yield "", f"vul minstens één van deze velden in: {', '.join(self.one_of)}"
        wrong = {sub.lstrip(".") for sub, _ in own}
        for earlier, later, message in self.in_order:
            first, second = parse_partial_date(value.get(earlier)), parse_partial_date(value.get(later))
            if first and second and not {earlier, later} & wrong and first.earliest() > second.latest():
                yield f".{later}", message.format(earlier=value[earlier], later=value[later])

    def convert(self, value, ctx):
        values = convert_mapping(value, self.fields, ctx)
        return self.make(**values) if self.make else values

    def kind(self):
        return "een groep velden (" + ", ".join(f.name for f in self.fields) + ")"

    def json_schema(self, ctx):
        schema = mapping_schema(self.fields, ctx)
        schema["description"] = self.help
        if self.one_of:
            schema["anyOf"] = [{"required": [k]} for k in self.one_of]
        return schema


@dataclass(frozen=True)
class GroupList(ListField):
    """A list of groups, such as ``bronnen``."""

    group: Group | None = None

    def check_item(self, item, ctx):
        yield from self.group.check(item, ctx)

    def convert(self, value, ctx):
        return tuple(self.group.convert(v, ctx) for v in value)

    def kind(self):
        return "een lijst van groepen velden (" + ", ".join(f.name for f in self.group.fields) + ")"

    def item_schema(self, ctx):
        return self.group.json_schema(ctx)

    def json_schema(self, ctx):
        return {"type": "array", "minItems": self.min_items, "items": self.item_schema(ctx), "description": self.help}


@dataclass(frozen=True)
class Phone(Field):
    """An organisational phone number; Dutch mobile numbers are refused."""

    def check(self, value, ctx):
        text = str(value)
        if isinstance(value, str) and has_mobile(text):
            yield "", f"dit lijkt een mobiel nummer (06); noem alleen een algemeen nummer van de organisatie, {PRIVATE}"
        elif not isinstance(value, str) or not re.fullmatch(r"[+\d][\d\s()-]{7,}", text.strip()):
            yield "", f"'{text}' is geen telefoonnummer"

    def kind(self):
        return "een algemeen telefoonnummer van de organisatie"

    def json_schema(self, ctx):
        return {"type": "string", "description": self.help}


EMAIL_RE = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.IGNORECASE)


@dataclass(frozen=True)
class Email(Field):
    """An organisational e-mail address; personal-looking ones are refused."""

    def check(self, value, ctx):
        text = str(value).strip()
        if not isinstance(value, str) or not EMAIL_RE.fullmatch(text):
            yield "", f"'{text}' is geen e-mailadres"
        elif not is_role_address(text, ctx.role_addresses):
            yield "", (f"dit lijkt een persoonlijk e-mailadres; noem alleen een algemeen adres van de organisatie, zoals "
                       f"{role_examples(ctx.role_addresses)} (zie de woordenlijst '{ROLE_VOCABULARY}'), {PRIVATE}")

    def kind(self):
        return "een algemeen e-mailadres van de organisatie"

    def json_schema(self, ctx):
        return {"type": "string", "format": "email", "description": self.help}


@dataclass(frozen=True)
class Reference(Field):
    """The slug of another entry (checked against all entries by :mod:`checks`)."""

    target: str = ""

    def check(self, value, ctx):
        if not isinstance(value, str) or not SLUG_RE.match(value):
            yield "", f"'{value}' is geen geldige naam van een {self.target}; gebruik de bestandsnaam zonder extensie"

    def kind(self):
        return f"de bestandsnaam (zonder extensie) van een {self.target}"

    def json_schema(self, ctx):
        return {"type": "string", "pattern": SLUG_RE.pattern, "description": self.help}


@dataclass(frozen=True)
class Flag(Field):
    def check(self, value, ctx):
        if not isinstance(value, bool):
            yield "", f"moet true of false zijn, niet {type_name(value)}"

    def kind(self):
        return "`true` of `false`"

    def json_schema(self, ctx):
        return {"type": "boolean", "description": self.help}


SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """A lower-case ASCII slug: ``"Versa Welzijn (Hilversum)"`` → ``versa-welzijn-hilversum``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


#: Unknown keys in one mapping for which a "did you mean" is sought.
MAX_SUGGESTIONS = 50


def check_mapping(data: dict[str, Any], fields: tuple[Field, ...], ctx: Context, prefix: str = "") -> Iterator[Issue]:
    """Check a mapping against fields: unknown keys, missing keys, each value."""
    by_name = {f.name: f for f in fields}
    misspelt: set[str] = set()  # required fields that an unknown key probably meant
    replaced = {f.replaces: f for f in fields if f.replaces}
    unknown = 0
    for key in data:
        if key in replaced:
            new = replaced[key]
            misspelt.add(new.name)
            yield f"{prefix}{key}", f"dit veld heet nu '{new.name}': {new.kind()}"
        elif key not in by_name:
            unknown += 1  # suggestions for the first ones; thousands of unknown keys would make difflib take seconds
            close = difflib.get_close_matches(str(key), list(by_name), n=1, cutoff=0.6) if unknown <= MAX_SUGGESTIONS else []
            misspelt.update(close)
            hint = f"; bedoel je '{close[0]}'?" if close else f"; toegestaan: {', '.join(by_name)}"
            yield f"{prefix}{key}", f"onbekend veld{hint}"
    for f in fields:
        if f.name not in data:
            if f.required and f.name not in misspelt:
                yield f"{prefix}{f.name}", f"dit verplichte veld ontbreekt ({f.kind()})"
            continue
        if data[f.name] is None and not f.required:
            continue
        for sub, message in f.check(data[f.name], ctx):
            yield f"{prefix}{f.name}{sub}", message


def convert_mapping(data: dict[str, Any], fields: tuple[Field, ...], ctx: Context) -> dict[str, Any]:
    """Convert a checked mapping into record attributes."""
    return {
        f.attr: f.convert(data[f.name], ctx) if data.get(f.name) is not None else f.empty()
        for f in fields
    }


def mapping_schema(fields: tuple[Field, ...], ctx: Context) -> dict[str, Any]:
    """JSON Schema for a mapping of fields."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": {f.name: f.json_schema(ctx) for f in fields},
    }


@dataclass(frozen=True)
class Switch(Flag):
    """A true/false field that is false when left out."""

    def empty(self):
        return False


@dataclass(frozen=True)
class Slugs(ListField):
    """A list of keys (lower case, digits, hyphens), e.g. authors in the blog's authors file."""

    def check_item(self, item, ctx):
        if not isinstance(item, str) or not SLUG_RE.match(item):
            yield "", f"'{item}' is geen geldige sleutel; gebruik kleine letters, cijfers en streepjes"

    def kind(self):
        return "een lijst sleutels uit `verhalen/.authors.yml`"

    def item_schema(self, ctx):
        return {"type": "string", "pattern": SLUG_RE.pattern}
