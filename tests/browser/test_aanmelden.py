"""The form on bijdragen/aanmelden/ in Chromium: the three ways out agree with from-issue and the check, mistakes block sending.

The site is a scratch copy of the repository with the editors' e-mail address set (``extra: redactie: email:``),
so that all three routes show. Dates are fixed to the tests' 'today' in the browser too.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from kennisbank.contribute import from_issue
from kennisbank.contribute.forms import FORMS
from kennisbank.model.checks import Layout, check_all, make_context
from kennisbank.site.project import build_site

from ..conftest import TODAY, copy_repo, serve_directory, watched_page
from ..javascript.test_aanmelden_parity import base_answers, github_body

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parents[2] / "data"
EDITORS = "redactie@example.org"
PAGE = "bijdragen/aanmelden/"


@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    """A scratch copy of the repository, with the editors' address, built without search index and served."""
    repo = copy_repo(tmp_path_factory.mktemp("aanmelden") / "repo")
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - kennisbank\n", "  - kennisbank:\n      search_index: false\n", 1)
    config.write_text(text + f"\nextra:\n  redactie:\n    email: {EDITORS}\n", encoding="utf-8")
    site = repo / "site"
    build_site(repo, site)
    with serve_directory(site) as url:
        yield {"url": url, "repo": repo, "site": site}


@pytest.fixture
def form_page(browser, form_site):
    context = browser.new_context(accept_downloads=True)
    page = watched_page(context, form_site["url"])
    page.clock.set_fixed_time(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0))
    page.goto(form_site["url"] + PAGE)
    page.wait_for_selector("#kb-aanmelden:not([hidden])")
    yield page
    assert page.foreign_requests == []
    assert [e for e in page.console_errors if "favicon" not in e] == []
    context.close()


def fill(page, kind: str, answers: dict) -> None:
    """Answer every question as a person would: type, choose, tick."""
    page.select_option("#kb-aanmelden-soort", kind)
    for q in FORMS[kind].questions:
        value = answers.get(q.id, [] if q.type == "checkboxes" else "")
        target = f"#{kind}-{q.id}"
        if q.type == "checkboxes" or (q.type == "dropdown" and q.multiple):
            chosen = value if isinstance(value, list) else [v for v in value.split(", ") if v]
            for box in page.locator(f"input[name='{kind}-{q.id}']").all():
                box.set_checked(box.get_attribute("value") in chosen)
        elif q.type == "dropdown":
            page.select_option(target, value)
        else:
            page.fill(target, value)


def submit(page) -> None:
    page.click("#kb-aanmelden-formulier button[type=submit]")
    page.wait_for_selector("#kb-aanmelden-versturen:not([hidden]), #kb-aanmelden-fouten:not([hidden])")


def base_answers_for(kind: str) -> dict:
    return base_answers(make_context(Layout(DATA.parent), TODAY), kind)


def answers_from_issue_url(url: str, kind: str) -> dict:
    """The answers in a prefilled issue URL; the boxes are ticked on GitHub itself."""
    params = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
    assert params.pop("template") == FORMS[kind].file
    assert params.pop("title").startswith(FORMS[kind].title)
    return {**params, "toestemming": list(FORMS[kind].question("toestemming").options)}


@pytest.mark.parametrize("kind", ["programma", "praktijk"])
def test_a_valid_entry_goes_out_three_ways_that_give_the_same_file(form_page, form_site, kind, tmp_path):
    page = form_page
    fill(page, kind, base_answers_for(kind))
    submit(page)
    assert page.locator("#kb-aanmelden-fouten").is_hidden()
    # 1. The GitHub issue: the issue form, prefilled; from-issue reads the body GitHub makes of it.
    issue = page.get_attribute("#kb-route-github", "href")
    assert issue.startswith("https://github.com/kennisbank-sleutelpersonen/kennisbank/issues/new?template=")
    from_github = from_issue.convert(github_body(kind, answers_from_issue_url(issue, kind)), DATA, TODAY, kind)
    assert from_github.problems == ()
    # 2. The e-mail: the same body, which the editors can give to from-issue as it is.
    mail = urlsplit(page.get_attribute("#kb-route-email", "href"))
    assert mail.scheme == "mailto" and mail.path == EDITORS
    mail_body = unquote(re.search(r"(?:^|&)body=([^&]*)", mail.query).group(1))
    from_mail = from_issue.convert(mail_body, DATA, TODAY, kind)
    assert from_mail.problems == () and from_mail.text == from_github.text
    # 3. The file: what from-issue makes, and the check accepts it.
    with page.expect_download() as download:
        page.click("#kb-route-bestand")
    name = download.value.suggested_filename
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text == from_github.text
    assert name == f"{from_github.slug}{from_issue.SUFFIXES[kind]}"
    repo = copy_repo(tmp_path / "repo", content=True)
    folder = repo / {"praktijk": "good_practices", "programma": "programmas"}[kind]
    (folder / name).write_text(text, encoding="utf-8")
    catalogue = check_all(Layout(repo), today=TODAY)
    assert [p.format() for p in catalogue.problems if p.path.endswith(name)] == []
    assert from_github.slug in {e.slug for e in (*catalogue.practices, *catalogue.programmes)}
    # Sent: nothing of it is kept in the browser.
    assert page.evaluate("localStorage.length") == 0


def shown_problems(page) -> list[str]:
    return page.locator("#kb-aanmelden-foutenlijst li").all_inner_texts()


def html_message_of_the_check(tmp_path: Path, field: str, value: str) -> str:
    """What `kennisbank check` says about this value in a programme file."""
    repo = copy_repo(tmp_path / "check", content=False)
    text = (Path(__file__).parents[1] / "fixtures" / "issues" / "uitvoer" / "programma-compleet.yml").read_text(encoding="utf-8")
    (repo / "programmas" / "html.yml").write_text(re.sub(rf"^{field}: .*$", f"{field}: '{value}'", text, flags=re.MULTILINE), encoding="utf-8")
    return next(p.message for p in check_all(Layout(repo), today=TODAY).problems if p.field == field)


@pytest.mark.parametrize(("question", "value", "expected"), [
    ("naam", "", "Naam van het programma: dit veld is verplicht; vul het in"),
    ("werkgebied", "Amsterdm", "Werkgebied: 'Amsterdm' is geen gemeente; bedoel je 'Amsterdam'?"),
    ("samenvatting", "Bel Fatima op 06-12345678 voor meer uitleg.",
     "Samenvatting: hier staat een mobiel nummer; haal het weg, zodat geen sleutelpersoon persoonlijk bereikbaar wordt"),
    ("organisatie", "Stichting <b>Samen</b>", None),
], ids=["verplicht", "onbekende-gemeente", "06-nummer", "html"])
def test_a_mistake_shows_the_words_of_the_command_line_and_blocks_sending(form_page, question, value, expected, tmp_path):
    kind = "programma"
    answers = {**base_answers_for(kind), question: value}
    fill(form_page, kind, answers)
    submit(form_page)
    label = FORMS[kind].question(question).label
    if expected is None:  # HTML: the check's words (from-issue would only remove it)
        expected = f"{label}: {html_message_of_the_check(tmp_path, question, value)}"
    else:  # the same answers through `kennisbank from-issue`
        assert [p.format() for p in from_issue.convert(github_body(kind, answers), DATA, TODAY, kind).problems] == [expected]
    assert shown_problems(form_page) == [expected]
    note = form_page.locator(f"#{kind}-{question}-fout")
    assert note.is_visible() and note.inner_text() == expected.split(": ", 1)[1]
    assert form_page.get_attribute(f"#{kind}-{question}", "aria-invalid") == "true"
    assert form_page.locator("#kb-aanmelden-versturen").is_hidden()  # nothing to send
    assert form_page.evaluate("document.activeElement.id") == "kb-aanmelden-fouten"
    # The link in the summary goes to the field.
    form_page.click("#kb-aanmelden-foutenlijst a")
    assert form_page.evaluate("document.activeElement.id") == f"{kind}-{question}"


def test_a_missing_choice_links_to_the_first_box_of_its_group(form_page):
    """A fieldset takes no focus: the summary's link goes to its first box, where space ticks it."""
    kind = "programma"
    answers = {**base_answers_for(kind), "themas": ""}
    fill(form_page, kind, answers)
    submit(form_page)
    expected = [p.format() for p in from_issue.convert(github_body(kind, answers), DATA, TODAY, kind).problems]
    assert expected == [f"{FORMS[kind].question('themas').label}: dit veld is verplicht; kies er minstens één"]
    assert shown_problems(form_page) == expected
    form_page.click("#kb-aanmelden-foutenlijst a")
    assert form_page.evaluate("document.activeElement.id") == f"{kind}-themas-1"
    form_page.keyboard.press("Space")
    assert form_page.is_checked(f"#{kind}-themas-1")


def test_what_was_typed_survives_a_reload_and_wissen_forgets_it(form_page):
    page = form_page
    page.select_option("#kb-aanmelden-soort", "praktijk")
    page.fill("#praktijk-titel", "Samen in de wijk")
    page.fill("#praktijk-werkgebied", "Zwolle")
    page.reload()
    page.wait_for_selector("#kb-aanmelden:not([hidden])")
    assert page.input_value("#kb-aanmelden-soort") == "praktijk"
    assert page.input_value("#praktijk-titel") == "Samen in de wijk"
    assert page.evaluate("Object.keys(localStorage)") == ["kennisbank-aanmelden"]
    page.click("#kb-aanmelden-wissen")
    assert page.evaluate("localStorage.length") == 0
    page.reload()
    page.wait_for_selector("#kb-aanmelden:not([hidden])")
    assert page.input_value("#praktijk-titel") == "" and page.input_value("#kb-aanmelden-soort") == "praktijk"


def test_the_municipality_box_offers_names_aliases_and_former_names(form_page):
    page = form_page
    page.select_option("#kb-aanmelden-soort", "programma")
    page.locator("#programma-werkgebied").press_sequentially("Zwolle, Den H")
    options = page.eval_on_selector_all("#programma-werkgebied-namen option", "os => os.map(o => o.value)")
    assert "Zwolle, Den Haag" in options
    page.fill("#programma-werkgebied", "")
    page.locator("#programma-werkgebied").press_sequentially("Groesb")
    assert "Berg en Dal" in page.eval_on_selector_all("#programma-werkgebied-namen option", "os => os.map(o => o.value)")


def test_without_the_editors_address_there_is_no_e_mail_route(page, site_url):
    """The real configuration names no address: the page never invents one."""
    page.goto(site_url + PAGE)
    page.wait_for_selector("#kb-aanmelden:not([hidden])")
    assert page.locator("#kb-route-email").count() == 0
    assert "mailto:" not in page.content()
    assert page.foreign_requests == []


def test_without_javascript_the_page_links_the_issue_forms(browser, form_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(form_site["url"] + PAGE)
    assert page.locator("#kb-aanmelden").is_hidden()
    shown = page.inner_text("article")
    links = page.eval_on_selector_all("article noscript a", "as => as.map(a => a.getAttribute('href'))")
    context.close()
    assert "Dit formulier werkt alleen met JavaScript" in shown
    assert any(link.endswith("issues/new?template=praktijk.yml") for link in links)
    assert any(link.endswith("issues/new?template=programma.yml") for link in links)
    assert f"mailto:{EDITORS}" in links
