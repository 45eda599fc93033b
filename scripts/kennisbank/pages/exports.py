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
from ..model.records import Programme
from ..model.vocabulary import languages
from .common import OPEN_DATA_DOC, Generated, front_matter, text
from .geography import area_points, by_name

CSV_DOC = "data/programmas.csv"
GEOJSON_DOC = "data/programmas.geojson"
JSON_DOC = "data/programmas.json"
HSDS_DIR = "data/hsds"
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
           "path": "https://creativecommons.org/licenses/by/4.0/deed.nl"}
#: The namespace of every HSDS identifier. Never change it: all identifiers would change with it.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://kennisbank-sleutelpersonen.github.io/kennisbank/hsds")
LIST_SEPARATOR = "; "


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


def _source(attr: str) -> Callable[[Programme, Context], str]:
    return lambda p, ctx: str(getattr(p.source, attr) or "")


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
    Column("bron_titel", "source.title", "Titel van de bron van de gegevens.", _source("title")),
    Column("bron_uitgever", "source.publisher", "Uitgever van de bron.", _source("publisher")),
    Column("bron_datum", "source.date", "Datum van de bron (JJJJ-MM-DD).", _source("date")),
    Column("bron_url", "source.url", "Webadres van de bron.", _source("url")),
    Column("bron_document", "source.document", "Omschrijving van de bron als die niet online staat.", _source("document")),
    Column("laatst_geverifieerd", "verified", "Datum waarop iemand voor het laatst naging dat de gegevens kloppen.",
           lambda p, ctx: p.verified.isoformat()),
    Column("pagina", "", "Adres van de pagina van het programma, vanaf het begin van deze site.", lambda p, ctx: f"programmas/{p.slug}/"),
)


def flat(value: Any) -> str:
    """A cell value: lists joined by ``; ``."""
    return LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value)


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    """CSV text (RFC 4180, UTF-8, header row first)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
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
        HsdsField("status", "Status of the service: active.", required=True),
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
            "status": "active", "application_process": p.how_to_engage,
            "eligibility_description": ", ".join(ctx.vocab.label("doelgroepen", c) for c in p.communities),
            "assured_date": p.verified.isoformat(),
        })
        areas = [("Nederland", "landelijk")] if p.area.national else []
        areas += [(m.name, f"gemeente, CBS-code {m.code}") for n in p.area.municipalities if (m := ctx.gazetteer.lookup(n))]
        areas += [(province, "provincie") for province in p.area.provinces]
        for area_name, description in areas:
            tables["service_area"].append({"id": stable_id("service_area", p.slug, area_name), "service_id": service_id,
                                           "name": area_name, "description": description})
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
        result.append(Generated(f"{HSDS_DIR}/{path}", csv_text(header, [[row.get(h, "") for h in header] for row in tables[name]])))
    return result


# --- the page about it ------------------------------------------------------------------

#: The files on the open data page: link, name, form, what is in it.
FILES = (
    (CSV_DOC, "programmas.csv", "CSV (UTF-8, komma's)", "Eén regel per programma. Lijsten staan in één cel, gescheiden door `; `."),
    (JSON_DOC, "programmas.json", "JSON", "Dezelfde gegevens als lijst, met Engelse veldnamen en lijsten als lijsten."),
    (GEOJSON_DOC, "programmas.geojson", "GeoJSON (RFC 7946)",
     "Eén *Feature* per programma, met als punten het midden van elke gemeente en provincie in het werkgebied. "
     "Landelijke programma's hebben geen punten (`\"geometry\": null`)."),
    (f"{HSDS_DIR}/datapackage.json", "hsds/datapackage.json", "Open Referral HSDS 3.0",
     "Een *tabular data package*: een beschrijving plus CSV-bestanden in de vorm van de internationale standaard voor sociale kaarten."),
)


def open_data_page(catalogue: Catalogue) -> Generated:
    """The Dutch page that describes every open data file, its licence and its fields."""
    files = "".join(f"| [`{name}`]({target}) | {form} | {what} |\n" for target, name, form, what in FILES).rstrip("\n")
    rows = "".join(f"| `{c.name}` | {f'`{c.json_key}`' if c.json_key else '–'} | {text(c.help)} |\n" for c in COLUMNS)
    tables = "".join(f"| [`{path}`]({HSDS_DIR}/{path}) | `{name}` | {', '.join(f'`{f.name}`' for f in fields)} |\n"
                     for name, path, fields, _ in HSDS_TABLES)
    body = f"""# Open data

Alle programma's op de [sociale kaart](sociale-kaart/index.md) kun je downloaden en hergebruiken.
Zo kunnen gemeenten, organisaties en makers van andere sociale kaarten dezelfde gegevens gebruiken.
Er staan nu {len(catalogue.programmes)} programma's in de bestanden. Ze worden bij elke nieuwe versie van de site opnieuw gemaakt.

## Bestanden

| Bestand | Vorm | Wat staat erin |
|---|---|---|
{files}

## Licentie en bron

De gegevens vallen onder de licentie [Creative Commons Naamsvermelding 4.0]({LICENCE['path']}) (CC BY 4.0).
Je mag ze gebruiken, aanpassen en verder verspreiden, ook voor commerciële doelen. Noem dan als bron:
*Kennisbank Sleutelpersonen*. De middelpunten van gemeenten komen van GeoNames (ook CC BY 4.0).
Elk programma noemt zelf zijn bron en de datum waarop de gegevens voor het laatst zijn gecontroleerd.

De bestanden bevatten alleen gegevens van organisaties. Er staan nooit namen of contactgegevens van
sleutelpersonen zelf in.

## Velden

Deze velden staan in `programmas.csv` (kolommen) en in `programmas.geojson` (*properties*, met lijsten als lijsten).
De kolom JSON noemt waar hetzelfde gegeven in `programmas.json` staat. Wat de sleutels van thema's, rollen,
doelgroepen en vergoeding betekenen, lees je in het [inhoudsmodel](bijdragen/inhoudsmodel.md).

| Veld | JSON | Uitleg |
|---|---|---|
{rows}
## HSDS (Open Referral)

De map [`hsds/`](data/hsds/datapackage.json) volgt de *Human Services Data Specification* (HSDS) 3.0 van Open Referral.
Veel programma's voor sociale kaarten kunnen die lezen. Elk programma is daarin een *program* en een *service*
van een *organization*. Het werkgebied staat in *service_area* en de talen in *language*. Elke regel heeft een vaste
code (UUID). Die blijft gelijk zolang de korte naam (`slug`) van het programma gelijk blijft.

| Bestand | Tabel | Kolommen |
|---|---|---|
{tables}"""
    meta = {"title": "Open data", "description": "Download alle programma's van de sociale kaart als CSV, JSON, GeoJSON of HSDS (Open Referral).",
            "type": "overzicht"}
    return Generated(OPEN_DATA_DOC, front_matter(meta) + body, f"{catalogue.layout.programmes}/")


def files(catalogue: Catalogue) -> list[Generated]:
    """Every open data file and the page about them (``programmas.json`` comes from :mod:`generate`)."""
    return [
        Generated(CSV_DOC, programmes_csv(catalogue)),
        Generated(GEOJSON_DOC, json.dumps(programmes_geojson(catalogue), ensure_ascii=False, indent=1) + "\n"),
        *hsds_files(catalogue),
        open_data_page(catalogue),
    ]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):  # field by field: dataclasses.asdict deep-copies every value first
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
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
