"""Open data: the programmes of the social map as GeoJSON, CSV and an Open Referral HSDS 3.0 package.

Pure functions from the catalogue to text, like :mod:`generate`. ``data/programmas.json``
is made there (the records as they are); this module adds:

- ``data/programmas.csv``: one row per programme, one column per field (lists joined by ``; ``);
- ``data/programmas.geojson``: the same as GeoJSON (RFC 7946), one Feature per programme with a
  MultiPoint of the centres of its municipalities and provinces, and no geometry when national;
- ``data/hsds/``: a tabular data package in the form of the Human Services Data Specification
  (HSDS) 3.0 of Open Referral, so that directory tools that speak HSDS can read the programmes:
  ``datapackage.json`` with organization, program, service, service_area, language and phone
  tables. Identifiers are UUIDs derived (uuid5) from slugs and names, so they stay the same
  from one build to the next;
- ``open-data.md``: the Dutch page that describes these files and their fields.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import io
import json
import textwrap
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..model.checks import Catalogue
from ..model.fields import Context
from ..model.gazetteer import normalise
from ..model.records import PartialDate, Programme, SourceRef, newest_source_date
from ..model.vocabulary import languages
from .common import OPEN_DATA_DOC, Generated
from .geography import area_points, by_name
from .templating import page

CSV_DOC = "data/programmas.csv"
GEOJSON_DOC = "data/programmas.geojson"
JSON_DOC = "data/programmas.json"
HSDS_DIR = "data/hsds"
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
           "path": "https://creativecommons.org/licenses/by/4.0/deed.nl"}
#: The namespace of every HSDS identifier. Never change it: all identifiers would change with it.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://kennisbank-sleutelpersonen.github.io/kennisbank/hsds")
LIST_SEPARATOR = "; "
#: Our status as HSDS service status. HSDS has no "unknown": such a service gets no status rather than a wrong one.
HSDS_STATUS = {"lopend": "active", "afgerond": "defunct", "onbekend": ""}
#: A cell that starts with one of these is run as a formula by a spreadsheet (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- one flat description of a programme, shared by CSV and GeoJSON ----------------------

@dataclass(frozen=True)
class Column:
    """A column of the CSV file and a property of the GeoJSON features."""

    name: str
    json_key: str  # where the same value is in programmas.json
    help: str
    value: Callable[[Programme, Context], Any]  # a string, or a list of strings


def _area_names(p: Programme, ctx: Context) -> list[str]:
    return ["landelijk"] if p.area.national else [*p.area.municipalities, *p.area.provinces]


def _codes(p: Programme, ctx: Context) -> list[str]:
    return [m.code for n in p.area.municipalities if (m := ctx.gazetteer.lookup(n))]


def _contact(attr: str) -> Callable[[Programme, Context], str]:
    return lambda p, ctx: (getattr(p.contact, attr) or "") if p.contact else ""


def _sources(value: Callable[[SourceRef], str]) -> Callable[[Programme, Context], list[str]]:
    return lambda p, ctx: [value(s) for s in p.sources]


def _iso(day: PartialDate | None) -> str:
    return day.iso() if day else ""


def _knowledge_date(p: Programme, ctx: Context) -> str:
    return _iso(newest_source_date(p.sources))


COLUMNS: tuple[Column, ...] = (
    Column("slug", "slug", "Vaste korte naam van het programma; ook het adres van de pagina.", lambda p, ctx: p.slug),
    Column("naam", "name", "Naam van het programma.", lambda p, ctx: p.name),
    Column("samenvatting", "summary", "Korte beschrijving in één of twee zinnen.", lambda p, ctx: p.summary),
    Column("organisatie", "organisation", "De organisatie die het programma uitvoert.", lambda p, ctx: p.organisation),
    Column("werkgebied", "area", "Gemeenten en provincies waar het programma werkt, of `landelijk`.", _area_names),
    Column("gemeentecodes", "area.municipalities", "CBS-codes van de gemeenten in het werkgebied (zoals GM0392).", _codes),
    Column("provincies", "area.provinces", "Provincies die in hun geheel tot het werkgebied horen.", lambda p, ctx: list(p.area.provinces)),
    Column("themas", "themes", "Thema's, als sleutels uit de woordenlijst.", lambda p, ctx: list(p.themes)),
    Column("rollen", "roles", "Rollen van de sleutelpersonen, als sleutels uit de woordenlijst.", lambda p, ctx: list(p.roles)),
    Column("talen", "languages", "Talen van de sleutelpersonen, als ISO 639-1-codes.", lambda p, ctx: list(p.languages)),
    Column("doelgroepen", "communities", "Gemeenschappen waarmee de sleutelpersonen werken.", lambda p, ctx: list(p.communities)),
    Column("vergoeding", "payment", "Hoe sleutelpersonen worden vergoed, als sleutel uit de woordenlijst.", lambda p, ctx: p.payment),
    Column("hoe_inzetten", "how_to_engage", "Hoe een gemeente of organisatie het programma kan inzetten.", lambda p, ctx: p.how_to_engage),
    Column("website", "website", "Webadres van het programma of de organisatie.", lambda p, ctx: p.website or ""),
    Column("email", "contact.email", "Algemeen e-mailadres van de organisatie.", _contact("email")),
    Column("telefoon", "contact.phone", "Algemeen telefoonnummer van de organisatie.", _contact("phone")),
    Column("formulier", "contact.form", "Webadres van een contactformulier.", _contact("form")),
    Column("status", "status", "Loopt het programma nog: `lopend`, `afgerond` of `onbekend` (zie het inhoudsmodel).", lambda p, ctx: p.status),
    Column("periode_start", "period.start", "Begin van het programma (JJJJ, JJJJ-MM of JJJJ-MM-DD), als een bron het noemt.",
           lambda p, ctx: _iso(p.period.start) if p.period else ""),
    Column("periode_eind", "period.end", "Einde van het programma, als een bron het noemt.", lambda p, ctx: _iso(p.period.end) if p.period else ""),
    Column("kennis_van", "", "De datum van de nieuwste bron die een datum noemt: zo oud is de kennis. Leeg als geen bron een datum noemt.",
           _knowledge_date),
    Column("bron_urls", "sources[].url", "Webadressen van de bronnen, in dezelfde volgorde als de volgende bronkolommen.", _sources(lambda s: s.url)),
    Column("bron_titels", "sources[].title", "Titels van de bronnen.", _sources(lambda s: s.title)),
    Column("bron_uitgevers", "sources[].publisher", "Uitgevers van de bronnen.", _sources(lambda s: s.publisher)),
    Column("bron_datums", "sources[].date", "De datum die elke bron zelf noemt, of `-` als de bron geen datum toont.",
           _sources(lambda s: _iso(s.date) or "-")),
    Column("bron_gelezen", "sources[].accessed", "De dag waarop elke bron is gelezen (JJJJ-MM-DD).", _sources(lambda s: s.accessed.isoformat())),
    Column("laatst_geverifieerd", "verified", "Datum waarop iemand voor het laatst naging dat de gegevens kloppen.",
           lambda p, ctx: p.verified.isoformat()),
    Column("pagina", "", "Adres van de pagina van het programma, vanaf het begin van deze site.", lambda p, ctx: f"programmas/{p.slug}/"),
)


def flat(value: Any) -> str:
    """A cell value: lists joined by ``; ``."""
    return LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value)


def cell(value: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula: as OWASP advises, a leading ``'`` when it starts like one."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    """CSV text (RFC 4180, UTF-8, header row first); every cell made safe for spreadsheets (:func:`cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(h) for h in header])
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue()


def programmes_csv(catalogue: Catalogue) -> str:
    """``programmas.csv``: one row per programme, in alphabetical order."""
    ctx = catalogue.context
    rows = [[flat(c.value(p, ctx)) for c in COLUMNS] for p in by_name(catalogue.programmes)]
    return csv_text([c.name for c in COLUMNS], rows)


def programmes_geojson(catalogue: Catalogue) -> dict[str, Any]:
    """``programmas.geojson``: a FeatureCollection; coordinates are [longitude, latitude] (RFC 7946)."""
    ctx = catalogue.context
    features = []
    for p in by_name(catalogue.programmes):
        points = [[round(lon, 4), round(lat, 4)] for lat, lon in area_points(p.area, ctx.gazetteer)]
        features.append({
            "type": "Feature",
            "id": p.slug,
            "geometry": {"type": "MultiPoint", "coordinates": points} if points else None,
            "properties": {c.name: c.value(p, ctx) for c in COLUMNS},
        })
    return {"type": "FeatureCollection", "features": features}


# --- HSDS 3.0 -------------------------------------------------------------------------

def stable_id(kind: str, *key: str) -> str:
    """A UUID that depends only on what the row describes, so it is the same in every build."""
    return str(uuid.uuid5(NAMESPACE, ":".join((kind, *key))))


@dataclass(frozen=True)
class HsdsField:
    """A column of an HSDS table, as its Table Schema field."""

    name: str
    description: str
    type: str = "string"
    format: str | None = None
    required: bool = False

    def schema(self) -> dict[str, Any]:
        """The Table Schema field descriptor."""
        field: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.format:
            field["format"] = self.format
        field["constraints"] = {"required": self.required, **({"unique": True} if self.name == "id" else {})}
        return field


def _id(what: str) -> HsdsField:
    return HsdsField("id", f"Unique identifier of the {what} (UUID, stable across builds).", format="uuid", required=True)


def _ref(name: str, what: str, required: bool = True) -> HsdsField:
    return HsdsField(name, f"Identifier of the {what}.", format="uuid", required=required)


#: The HSDS tables we publish: resource name, file, fields, foreign keys (field, resource).
HSDS_TABLES: tuple[tuple[str, str, tuple[HsdsField, ...], tuple[tuple[str, str], ...]], ...] = (
    ("organization", "organizations.csv", (
        _id("organization"),
        HsdsField("name", "Name of the organization.", required=True),
        HsdsField("description", "What the organization does on the social map.", required=True),
    ), ()),
    ("program", "programs.csv", (
        _id("program"),
        _ref("organization_id", "organization that runs the program"),
        HsdsField("name", "Name of the keyperson programme.", required=True),
        HsdsField("description", "Short description of the programme.", required=True),
    ), (("organization_id", "organization"),)),
    ("service", "services.csv", (
        _id("service"),
        _ref("organization_id", "organization that provides the service"),
        _ref("program_id", "program the service belongs to"),
        HsdsField("name", "Name of the service.", required=True),
        HsdsField("description", "Short description of the service."),
        HsdsField("url", "Website of the programme or organization.", format="uri"),
        HsdsField("email", "General e-mail address of the organization.", format="email"),
        HsdsField("status", "Status of the service: active (a source of the last 24 months says it runs), defunct (a source says "
                            "it ended), or empty when no recent source says whether it still runs (our status 'onbekend')."),
        HsdsField("application_process", "How a municipality or organization can engage the programme."),
        HsdsField("eligibility_description", "The communities the keypersons work with."),
        HsdsField("assured_date", "Date the data were last checked.", type="date"),
    ), (("organization_id", "organization"), ("program_id", "program"))),
    ("service_area", "service_areas.csv", (
        _id("service area"),
        _ref("service_id", "service"),
        HsdsField("name", "Municipality, province, or Nederland for a national service.", required=True),
        HsdsField("description", "Kind of area, with the CBS code of a municipality."),
    ), (("service_id", "service"),)),
    ("language", "languages.csv", (
        _id("language entry"),
        _ref("service_id", "service"),
        HsdsField("name", "Name of the language (in Dutch).", required=True),
        HsdsField("code", "ISO 639-1 code of the language.", required=True),
    ), (("service_id", "service"),)),
    ("url", "urls.csv", (
        _id("url"),
        _ref("service_id", "service"),
        HsdsField("label", "The source this is: title, publisher, its own date where it shows one, and the day it was read.", required=True),
        HsdsField("url", "Web address of a source of the data about the service.", format="uri", required=True),
    ), (("service_id", "service"),)),
    ("phone", "phones.csv", (
        _id("phone"),
        _ref("service_id", "service"),
        HsdsField("number", "General phone number of the organization (never a keyperson's own).", required=True),
        HsdsField("type", "Kind of phone: voice."),
    ), (("service_id", "service"),)),
)


def hsds_tables(catalogue: Catalogue) -> dict[str, list[dict[str, str]]]:
    """The rows of every HSDS table, as dictionaries of strings."""
    ctx = catalogue.context
    names = languages()
    programmes = by_name(catalogue.programmes)
    tables: dict[str, list[dict[str, str]]] = {name: [] for name, _, _, _ in HSDS_TABLES}
    organisations: dict[str, list[Programme]] = {}
    for p in programmes:
        organisations.setdefault(p.organisation, []).append(p)
    for name, members in sorted(organisations.items(), key=lambda item: item[0].lower()):
        tables["organization"].append({
            "id": stable_id("organization", normalise(name)), "name": name,
            "description": "Voert uit op de sociale kaart: " + "; ".join(m.name for m in members) + ".",
        })
    for p in programmes:
        organisation_id = stable_id("organization", normalise(p.organisation))
        program_id, service_id = stable_id("program", p.slug), stable_id("service", p.slug)
        tables["program"].append({"id": program_id, "organization_id": organisation_id, "name": p.name, "description": p.summary})
        tables["service"].append({
            "id": service_id, "organization_id": organisation_id, "program_id": program_id, "name": p.name,
            "description": p.summary, "url": p.website or "", "email": (p.contact.email or "") if p.contact else "",
            "status": HSDS_STATUS[p.status], "application_process": p.how_to_engage,
            "eligibility_description": ", ".join(ctx.vocab.label("doelgroepen", c) for c in p.communities),
            "assured_date": p.verified.isoformat(),
        })
        areas = [("Nederland", "landelijk")] if p.area.national else []
        areas += [(m.name, f"gemeente, CBS-code {m.code}") for n in p.area.municipalities if (m := ctx.gazetteer.lookup(n))]
        areas += [(province, "provincie") for province in p.area.provinces]
        for area_name, description in areas:
            tables["service_area"].append({"id": stable_id("service_area", p.slug, area_name), "service_id": service_id,
                                           "name": area_name, "description": description})
        for index, source in enumerate(p.sources):
            label = f"Bron: {source.title} ({source.publisher}{', ' + source.date.iso() if source.date else ''}); gelezen op {source.accessed.isoformat()}"
            tables["url"].append({"id": stable_id("url", p.slug, str(index)), "service_id": service_id, "label": label, "url": source.url})
        for code in p.languages:
            tables["language"].append({"id": stable_id("language", p.slug, code), "service_id": service_id, "name": names[code], "code": code})
        if p.contact and p.contact.phone:
            tables["phone"].append({"id": stable_id("phone", p.slug), "service_id": service_id, "number": p.contact.phone, "type": "voice"})
    return tables


def hsds_datapackage() -> dict[str, Any]:
    """The ``datapackage.json`` descriptor (Frictionless tabular data package) of the HSDS export."""
    resources = []
    for name, path, fields, foreign in HSDS_TABLES:
        schema: dict[str, Any] = {"fields": [f.schema() for f in fields], "primaryKey": ["id"]}
        if foreign:
            schema["foreignKeys"] = [{"fields": [f], "reference": {"resource": r, "fields": ["id"]}} for f, r in foreign]
        resources.append({"name": name, "path": path, "profile": "tabular-data-resource", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
    return {
        "name": "kennisbank-sleutelpersonen-hsds",
        "title": "Kennisbank Sleutelpersonen: programma's met sleutelpersonen (HSDS 3.0)",
        "description": "Keyperson programmes in the Netherlands from the social map of the Kennisbank Sleutelpersonen, "
                       "in the form of the Open Referral Human Services Data Specification (HSDS) 3.0.",
        "profile": "tabular-data-package",
        "keywords": ["HSDS", "Open Referral", "sleutelpersonen", "sociale kaart"],
        "licenses": [LICENCE],
        "hsds_version": "3.0",
        "resources": resources,
    }


def hsds_files(catalogue: Catalogue) -> list[Generated]:
    """``datapackage.json`` and one CSV file per HSDS table."""
    tables = hsds_tables(catalogue)
    result = [Generated(f"{HSDS_DIR}/datapackage.json", json.dumps(hsds_datapackage(), ensure_ascii=False, indent=2) + "\n")]
    for name, path, fields, _ in HSDS_TABLES:
        header = [f.name for f in fields]
        result.append(Generated(f"{HSDS_DIR}/{path}", csv_text(header, [[row[h] for h in header] for row in tables[name]])))
    return result


# --- the page about it ------------------------------------------------------------------

#: The files on the open data page: the kind (the template describes each) → docs path and file name.
FILES = {
    "csv": (CSV_DOC, "programmas.csv"),
    "json": (JSON_DOC, "programmas.json"),
    "geojson": (GEOJSON_DOC, "programmas.geojson"),
    "hsds": (f"{HSDS_DIR}/datapackage.json", "hsds/datapackage.json"),
}


def open_data_page(catalogue: Catalogue) -> Generated:
    """The Dutch page that describes every open data file, its licence and its fields (``templates/open-data.md``)."""
    content = page("open-data.md", {"type": "overzicht"}, doc=OPEN_DATA_DOC, aantal=len(catalogue.programmes),
                   bestanden={kind: {"doc": doc, "name": name} for kind, (doc, name) in FILES.items()},
                   licentie=LICENCE["path"], kolommen=COLUMNS,
                   tabellen=[{"name": name, "path": path, "doc": f"{HSDS_DIR}/{path}", "columns": [f.name for f in fields]}
                             for name, path, fields, _ in HSDS_TABLES])
    return Generated(OPEN_DATA_DOC, content, f"{catalogue.layout.programmes}/")


def files(catalogue: Catalogue) -> list[Generated]:
    """Every open data file and the page about them (``programmas.json`` comes from :mod:`generate`)."""
    return [
        Generated(CSV_DOC, programmes_csv(catalogue)),
        Generated(GEOJSON_DOC, json.dumps(programmes_geojson(catalogue), ensure_ascii=False, indent=1) + "\n"),
        *hsds_files(catalogue),
        open_data_page(catalogue),
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.iso()
    if dataclasses.is_dataclass(value):  # field by field: dataclasses.asdict deep-copies every value first
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def record_json(records: Iterable[Any]) -> str:
    """Records as a JSON list, dates in ISO form: ``json.dumps(list, indent=1)``, made record by record."""
    texts = [_record_text(record) for record in records]
    return "[\n" + ",\n".join(texts) + "\n]\n" if texts else "[]\n"


@functools.lru_cache(maxsize=65536)
def _record_text(record: Any) -> str:
    """One record as it stands in the list (one step in). Kept: while serving, only edited records change."""
    return textwrap.indent(json.dumps(_plain(record), ensure_ascii=False, indent=1), " ")


PRACTICES_JSON_DOC = "data/praktijken.json"


def record_files(catalogue: Catalogue) -> list[Generated]:
    """The records as they are, as JSON: ``data/praktijken.json`` and ``data/programmas.json``."""
    return [practice_records(catalogue), programme_records(catalogue)]


def practice_records(catalogue: Catalogue) -> Generated:
    """``data/praktijken.json``: the good practices as they are."""
    return Generated(PRACTICES_JSON_DOC, record_json(catalogue.practices))


def programme_records(catalogue: Catalogue) -> Generated:
    """``data/programmas.json``: the programmes as they are."""
    return Generated(JSON_DOC, record_json(catalogue.programmes))
