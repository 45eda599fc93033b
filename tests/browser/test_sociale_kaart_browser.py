"""The social map in a real browser: filtering, the URL, nearest programmes, keyboard use, and data shown as text."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from kennisbank.model import checks
from kennisbank.model.checks import Layout, check_all
from kennisbank.pages.geography import MapIndex
from kennisbank.site.project import build_site

from ..conftest import TODAY, copy_repo, serve_directory, watched_page

pytestmark = pytest.mark.browser

READY = "#kb-kaart[data-klaar]"


def open_map(page, base, query=""):
    page.goto(base + "sociale-kaart/" + query)
    page.wait_for_selector(READY)


def wait_for_town(page, name):
    page.wait_for_function("name => document.getElementById('kb-kaart').dataset.gemeente === name", arg=name)


def groups(page) -> dict[str, str]:
    """Heading of each group in the list -> its text."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#kb-kaart-resultaten section')]
        .map(s => [s.querySelector('h3').textContent, s.textContent]))""")


def map_counts(page) -> int:
    """Sum of the numbers on the markers and clusters on the map."""
    page.wait_for_timeout(400)  # markercluster animates clusters in
    return page.evaluate("""() => [...document.querySelectorAll('#kb-kaart-kaart .kb-kaart__punt [aria-hidden]')]
        .reduce((s, n) => s + Number(n.textContent), 0)""")


def status(page) -> str:
    page.wait_for_function("document.getElementById('kb-kaart-status').textContent !== ''")
    return page.inner_text("#kb-kaart-status")


#: The two programmes the hub started with (one national, one in Haarlem and Zandvoort): the map tests count on
#: them, so they run on a copy of the repository that holds only these two, and keep their meaning as the map grows.
STARTING_PAIR = ("fsan-vrouwenbesnijdenis", "haarlem-zandvoort-gezondheid")


@pytest.fixture(scope="module")
def pair_repo(tmp_path_factory):
    repo = copy_repo(tmp_path_factory.mktemp("kaart") / "repo")
    for file in (repo / "programmas").glob("*.yml"):
        if file.stem not in STARTING_PAIR:
            file.unlink()
    for file in (repo / "good_practices").glob("*.md"):  # practices keep their page, without a link to a removed programme
        text = file.read_text(encoding="utf-8")
        linked = re.search(r"^programma: (\S+)\n", text, re.MULTILINE)
        if linked and linked.group(1) not in STARTING_PAIR:
            file.write_text(text.replace(linked.group(0), ""), encoding="utf-8")
    return repo


@pytest.fixture(scope="module")
def pair_url(pair_repo, tmp_path_factory):
    site = tmp_path_factory.mktemp("kaart-site")
    build_site(pair_repo, site)
    with serve_directory(site) as url:
        yield url


@pytest.fixture
def page(browser, pair_url):
    """A watched page whose own origin is the two-programme site."""
    context = browser.new_context()
    yield watched_page(context, pair_url)
    context.close()


def assert_clean(page):
    assert page.foreign_requests == []
    assert page.console_errors == []


def test_map_replaces_the_plain_list(page, pair_url):
    open_map(page, pair_url)
    assert page.is_hidden("#kb-kaart-zonder-js")
    assert page.is_visible("#kb-kaart-kaart .leaflet-overlay-pane path")  # the outline of the Netherlands
    assert set(groups(page)) == {"Landelijke programma's", "Programma's in gemeenten en provincies"}
    assert map_counts(page) == 2  # Haarlem and Zandvoort
    assert page.is_hidden("#kb-kaart-meer")
    assert status(page) == "2 programma's gevonden."
    assert_clean(page)


def test_without_javascript_the_plain_list_shows(browser, pair_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(pair_url + "sociale-kaart/")
    assert page.is_hidden("#kb-kaart")
    assert page.is_visible("#kb-kaart-zonder-js a[href$='programmas/haarlem-zandvoort-gezondheid/']")
    context.close()


def test_typing_a_municipality_filters_list_and_map(page, pair_url):
    open_map(page, pair_url)
    page.type("#kb-gemeente", "haarlem")
    wait_for_town(page, "Haarlem")
    found = groups(page)
    assert list(found) == ["Programma's in Haarlem", "Landelijke programma's"]
    assert "Sleutelpersonen gezondheid Haarlem en Zandvoort" in found["Programma's in Haarlem"]
    assert page.get_attribute("#kb-kaart-resultaten a[href$='gemeenten/haarlem/']", "href")  # the municipality page
    assert page.inner_text("#kb-kaart-kaart .leaflet-tooltip") == "Haarlem"
    assert map_counts(page) == 2
    assert status(page) == "1 programma in Haarlem en 1 landelijk programma."
    page.select_option("#kb-thema", "werving")  # no programme has this theme
    page.wait_for_function("!document.querySelector('#kb-kaart-resultaten .kb-kaart__items')")
    assert map_counts(page) == 0
    assert_clean(page)


def test_forgiving_names_and_aliases(page, pair_url):
    open_map(page, pair_url)
    page.type("#kb-gemeente", "sudwest")
    page.wait_for_selector("#kb-gemeente-opties:not([hidden])")
    assert page.inner_text("#kb-gemeente-opties").splitlines() == ["Súdwest-Fryslân"]
    page.fill("#kb-gemeente", "den haag")
    wait_for_town(page, "'s-Gravenhage")
    page.fill("#kb-gemeente", "Weesp")
    wait_for_town(page, "Amsterdam")
    assert_clean(page)


def test_the_url_keeps_and_restores_the_state(page, pair_url):
    open_map(page, pair_url)
    page.type("#kb-gemeente", "Zandvoort")
    wait_for_town(page, "Zandvoort")
    page.select_option("#kb-rol", "adviseur")
    page.wait_for_function("location.search.includes('rol=')")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"gemeente": ["Zandvoort"], "provincie": ["Noord-Holland"], "rol": ["adviseur"]}
    before = groups(page)

    fresh = page.context.new_page()
    fresh.goto(page.url)
    fresh.wait_for_selector(READY)
    assert fresh.input_value("#kb-gemeente") == "Zandvoort"
    assert fresh.input_value("#kb-rol") == "adviseur"
    assert fresh.input_value("#kb-provincie") == "Noord-Holland"
    assert groups(fresh) == before
    assert_clean(page)


READY_AT = """
new MutationObserver((changes, observer) => {
  const app = document.getElementById('kb-kaart');
  if (app && app.dataset.klaar) { window.kbKlaarOp = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-klaar']});
"""
STARTED = "name => performance.getEntriesByType('resource').filter(e => e.name.includes(name)).map(e => e.startTime)"


def test_first_view_needs_no_filter_columns_and_they_follow_in_the_background(page, pair_url):
    """The map and list show from kaart.json alone; kolommen.json is fetched only after that view is ready."""
    page.add_init_script(READY_AT)
    open_map(page, pair_url)
    assert map_counts(page) == 2  # markers from the counts in kaart.json
    page.wait_for_load_state("networkidle")
    ready = page.evaluate("window.kbKlaarOp")
    [index] = page.evaluate(STARTED, "sociale-kaart/kaart.json")
    [columns] = page.evaluate(STARTED, "sociale-kaart/kolommen.json")
    assert index < ready <= columns
    page.select_option("#kb-thema", "beleid")  # only the Haarlem programme has this theme
    page.wait_for_function("location.search.includes('thema=beleid')")
    assert list(groups(page)) == ["Programma's in gemeenten en provincies"]
    page.wait_for_function("document.getElementById('kb-kaart-status').textContent === '1 programma gevonden.'")
    assert map_counts(page) == 2
    assert_clean(page)
    assert_clean(page)


def test_filters_in_the_url_load_the_columns_at_once(page, pair_url):
    open_map(page, pair_url, "?vergoeding=betaald")
    assert page.input_value("#kb-vergoeding") == "betaald"
    assert status(page) == "Geen programma's gevonden. Wis een filter om meer te zien."
    assert groups(page) == {}
    assert_clean(page)


def test_a_municipality_without_programme_gets_the_nearest_and_national_ones(page, pair_url, pair_repo):
    open_map(page, pair_url, "?gemeente=Maastricht")
    wait_for_town(page, "Maastricht")
    found = groups(page)
    assert list(found) == ["Programma's in Maastricht", "Dichtstbijzijnde programma's", "Landelijke programma's"]
    catalogue = check_all(Layout(pair_repo), today=TODAY)
    gazetteer = catalogue.context.gazetteer
    expected = MapIndex(catalogue.programmes, gazetteer).nearest(gazetteer.lookup("Maastricht"))
    assert [n.programme.name for n in expected] == ["Sleutelpersonen gezondheid Haarlem en Zandvoort"]
    assert f"Ongeveer {round(expected[0].distance_km)} km van Maastricht" in found["Dichtstbijzijnde programma's"]
    assert "Sleutelpersonen tegen vrouwenbesnijdenis" in found["Landelijke programma's"]
    assert status(page).startswith("Geen programma in Maastricht.")
    assert map_counts(page) == 2
    assert_clean(page)


def test_keyboard_only(page, pair_url):
    open_map(page, pair_url)
    for _ in range(60):  # the municipality field can be reached with Tab
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "kb-gemeente":
            break
    assert page.evaluate("document.activeElement.id") == "kb-gemeente"
    page.keyboard.type("zandv")
    page.keyboard.press("ArrowDown")
    active = page.get_attribute("#kb-gemeente", "aria-activedescendant")
    assert page.get_attribute(f"#{active}", "aria-selected") == "true"
    assert page.get_attribute("#kb-gemeente", "aria-expanded") == "true"
    page.keyboard.press("Enter")
    wait_for_town(page, "Zandvoort")
    assert page.get_attribute("#kb-gemeente", "aria-expanded") == "false"
    assert page.input_value("#kb-gemeente") == "Zandvoort"

    page.keyboard.press("Escape")  # Escape in the field clears the municipality: the whole country again
    wait_for_town(page, "")
    assert page.input_value("#kb-gemeente") == ""

    for _ in range(40):  # on to the map: Haarlem and Zandvoort form one cluster at this zoom
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('kb-kaart__punt')"):
            break
    spoken = page.evaluate("document.activeElement.querySelector('.kb-kaart__sr').textContent")
    assert spoken == "2 programma's in dit gebied; kies om in te zoomen"
    page.keyboard.press("Enter")  # zooms in and focuses one of its markers
    page.wait_for_function("document.activeElement.classList.contains('kb-kaart__punt') && document.activeElement.title")
    assert page.evaluate("document.activeElement.title") in ("Haarlem: 1 programma", "Zandvoort: 1 programma")
    page.keyboard.press("Enter")  # opens the popup, with focus on its first link
    page.wait_for_function("document.activeElement.closest('.leaflet-popup') !== null")
    assert page.evaluate("document.activeElement.textContent") == "Sleutelpersonen gezondheid Haarlem en Zandvoort"
    page.keyboard.press("Escape")  # closes it, and focus goes back to the marker
    page.wait_for_function("document.activeElement.classList.contains('kb-kaart__punt')")
    assert_clean(page)


def test_clear_button_resets_everything(page, pair_url):
    open_map(page, pair_url, "?gemeente=Haarlem&thema=werving")
    wait_for_town(page, "Haarlem")
    page.click("#kb-kaart-wis")
    wait_for_town(page, "")
    assert page.input_value("#kb-thema") == ""
    assert urlsplit(page.url).query == ""
    assert page.evaluate("document.activeElement.id") == "kb-gemeente"
    assert_clean(page)


def test_unknown_municipality_in_the_url_is_reported(page, pair_url):
    open_map(page, pair_url, "?gemeente=Atlantis")
    assert status(page) == "Geen gemeente gevonden met de naam Atlantis."
    assert_clean(page)


# --- data that looks like HTML stays text ---------------------------------------------

EVIL = "<img src=x onerror=alert(1)>"


def test_html_in_data_is_shown_as_text(scratch, tmp_path, browser, monkeypatch):
    monkeypatch.setattr(checks, "rule_no_markup_in_fields", lambda source: iter(()))  # the check refuses it; test what is behind it
    (scratch / "programmas" / "proef.yml").write_text(f"""naam: "{EVIL}"
samenvatting: "Samenvatting {EVIL}"
organisatie: "<b onmouseover=alert(2)>Organisatie</b>"
werkgebied: [Utrecht]
themas: [werving]
rollen: [helper]
doelgroepen: [eritrees]
vergoeding: betaald
hoe_inzetten: "Alleen voor deze test {EVIL}"
status: onbekend
bronnen:
  - url: "https://example.org/bron"
    titel: "Testbron <script>alert(3)</script>"
    uitgever: "<b onmouseover=alert(4)>Uitgever</b>"
    datum: 2026-01-15
    geraadpleegd: 2026-06-01
laatst_geverifieerd: 2026-06-01
""", encoding="utf-8")
    site = tmp_path / "site"
    build_site(scratch, site)
    context = browser.new_context()
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    with serve_directory(site) as base:
        open_map(page, base, "?gemeente=Utrecht")
        wait_for_town(page, "Utrecht")
        item = page.locator("#kb-kaart-resultaten .kb-kaart__item").first
        assert item.locator("a").first.inner_text() == EVIL
        assert EVIL in item.inner_text()
        assert "<b onmouseover=alert(2)>Organisatie</b>" in item.inner_text()
        assert page.locator("#kb-kaart img, #kb-kaart b").count() == 0
        page.locator("#kb-kaart-kaart .kb-kaart__punt").first.click()
        page.wait_for_selector(".kb-kaart__popup li a")
        assert page.inner_text(".kb-kaart__popup li a") == EVIL
        assert page.locator(".leaflet-popup img").count() == 0
        for path in ("gemeenten/utrecht/", "programmas/proef/"):
            page.goto(base + path)
            assert page.locator("article img").count() == 0
            assert EVIL in page.inner_text("article")
    context.close()
    assert dialogs == [] and errors == []


def test_a_tile_layer_can_be_configured(scratch, tmp_path, browser):
    config = scratch / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + """
extra:
  sociale_kaart:
    tegels:
      url: "tegels/{z}/{x}/{y}.png"
      attributie: "Proeftegels"
""", encoding="utf-8")
    site = tmp_path / "site"
    build_site(scratch, site)
    context = browser.new_context()
    page = context.new_page()
    tiles = []
    page.on("request", lambda r: tiles.append(r.url) if "/tegels/" in r.url else None)
    with serve_directory(site) as base:
        open_map(page, base)
        page.wait_for_function("document.querySelectorAll('.leaflet-tile').length > 0")
        assert "Proeftegels" in page.inner_text(".leaflet-control-attribution")
    context.close()
    assert tiles and all(t.startswith(base + "sociale-kaart/tegels/") and t.endswith(".png") for t in tiles)


def test_no_tile_layer_by_default(page, pair_url):
    open_map(page, pair_url)
    assert page.locator(".leaflet-tile").count() == 0
    assert page.inner_text(".leaflet-control-attribution").endswith("Kaart: Natural Earth")
    assert_clean(page)
