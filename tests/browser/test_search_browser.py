"""Search in a real browser: Dutch word forms, diacritics, filters in the URL, keys, safe excerpts.

Two sites: the real one (``site_url``), and a scratch copy with synthetic programmes in
Súdwest-Fryslân, each using exactly one form of a word. Only the scratch site can prove
that a query finds a page through *another* form, because real pages use many forms at once.
The scratch site is indexed in parts (as a site with thousands of pages is, see
searchindex.py), the real one as one index, so both ways are tested.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from kennisbank.model import checks
from kennisbank.site.project import build_site
from kennisbank.site.searchindex import part_of

from ..conftest import ROOT, copy_repo, serve_directory, watched_page

pytestmark = pytest.mark.browser

#: Synthetic programmes for the scratch site: slug → the one sentence with the word form.
FORMS = {
    "sleutelpersoon": "Hier werkt één sleutelpersoon in de wijk.",
    "sleutelpersonen": "Hier werken drie sleutelpersonen in de wijk.",
    "vrijwilliger": "Een vrijwilliger helpt in de wijk.",
    "vrijwilligers": "Twee vrijwilligers helpen in de wijk.",
    "vrijwilligersvergoeding": "Iedereen krijgt een vrijwilligersvergoeding.",
    "gemeente": "De gemeente betaalt het werk.",
    "gemeenten": "Twee gemeenten betalen het werk.",
    "gemeentelijk": "Het gemeentelijk budget betaalt het werk.",
    "begeleiden": "Wij begeleiden de groep elke week.",
    "begeleiding": "De groep krijgt elke week begeleiding.",
}

#: Pages per part of the scratch site's index: its ~70 indexed pages make three parts.
PAGES_PER_PART = 30

#: A word on one page of the site only.
UNIQUE_WORD = "zwaluwstaart"

#: A programme whose texts try to inject markup into the results.
INJECTION = '<img src=x onerror="document.title=\'kapot\'"> en <script>document.title="kapot"</script> en <b>vet</b>'


def programme(name: str, summary: str, how: str, today: dt.date) -> str:
    """A valid synthetic programme in Súdwest-Fryslân (only for the scratch site)."""
    return f"""naam: {json.dumps(name)}
samenvatting: {json.dumps(summary)}
organisatie: "Stichting Proef"
werkgebied: [Súdwest-Fryslân]
themas: [netwerk]
rollen: [helper]
doelgroepen: [nieuwkomers]
vergoeding: betaald
hoe_inzetten: {json.dumps(how)}
contact:
  email: "info@example.org"
status: lopend
bronnen:
  - url: "https://example.org/bron"
    titel: "Proefbron"
    uitgever: "Proefuitgever"
    datum: {today.isoformat()}
    geraadpleegd: {today.isoformat()}
laatst_geverifieerd: {today.isoformat()}
"""


@pytest.fixture(scope="module")
def scratch_site(tmp_path_factory):
    """The real repository plus synthetic programmes, built with its search index and served."""
    repo = copy_repo(tmp_path_factory.mktemp("zoeken") / "repo")
    today = dt.date.today()
    for number, (form, sentence) in enumerate(FORMS.items(), start=1):
        (repo / "programmas" / f"proef-{form}.yml").write_text(
            programme(f"Proefprogramma {number}", sentence, "Neem contact op met de organisatie.", today),
            encoding="utf-8")
    (repo / "programmas" / "proef-uniek.yml").write_text(
        programme("Proef uniek", f"Het woord {UNIQUE_WORD} staat alleen hier.", "Neem contact op.", today), encoding="utf-8")
    (repo / "programmas" / "proef-opmaak.yml").write_text(
        programme("Proef <b>vet</b> programma", "Een samenvatting met opmaak erin.", f"Tekst met {INJECTION} erin.", today),
        encoding="utf-8")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - kennisbank\n", f"  - kennisbank:\n      search_pages_per_part: {PAGES_PER_PART}\n", 1), encoding="utf-8")
    site = tmp_path_factory.mktemp("zoeken-site")
    with pytest.MonkeyPatch.context() as patch:  # the check refuses the HTML; here the escaping behind it is tested
        patch.setattr(checks, "rule_no_markup_in_fields", lambda source: iter(()))
        build_site(repo, site)
    parts = len(json.loads((site / "pagefind" / "kennisbank.json").read_text(encoding="utf-8"))["delen"]) + 1
    assert parts >= 2 and len({part_of(f"programmas/proef-{form}/index.html", parts) for form in FORMS}) >= 2
    with serve_directory(site) as url:
        yield url


@pytest.fixture
def scratch_page(browser, scratch_site):
    context = browser.new_context()
    page = watched_page(context, scratch_site)
    page.base = scratch_site
    yield page
    context.close()


def results(page) -> list[dict]:
    """The rendered results of the search page, once the status shows the outcome."""
    page.wait_for_function("() => /resultaat|resultaten|Geen/.test(document.getElementById('zoekstatus').textContent)")
    return page.eval_on_selector_all("#zoekresultaten > li", """items => items.map(li => ({
        type: li.querySelector('.kb-resultaat__soort').textContent,
        title: li.querySelector('a').textContent,
        href: li.querySelector('a').getAttribute('href'),
        marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
        text: li.querySelector('.kb-resultaat__tekst')?.textContent ?? '',
        html: li.innerHTML }))""")


def status(page) -> str:
    return page.inner_text("#zoekstatus")


def total(page) -> int:
    match = re.match(r"(\d+) resulta", status(page))
    return int(match.group(1)) if match else 0


def open_search(page, base: str, query: str = "", **filters: str) -> list[dict]:
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items() if v)
    page.goto(f"{base}zoeken/?{params}")
    return results(page)


# --- Dutch word forms --------------------------------------------------------------

FINDS_OTHER_FORM = [
    ("sleutelpersoon", "sleutelpersonen"), ("sleutelpersonen", "sleutelpersoon"),
    ("vrijwilliger", "vrijwilligers"), ("vrijwilligers", "vrijwilliger"),
    ("vrijwilliger", "vrijwilligersvergoeding"), ("vrijwilligers", "vrijwilligersvergoeding"),
    ("gemeente", "gemeenten"), ("gemeenten", "gemeente"), ("gemeente", "gemeentelijk"),
    ("gemeentelijk", "gemeente"), ("gemeentelijk", "gemeenten"), ("gemeentelijke", "gemeente"),
    ("begeleiden", "begeleiding"), ("begeleiding", "begeleiden"),
]


@pytest.mark.parametrize(("query", "form"), FINDS_OTHER_FORM)
def test_a_word_finds_its_other_forms(scratch_page, query, form):
    found = open_search(scratch_page, scratch_page.base, query, type="programma", provincie="Fryslân")
    by_page = {r["href"].rstrip("/").rsplit("/", 1)[-1]: r for r in found}
    assert f"proef-{form}" in by_page, (query, sorted(by_page))
    assert {m.strip(".,").lower() for m in by_page[f"proef-{form}"]["marks"]} == {form}
    assert scratch_page.foreign_requests == [] and scratch_page.console_errors == []


def test_gemeentelijk_shows_its_own_form_first(scratch_page):
    found = open_search(scratch_page, scratch_page.base, "gemeentelijk", type="programma", provincie="Fryslân")
    slugs = [r["href"].rstrip("/").rsplit("/", 1)[-1] for r in found]
    ours = [slug for slug in slugs if slug.startswith("proef-")]  # the real content may match too
    assert ours[0] == "proef-gemeentelijk" and set(ours) == {"proef-gemeentelijk", "proef-gemeente", "proef-gemeenten"}
    assert len(slugs) == len(set(slugs)) == total(scratch_page)  # each page once, though two searches found some of them


@pytest.mark.parametrize(("query", "wider"), [
    ("gemeentelijk", "gemeente"), ("Gemeentelijke zorg", "gemeente zorg"), ("persoonlijk", "persoon"),
    ("persoonlijkheid", "persoon"), ("sleutelpersonen", None), ('"gemeentelijk"', None), ("", None),
    # Like Snowball, -lijk stays when the rest is too short to stand alone ("eer", "moge", "vriende").
    ("eerlijk", None), ("mogelijk", None), ("vriendelijk", None),
])
def test_the_query_is_widened_only_for_lijk(scratch_page, query, wider):
    scratch_page.goto(scratch_page.base)
    assert scratch_page.evaluate("""async query => {
        const module = await import(new URL('assets/javascripts/zoekwoorden.js', document.baseURI).href);
        return module.widerQuery(query); }""", query) == wider


# --- an index in parts ----------------------------------------------------------------

def test_a_word_on_one_page_finds_only_that_page_in_every_part(scratch_page):
    """Without the word list, parts without the word would answer for a shorter prefix (vrijwilligers)."""
    found = open_search(scratch_page, scratch_page.base, "vrijwilligersvergoeding", type="programma", provincie="Fryslân")
    assert [r["href"].rstrip("/").rsplit("/", 1)[-1] for r in found] == ["proef-vrijwilligersvergoeding"]


def test_the_word_lists_are_never_results(scratch_page):
    """Every part has a page with every word of the site; a query without filters must not show them."""
    found = open_search(scratch_page, scratch_page.base, UNIQUE_WORD)
    assert [r["href"].rstrip("/").rsplit("/", 1)[-1] for r in found] == ["proef-uniek"]
    assert total(scratch_page) == 1 and scratch_page.console_errors == []


def test_all_parts_are_searched(scratch_page):
    """The synthetic programmes are spread over the parts (see scratch_site); each one is found."""
    found = open_search(scratch_page, scratch_page.base, "proefprogramma", type="programma")
    assert sorted(r["href"].rstrip("/").rsplit("/", 1)[-1] for r in found) == sorted(f"proef-{form}" for form in FORMS)


def word_matches(page, query: str) -> set[str]:
    """Every word form the index matched for a query on the real site (via Pagefind's match locations)."""
    return set(page.evaluate("""async query => {
        const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI.replace(/zoeken\\/.*$/, '')).href);
        const found = await pagefind.search(query);
        const words = new Set();
        for (const result of found.results) {
            const data = await result.data();
            const all = data.content.split(/[\\r\\n\\s]+/g);
            for (const at of data.locations) words.add(all[at].toLowerCase().replace(/[^a-zà-ÿ]/g, ''));
        }
        return [...words];
    }""", query))


@pytest.mark.parametrize(("query", "forms"), [
    ("sleutelpersoon", {"sleutelpersonen"}), ("sleutelpersonen", {"sleutelpersoon"}),
    ("vrijwilliger", {"vrijwilligers", "vrijwilligersvergoeding"}), ("vrijwilligers", {"vrijwilliger"}),
    ("gemeente", {"gemeenten", "gemeentelijke"}), ("gemeenten", {"gemeente"}),
    ("begeleiden", {"begeleiding"}), ("begeleiding", {"begeleiden"}),
    ("cultuurspecialist", {"cultuurspecialisten"}),
])
def test_on_the_real_site_a_word_matches_the_other_forms_in_the_content(page, site_url, query, forms):
    page.goto(f"{site_url}zoeken/")
    matched = word_matches(page, query)
    assert forms <= matched, matched
    assert page.foreign_requests == [] and page.console_errors == []


@pytest.mark.parametrize("query", ["sudwest", "Sudwest-Fryslan", "fryslan"])
def test_a_diacritic_may_be_left_out(scratch_page, query):
    open_search(scratch_page, scratch_page.base, query, type="programma")
    while scratch_page.is_visible("[data-kb-meer]"):  # all results, not only the first ten
        shown = scratch_page.locator("#zoekresultaten > li").count()
        scratch_page.click("[data-kb-meer]")
        scratch_page.wait_for_function(f"() => document.querySelectorAll('#zoekresultaten > li').length > {shown}")
    found = results(scratch_page)
    assert {f"proef-{form}" for form in FORMS} <= {r["href"].rstrip("/").rsplit("/", 1)[-1] for r in found}, status(scratch_page)


# --- results, filters and the URL ----------------------------------------------------

def test_results_show_type_title_and_highlighted_excerpt(page, site_url):
    found = open_search(page, site_url, "werving")
    assert len(found) == min(total(page), 10)
    assert status(page).endswith("voor “werving”.")
    assert {r["type"] for r in found} <= {"Gids", "Goede praktijk", "Programma", "Gemeente", "Overzicht", "Over de kennisbank"}
    assert "Gids" in {r["type"] for r in found}
    assert all(r["title"] and r["href"] for r in found)
    assert any(m.lower().startswith("werving") for r in found for m in r["marks"])
    assert page.foreign_requests == [] and page.console_errors == []


def test_a_filter_narrows_the_results_and_is_kept_in_the_url(page, site_url):
    open_search(page, site_url, "sleutelpersonen")
    everything = total(page)
    page.select_option("#filter-type", "praktijk")
    page.wait_for_function("() => location.search.includes('type=praktijk')")
    page.wait_for_function("() => document.getElementById('zoekstatus').textContent.includes('met de gekozen filters')")
    found = results(page)
    assert 0 < total(page) < everything
    assert {r["type"] for r in found} == {"Goede praktijk"}
    assert "met de gekozen filters" in status(page)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["sleutelpersonen"], "type": ["praktijk"]}
    assert page.foreign_requests == [] and page.console_errors == []


def test_the_url_restores_query_and_filters(page, site_url):
    found = open_search(page, site_url, "gezondheid", type="praktijk", thema="gezondheid", rol="adviseur", provincie="Noord-Holland")
    assert page.input_value("#zoekterm") == "gezondheid"
    assert [page.input_value(f"#filter-{n}") for n in ("type", "thema", "rol", "provincie")] == [
        "praktijk", "gezondheid", "adviseur", "Noord-Holland"]
    assert [r["href"].rstrip("/").rsplit("/", 1)[-1] for r in found] == ["haarlem-zandvoort"]
    assert status(page) == "1 resultaat voor “gezondheid” met de gekozen filters."


def test_filters_alone_list_pages_and_typing_updates_the_url(page, site_url):
    found = open_search(page, site_url, type="programma")
    assert 1 <= len(found) <= total(page) and {r["type"] for r in found} == {"Programma"}
    page.fill("#zoekterm", "vrouwenbesnijdenis")
    page.wait_for_function("() => location.search === '?q=vrouwenbesnijdenis&type=programma'")


def test_filter_values_without_pages_are_hidden(page, site_url):
    open_search(page, site_url, "sleutelpersoon")
    # Every municipality has a page of type 'gemeente' now (issue 14), so that value shows; every value that
    # no page in the index has stays hidden.
    page.wait_for_function("() => !document.querySelector('#filter-type option[value=gemeente]').hidden")
    available = page.evaluate("async () => (await (await import(new URL('../assets/javascripts/zoeken.js', location.href))).loadEngine()).pagefind.filters()")
    for option in page.eval_on_selector_all("#filter-type option[value]:not([value=''])", "os => os.map(o => [o.value, o.hidden])"):
        assert option[1] == (option[0] not in available["type"]), option
    assert page.eval_on_selector("#filter-provincie option[value='Groningen']", "o => o.hidden") is False
    assert page.eval_on_selector("#filter-type option[value=gids]", "o => o.hidden") is False


def test_no_match_says_so_in_dutch(page, site_url):
    found = open_search(page, site_url, "xylofoonkwartet")
    assert found == []
    assert status(page) == "Geen resultaten voor “xylofoonkwartet”. Controleer de spelling, of probeer een ander of korter woord."
    assert page.get_attribute("#zoekstatus", "aria-live") == "polite"
    found = open_search(page, site_url, "vrouwenbesnijdenis", provincie="Zeeland")
    assert found == [] and "Zet een filter uit" in status(page)


def test_menu_and_footer_text_are_not_indexed(page, site_url, built_site):
    indexed = sum("data-pagefind-body" in p.read_text(encoding="utf-8") for p in built_site.rglob("*.html"))
    open_search(page, site_url, "Sociale kaart")
    assert 0 < total(page) < indexed
    # "MkDocs" is in every footer ("Material for MkDocs"), but in the text of one page only.
    in_text = [p for p in (ROOT / "content").rglob("*.md") if "MkDocs" in p.read_text(encoding="utf-8")]
    found = open_search(page, site_url, "MkDocs")
    assert len(found) == len(in_text) == 1
    assert page.foreign_requests == [] and page.console_errors == []


#: Queries whose results show a programme's list of facts (dt) or a guide's table headings (th).
LABELLED_QUERIES = ["Werkgebied", "Doelgroepen", "Organisatie", "Voorbeeld uit de praktijk", "Wat doet de sleutelpersoon"]


def labels_of(page, href: str) -> list[str]:
    """The table headings, list terms and captions in the indexed part of a result's page."""
    return page.evaluate("""async href => {
        const doc = new DOMParser().parseFromString(await (await fetch(href)).text(), 'text/html');
        return [...doc.querySelectorAll('[data-pagefind-body] :is(th, dt, caption)')].map(e => e.textContent.trim()).filter(Boolean); }""", href)


@pytest.mark.parametrize("query", LABELLED_QUERIES)
def test_an_excerpt_ends_every_table_heading_and_list_term(page, site_url, query):
    """Pagefind ran a heading cell or a term into the next text ("Organisatie FSAN Werkgebied Landelijk"): searchtext.py."""
    found = open_search(page, site_url, query)
    shown, run_together = 0, []
    for result in found:
        for label in labels_of(page, result["href"]):
            if label in result["text"]:
                shown += 1
                if re.search(rf"(?<![\w-]){re.escape(label)} \w", result["text"]):
                    run_together.append((result["href"], label, result["text"]))
    assert shown and run_together == []


@pytest.mark.parametrize("query", ["vertaler", "maaksessie", "Pharos"])
def test_an_excerpt_has_no_footnote_numbers(page, site_url, query):
    found = open_search(page, site_url, query)
    assert found and [r["text"] for r in found if re.search(r"[.!?] \d{1,2}\.? [A-Z]|↩|\[\^", r["text"])] == []


def test_sources_cannot_inject_markup(scratch_page):
    found = open_search(scratch_page, scratch_page.base, "onerror", type="programma")
    assert len(found) == 1
    result = found[0]
    assert "<img" not in result["html"] and "<script" not in result["html"] and "<b>" not in result["html"]
    assert "&lt;img" in result["html"]
    assert scratch_page.locator("#zoekresultaten img, #zoekresultaten script, #zoekresultaten b").count() == 0
    assert result["title"] == "Proef <b>vet</b> programma"
    assert scratch_page.title() != "kapot"
    assert scratch_page.console_errors == []


# --- the header box and the keys ---------------------------------------------------------

def test_slash_and_s_focus_search_unless_typing(page, site_url):
    page.goto(f"{site_url}gidsen/zes-rollen/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "kb-zoekveld-invoer"
    assert page.input_value("#kb-zoekveld-invoer") == ""  # the / is not typed
    page.keyboard.type("s")
    assert page.input_value("#kb-zoekveld-invoer") == "s"  # typing in the box: s is a letter
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.id") == "kb-zoekveld-invoer"
    page.goto(f"{site_url}zoeken/")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.id") == "zoekterm"
    assert page.foreign_requests == [] and page.console_errors == []


def test_header_box_arrow_keys_enter_and_escape(page, site_url):
    page.goto(f"{site_url}gidsen/zes-rollen/")
    page.keyboard.press("/")
    page.keyboard.type("begeleiding")
    page.wait_for_selector("[data-kb-lijst] li")
    assert page.is_visible("[data-kb-paneel]")
    assert re.match(r"\d+ resultaten voor “begeleiding”\.", page.inner_text("[data-kb-status]"))
    assert page.eval_on_selector("[data-kb-melding]", "e => e.getAttribute('aria-live')") == "polite"
    assert "resultaten" in page.inner_text("[data-kb-melding]")
    links = page.eval_on_selector_all("[data-kb-lijst] a", "as => as.map(a => a.href)")
    assert 1 < len(links) <= 5
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "kb-zoekveld-invoer"
    page.keyboard.press("Escape")
    assert not page.is_visible("[data-kb-paneel]") and page.input_value("#kb-zoekveld-invoer") == "begeleiding"
    page.keyboard.press("Escape")
    assert page.input_value("#kb-zoekveld-invoer") == ""
    page.keyboard.type("begeleiding")
    page.wait_for_selector("[data-kb-lijst] li")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == links[0]
    assert page.foreign_requests == [] and page.console_errors == []


@pytest.mark.parametrize(("query", "delay"), [("sleutelpersonen", 0), ("sleutelpersonen", 130), ("GGD", 0), ("Haarlem", 500)])
def test_the_header_box_ends_with_the_results_for_what_was_typed(page, site_url, query, delay):
    """Fast or slow, long or short (a short word waits longer): the last results are for the whole query."""
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type(query, delay=delay)
    page.wait_for_function("q => document.querySelector('[data-kb-status]').textContent.includes('“' + q + '”')", arg=query)
    page.wait_for_timeout(600)  # longer than any wait in zoeken.js: nothing newer may follow
    assert re.match(rf"\d+ resultaten? voor “{query}”\.", page.inner_text("[data-kb-status]"))
    assert page.locator("[data-kb-lijst] li").count() > 0
    assert page.console_errors == []


def test_enter_in_the_header_box_opens_the_search_page(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("vrijwilligers")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path.endswith("/zoeken/") and parse_qs(urlsplit(page.url).query) == {"q": ["vrijwilligers"]}
    assert total(page) > 0 or results(page)
    assert page.input_value("#zoekterm") == "vrijwilligers"


def test_search_page_arrow_keys_and_escape(page, site_url):
    open_search(page, site_url, "werving")
    page.focus("#zoekterm")
    page.keyboard.press("ArrowDown")
    first = page.eval_on_selector("#zoekresultaten a", "a => a.href")
    assert page.evaluate("document.activeElement.href") == first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "zoekterm"
    page.keyboard.press("Escape")
    assert page.input_value("#zoekterm") == ""
    page.wait_for_function("() => location.search === ''")
    assert status(page) == "Typ een woord om te zoeken, of kies een filter."


def test_more_results_on_request(page, site_url):
    found = open_search(page, site_url, "sleutelpersonen")
    assert len(found) == 10 and total(page) > 10
    page.click("[data-kb-meer]")
    page.wait_for_function("() => document.querySelectorAll('#zoekresultaten > li').length > 10")
    assert page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#zoekresultaten > li')[10]")


def test_small_screens_open_the_search_page(browser, site_url):
    context = browser.new_context(viewport={"width": 400, "height": 700})
    page = watched_page(context, site_url)
    try:
        page.goto(f"{site_url}gidsen/zes-rollen/")
        assert not page.is_visible("#kb-zoekveld-invoer") and page.is_visible(".kb-zoekveld__knop")
        with page.expect_navigation():
            page.keyboard.press("/")
        assert urlsplit(page.url).path.endswith("/zoeken/")
        assert page.foreign_requests == [] and page.console_errors == []
    finally:
        context.close()
