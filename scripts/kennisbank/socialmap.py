"""The social map: where programmes work, which are nearest, and the pages and data built on that.

Pure functions from records to text, like :mod:`generate`:

- geography: :func:`is_local`, :func:`distance_to`, :func:`nearest`, :func:`view_for` answer
  "which programmes work in this municipality, and which are closest if none do?";
- pages: the map page (:func:`map_page`, interactive with a plain list as fallback), one page
  per municipality with a programme (:func:`municipality_page`), and, for large catalogues,
  one list page per province for the fallback;
- client data for the map script (``overrides/assets/javascripts/sociale-kaart.js``): a small
  index with what the first, unfiltered view needs (:func:`client_index`), the per-programme
  areas and filter values that the script loads only when a filter is first used
  (:func:`client_columns`), and the texts of the list in chunks that the script loads only
  when it shows them (:func:`client_texts`).

The script repeats the distance rules of this module (see ``nearestProgrammes`` there), so
both must change together; the browser tests compare the two.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from . import generate
from .checks import Catalogue
from .gazetteer import PROVINCES, Gazetteer, Municipality, distance_km
from .generate import (
    MAP_DOC,
    Generated,
    area_text,
    dutch_date,
    front_matter,
    is_stale,
    link,
    programme_doc,
    text,
)
from .records import Area, Programme
from .schema import Context
from .vocabulary import languages

NEAREST = 5  # how many nearby programmes a municipality without one gets
TEXT_CHUNK = 100  # programmes per text file of the client data
CLIENT_INDEX = "sociale-kaart/kaart.json"
CLIENT_COLUMNS = "sociale-kaart/kolommen.json"
MASK_BITS = 30  # a filter with at most this many values is stored as one bitmask per programme
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"  # base 64, nothing to escape in JSON
CLIENT_TEXTS = "sociale-kaart/teksten"
OPEN_DATA_DOC = "open-data.md"
MAP_TEMPLATE = "sociale-kaart.html"

# The filters of the map: URL parameter, vocabulary (None for languages), record attribute, label, "all" option.
FILTERS: tuple[tuple[str, str | None, str, str, str], ...] = (
    ("thema", "themas", "themes", "Thema", "Alle thema's"),
    ("rol", "rollen", "roles", "Rol", "Alle rollen"),
    ("taal", None, "languages", "Taal", "Alle talen"),
    ("doelgroep", "doelgroepen", "communities", "Doelgroep", "Alle doelgroepen"),
    ("vergoeding", "vergoeding", "payment", "Vergoeding", "Alle vormen"),
)


def count(n: int) -> str:
    """``1 programma``, ``2 programma's``."""
    return f"{n} programma" if n == 1 else f"{n} programma's"


def municipality_doc(municipality: Municipality) -> str:
    """Docs path of a municipality page: ``gemeenten/haarlem.md``."""
    return generate.municipality_doc(municipality.slug)


# --- geography ------------------------------------------------------------------

def is_local(area: Area, municipality: Municipality) -> bool:
    """True if an area names the municipality itself or its whole province (national areas are not local)."""
    return municipality.name in area.municipalities or municipality.province in area.provinces


def distance_to(area: Area, municipality: Municipality, gazetteer: Gazetteer) -> float | None:
    """Kilometres from a municipality's centre to the nearest place an area covers.

    0 when the area is local; a province counts by its nearest municipality; None for a
    national (or unknown) area, which has no place.
    """
    if area.national or area.unknown:
        return None
    if is_local(area, municipality):
        return 0.0
    here = (municipality.lat, municipality.lon)
    places = [m for name in area.municipalities if (m := gazetteer.lookup(name))]
    places += [m for p in area.provinces for m in gazetteer.by_province(p)]
    return min((distance_km(here, (m.lat, m.lon)) for m in places), default=None)


@dataclass(frozen=True)
class Nearby:
    """A programme that does not work in a municipality, and how far away it does."""

    programme: Programme
    distance_km: float


@dataclass(frozen=True)
class LocalView:
    """What the map shows for one municipality."""

    municipality: Municipality
    local: tuple[Programme, ...]
    national: tuple[Programme, ...]
    nearby: tuple[Nearby, ...]


def by_name(programmes: Iterable[Programme]) -> list[Programme]:
    """Programmes in alphabetical order."""
    return sorted(programmes, key=lambda p: (p.name.lower(), p.slug))


class MapIndex:
    """Programmes by the municipalities and provinces they name, for fast look-ups per municipality.

    Built once per catalogue: a municipality page then costs a walk over the 342 municipalities
    instead of a pass over every programme. :func:`distance_to` is the rule it implements.
    """

    def __init__(self, programmes: Iterable[Programme], gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.programmes = by_name(programmes)
        self.national = tuple(p for p in self.programmes if p.area.national)
        self.by_town: dict[str, list[Programme]] = {}
        self.by_province: dict[str, list[Programme]] = {}
        for p in self.programmes:
            for name in p.area.municipalities:
                self.by_town.setdefault(name, []).append(p)
            for province in p.area.provinces:
                self.by_province.setdefault(province, []).append(p)

    def local(self, municipality: Municipality) -> list[Programme]:
        """Programmes that name the municipality or its province, alphabetically."""
        found = {p.slug: p for p in (*self.by_town.get(municipality.name, ()), *self.by_province.get(municipality.province, ()))}
        return by_name(found.values())

    def covered(self) -> list[Municipality]:
        """Municipalities where at least one regional programme works, in gazetteer order."""
        return [m for m in self.gazetteer.municipalities if m.name in self.by_town or m.province in self.by_province]

    def nearest(self, municipality: Municipality, limit: int = NEAREST) -> list[Nearby]:
        """The ``limit`` closest programmes that do not work in the municipality, closest first.

        Walks the municipalities from near to far; the first time a programme covers one is its distance.
        """
        here = (municipality.lat, municipality.lon)
        towns = sorted(((distance_km(here, (m.lat, m.lon)), m) for m in self.gazetteer.municipalities), key=lambda dm: dm[0])
        local = {p.slug for p in self.local(municipality)}
        seen: dict[str, Nearby] = {}
        for distance, town in towns:
            if len(seen) >= limit and distance > max(n.distance_km for n in seen.values()):
                break
            for p in (*self.by_town.get(town.name, ()), *self.by_province.get(town.province, ())):
                if p.slug not in local and p.slug not in seen:
                    seen[p.slug] = Nearby(p, distance)
        ordered = sorted(seen.values(), key=lambda n: (n.distance_km, n.programme.name.lower(), n.programme.slug))
        return ordered[:limit]

    def view(self, municipality: Municipality, limit: int = NEAREST) -> LocalView:
        """Programmes that work in a municipality, the national ones, and the nearest others."""
        return LocalView(municipality, tuple(self.local(municipality)), self.national, tuple(self.nearest(municipality, limit)))


def nearest(programmes: Iterable[Programme], municipality: Municipality, gazetteer: Gazetteer, limit: int = NEAREST) -> list[Nearby]:
    """The ``limit`` closest regional programmes that do not work in the municipality, closest first."""
    return MapIndex(programmes, gazetteer).nearest(municipality, limit)


def view_for(municipality: Municipality, programmes: Iterable[Programme], gazetteer: Gazetteer, limit: int = NEAREST) -> LocalView:
    """Programmes that work in a municipality, the national ones, and the nearest others."""
    return MapIndex(programmes, gazetteer).view(municipality, limit)


def covered_municipalities(programmes: Iterable[Programme], gazetteer: Gazetteer) -> list[Municipality]:
    """Municipalities where at least one regional programme works, in gazetteer order."""
    return MapIndex(programmes, gazetteer).covered()


def province_centre(gazetteer: Gazetteer, province: str) -> tuple[float, float]:
    """The mean of the centres of a province's municipalities (where the map puts province-wide programmes)."""
    members = gazetteer.by_province(province)
    return (sum(m.lat for m in members) / len(members), sum(m.lon for m in members) / len(members))


def area_points(area: Area, gazetteer: Gazetteer) -> list[tuple[float, float]]:
    """(lat, lon) of each municipality and province an area names."""
    points = [(m.lat, m.lon) for name in area.municipalities if (m := gazetteer.lookup(name))]
    return points + [province_centre(gazetteer, p) for p in area.provinces]


# --- pages ----------------------------------------------------------------------

def stale_line(programme: Programme, ctx: Context) -> str:
    """A short 'check whether this is still current' note for lists, or nothing."""
    if not is_stale(programme.verified, ctx.today):
        return ""
    return f" *Controleer of dit nog klopt: laatst gecontroleerd op {dutch_date(programme.verified)}.*"


def programme_item(programme: Programme, ctx: Context, from_doc: str, extra: str = "") -> str:
    """One programme as a Markdown list item: link, organisation, area, summary."""
    return (f"- {link(programme.name, from_doc, programme_doc(programme.slug))}{extra} "
            f"({text(programme.organisation)}; werkgebied: {text(area_text(programme.area))}). "
            f"{text(programme.summary)}{stale_line(programme, ctx)}\n")


def map_link(from_doc: str, municipality: Municipality | None = None) -> str:
    """A relative link to the map page, with a municipality filter when given."""
    target = posixpath.relpath(MAP_DOC, posixpath.dirname(from_doc) or ".")
    if municipality:
        target += "?gemeente=" + re.sub(r"[^0-9A-Za-z._~-]", lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), municipality.name)
    return target


PAGE_LIMIT = 25  # programmes per list on a municipality page; the map shows the rest, so pages stay small


def more_on_map(total: int, doc: str, municipality: Municipality) -> str:
    """A closing line for a list cut at :data:`PAGE_LIMIT`: where to find the others."""
    if total <= PAGE_LIMIT:
        return "\n"
    return f"\nEn nog {count(total - PAGE_LIMIT)}: [bekijk ze allemaal op de sociale kaart]({map_link(doc, municipality)}).\n\n"


def municipality_page(municipality: Municipality, catalogue: Catalogue, index: MapIndex | None = None) -> Generated:
    """"Sleutelpersonen in <gemeente>": the programmes there, the national ones, and the nearest others."""
    ctx, doc = catalogue.context, municipality_doc(municipality)
    view = (index or MapIndex(catalogue.programmes, ctx.gazetteer)).view(municipality)
    name = text(municipality.name)
    parts = [
        f"# Sleutelpersonen in {name}\n\n",
        f"{name} ligt in de provincie {municipality.province}. Hier zie je welke programma's met "
        f"sleutelpersonen in {name} werken. Je ziet ook de landelijke programma's en programma's in de buurt.\n\n",
        f"[Bekijk {name} op de sociale kaart]({map_link(doc, municipality)})\n\n",
        f"## Programma's in {name}\n\n",
    ]
    for p in view.local[:PAGE_LIMIT]:
        note = f" (in de hele provincie {p.area.provinces[0]})" if municipality.name not in p.area.municipalities else ""
        parts.append(programme_item(p, ctx, doc, note))
    parts.append(more_on_map(len(view.local), doc, municipality))
    if view.national:
        parts.append("## Landelijke programma's\n\nDeze programma's werken in heel Nederland, dus ook in "
                     f"{name}.\n\n" + "".join(programme_item(p, ctx, doc) for p in view.national[:PAGE_LIMIT])
                     + more_on_map(len(view.national), doc, municipality))
    if view.nearby:
        parts.append(f"## In de buurt\n\nDeze programma's werken niet in {name}, maar wel dichtbij. "
                     "De afstand is hemelsbreed, van het midden van de ene gemeente naar het midden van de andere.\n\n")
        parts += [programme_item(n.programme, ctx, doc, f", ongeveer {round(n.distance_km)} km") for n in view.nearby]
        parts.append("\n")
    parts.append(f"## Gegevens hergebruiken\n\nAlle programma's staan ook als [open data]({posixpath.relpath(OPEN_DATA_DOC, 'gemeenten')}).\n")
    meta = {"title": f"Sleutelpersonen in {municipality.name}",
            "description": f"Programma's met sleutelpersonen in de gemeente {municipality.name} ({municipality.province}), landelijk en in de buurt.",
            "type": "overzicht", "provincies": [municipality.province]}
    return Generated(doc, front_matter(meta) + "".join(parts), f"{catalogue.layout.programmes}/")


def municipality_index(municipalities: list[Municipality]) -> Generated:
    """The list of all municipality pages, per province."""
    doc = "gemeenten/index.md"
    parts = ["# Sleutelpersonen per gemeente\n\n",
             "Voor elke gemeente waar een programma met sleutelpersonen werkt, is er een eigen pagina. "
             "Staat jouw gemeente er niet bij? Zoek haar op de [sociale kaart](../sociale-kaart/index.md): "
             "daar zie je de landelijke programma's en de programma's die het dichtst bij jou werken.\n\n"]
    for province in PROVINCES:
        members = [m for m in municipalities if m.province == province]
        if members:
            parts.append(f"## {province}\n\n" + "".join(f"- {link(m.name, doc, municipality_doc(m))}\n" for m in members) + "\n")
    if not municipalities:
        parts.append("Er is nog geen gemeente met een eigen programma.\n")
    meta = {"title": "Sleutelpersonen per gemeente", "description": "Alle gemeenten waar een programma met sleutelpersonen werkt.", "type": "overzicht"}
    return Generated(doc, front_matter(meta) + "".join(parts), "programmas/")






def _select(name: str, label: str, everything: str, options: Iterable[tuple[str, str]]) -> str:
    """One labelled <select> of the filter form; values and labels are escaped."""
    opts = "".join(f'<option value="{html.escape(value)}">{html.escape(text_)}</option>' for value, text_ in options)
    return (f'<div class="kb-kaart__veld"><label for="kb-{name}">{label}</label>'
            f'<select id="kb-{name}" name="{name}"><option value="">{everything}</option>{opts}</select></div>\n')


def filter_options(catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    """(value, label) of every filter option, in the order the client index numbers them."""
    ctx = catalogue.context
    options: dict[str, list[tuple[str, str]]] = {"provincie": [(p, p) for p in PROVINCES]}
    names = languages()
    used = sorted({code for p in catalogue.programmes for code in p.languages}, key=lambda c: names[c].lower())
    for param, vocabulary, _, _, _ in FILTERS:
        if vocabulary is None:
            options[param] = [(code, names[code]) for code in used]
        else:
            options[param] = [(t.key, t.label) for t in ctx.vocab.lists[vocabulary]]
    return options


def map_app(catalogue: Catalogue) -> str:
    """The HTML of the interactive map: filters, status line, list and map.

    Hidden until the script has loaded its data; without JavaScript the plain list below it shows.
    """
    options = filter_options(catalogue)
    selects = [_select("provincie", "Provincie", "Alle provincies", options["provincie"])]
    selects += [_select(param, label, everything, options[param]) for param, _, _, label, everything in FILTERS]
    return (
        '<div id="kb-kaart" class="kb-kaart" hidden>\n'
        '<form id="kb-kaart-filters" class="kb-kaart__filters" role="search" aria-label="Programma\'s zoeken">\n'
        '<div class="kb-kaart__veld kb-kaart__gemeente"><label for="kb-gemeente">Gemeente</label>'
        '<input id="kb-gemeente" name="gemeente" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" '
        'aria-controls="kb-gemeente-opties" aria-describedby="kb-gemeente-uitleg" autocomplete="off" spellcheck="false">'
        '<ul id="kb-gemeente-opties" class="kb-kaart__opties" role="listbox" aria-label="Gemeenten" hidden></ul>'
        '<p id="kb-gemeente-uitleg" class="kb-kaart__uitleg">Typ de naam van een gemeente. Kies met de pijltjes en Enter.</p></div>\n'
        + "".join(selects) +
        '<div class="kb-kaart__knoppen"><button type="button" id="kb-kaart-wis" class="md-button">Wis alle filters</button></div>\n'
        '</form>\n'
        '<p id="kb-kaart-status" class="kb-kaart__status" role="status" aria-live="polite" aria-atomic="true"></p>\n'
        '<div class="kb-kaart__inhoud">\n'
        '<section id="kb-kaart-lijst" class="kb-kaart__lijst" aria-labelledby="kb-kaart-lijst-kop">'
        '<h2 id="kb-kaart-lijst-kop">Programma\'s</h2><div id="kb-kaart-resultaten"></div>'
        '<button type="button" id="kb-kaart-meer" class="md-button" hidden>Meer tonen</button></section>\n'
        '<div id="kb-kaart-kaart" class="kb-kaart__kaart" role="region" aria-label="Kaart van Nederland met de plaatsen waar programma\'s werken"></div>\n'
        '</div>\n'
        '</div>\n'
    )


def map_page(catalogue: Catalogue) -> Generated:
    """The social map: filters, list and map, with the plain list of :func:`generate.map_page` as fallback.

    That list is paginated (its later pages come from :func:`generate.map_pages`), so the map page
    stays small however many programmes there are.
    """
    plain = generate.map_page(catalogue)
    body = plain.content.split("---\n\n", 1)[1]  # drop the front matter; the body is ours to extend
    title, intro, plain_list = body.split("\n\n", 2)  # the title, one paragraph of introduction, the list
    head = f"{title}\n\n{intro}"
    fallback = plain_list if catalogue.programmes else "Er staan nog geen programma's op de kaart.\n"
    parts = [
        head.rstrip("\n") + "\n\n",
        map_app(catalogue), "\n",
        '<div id="kb-kaart-zonder-js" markdown>\n\n', fallback.rstrip("\n") + "\n\n", "</div>\n\n",
        "## Meer over de kaart\n\n",
        "- [Alle gemeenten met een eigen pagina](../gemeenten/index.md)\n",
        f"- [Open data: alle programma's om te downloaden]({posixpath.relpath(OPEN_DATA_DOC, 'sociale-kaart')})\n",
        "- Ken je een programma dat hier niet staat? Lees [Bijdragen](../bijdragen/index.md).\n",
    ]
    meta = {"title": "Sociale kaart", "description": "Vind programma's met sleutelpersonen in jouw gemeente, jouw provincie of landelijk.",
            "type": "overzicht", "template": MAP_TEMPLATE, "hide": ["toc"]}
    return Generated(MAP_DOC, front_matter(meta) + "".join(parts), plain.edit_path)


# --- client data ----------------------------------------------------------------

def client_places(programme: Programme, gazetteer: Gazetteer, index: dict[str, int]) -> list[int]:
    """The places of a programme as the client numbers them: municipalities 0 and up, provinces -1, -2, …."""
    area = programme.area
    return [index[m.name] for n in area.municipalities if (m := gazetteer.lookup(n))] + [-1 - PROVINCES.index(v) for v in area.provinces]


def client_order(programmes: Iterable[Programme]) -> list[Programme]:
    """The order of programmes in the client data: those without a place (national) first, then by name.

    That is the unfiltered list order, so the first view needs only the number of national programmes.
    """
    return sorted(programmes, key=lambda p: (bool(p.area.municipalities or p.area.provinces), p.name.lower(), p.slug))


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _town_index(gazetteer: Gazetteer) -> dict[str, int]:
    return {m.name: i for i, m in enumerate(gazetteer.municipalities)}


def client_index(catalogue: Catalogue, covered: list[Municipality] | None = None) -> dict[str, Any]:
    """What the map script needs for its first, unfiltered view: no per-programme data.

    ``start`` holds the number of national programmes (they come first in client order) and,
    per place (municipality index, or -1 - province index), how many programmes work there,
    for the markers. The per-programme columns are in :func:`client_columns`.
    """
    gazetteer, options = catalogue.context.gazetteer, filter_options(catalogue)
    index = _town_index(gazetteer)
    pages = {m.name for m in (covered if covered is not None else covered_municipalities(catalogue.programmes, gazetteer))}
    areas = [client_places(p, gazetteer, index) for p in client_order(catalogue.programmes)]
    counts: dict[int, int] = {}
    for places in areas:
        for a in places:
            counts[a] = counts.get(a, 0) + 1
    return {
        "provincies": list(PROVINCES),
        "gemeenten": [[m.name, PROVINCES.index(m.province), m.lat, m.lon, m.slug if m.name in pages else "", list(m.aliases)]
                      for m in gazetteer.municipalities],
        "voormalig": [[f.name, index[f.successor]] for f in gazetteer.former],
        "filters": {param: [value for value, _ in values] for param, values in options.items()},
        "start": {"landelijk": sum(1 for places in areas if not places), "plaatsen": sorted(counts.items())},
        "aantal": len(areas),
        "blok": TEXT_CHUNK,
    }


def base64_column(numbers: list[int], width: int) -> str:
    """Numbers as one string of ``width`` base-64 digits each (most significant first).

    Much smaller after gzip than a JSON list of numbers, and cheap to read back with charCodeAt.
    """
    return "".join(DIGITS[n >> 6 * k & 63] for n in numbers for k in range(width - 1, -1, -1))


def _encode(values: list[list[int]], size: int, single: bool) -> tuple[list[Any], Any]:
    """A filter column in its smallest cheap form: one index or one bitmask per programme in
    fixed-width base-64 digits (kind ``[een|bit, width]``), or a list per programme (``lijst``)."""
    if single:
        width = max(1, -(-max(size - 1, 1).bit_length() // 6))
        return ["een", width], base64_column([v[0] for v in values], width)
    if size <= MASK_BITS:
        width = max(1, -(-size // 6))
        return ["bit", width], base64_column([sum(1 << i for i in set(v)) for v in values], width)
    return ["lijst", 0], values


def client_columns(catalogue: Catalogue) -> dict[str, Any]:
    """Per programme (client order) its places and filter values, loaded when a filter is first used.

    ``gebied`` holds per programme the indices of its municipalities (0 and up) and provinces
    (-1 for the first province, -2 for the second, …); an empty list means national. Each filter
    column has a kind and a width in ``soort``: ``een`` (the index of the one value) or ``bit``
    (a bitmask with bit i set for value i of ``filters``), each as ``width`` base-64 digits per
    programme in one string (see :func:`base64_column`), or ``lijst`` (a list of indices each).
    """
    gazetteer, options = catalogue.context.gazetteer, filter_options(catalogue)
    index = _town_index(gazetteer)
    programmes = client_order(catalogue.programmes)
    columns: dict[str, Any] = {"gebied": [client_places(p, gazetteer, index) for p in programmes], "soort": {}}
    for param, _, attr, _, _ in FILTERS:
        position = {value: i for i, (value, _) in enumerate(options[param])}
        single = param == "vergoeding"
        values = [[position[v] for v in ([getattr(p, attr)] if single else getattr(p, attr))] for p in programmes]
        columns["soort"][param], columns[param] = _encode(values, len(options[param]), single)
    return columns


def client_area_text(programme: Programme, gazetteer: Gazetteer) -> str:
    """The area as the map list shows it: ``Haarlem, provincie Utrecht`` or ``Landelijk``."""
    parts = [m.name for n in programme.area.municipalities if (m := gazetteer.lookup(n))]
    parts += [f"provincie {v}" for v in programme.area.provinces]
    return ", ".join(parts) or "Landelijk"


def client_texts(catalogue: Catalogue) -> Iterator[list[list[Any]]]:
    """Chunks of [slug, name, organisation, summary, verified, stale, area] in client order."""
    ctx = catalogue.context
    programmes = client_order(catalogue.programmes)
    for start in range(0, len(programmes), TEXT_CHUNK):
        yield [[p.slug, p.name, p.organisation, p.summary, p.verified.isoformat(), int(is_stale(p.verified, ctx.today)),
                client_area_text(p, ctx.gazetteer)]
               for p in programmes[start:start + TEXT_CHUNK]]


# --- everything ---------------------------------------------------------------------

def files(catalogue: Catalogue) -> list[Generated]:
    """Municipality pages and the map's client data."""
    index = MapIndex(catalogue.programmes, catalogue.context.gazetteer)
    covered = index.covered()
    result = [municipality_page(m, catalogue, index) for m in covered]
    result.append(municipality_index(covered))
    result.append(Generated(CLIENT_INDEX, _compact(client_index(catalogue, covered))))
    result.append(Generated(CLIENT_COLUMNS, _compact(client_columns(catalogue))))
    result += [Generated(f"{CLIENT_TEXTS}/{n}.json", _compact(chunk)) for n, chunk in enumerate(client_texts(catalogue))]
    return result
