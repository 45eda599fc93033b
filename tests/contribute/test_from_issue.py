"""kennisbank from-issue: form bodies as GitHub renders them, complete, incomplete and hostile."""

from __future__ import annotations

import io
import re
from pathlib import Path

import markdown
import pytest
import yaml

from kennisbank.contribute import from_issue as fi
from kennisbank.contribute.forms import FORMS, TEXT_MAX
from kennisbank.model.checks import Layout, check_all

from ..conftest import ROOT, TODAY
from ..conftest import run_cli as run

ISSUES = Path(__file__).parents[1] / "fixtures" / "issues"
EXPECTED = yaml.safe_load((ISSUES / "expected.yml").read_text(encoding="utf-8"))
BODIES = sorted(p.name for p in ISSUES.glob("*.md"))
DATA = ROOT / "data"


def body(name: str) -> str:
    """A fixture body exactly as stored (some use the CRLF line ends GitHub's API returns)."""
    return (ISSUES / name).read_bytes().decode("utf-8")


def convert(text: str, kind: str | None = None) -> fi.Result:
    return fi.convert(text, DATA, TODAY, kind)



def test_every_fixture_has_expectations():
    assert sorted(EXPECTED) == BODIES


@pytest.mark.parametrize("name", BODIES)
def test_fixture_gives_exactly_the_expected_problems_and_notices(name):
    result = convert(body(name))
    assert [p.format() for p in result.problems] == EXPECTED[name]["problems"]
    assert [n.format() for n in result.notices] == EXPECTED[name]["notices"]
    assert (result.text is None) == bool(result.problems)


@pytest.mark.parametrize(("name", "kind", "folder"), [("praktijk-compleet.md", "praktijk", "good_practices"),
                                                      ("programma-compleet.md", "programma", "programmas")])
def test_complete_form_becomes_the_expected_file_that_passes_check(name, kind, folder, scratch):
    result = convert(body(name))
    assert result.kind == kind
    expected = next((ISSUES / "uitvoer").glob(f"{Path(name).stem}.*"))
    assert result.text == expected.read_text(encoding="utf-8")
    target = scratch / folder / f"{result.slug}{expected.suffix}"
    target.write_text(result.text, encoding="utf-8")
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert [p.format() for p in catalogue.problems if p.path == target.relative_to(scratch).as_posix()] == []
    assert result.slug in {r.slug for r in (*catalogue.practices, *catalogue.programmes)}


def test_crlf_and_lf_bodies_give_the_same_file():
    crlf = body("programma-compleet.md")
    assert "\r\n" in crlf
    assert convert(crlf).text == convert(crlf.replace("\r\n", "\n")).text


def test_kind_is_detected_and_can_be_forced():
    assert convert(body("praktijk-compleet.md")).kind == "praktijk"
    assert convert(body("programma-compleet.md")).kind == "programma"
    wrong = convert(body("programma-compleet.md"), kind="praktijk")
    assert "Naam van de goede praktijk: dit veld ontbreekt in het issue; gebruik het formulier en laat de kopjes staan" in \
        [p.format() for p in wrong.problems]


@pytest.mark.parametrize("text", ["", "Gewoon een vraag zonder formulier.",
                                  "### Pagina\n\nhttps://example.org/\n\n### Wat klopt er niet?\n\nEen fout."])
def test_a_body_that_is_no_entry_form_is_refused(text):
    assert [p.format() for p in convert(text).problems] == [
        "dit issue is niet gemaakt met het formulier voor een goede praktijk of een programma"]


def test_a_huge_answer_is_refused_with_its_size():
    huge = "x" * 50_000
    text = body("praktijk-compleet.md").replace("Nieuwe sleutelpersonen komen via het netwerk van de huidige groep.", huge)
    assert [p.format() for p in convert(text).problems] == [f"Werving: het antwoord is 50000 tekens lang; het mag hoogstens {TEXT_MAX} tekens zijn"]


def test_a_long_name_and_summary_are_refused():
    text = body("praktijk-compleet.md").replace("Stichting Testvoorbeeld", "S" * 301)
    text = text.replace("Sleutelpersonen in de wijk (testvoorbeeld)", "N" * 121)
    assert [p.format() for p in convert(text).problems] == [
        "Naam van de goede praktijk: het antwoord is 121 tekens lang; het mag hoogstens 120 tekens zijn",
        "Organisatie: het antwoord is 301 tekens lang; het mag hoogstens 300 tekens zijn",
    ]


def test_a_huge_body_is_refused_before_reading_it():
    result = convert(body("praktijk-compleet.md") + "a" * fi.MAX_BODY)
    assert [p.format() for p in result.problems] == [f"het issue is {len(body('praktijk-compleet.md')) + fi.MAX_BODY} tekens lang; "
                                                     f"het mag hoogstens {fi.MAX_BODY} tekens zijn"]


def test_an_empty_dropdown_and_a_typed_heading_inside_an_answer():
    text = body("praktijk-compleet.md").replace("### Vergoeding\n\nVrijwilligersvergoeding", "### Vergoeding\n\nNone")
    text = text.replace("Maak vooraf afspraken", "### Titel van de bron\n\nMaak vooraf afspraken")
    result = convert(text)
    assert [p.format() for p in result.problems] == ["Vergoeding: dit veld is verplicht; kies er minstens één"]


def test_summary_longer_than_the_content_model_allows_is_reported_by_the_check():
    text = body("praktijk-compleet.md").replace(
        "Een verzonnen organisatie voor de tests werkt met acht sleutelpersonen die nieuwkomers wegwijs maken in de wijk.", "z" * 160)
    assert convert(text).problems == ()
    assert [p.format() for p in convert(text.replace("z" * 160, "z" * 161)).problems] == [
        "Samenvatting: het antwoord is 161 tekens lang; het mag hoogstens 160 tekens zijn"]


def test_future_source_date_is_reported_by_the_check_with_the_form_label():
    text = body("praktijk-compleet.md").replace("2026-10-01", "01-01-2030")
    assert [p.format() for p in convert(text).problems] == ["Datum van de bron: '2030-01-01' ligt in de toekomst"]


@pytest.mark.parametrize(("answer", "expected"), [("2021-02-23", "2021-02-23"), ("23-02-2021", "2021-02-23"),
                                                  ("3/9/2025", "2025-09-03"), ("2021-2-3", "2021-02-03")])
def test_dates_in_dutch_order_are_accepted(answer, expected):
    text = body("praktijk-compleet.md").replace("2026-10-01", answer)
    assert f"  datum: {expected}\n" in convert(text).text


def test_impossible_date_is_refused():
    text = body("praktijk-compleet.md").replace("2026-10-01", "31-02-2026")
    assert [p.format() for p in convert(text).problems] == ["Datum van de bron: '31-02-2026' is geen bestaande datum"]


# --- neutralising HTML and Markdown ---------------------------------------------------------

ALLOWED_TAGS = {"p", "ul", "ol", "li", "hr", "code", "em", "strong"}  # plain text, lists and emphasis: nothing that links, loads or runs
HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "![x](https://tracker.example/p.gif)",
    "tekst\n{: onclick=\"alert(1)\" }", "<https://example.org>", "<!-- <script>alert(1)</script> -->", "&lt;script&gt;alert(1)",
    "\\[x\\](javascript:alert(1))", "[x]: javascript:alert(1)\n\n[y][x]", "# kop {: onclick=alert(1) }", "```\n<script>alert(1)</script>",
    "<div markdown=\"1\">*x*</div>", "<sCrIpT\n>alert(1)</script\n>", "x<br/>y", "[^1]\n\n[^1]: voetnoot", "*[HTML]: afkorting\n\nHTML",
    "- [ ] taak", "<a href='javascript:alert(1)'>klik</a>", "<<script>script>alert(1)<</script>/script>", "===\n",
]


def render(text: str) -> str:
    """Render like the site does (same Markdown extensions as mkdocs.yml)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions, configs = [], {}
    for item in config["markdown_extensions"]:
        name = next(iter(item)) if isinstance(item, dict) else item
        extensions.append(name)
        if isinstance(item, dict):
            configs[name] = item[name]
    return markdown.markdown(text, extensions=extensions, extension_configs=configs)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_body_text_renders_as_plain_text_only(hostile):
    cleaned, _ = fi.strip_html(hostile)
    html = render(fi.markdown_text(cleaned))
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= ALLOWED_TAGS, html
    assert not re.search(r"<[a-z]+\s", html), html  # no attributes at all


def test_markdown_text_keeps_paragraphs_and_lists():
    text = "Eerste alinea.\nNog een regel.\n\nWe doen twee dingen:\n- praten\n- luisteren\n\nDe stappen:\n1. een\n2. twee"
    html = render(fi.markdown_text(text))
    assert html.count("<p>") == 3 and "<ul>\n<li>praten</li>" in html and "<ol>\n<li>een</li>" in html


@pytest.mark.parametrize(("raw", "text", "had_html"), [
    ("gewoon", "gewoon", False), ("a <b>vet</b> b", "a vet b", True), ("<script>x</script>rest", "rest", True),
    ("kinderen <12 jaar", "kinderen <12 jaar", False), ("<!-- weg -->", "", True), ("voor <style>p{}</style>na", "voor na", True),
    ("<<b>script>alert(1)<</b>/script>", "", True),
])
def test_strip_html(raw, text, had_html):
    assert fi.strip_html(raw) == (text, had_html)


def test_control_and_direction_characters_are_removed():
    assert fi.normalise("a\u202eb\x00c\td\r\ne") == "abc d\ne"


# --- the command ----------------------------------------------------------------------------

def test_command_writes_the_file_and_says_where(scratch, capsys):
    assert run(scratch, "from-issue", str(ISSUES / "praktijk-compleet.md")) == 0
    path = scratch / "good_practices" / "sleutelpersonen-in-de-wijk-testvoorbeeld.md"
    assert capsys.readouterr().out == "Nieuw bestand: good_practices/sleutelpersonen-in-de-wijk-testvoorbeeld.md\n"
    assert path.read_text(encoding="utf-8").startswith("---\n# yaml-language-server: $schema=../schemas/praktijk.schema.json\n")
    assert run(scratch, "from-issue", str(ISSUES / "praktijk-compleet.md")) == 0  # a second time: a free name
    assert (scratch / "good_practices" / "sleutelpersonen-in-de-wijk-testvoorbeeld-2.md").exists()
    assert run(scratch, "check") == 0


def test_command_reports_problems_in_dutch_and_writes_nothing(scratch, capsys):
    before = sorted(p.name for p in (scratch / "good_practices").iterdir())
    assert run(scratch, "from-issue", str(ISSUES / "praktijk-onvolledig.md")) == 1
    out = capsys.readouterr().out
    assert out.startswith("Dit formulier kan nog niet worden verwerkt. Pas het issue aan (kies 'Edit') en verbeter dit:\n\n")
    assert "- Werkgebied: 'Zwole' is geen gemeente; bedoel je 'Zwolle'?\n" in out
    assert sorted(p.name for p in (scratch / "good_practices").iterdir()) == before


def test_command_output_folder_kind_and_notices(scratch, tmp_path, capsys):
    out = tmp_path / "uit"
    assert run(scratch, "from-issue", str(ISSUES / "praktijk-html.md"), "--kind", "praktijk", "--output", str(out)) == 0
    assert [p.name for p in out.iterdir()] == ["wijkwerk-in-zwolle.md"]
    assert capsys.readouterr().out.endswith("Let op:\n- Naam van de goede praktijk: HTML-code is weggehaald\n"
                                            "- Korte beschrijving: HTML-code is weggehaald\n- Werving: HTML-code is weggehaald\n")


def test_command_reads_standard_input(scratch, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((ISSUES / "programma-compleet.md").read_bytes())))
    assert run(scratch, "from-issue", "-") == 0
    assert (scratch / "programmas" / "testprogramma-voor-buurtvoorlichting.yml").exists()


@pytest.mark.parametrize(("content", "message"), [
    (b"### Naam\n\n\xff\xfe", "de tekst van het issue is geen geldige UTF-8"),
    (b"x" * (fi.MAX_BODY * 4 + 1), f"het issue is te lang; het mag hoogstens {fi.MAX_BODY} tekens zijn"),
])
def test_command_refuses_unreadable_files(content, message, scratch, tmp_path, capsys):
    file = tmp_path / "issue.md"
    file.write_bytes(content)
    assert run(scratch, "from-issue", str(file)) == 1
    assert f"- {message}" in capsys.readouterr().out


def test_command_reports_a_missing_file(scratch, tmp_path, capsys):
    assert run(scratch, "from-issue", str(tmp_path / "bestaat-niet.md")) == 1
    assert "kan niet worden gelezen (No such file or directory)" in capsys.readouterr().out


def test_every_entry_form_question_is_read():
    """Each question of the entry forms reaches the file (so none is silently dropped)."""
    for kind, fixture in (("praktijk", "praktijk-compleet.md"), ("programma", "programma-compleet.md")):
        reading = fi.read_form(body(fixture), FORMS[kind], check_all(Layout(ROOT), today=TODAY).context.vocab)
        answered = {q.label for q in FORMS[kind].questions if q.type != "checkboxes"}
        empty = {line.split("### ")[1] for line, nxt in zip(body(fixture).replace("\r\n", "\n").split("\n\n"),
                                                              body(fixture).replace("\r\n", "\n").split("\n\n")[1:], strict=False)
                 if line.startswith("### ") and nxt.startswith("_No response_")}
        stored = {q.label for q in FORMS[kind].questions
                  if (q.section is not None and q.section in reading.sections)
                  or (q.field and _has(reading.data, q.field))}
        assert answered - empty == stored


def _has(data: dict, path: str) -> bool:
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True
