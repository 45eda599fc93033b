"""Page text in templates: escaping, the shared blocks, and that every template renders from real content."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import jinja2
import pytest
import yaml

from kennisbank.model.checks import check_all
from kennisbank.model.records import Area, PartialDate, SourceRef
from kennisbank.pages import assemble, templating
from kennisbank.pages.common import Knowledge
from kennisbank.pages.paginate import Group, pagination
from kennisbank.pages.templating import trusted

from ..conftest import TODAY

PAGES = Path(templating.__file__).parent
HOSTILE = '[x](javascript:alert(1)) <img src=x onerror="alert(1)"> {: onclick=x } a | b'


def block(source: str, **data) -> str:
    """Render a snippet in the page environment, as a page template's body would be."""
    return templating._MARKDOWN.from_string(source).render({"blokken": templating._MARKDOWN.get_template("_blokken.md").module, **data})


@pytest.fixture(scope="module")
def files(layout):
    return {f.doc_path: f for f in assemble.generate(check_all(layout, today=TODAY))}


# --- escaping ---------------------------------------------------------------------------

@pytest.mark.parametrize("source", ["{{ value }}", "{{ value ~ '!' }}", "{{ [value, 'b'] | join(', ') }}",
                                    "{{ blokken.opsomming([value]) }}", "{% set x %}{{ value }}{% endset %}{{ x }}",
                                    "{{ [value, trusted_part] | join(', ') }}", "{{ value | upper }}"])
def test_every_printed_value_is_escaped_for_markdown(source):
    out = block(source, value=HOSTILE, trusted_part=trusted("**ok**"))
    assert "<img" not in out and " | " not in out
    assert not re.search(r"(?<!\\)\]\(|(?<!\\)\{:", out)  # no link and no attribute list left
    assert re.search(r"\\\[x\\\]", out, re.IGNORECASE)


def test_trusted_markdown_is_printed_as_it_is():
    assert block("{{ value }}", value=trusted("[a](b.md)")) == "[a](b.md)"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a?b=c&d=e", "https://example.org/a?b=c&d=e"),
    ("javascript:alert(1)", "javascript:alert(1)"),  # escaped as text: no link target the sanitiser would keep
    ("https://example.org/a)(b", "https://example.org/a)(b"),
])
def test_adres_passes_only_checked_web_addresses(url, expected):
    out = block("{{ url | adres }}", url=url)
    assert out == expected
    assert isinstance(templating._address(url), jinja2.utils.markupsafe.Markup)
    assert bool(templating.URL_RE.match(url)) == (url.startswith("https://") and "(" not in url)


@pytest.mark.parametrize(("value", "expected"), [
    ("https://example.org/", "<https://example.org/>"),
    ("info@example.org", "<info@example.org>"),
    ("<script>", "&lt;script&gt;"),
    ("javascript:alert(1)", "javascript:alert(1)"),
])
def test_autolink_links_only_addresses(value, expected):
    assert block("{{ value | autolink }}", value=value) == expected


def test_html_and_code_filters():
    assert block('<option value="{{ v | html }}">', v='a"b<') == '<option value="a&quot;b&lt;">'
    assert block("{{ v | code }}", v="sources[].url") == "`sources[].url`"
    assert block("{{ v | code }}", v="a`b") == "`` a`b ``"


def test_a_missing_value_is_a_template_error_not_an_empty_string():
    with pytest.raises(jinja2.UndefinedError):
        block("{{ nothing }}")
    with pytest.raises(ValueError, match="no value to print"):
        block("{{ value }}", value=None)


def test_title_and_description_are_plain_text_and_escaped_once_in_the_front_matter():
    content = templating.page("gemeenten.md", {"type": "overzicht"}, doc="gemeenten/index.md", provincies=[], kaart="x",
                              met_programma=0, totaal=342)
    meta = yaml.safe_load(content.split("---\n")[1])
    assert meta == {"title": "Sleutelpersonen per gemeente",
                    "description": "Alle 342 gemeenten per provincie, met het aantal programma&#x27;s met sleutelpersonen in elke gemeente.",
                    "type": "overzicht"}
    title, _, _ = templating.page_text("onderwerp.md", doc="themas/x.md", soort="themas", nummer=1, aantal=1, totaal=0,
                                       onderwerp={"label": "A & <b>", "description": "d"}, groepen=[], navigatie=None,
                                       alle="themas/index.md")
    assert title == "Thema: A & <b>"  # front_matter escapes it, once


# --- the shared blocks ------------------------------------------------------------------

def knowledge(newest: PartialDate | None, old: bool, period: str = "") -> Knowledge:
    return Knowledge("Niet bekend", newest, old, dt.date(2026, 11, 2), period)


def test_knowledge_notice_for_recent_old_and_undated_sources():
    recent = block("{{ blokken.kennis(k, 'Org') }}", k=knowledge(PartialDate(2026, 3), False, "sinds 2024"))
    assert recent.startswith('!!! info "Volgens bronnen uit 2026"\n\n    Status: niet bekend. Looptijd: sinds 2024.\n\n')
    assert "De nieuwste bron is van maart 2026." in recent and "correctie" not in recent
    old = block("{{ blokken.kennis(k, 'Org <b>') }}", k=knowledge(PartialDate(2019), True))
    assert old.startswith('!!! warning "Volgens bronnen uit 2019"')
    assert "Werk je bij Org &lt;b&gt;, of weet je hoe het nu zit? [Stuur een correctie](kennisbank-correctie:)." in old
    undated = block("{{ blokken.kennis(k, 'Org') }}", k=knowledge(None, True))
    assert undated.startswith('!!! warning "Volgens bronnen zonder datum"')
    assert "ze zijn gelezen op 2 november 2026. Hoe oud deze kennis is, weten we niet." in undated
    assert all(line.startswith("    ") for line in undated.splitlines()[1:] if line)  # every line inside the box
    assert undated.endswith("\n\n")


def test_stale_notice_only_when_stale():
    assert block("{{ blokken.controleren(d, False) }}", d=dt.date(2021, 2, 23)) == ""
    assert block("{{ blokken.controleren(d, True) }}", d=dt.date(2021, 2, 23)).startswith(
        '!!! warning "Controleer of dit nog klopt"\n\n    Deze gegevens zijn voor het laatst gecontroleerd op 23 februari 2021.')


@pytest.mark.parametrize(("area", "expected"), [
    (Area(national=True), "Landelijk"),
    (Area(unknown=True), "Niet vermeld in de bron"),
    (Area(municipalities=("Haarlem",), provinces=("Utrecht",)), "Haarlem, provincie Utrecht"),
    (Area(provinces=("Utrecht", "Zeeland")), "provincie Utrecht, provincie Zeeland"),
])
def test_area(area, expected):
    assert block("{{ blokken.werkgebied(a) }}", a=area) == expected


def test_sources_block():
    source = SourceRef(url="https://example.org/a", title="Titel [1]", publisher="GGD", date=PartialDate(2024, 5),
                       accessed=dt.date(2026, 11, 2), document="p. 3")
    assert block("{{ blokken.bronnen([s]) }}", s=source) == (
        "## Bron\n\n- [*Titel \\[1\\]*, GGD, mei 2024](https://example.org/a), p. 3. Gelezen op 2 november 2026.\n\n")
    assert block("{{ blokken.bronnen([s, s]) }}", s=source).startswith("## Bronnen\n\n")


def test_definition_list_leaves_out_empty_values():
    assert block("{{ blokken.gegevens([('A', 'x'), ('B', ''), ('C', none), ('D', 'y')]) }}") == "A\n:   x\n\nD\n:   y\n\n"


def test_page_navigation():
    nav = block("{{ blokken.paginering(n) }}", n=pagination("praktijken/index.md", 3, 5))
    assert nav.startswith('\n<nav class="kb-pagination" aria-label="Paginanummers" markdown="1">\n\nPagina 3 van 5\n\n')
    found = {m[0]: (m[1], m[2]) for m in re.findall(r"- \[([^\]]+)\]\(([^)]+)\)\{ ([^}]*) \}", nav)}
    assert found["Vorige pagina"] == ("2.md", 'rel="prev"') and found["Volgende pagina"] == ("4.md", 'rel="next"')
    assert found["1"] == ("../index.md", 'aria-label="Pagina 1"')
    assert found["3"] == ("3.md", 'aria-current="page" aria-label="Pagina 3, deze pagina"')
    assert nav.count("aria-current") == 1 and nav.endswith("</nav>\n\n")
    assert "- …" in block("{{ blokken.paginering(n) }}", n=pagination("x.md", 1, 9))
    assert block("{{ blokken.paginering(n) }}", n=None) == ""


def test_a_continued_group_says_so_and_only_its_start_has_an_anchor():
    assert block("{{ blokken.kop(g) }}", g=Group("Zeeland", ("z1",), True, "zeeland")) == "## Zeeland (vervolg)\n\n"
    assert block("{{ blokken.kop(g) }}", g=Group("Utrecht", ("u0",), False, "utrecht")) == "## Utrecht { #utrecht }\n\n"
    assert block("{{ blokken.kop(g, {'k': 'Kop'}) }}", g=Group("k", ("a",))) == "## Kop\n\n"


def test_a_fragment_is_written_once_per_build_with_the_words_of_its_block():
    templating.reload()
    first = templating.fragment("werkgebied", Area(municipalities=("Haarlem",)))
    assert first == "Haarlem" and templating.fragment("werkgebied", Area(municipalities=("Haarlem",))) is first
    assert templating.fragment("afstand", 12) == ", ongeveer 12 km"


def test_a_list_the_search_index_skips():
    assert block("{% call blokken.niet_doorzoeken() %}\n- [a](a.md)\n{% endcall %}") == (
        '<div data-pagefind-ignore="all" markdown="1">\n\n- [a](a.md)\n\n</div>\n\n')
    assert block("{% call blokken.niet_doorzoeken() %}\n{% endcall %}") == ""


def test_page_number_after_a_title():
    assert block("Goede praktijken{{ blokken.paginanummer(1, 3) }}") == "Goede praktijken"
    assert block("Goede praktijken{{ blokken.paginanummer(2, 3) }}") == "Goede praktijken (pagina 2 van 3)"


# --- every template, from the real content ----------------------------------------------------

TEMPLATE_OF = {  # template → a generated page that uses it
    "praktijk.md": "praktijken/fsan.md", "programma.md": "programmas/fsan-vrouwenbesnijdenis.md",
    "gemeente.md": "gemeenten/haarlem.md", "gemeenten.md": "gemeenten/index.md", "praktijken.md": "praktijken/index.md",
    "onderwerp.md": "themas/gezondheid.md", "onderwerpen.md": "rollen/index.md", "kaartlijst.md": "sociale-kaart/pagina/2.md",
    "sociale-kaart.md": "sociale-kaart/index.md", "regels-en-bedragen.md": "regels-en-bedragen.md",
    "te-controleren.md": "redactie/index.md", "oude-kennis.md": "redactie/oude-kennis.md",
    "inhoudsmodel.md": "bijdragen/inhoudsmodel.md", "open-data.md": "open-data.md", "werkbladen.md": "werkbladen/index.md",
    "werkblad.md": "werkbladen/intervisie.md",
}


def test_every_page_template_is_used_by_a_generated_page(files):
    pages = {n for n in templating.templates() if "{% block body %}" in (PAGES / "templates" / n).read_text()}
    assert pages == set(TEMPLATE_OF)
    for doc in TEMPLATE_OF.values():
        assert doc in files


@pytest.mark.parametrize("name", sorted(TEMPLATE_OF))
def test_a_page_has_its_title_and_description_and_no_template_syntax_left(files, name):
    content = files[TEMPLATE_OF[name]].content
    meta = yaml.safe_load(content.split("---\n")[1])
    assert meta["title"] and meta["description"] and meta["type"]
    body = content.split("---\n", 2)[2]
    assert "{{" not in body and "{%" not in body and "{#" not in body
    assert re.search(r"^# \S", body, re.MULTILINE)


def test_the_editors_guide_to_templates_names_every_template():
    guide = (PAGES / "templates" / "TEMPLATES.md").read_text()
    for name in [*templating.templates(), templating.FRAGMENTS]:
        assert f"`{name}`" in guide, name


# --- no page text in Python -----------------------------------------------------------------

#: Modules whose Dutch strings are not page text: the documentation of each open data column (beside
#: the column's definition, so a new column cannot go without it), and the messages about mistakes
#: in templates.
DATA_TEXT = {"exports.py", "templating.py"}
SENTENCE = re.compile(r"\b(de|het|een|je|jouw|van|voor|niet|staat|staan)\b.*\b(de|het|een|je|van|voor|is|zijn|op)\b", re.IGNORECASE)


def literal_strings(path: Path) -> list[tuple[int, str]]:
    """Every string constant of a module except docstrings."""
    tree = ast.parse(path.read_text())
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize("module", sorted(p.name for p in PAGES.glob("*.py") if p.name not in DATA_TEXT | {"__init__.py"}))
def test_page_modules_hold_no_dutch_sentences(module):
    found = [(line, value) for line, value in literal_strings(PAGES / module) if len(value.split()) >= 5 and SENTENCE.search(value)]
    assert not found, f"{module}: zet deze tekst in een sjabloon in pages/templates/: {found}"


def test_the_sentence_check_would_find_a_sentence(tmp_path):
    planted = tmp_path / "x.py"
    planted.write_text('"""Doc."""\nX = "Er staan nog geen programma\'s op de kaart."\n')
    assert [v for _, v in literal_strings(planted) if SENTENCE.search(v)] == ["Er staan nog geen programma's op de kaart."]


# --- an editor's mistake in a template --------------------------------------------------------

@pytest.fixture
def own_templates(tmp_path, monkeypatch):
    """Templates in a scratch folder instead of the real ones, with the real shared blocks."""
    (tmp_path / templating.FRAGMENTS).write_text((PAGES / "templates" / templating.FRAGMENTS).read_text())
    monkeypatch.setattr(templating, "folder", lambda: tmp_path)
    monkeypatch.setattr(templating, "_MARKDOWN", templating._environment(True, tmp_path))
    monkeypatch.setattr(templating, "_PLAIN", templating._environment(False, tmp_path))
    templating.reload()
    yield tmp_path
    templating.reload()


@pytest.mark.parametrize(("source", "line", "message"), [
    ("# Titel\n\n{{ gemeente.naam }}\n", 3, "'naam' bestaat niet; kijk bovenaan het sjabloon welke gegevens het krijgt"),
    ("# Titel\n{{ gemeent.name }}\n", 2, "'gemeent' bestaat niet in dit sjabloon; kijk bovenaan welke gegevens het krijgt"),
    ("# Titel\n\n\n{% if x %}\nopen\n", 5, "'{% if %}' is niet gesloten; zet er '{% endif %}' achter"),
    ("# Titel\n{% iff x %}\n", 2, "'{% iff %}' kent een sjabloon niet"),
    ("{{ leeg }}\n", 1, "hier staat een gegeven zonder waarde; zet het binnen {% if … %}"),
])
def test_a_template_mistake_is_reported_with_its_file_and_line_in_dutch(own_templates, source, line, message):
    (own_templates / "fout.md").write_text(source)
    with pytest.raises(templating.TemplateProblem) as raised:
        templating.render("fout.md", gemeente={"name": "Haarlem"}, leeg=None, x=True)
    assert str(raised.value) == f"scripts/kennisbank/pages/templates/fout.md:{line}: sjabloon: {message}"


def test_a_changed_template_is_read_again_after_reload(own_templates):
    page = own_templates / "pagina.md"
    page.write_text("een\n")
    assert templating.render("pagina.md") == "een\n"
    page.write_text("twee\n")
    assert templating.render("pagina.md") == "een\n"  # read once per build
    templating.reload()
    assert templating.render("pagina.md") == "twee\n"


def test_templates_are_read_again_only_when_one_changed(own_templates):
    page = own_templates / "pagina.md"
    page.write_text("een\n")
    assert templating.render("pagina.md") == "een\n"
    version = templating.version()
    assert templating.reload_if_changed() is False and templating.version() == version
    page.write_text("twee\n")
    assert templating.render("pagina.md") == "een\n"
    assert templating.reload_if_changed() is True
    assert templating.render("pagina.md") == "twee\n" and templating.version() != version
    (own_templates / "nieuw.md").write_text("drie\n")  # a new file counts too
    assert templating.reload_if_changed() is True
