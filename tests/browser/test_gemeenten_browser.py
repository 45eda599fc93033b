"""Every municipality finds itself, in a real browser: place names in the search, a page (never a 404) for
each of the 342 and for former names, coverage figures counted from the records, the map's national panel,
finished programmes, and nothing cut off at 320 and 375 px."""

from __future__ import annotations

import urllib.request
from urllib.parse import quote

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.gazetteer import slug_of
from kennisbank.pages.geography import MapIndex

from ..support.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser

#: What a visitor types → the municipality whose page must come first. The queries of issue 14, and five more.
PLACE_QUERIES = {
    "den bosch": "'s-Hertogenbosch",
    "sudwest fryslan": "Súdwest-Fryslân",
    "Weesp": "Amsterdam",
    "Zwolle": "Zwolle",
    "amersfoort": "Amersfoort",
    "TILBURG": "Tilburg",
    "Den Haag": "'s-Gravenhage",
    "gemeente Noardeast-Fryslan": "Noardeast-Fryslân",
}

NARROW = [pytest.param(320, id="320px"), pytest.param(375, id="375px")]


@pytest.fixture(scope="module")
def records(layout):
    return check_all(layout)


def first_result(page, selector: str) -> dict:
    page.wait_for_selector(f"{selector} li")
    return page.eval_on_selector(f"{selector} li", """li => ({
        place: li.hasAttribute('data-kb-gemeente'), title: li.querySelector('a').textContent,
        href: li.querySelector('a').getAttribute('href'), text: li.querySelector('.kb-resultaat__tekst').textContent })""")


def expected_text(records, name: str) -> str:
    m = records.context.gazetteer.lookup(name)
    view = MapIndex(records.programmes, records.context.gazetteer).view(m)
    here = len(view.local)
    province = sum(1 for p in view.local if m.name not in p.area.municipalities)
    first = f"Nog geen programma in {m.name}" if here == 0 else ("1 programma" if here == 1 else f"{here} programma’s") + f" in {m.name}"
    wide = f" ({province} in de hele provincie)" if province else ""
    return f"{first}{wide}, en {len(view.national)} landelijk. Bekijk ook de programma’s in de buurt."


@pytest.mark.parametrize(("query", "name"), PLACE_QUERIES.items())
def test_a_place_name_shows_its_municipality_first_with_its_count(page, site_url, records, query, name):
    page.goto(f"{site_url}zoeken/?q={quote(query)}")
    first = first_result(page, "#zoekresultaten")
    slug = records.context.gazetteer.lookup(name).slug
    assert first["place"] and first["title"] == f"Sleutelpersonen in {name}"
    assert first["href"].endswith(f"/gemeenten/{slug}/")
    assert first["text"] == expected_text(records, name)
    hrefs = page.eval_on_selector_all("#zoekresultaten li a.kb-resultaat__titel", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs.count(first["href"]) == 1  # its own page is not shown a second time further down
    assert page.foreign_requests == [] and page.console_errors == []


@pytest.mark.parametrize(("query", "name"), list(PLACE_QUERIES.items())[:4])
def test_the_header_box_shows_the_same_first_result(page, site_url, records, query, name):
    page.goto(f"{site_url}over/")
    page.locator("[data-kb-zoekveld] input[name=q]").press_sequentially(query)
    # The box shows results while one types: wait for those of the whole query (its place first), not of a part of it.
    page.wait_for_function("""title => {
        const first = document.querySelector('[data-kb-lijst] li');
        return first !== null && first.querySelector('a').textContent === title;
    }""", arg=f"Sleutelpersonen in {name}")
    first = first_result(page, "[data-kb-lijst]")
    assert first["place"] and first["title"] == f"Sleutelpersonen in {name}"
    assert first["text"] == expected_text(records, name)


def test_the_map_box_chooses_the_same_town(page, site_url):
    for query, name in PLACE_QUERIES.items():
        page.goto(f"{site_url}sociale-kaart/")
        page.wait_for_selector("#kb-kaart[data-klaar]")
        page.fill("#kb-gemeente", query)
        page.wait_for_function("name => document.getElementById('kb-kaart').dataset.gemeente === name", arg=name)


def test_a_place_name_is_never_split_into_other_words(page, site_url):
    page.goto(f"{site_url}zoeken/?q={quote('den bosch')}")
    page.wait_for_selector("#zoekresultaten li")
    marks = page.eval_on_selector_all("#zoekresultaten mark", "ms => ms.map(m => m.textContent.toLowerCase())")
    assert not [m for m in marks if m in ("den", "denk", "denken")]


def test_excerpts_have_no_footnote_numbers(page, site_url):
    page.goto(f"{site_url}zoeken/?q=maaksessie")
    page.wait_for_selector("#zoekresultaten li")
    texts = page.eval_on_selector_all("#zoekresultaten .kb-resultaat__tekst", "ps => ps.map(p => p.textContent)")
    assert texts and not [t for t in texts if "↩" in t or "[^" in t]


def test_no_municipality_and_no_former_name_answers_404(site_url, records):
    gazetteer = records.context.gazetteer
    slugs = [m.slug for m in gazetteer.municipalities] + [slug_of(f.name) for f in gazetteer.former]
    slugs += [slug_of(a) for m in gazetteer.municipalities for a in m.aliases]
    failed = []
    for slug in slugs:
        try:
            with urllib.request.urlopen(f"{site_url}gemeenten/{slug}/") as response:
                if response.status != 200:
                    failed.append(slug)
        except OSError:
            failed.append(slug)
    assert len(slugs) > 342 + 80 and failed == []


@pytest.mark.parametrize(("path", "target"), [("weesp", "amsterdam"), ("den-bosch", "s-hertogenbosch"), ("bergambacht", "krimpenerwaard")])
def test_a_former_name_leads_to_the_page_of_today_without_javascript(browser, site_url, path, target):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}gemeenten/{path}/")
        page.wait_for_url(f"**/gemeenten/{target}/")
        assert page.locator("h1").first.inner_text().startswith("Sleutelpersonen in ")
    finally:
        context.close()


def coverage_from_records(records) -> tuple[int, int, int]:
    """Regional programmes, municipalities with one (named, or its whole province), national programmes: counted here."""
    gazetteer = records.context.gazetteer
    regional = [p for p in records.programmes if not p.area.national and (p.area.municipalities or p.area.provinces)]
    named = {gazetteer.lookup(n).name for p in regional for n in p.area.municipalities}
    provinces = {v for p in regional for v in p.area.provinces}
    covered = [m for m in gazetteer.municipalities if m.name in named or m.province in provinces]
    return len(regional), len(covered), sum(1 for p in records.programmes if p.area.national)


@pytest.mark.parametrize("path", ["", "sociale-kaart/"])
def test_coverage_equals_a_count_over_the_records(page, site_url, records, path):
    regional, covered, national = coverage_from_records(records)
    page.goto(site_url + path)
    text = page.locator("article").inner_text()
    assert f"{regional} programma's in {covered} van de 342 gemeenten." in text
    assert f"{national} landelijke programma's in heel Nederland" in text
    rows = page.eval_on_selector_all("article table tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    table = {r[0]: r for r in rows if len(r) == 3}
    gazetteer = records.context.gazetteer
    for province in ("Groningen", "Noord-Holland", "Limburg"):
        members = [m for m in gazetteer.municipalities if m.province == province]
        assert table[province][2].endswith(f" van {len(members)}")


def test_the_map_shows_a_national_panel_and_hides_finished_programmes_until_asked(page, site_url, records):
    page.goto(site_url + "sociale-kaart/")
    page.wait_for_selector("#kb-kaart[data-klaar]")
    national = sum(1 for p in records.programmes if p.area.national and p.status != "afgerond")
    assert page.locator("#kb-kaart-landelijk").is_visible()
    assert page.inner_text("#kb-kaart-landelijk-aantal").startswith(f"{national} landelijke programma's werken in heel Nederland")
    finished = {p.name for p in records.programmes if p.status == "afgerond"}
    assert finished
    names = lambda: set(page.eval_on_selector_all("#kb-kaart-resultaten .kb-kaart__naam a", "as => as.map(a => a.textContent)"))  # noqa: E731
    page.click("#kb-kaart-meer") if page.locator("#kb-kaart-meer").is_visible() else None
    assert not names() & finished
    page.check("#kb-afgerond")
    page.wait_for_function("() => location.search.includes('afgerond=ja')")
    while page.locator("#kb-kaart-meer").is_visible():
        page.click("#kb-kaart-meer")
    assert finished <= names()
    statuses = page.eval_on_selector_all("#kb-kaart-resultaten .kb-kaart__status-regel", "ps => ps.map(p => p.textContent)")
    assert statuses and all(s.startswith("Status: ") and ("; bronnen uit " in s or s.endswith("; bronnen zonder datum")) for s in statuses)
    assert "Status: afgerond; " in " ".join(statuses)


def test_a_cluster_counts_programmes_not_places(page, site_url, records):
    page.goto(site_url + "sociale-kaart/")
    page.wait_for_selector("#kb-kaart .kb-kaart__punt")
    page.wait_for_timeout(300)
    total = page.eval_on_selector_all("#kb-kaart .kb-kaart__punt .kb-kaart__aantal > span[aria-hidden]",
                                      "ss => ss.map(s => Number(s.textContent)).reduce((a, b) => a + b, 0)")
    regional = sum(1 for p in records.programmes if not p.area.national and p.status != "afgerond")
    places = sum(len(p.area.municipalities) + len(p.area.provinces) for p in records.programmes
                 if not p.area.national and p.status != "afgerond")
    assert places > regional  # some programmes work in more than one place…
    assert regional <= total < places  # …and the clusters count each of them once where they meet


@pytest.mark.parametrize("width", NARROW)
@pytest.mark.parametrize("path", ["sociale-kaart/", "praktijken/", "open-data/", "gemeenten/"])
def test_nothing_is_cut_off_on_a_phone(browser, site_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 700})
    try:
        page = context.new_page()
        page.goto(site_url + path)
        if path == "sociale-kaart/":
            page.wait_for_selector("#kb-kaart[data-klaar]")
        cut = page.evaluate("""width => [...document.querySelectorAll('article input, article select, article button, article label, article td, article th')]
            .filter(e => e.offsetParent !== null)
            .filter(e => {
              const box = e.getBoundingClientRect();
              const scroller = e.closest('table') && getComputedStyle(e.closest('table')).overflowX !== 'visible' ? e.closest('table') : null;
              if (scroller) return false;  // inside a table that scrolls in its own box
              return box.left < -1 || box.right > width + 1 || e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'TD' && e.tagName !== 'TH';
            }).map(e => e.tagName + '#' + (e.id || e.textContent.slice(0, 30)))""", width)
        assert cut == []
        assert page.evaluate("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth") <= 0
    finally:
        context.close()


def test_the_page_types_include_municipality_pages_and_a_place_search():
    names = {p.name for p in PAGE_TYPES}
    assert {"gemeente zonder programma", "gemeenten", "zoeken, plaats"} <= names
