"""Open data: CSV, GeoJSON and the HSDS 3.0 package round-trip the programmes and validate."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import uuid
from pathlib import Path

import pytest
import yaml

from kennisbank.model.checks import Layout, check_all
from kennisbank.model.gazetteer import Gazetteer
from kennisbank.model.records import Area, Contact, PartialDate, Period
from kennisbank.pages import exports as ex
from kennisbank.site.project import build_site

from ..conftest import TODAY

NL_BOX = (3.2, 50.7, 7.3, 53.6)  # west, south, east, north of the European Netherlands


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=TODAY)


@pytest.fixture(scope="module")
def rich(catalogue):
    """The real programmes plus made-up ones (in memory) that use every kind of area and contact."""
    base = catalogue.programmes[0]
    extra = (
        dataclasses.replace(base, slug="provinciaal", name="Provinciaal voorbeeld", organisation="Testorganisatie",
                            area=Area(provinces=("Zeeland",), municipalities=("Utrecht",)), languages=("ar", "ti"),
                            contact=Contact(email="info@voorbeeld.nl", phone="030 123 45 67"), website="https://voorbeeld.nl/"),
        dataclasses.replace(base, slug="zelfde-organisatie", name="Tweede programma", organisation="Testorganisatie",
                            area=Area(municipalities=("'s-Gravenhage",))),
    )
    return dataclasses.replace(catalogue, programmes=(*catalogue.programmes, *extra))


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- CSV ---------------------------------------------------------------------------

#: The published columns, written out: users of the open data rely on them, so dropping or renaming one must fail here.
HEADER = ["slug", "naam", "samenvatting", "organisatie", "werkgebied", "gemeentecodes", "provincies", "themas", "rollen",
          "talen", "doelgroepen", "vergoeding", "hoe_inzetten", "website", "email", "telefoon", "formulier", "status",
          "periode_start", "periode_eind", "kennis_van", "bron_urls", "bron_titels", "bron_uitgevers", "bron_datums",
          "bron_gelezen", "laatst_geverifieerd", "pagina"]


def test_csv_round_trips_every_programme(rich):
    table = rows(ex.programmes_csv(rich))
    assert sorted(r["slug"] for r in table) == sorted(p.slug for p in rich.programmes)
    assert list(table[0]) == HEADER
    by_slug = {r["slug"]: r for r in table}
    for p in rich.programmes:
        row = by_slug[p.slug]
        assert (row["naam"], row["organisatie"], row["samenvatting"]) == (p.name, p.organisation, p.summary)
        assert row["themas"].split("; ") == list(p.themes)
        assert row["laatst_geverifieerd"] == p.verified.isoformat()
        assert row["status"] == p.status
        assert row["bron_titels"].split("; ") == [s.title for s in p.sources]
        assert row["bron_urls"].split("; ") == [s.url or "" for s in p.sources]
        assert row["bron_gelezen"].split("; ") == [s.accessed.isoformat() for s in p.sources]
        assert (row["email"], row["telefoon"]) == ((p.contact.email or "", p.contact.phone or "") if p.contact else ("", ""))
    assert by_slug["fsan-vrouwenbesnijdenis"]["werkgebied"] == "landelijk"
    assert by_slug["provinciaal"]["werkgebied"] == "Utrecht; Zeeland"
    assert by_slug["provinciaal"]["gemeentecodes"] == "GM0344"
    assert by_slug["provinciaal"]["telefoon"] == "030 123 45 67"
    assert by_slug["haarlem-zandvoort-gezondheid"]["pagina"] == "programmas/haarlem-zandvoort-gezondheid/"


# --- GeoJSON -----------------------------------------------------------------------

def test_geojson_is_a_valid_feature_collection_with_lon_lat(rich):
    data = json.loads(json.dumps(ex.programmes_geojson(rich)))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == len(rich.programmes)
    west, south, east, north = NL_BOX
    for feature in data["features"]:
        assert set(feature) == {"type", "id", "geometry", "properties"}
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if feature["properties"]["werkgebied"] == ["landelijk"]:
            assert geometry is None
            continue
        assert geometry["type"] == "MultiPoint" and geometry["coordinates"]
        for position in geometry["coordinates"]:
            lon, lat = position  # RFC 7946: longitude first
            assert west < lon < east and south < lat < north, position


def test_geojson_points_are_the_centres_of_the_area(rich, catalogue):
    gazetteer = catalogue.context.gazetteer
    features = {f["id"]: f for f in ex.programmes_geojson(rich)["features"]}
    haarlem, zandvoort = gazetteer.lookup("Haarlem"), gazetteer.lookup("Zandvoort")
    assert features["haarlem-zandvoort-gezondheid"]["geometry"]["coordinates"] == [
        [round(haarlem.lon, 4), round(haarlem.lat, 4)], [round(zandvoort.lon, 4), round(zandvoort.lat, 4)]]
    assert len(features["provinciaal"]["geometry"]["coordinates"]) == 2  # Utrecht and the centre of Zeeland
    assert features["provinciaal"]["properties"]["talen"] == ["ar", "ti"]


# --- HSDS ---------------------------------------------------------------------------

def test_hsds_rows_round_trip_the_programmes(rich):
    tables = ex.hsds_tables(rich)
    programmes = rich.programmes
    assert len(tables["program"]) == len(tables["service"]) == len(programmes)
    assert len(tables["organization"]) == len({p.organisation for p in programmes})
    areas = sum(1 if p.area.national else len(p.area.municipalities) + len(p.area.provinces) for p in programmes)
    assert len(tables["service_area"]) == areas
    assert len(tables["language"]) == sum(len(p.languages) for p in programmes)
    assert [r["number"] for r in tables["phone"]] == ["030 123 45 67"]
    services = {r["name"]: r for r in tables["service"]}
    assert services["Provinciaal voorbeeld"]["email"] == "info@voorbeeld.nl"
    assert services["Provinciaal voorbeeld"]["url"] == "https://voorbeeld.nl/"
    organisation = {r["id"]: r["name"] for r in tables["organization"]}
    assert organisation[services["Tweede programma"]["organization_id"]] == "Testorganisatie"
    assert {r["name"] for r in tables["service_area"] if r["service_id"] == services["Provinciaal voorbeeld"]["id"]} == {"Utrecht", "Zeeland"}


def test_hsds_ids_are_uuids_and_unique(rich):
    for name, table in ex.hsds_tables(rich).items():
        ids = [r["id"] for r in table]
        assert len(ids) == len(set(ids)), name
        for value in ids:
            assert uuid.UUID(value).version == 5


def test_hsds_ids_depend_on_slugs_not_on_order(rich):
    reversed_catalogue = dataclasses.replace(rich, programmes=tuple(reversed(rich.programmes)))
    assert ex.hsds_tables(reversed_catalogue) == ex.hsds_tables(rich)
    assert ex.stable_id("service", "fsan-vrouwenbesnijdenis") == str(uuid.uuid5(ex.NAMESPACE, "service:fsan-vrouwenbesnijdenis"))


def test_datapackage_describes_every_table(rich):
    package = ex.hsds_datapackage()
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    names = [r["name"] for r in package["resources"]]
    assert {"organization", "program", "service", "service_area", "language"} <= set(names)
    for resource in package["resources"]:
        for key in resource["schema"].get("foreignKeys", []):
            assert key["reference"]["resource"] in names
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        assert fields["id"]["format"] == "uuid" and fields["id"]["constraints"] == {"required": True, "unique": True}
        for name, field in fields.items():
            if name.endswith("_id"):  # a reference to another table: a required uuid too
                assert field["format"] == "uuid" and field["constraints"]["required"] is True, (resource["name"], name)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory, root):
    """The real repository built twice into two folders."""
    sites = []
    for n in (1, 2):
        site = tmp_path_factory.mktemp(f"build{n}")
        build_site(root, site)
        sites.append(site)
    return sites


def test_hsds_files_exist_and_headers_match_the_schema(two_builds, catalogue):
    folder = two_builds[0] / "data" / "hsds"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        path = folder / resource["path"]
        assert path.exists(), resource["path"]
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
    services = rows((folder / "services.csv").read_text(encoding="utf-8"))
    assert sorted(r["name"] for r in services) == sorted(p.name for p in catalogue.programmes)


def test_hsds_ids_are_the_same_in_two_builds(two_builds):
    first, second = (site / "data" / "hsds" for site in two_builds)
    for file in sorted(first.glob("*.csv")):
        assert file.read_text(encoding="utf-8") == (second / file.name).read_text(encoding="utf-8"), file.name


def test_hsds_package_validates_with_frictionless(two_builds):
    import frictionless
    report = frictionless.validate(str(two_builds[0] / "data" / "hsds" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_hsds_package_with_every_kind_of_row_validates(rich, tmp_path):
    import frictionless
    for generated in ex.hsds_files(rich):
        target = tmp_path / Path(generated.doc_path).name
        target.write_text(generated.content, encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_site_has_every_open_data_file(two_builds):
    site = two_builds[0]
    for path in (ex.CSV_DOC, ex.GEOJSON_DOC, ex.JSON_DOC, "open-data/index.html"):
        assert (site / path).exists(), path
    assert json.loads((site / ex.GEOJSON_DOC).read_text(encoding="utf-8"))["type"] == "FeatureCollection"


# --- the page -------------------------------------------------------------------------

def test_open_data_page_describes_files_licence_and_fields(catalogue):
    page = ex.open_data_page(catalogue).content
    assert "title: Open data" in page and "CC BY 4.0" in page
    for target, _ in ex.FILES.values():
        assert f"]({target})" in page
    for column in ex.COLUMNS:
        assert f"| `{column.name}` |" in page
    for _, path, _, _ in ex.HSDS_TABLES:
        assert f"(data/hsds/{path})" in page


def test_empty_catalogue_exports_headers_only(empty_repo):
    empty = check_all(Layout(empty_repo), today=TODAY)
    assert ex.programmes_csv(empty).strip() == ",".join(HEADER)
    assert ex.programmes_geojson(empty) == {"type": "FeatureCollection", "features": []}


def test_record_json_is_json_dumps_of_the_list(catalogue):
    for records in (catalogue.practices, catalogue.programmes, ()):
        assert ex.record_json(records) == json.dumps([ex._plain(r) for r in records], ensure_ascii=False, indent=1) + "\n"


# --- spreadsheet formulas (OWASP CSV injection) -------------------------------------------------

@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_a_spreadsheet_would_run_is_neutralised(start, catalogue, tmp_path):
    base = catalogue.programmes[0]
    hostile = dataclasses.replace(base, slug="formule", name=f"{start}HYPERLINK(\"https://example.org\")", organisation=f"{start}1+1",
                                  contact=Contact(phone=f"{start}31 20 123 4567"))
    rich = dataclasses.replace(catalogue, programmes=(hostile,))
    table = {r["slug"]: r for r in rows(ex.programmes_csv(rich))}
    assert table["formule"]["naam"] == f"'{start}HYPERLINK(\"https://example.org\")"
    assert table["formule"]["organisatie"] == f"'{start}1+1"
    for generated in ex.hsds_files(rich):
        if generated.doc_path.endswith(".csv"):
            for row in csv.reader(io.StringIO(generated.content)):
                assert not any(cell.startswith(ex.FORMULA_START) for cell in row), (generated.doc_path, row)
    assert ex.cell("gewone tekst") == "gewone tekst"


def table_rows(page: str, header: str) -> list[list[str]]:
    """The cells of each row of the Markdown table under ``header``; every line up to the blank one must be a row."""
    lines = page.split(header + "\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert all(line.startswith("| ") and line.endswith(" |") for line in lines[1:]), lines
    return [[cell.strip() for cell in line[2:-2].split(" | ")] for line in lines[1:]]


def test_open_data_page_tables_have_a_row_per_file_field_and_table(catalogue):
    generated = ex.open_data_page(catalogue)
    page = generated.content
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta["type"] == "overzicht" and meta["description"].startswith("Download alle programma&#x27;s")  # escaped by front_matter
    assert generated.edit_path == "programmas/"
    files = table_rows(page, "| Bestand | Vorm | Wat staat erin |")
    assert [row[0] for row in files] == [f"[`{name}`]({target})" for target, name in ex.FILES.values()]
    fields = table_rows(page, "| Veld | JSON | Uitleg |")
    assert [row[:2] for row in fields][:3] == [["`slug`", "`slug`"], ["`naam`", "`name`"], ["`samenvatting`", "`summary`"]]
    assert ["`pagina`", "–"] in [row[:2] for row in fields]  # a column without a JSON key
    assert len(fields) == len(HEADER)


def test_json_files_are_written_as_published(rich):
    """Indented, UTF-8 as it is (no \\u escapes), one newline at the end; records with their lists as lists."""
    renamed = dataclasses.replace(rich, programmes=(*rich.programmes[:-1], dataclasses.replace(rich.programmes[-1], name="Súdwest samen")))
    files = {f.doc_path: f.content for f in [*ex.files(renamed), *ex.record_files(renamed)]}
    geojson = files[ex.GEOJSON_DOC]
    assert geojson.startswith('{\n "type": "FeatureCollection",\n "features": [\n  {\n') and geojson.endswith("\n}\n")
    assert "Súdwest samen" in geojson
    records = files[ex.JSON_DOC]
    assert records.startswith('[\n {\n  "slug": ') and records.endswith("\n]\n") and "Súdwest samen" in records
    assert [r["themes"] for r in json.loads(records)] == [list(p.themes) for p in renamed.programmes]
    assert files[f"{ex.HSDS_DIR}/datapackage.json"].startswith('{\n  "')


def test_geojson_rounds_points_to_four_decimals(rich):
    """About 10 metres: enough for the centre of a municipality."""
    gazetteer = rich.context.gazetteer
    precise = Gazetteer([dataclasses.replace(m, lat=m.lat + 0.000049, lon=m.lon + 0.000041) for m in gazetteer.municipalities])
    cat = dataclasses.replace(rich, context=dataclasses.replace(rich.context, gazetteer=precise))
    feature = next(f for f in ex.programmes_geojson(cat)["features"] if f["id"] == "haarlem-zandvoort-gezondheid")
    haarlem = precise.lookup("Haarlem")
    assert feature["geometry"]["coordinates"][0] == [round(haarlem.lon, 4), round(haarlem.lat, 4)]
    assert all(len(str(x).split(".")[1]) <= 4 for point in feature["geometry"]["coordinates"] for x in point)


def test_hsds_rows_fill_only_their_own_columns_and_ids_are_unique(rich):
    tables = ex.hsds_tables(rich)
    for name, _, fields, _ in ex.HSDS_TABLES:
        columns = {f.name for f in fields}
        assert tables[name], name  # rich has rows for every table
        assert [sorted(set(row) - columns) for row in tables[name] if set(row) - columns] == [], name
    ids = [row["id"] for rows in tables.values() for row in rows]
    assert len(ids) == len(set(ids))  # per table and across tables: the kind is part of every id


def test_hsds_rows_of_one_programme_written_out(rich):
    tables = ex.hsds_tables(rich)
    service = next(s for s in tables["service"] if s["name"] == "Provinciaal voorbeeld")
    assert (service["description"], service["url"], service["email"]) == (rich.programmes[0].summary, "https://voorbeeld.nl/", "info@voorbeeld.nl")
    assert service["application_process"] == rich.programmes[0].how_to_engage
    assert service["assured_date"] == rich.programmes[0].verified.isoformat() and "status" in service
    base = rich.programmes[0]
    assert service["eligibility_description"] == ", ".join(rich.context.vocab.label("doelgroepen", c) for c in base.communities) != ""
    mine = lambda table: [{k: v for k, v in row.items() if k not in ("id", "service_id")} for row in tables[table] if row["service_id"] == service["id"]]  # noqa: E731
    assert mine("service_area") == [{"name": "Utrecht", "description": "gemeente, CBS-code GM0344"}, {"name": "Zeeland", "description": "provincie"}]
    assert mine("phone") == [{"number": "030 123 45 67", "type": "voice"}]
    assert mine("language") == [{"name": "Arabisch", "code": "ar"}, {"name": "Tigrinya", "code": "ti"}]
    source = base.sources[0]
    dated = f", {source.date.iso()}" if source.date else ""
    assert mine("url")[0] == {"label": f"Bron: {source.title} ({source.publisher}{dated}); gelezen op {source.accessed.isoformat()}", "url": source.url}
    assert len(mine("url")) == len(base.sources)
    national = next(s for s in tables["service"] if s["name"] == "Sleutelpersonen tegen vrouwenbesnijdenis")
    assert [(a["name"], a["description"]) for a in tables["service_area"] if a["service_id"] == national["id"]] == [("Nederland", "landelijk")]
    lower = dataclasses.replace(rich.programmes[0], slug="kleine-letter", organisation="de Kleine Club")
    organisations = [o["name"] for o in ex.hsds_tables(dataclasses.replace(rich, programmes=(*rich.programmes, lower)))["organization"]]
    assert organisations.index("de Kleine Club") < organisations.index("Gemeenten Haarlem en Zandvoort")  # case does not count
    test_organisation = next(o for o in tables["organization"] if o["name"] == "Testorganisatie")
    assert test_organisation["description"] == "Voert uit op de sociale kaart: Provinciaal voorbeeld; Tweede programma."


def test_hsds_ids_are_those_already_published(catalogue):
    """Reusers link to these ids: written out, so a change to how an id is made cannot pass unnoticed."""
    haarlem = next(p for p in catalogue.programmes if p.slug == "haarlem-zandvoort-gezondheid")
    haarlem = dataclasses.replace(haarlem, languages=("ar",), contact=Contact(phone="023 511 51 15"))
    tables = ex.hsds_tables(dataclasses.replace(catalogue, programmes=(haarlem,)))
    assert {name: [row["id"] for row in rows] for name, rows in tables.items()} == {
        "organization": ["59fbf676-26df-5cf4-8d12-4a5e31910d9a"],
        "program": ["21c1d3ff-0111-5813-bf0e-ae5a29fa9697"],
        "service": ["e70b4eb6-b487-55b1-9440-4e19e5b57f50"],
        "service_area": ["6c1fd043-eaed-53ff-8053-2377afa6f4d3", "5382efd5-092c-51c0-93c7-730e5b6a7c22"],
        "language": ["82b65327-696d-5b70-aa95-5e504b696841"],
        "url": ["94cf4f3f-8a32-56e8-a8c6-6d2559726a03"],
        "phone": ["2e71fcdf-a82e-5277-b8cd-19275b394f81"],
    }


# --- written out: the values a mutation review found unchecked ------------------------------------

def _one(catalogue, **changes):
    """The catalogue with one programme only: the first real one with ``changes``."""
    return dataclasses.replace(catalogue, programmes=(dataclasses.replace(catalogue.programmes[0], **changes),))


@pytest.mark.parametrize(("period", "sources", "expected"), [
    (Period(start=PartialDate(2019)), (("2021-03", "2024-05-01"), (None, "2024-06-02")),
     {"periode_start": "2019", "periode_eind": "", "kennis_van": "2021-03", "bron_datums": "2021-03; -",
      "bron_gelezen": "2024-05-01; 2024-06-02"}),
    (Period(start=PartialDate(2018, 9), end=PartialDate(2022, 12, 31)), ((None, "2024-05-01"),),
     {"periode_start": "2018-09", "periode_eind": "2022-12-31", "kennis_van": "", "bron_datums": "'-",  # a cell that starts with - gets a quote
      "bron_gelezen": "2024-05-01"}),
    (None, (("2020", "2023-01-09"), ("2022-11-30", "2023-01-09")),
     {"periode_start": "", "periode_eind": "", "kennis_van": "2022-11-30", "bron_datums": "2020; 2022-11-30",
      "bron_gelezen": "2023-01-09; 2023-01-09"}),
])
def test_csv_dates_are_written_out(catalogue, period, sources, expected):
    base = catalogue.programmes[0].sources[0]
    refs = tuple(dataclasses.replace(base, date=PartialDate(*map(int, date.split("-"))) if date else None,
                                     accessed=dt.date.fromisoformat(accessed)) for date, accessed in sources)
    (row,) = rows(ex.programmes_csv(_one(catalogue, period=period, sources=refs)))
    assert {key: row[key] for key in expected} == expected


@pytest.mark.parametrize(("contact", "expected"), [
    (None, ("", "", "")),
    (Contact(email="info@voorbeeld.nl"), ("info@voorbeeld.nl", "", "")),
    (Contact(phone="030 123 45 67", form="https://voorbeeld.nl/contact"), ("", "030 123 45 67", "https://voorbeeld.nl/contact")),
])
def test_csv_contact_columns_are_empty_where_nothing_is_known(catalogue, contact, expected):
    (row,) = rows(ex.programmes_csv(_one(catalogue, contact=contact)))
    assert (row["email"], row["telefoon"], row["formulier"]) == expected


@pytest.mark.parametrize(("date", "label"), [
    (PartialDate(2023, 5), "Bron: Jaarverslag (Stichting Proef, 2023-05); gelezen op 2024-06-02"),
    (None, "Bron: Jaarverslag (Stichting Proef); gelezen op 2024-06-02"),
])
def test_hsds_service_and_url_rows_written_out(catalogue, date, label):
    """A contact without e-mail, two communities and a source with or without its own date, as literal values."""
    base = catalogue.programmes[0]
    source = dataclasses.replace(base.sources[0], title="Jaarverslag", publisher="Stichting Proef", date=date,
                                 accessed=dt.date(2024, 6, 2), url="https://voorbeeld.nl/jaarverslag")
    tables = ex.hsds_tables(_one(catalogue, contact=Contact(phone="030 123 45 67"), communities=("eritrees", "afghaans"),
                                 sources=(source,)))
    (service,) = tables["service"]
    assert service["email"] == ""
    assert service["eligibility_description"] == "Eritrese gemeenschap, Afghaanse gemeenschap"
    assert [{k: v for k, v in row.items() if k not in ("id", "service_id")} for row in tables["url"]] == [
        {"label": label, "url": "https://voorbeeld.nl/jaarverslag"}]


def test_organisations_are_sorted_by_their_lowercase_name(catalogue):
    """``_`` sorts after capitals but before small letters: only the lowercase order puts Test_b before Testa."""
    programmes = [dataclasses.replace(catalogue.programmes[0], slug=f"p{i}", organisation=name)
                  for i, name in enumerate(["Testa", "Test_b", "testc"])]
    tables = ex.hsds_tables(dataclasses.replace(catalogue, programmes=tuple(programmes)))
    assert [o["name"] for o in tables["organization"]] == ["Test_b", "Testa", "testc"]


def test_datapackage_written_out():
    """The descriptor that HSDS tools read: its keys and one whole resource, as published."""
    package = ex.hsds_datapackage()
    assert {key: value for key, value in package.items() if key != "resources"} == {
        "name": "kennisbank-sleutelpersonen-hsds",
        "title": "Kennisbank Sleutelpersonen: programma's met sleutelpersonen (HSDS 3.0)",
        "description": "Keyperson programmes in the Netherlands from the social map of the Kennisbank Sleutelpersonen, "
                       "in the form of the Open Referral Human Services Data Specification (HSDS) 3.0.",
        "profile": "tabular-data-package",
        "keywords": ["HSDS", "Open Referral", "sleutelpersonen", "sociale kaart"],
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
                      "path": "https://creativecommons.org/licenses/by/4.0/deed.nl"}],
        "hsds_version": "3.0",
    }
    assert [r["name"] for r in package["resources"]] == ["organization", "program", "service", "service_area", "language", "url", "phone"]
    assert package["resources"][0]["schema"] == {"fields": [
        {"name": "id", "type": "string", "description": "Unique identifier of the organization (UUID, stable across builds).",
         "format": "uuid", "constraints": {"required": True, "unique": True}},
        {"name": "name", "type": "string", "description": "Name of the organization.", "constraints": {"required": True}},
        {"name": "description", "type": "string", "description": "What the organization does on the social map.",
         "constraints": {"required": True}},
    ], "primaryKey": ["id"]}
    phone = package["resources"][-1]
    assert phone == {"name": "phone", "path": "phones.csv", "profile": "tabular-data-resource", "format": "csv",
                     "mediatype": "text/csv", "encoding": "utf-8", "schema": {
                         "fields": [
                             {"name": "id", "type": "string", "description": "Unique identifier of the phone (UUID, stable across builds).",
                              "format": "uuid", "constraints": {"required": True, "unique": True}},
                             {"name": "service_id", "type": "string", "description": "Identifier of the service.", "format": "uuid",
                              "constraints": {"required": True}},
                             {"name": "number", "type": "string",
                              "description": "General phone number of the organization (never a keyperson's own).",
                              "constraints": {"required": True}},
                             {"name": "type", "type": "string", "description": "Kind of phone: voice.", "constraints": {"required": False}},
                         ],
                         "primaryKey": ["id"],
                         "foreignKeys": [{"fields": ["service_id"], "reference": {"resource": "service", "fields": ["id"]}}]}}
    assert [f["type"] for f in package["resources"][2]["schema"]["fields"] if f["name"] == "assured_date"] == ["date"]


def test_every_hsds_row_fills_every_column_of_its_table(rich):
    tables = ex.hsds_tables(rich)
    for name, _, fields, _ in ex.HSDS_TABLES:
        assert [sorted(row) for row in tables[name] if set(row) != {f.name for f in fields}] == [], name


def test_files_are_the_open_data_files_and_their_page(rich):
    files = ex.files(rich)
    assert [f.doc_path for f in files] == [
        "data/programmas.csv", "data/programmas.geojson", "data/hsds/datapackage.json", "data/hsds/organizations.csv",
        "data/hsds/programs.csv", "data/hsds/services.csv", "data/hsds/service_areas.csv", "data/hsds/languages.csv",
        "data/hsds/urls.csv", "data/hsds/phones.csv", "open-data.md"]
    assert files[0].content == ex.programmes_csv(rich)
    assert files[1].content == json.dumps(ex.programmes_geojson(rich), ensure_ascii=False, indent=1) + "\n"
    assert files[-1] == ex.open_data_page(rich)


def test_record_files_are_the_records_as_json(catalogue):
    files = ex.record_files(catalogue)
    assert [f.doc_path for f in files] == ["data/praktijken.json", "data/programmas.json"]
    assert files[0].content == ex.record_json(catalogue.practices)
    assert [p["slug"] for p in json.loads(files[0].content)] == [p.slug for p in catalogue.practices] != []


@pytest.mark.parametrize(("record", "expected"), [
    (PartialDate(2021, 3), '"2021-03"'),
    (Period(start=PartialDate(2019), end=None), '{\n  "start": "2019",\n  "end": null\n }'),
    (Area(municipalities=("Súdwest-Fryslân",)),
     '{\n  "national": false,\n  "unknown": false,\n  "provinces": [],\n  "municipalities": [\n   "Súdwest-Fryslân"\n  ]\n }'),
    (Contact(email="info@voorbeeld.nl"), '{\n  "email": "info@voorbeeld.nl",\n  "phone": null,\n  "form": null\n }'),
])
def test_record_json_writes_dates_and_nested_records_plainly(record, expected):
    assert ex.record_json([record]) == f"[\n {expected}\n]\n"
