"""Open data: CSV, GeoJSON and the HSDS 3.0 package round-trip the programmes and validate."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import uuid
from pathlib import Path

import pytest

from kennisbank.model.checks import Layout, check_all
from kennisbank.model.records import Area, Contact
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

def test_csv_round_trips_every_programme(rich):
    table = rows(ex.programmes_csv(rich))
    assert sorted(r["slug"] for r in table) == sorted(p.slug for p in rich.programmes)
    assert list(table[0]) == [c.name for c in ex.COLUMNS]
    by_slug = {r["slug"]: r for r in table}
    for p in rich.programmes:
        row = by_slug[p.slug]
        assert (row["naam"], row["organisatie"], row["samenvatting"]) == (p.name, p.organisation, p.summary)
        assert row["themas"].split("; ") == list(p.themes)
        assert row["laatst_geverifieerd"] == p.verified.isoformat()
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
    for target, _, _, _ in ex.FILES:
        assert f"]({target})" in page
    for column in ex.COLUMNS:
        assert f"| `{column.name}` |" in page
    for _, path, _, _ in ex.HSDS_TABLES:
        assert f"(data/hsds/{path})" in page


def test_empty_catalogue_exports_headers_only(empty_repo):
    empty = check_all(Layout(empty_repo), today=TODAY)
    assert ex.programmes_csv(empty).strip() == ",".join(c.name for c in ex.COLUMNS)
    assert ex.programmes_geojson(empty) == {"type": "FeatureCollection", "features": []}


def test_record_json_is_json_dumps_of_the_list(catalogue):
    for records in (catalogue.practices, catalogue.programmes, ()):
        assert ex.record_json(records) == json.dumps([ex._plain(r) for r in records], ensure_ascii=False, indent=1) + "\n"
