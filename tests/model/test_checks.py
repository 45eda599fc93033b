"""Every invalid fixture gives exactly its expected messages, on the right lines."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kennisbank.model import checks
from kennisbank.model.checks import Layout, check_all, slugify
from kennisbank.model.loading import MAX_BYTES, Source
from kennisbank.model.problems import Problem, Severity

from ..conftest import ROOT, TODAY
from ..support.repo import copy_repo

FIXTURES = Path(__file__).parents[1] / "fixtures" / "invalid"
EXPECTED: dict[str, list[str]] = yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))
FIXTURE_FILES = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*") if p.is_file() and p.name != "expected.yml")
#: Fixtures that only warn (not checked for over 12 months): they are still published.
WARNINGS_ONLY = ("content/gidsen/oud.md", "good_practices/oud.md", "programmas/oud.yml")


def test_every_fixture_has_expectations():
    assert sorted(EXPECTED) == FIXTURE_FILES


@pytest.fixture(scope="module")
def shared_repo(tmp_path_factory) -> tuple[Path, checks.CheckMemo]:
    """One copy of the repository for the fixture tests, and the memo of its last check.

    Each test puts its one fixture in, checks, and takes it out again (restoring a file it replaced). With
    the memo, a check reads only the files that changed since the last one: the fixture (and, after a data
    fixture, everything); the result is the same as a fresh check's (``test_a_memo_reads_only_changed_files…``).
    """
    return copy_repo(tmp_path_factory.mktemp("fixtures") / "repo"), checks.CheckMemo()


def check_with_fixture(shared_repo: tuple[Path, checks.CheckMemo], fixture: str) -> checks.Catalogue:
    """The catalogue of the shared repository with ``fixture`` added, or in place of the file it replaces."""
    repo, memo = shared_repo
    target = repo / fixture
    original = target.read_bytes() if target.exists() else None
    shutil.copy(FIXTURES / fixture, target)
    try:
        return check_all(Layout(repo), today=TODAY, memo=memo)
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)


@pytest.mark.parametrize("fixture", FIXTURE_FILES)
def test_invalid_fixture_reports_exact_problems(fixture, shared_repo):
    catalogue = check_with_fixture(shared_repo, fixture)
    mine = [p for p in catalogue.problems if p.path == fixture]
    assert [p.format() for p in mine] == EXPECTED[fixture]
    # A problem without a field has "" there, not None: problems of one line sort by field (None and str do not compare).
    assert all(type(p.line) is int and p.line >= 1 and type(p.field) is str for p in mine)


@pytest.mark.parametrize("fixture", [f for f in FIXTURE_FILES if f not in WARNINGS_ONLY])
def test_invalid_fixture_is_not_published(fixture, shared_repo):
    catalogue = check_with_fixture(shared_repo, fixture)
    paths = {r.path for r in (*catalogue.pages, *catalogue.practices, *catalogue.programmes, *catalogue.stories)}
    assert fixture not in paths


def test_the_shared_repository_is_the_real_one_again_after_a_fixture(shared_repo):
    repo, memo = shared_repo
    for fixture in ("data/gemeenten.csv", "good_practices/bergen.md"):
        check_with_fixture(shared_repo, fixture)
    fresh, real = check_all(Layout(repo), today=TODAY, memo=memo), check_all(Layout(ROOT), today=TODAY)
    assert fresh.problems == real.problems
    assert [p.slug for p in fresh.practices] == [p.slug for p in real.practices]


@pytest.mark.parametrize("fixture", WARNINGS_ONLY)
def test_stale_entry_is_a_warning_not_an_error(fixture, shared_repo):
    catalogue = check_with_fixture(shared_repo, fixture)
    mine = [p for p in catalogue.problems if p.path == fixture]
    assert [p.severity for p in mine] == [Severity.WARNING]
    assert fixture in {p.path for p in (*catalogue.pages, *catalogue.practices, *catalogue.programmes)}


@pytest.mark.parametrize(("checked", "warned"), [(dt.date(2025, 12, 1), False), (dt.date(2025, 11, 30), True)])
def test_an_entry_is_stale_only_after_more_than_twelve_months(checked, warned):
    source = Source("programmas/x.yml", {"laatst_geverifieerd": checked.isoformat()}, {"laatst_geverifieerd": 4})
    ctx = checks.make_context(Layout(ROOT), TODAY)
    assert bool(list(checks.rule_fresh(source, "laatst_geverifieerd", ctx))) is warned


def test_all_problems_are_reported_at_once(scratch):
    for fixture in ("good_practices/onbekend-thema.md", "good_practices/toekomst.md", "programmas/mobiel.yml"):
        shutil.copy(FIXTURES / fixture, scratch / fixture)
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert {p.path for p in catalogue.problems if p.severity is Severity.ERROR} == {
        "good_practices/onbekend-thema.md", "good_practices/toekomst.md", "programmas/mobiel.yml"}


def test_duplicate_slug_in_subfolder(scratch):
    (scratch / "good_practices" / "regio").mkdir()
    shutil.copy(scratch / "good_practices" / "fsan.md", scratch / "good_practices" / "regio" / "fsan.md")
    catalogue = check_all(Layout(scratch), today=TODAY)
    mine = [p.format() for p in catalogue.problems if p.path == "good_practices/regio/fsan.md" and p.severity is Severity.ERROR]
    assert mine == [
        "good_practices/regio/fsan.md:1: er is al een goede praktijk met de naam 'fsan' (good_practices/fsan.md); "
        "kies een andere bestandsnaam"
    ]


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Versa Welzijn (Hilversum)", "versa-welzijn-hilversum"), ("Súdwest-Fryslân", "sudwest-fryslan"), ("  ", "")],
)
def test_slugify(title, slug):
    assert slugify(title) == slug


def _records(catalogue):
    """A catalogue without its context (vocabularies and gazetteer, which do not compare by value)."""
    return dataclasses.replace(catalogue, context=None)


def test_a_memo_reads_only_changed_files_and_gives_the_same_catalogue(scratch, monkeypatch):
    shutil.copy(FIXTURES / "good_practices" / "kapotte-yaml.md", scratch / "good_practices")  # cannot be read: no source
    memo = checks.CheckMemo()
    first = check_all(Layout(scratch), today=TODAY, memo=memo)
    assert _records(first) == _records(check_all(Layout(scratch), today=TODAY))
    read = []
    real = checks.read_source
    monkeypatch.setattr(checks, "read_source", lambda file, root: (read.append(file.name), real(file, root))[1])
    again = check_all(Layout(scratch), today=TODAY, memo=memo)
    assert read == [] and _records(again) == _records(first)
    assert all(a is b for a, b in zip(again.practices, first.practices, strict=True))  # the same record objects
    practice = scratch / "good_practices" / "fsan.md"
    practice.write_text(practice.read_text(encoding="utf-8").replace("FSAN werkt sinds 2004", "FSAN werkt al sinds 2004"), encoding="utf-8")
    (scratch / "good_practices" / "tvcn.md").unlink()
    third = check_all(Layout(scratch), today=TODAY, memo=memo)
    assert read == ["fsan.md"]
    assert _records(third) == _records(check_all(Layout(scratch), today=TODAY))
    assert "tvcn" not in {p.slug for p in third.practices}
    assert next(p.summary for p in third.practices if p.slug == "fsan").startswith("FSAN werkt al sinds 2004")
    assert third.context is first.context
    vocabulary = scratch / "data" / "vocabulaire.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    read.clear()
    fourth = check_all(Layout(scratch), today=TODAY, memo=memo)
    assert fourth.context is not first.context and len(read) > len(first.practices)  # data changed: everything read again


# --- hostile files: bounded time and memory, symlinks, special files (issue 13) ---------------

PRACTICE_HEAD = (FIXTURES / "good_practices" / "mobiel-in-tekst.md").read_text(encoding="utf-8").split("\n# ", 1)[0] + "\n# Voorbeeldpraktijk\n\n"
GUIDE_HEAD = (ROOT / "content" / "gidsen" / "eerste-gesprek.md").read_text(encoding="utf-8").split("\n# ", 1)[0] + "\n# Het eerste gesprek\n\n"
MB = 1_000_000


def _fill(unit: str, size: int = MB - 2_000) -> str:
    return (unit * (size // len(unit) + 1))[:size]


HOSTILE = {
    "lange-regel-adres.md": PRACTICE_HEAD + _fill("a."),
    "adressen.md": PRACTICE_HEAD + _fill("a.b@c.d&#64;%40 "),
    "cijfers.md": PRACTICE_HEAD + _fill("06 1(2)3-4.5/6 +31 0031 "),
    "html.md": PRACTICE_HEAD + _fill("<<a <!-- [x](javascript:{ "),
    "backticks.md": PRACTICE_HEAD + _fill("`a`` ```b "),
    "koppen.md": PRACTICE_HEAD + _fill("## Werving\n"),
    "diep.yml": "naam: " + _fill("["),
    "ankers.yml": "a: &a [x]\n" + "".join(f"k{i}: [*a, *a, *a, *a]\n" for i in range(40_000)),
    "velden.yml": "".join(f"veld{i}: waarde\n" for i in range(55_000)),
    "tekst.yml": 'hoe_inzetten: "' + _fill("tekst 06 ") + '"\n',
    # Guides (content/gidsen/) have rules of their own: worksheet markers, facts, the summary box.
    "gids-werkbladen-open.md": GUIDE_HEAD + _fill('/// werkblad: a "T"\n'),
    "gids-werkbladen-genest.md": GUIDE_HEAD + _fill('/// werkblad: a-b "T"\n- [ ] x\n'),
    "gids-blokken-open.md": GUIDE_HEAD + _fill("/// onbekend\n"),
    "gids-werkbladen.md": GUIDE_HEAD + _fill('/// werkblad: a "T"\n- [ ] x\n///\n'),
    "gids-feiten.md": GUIDE_HEAD + _fill("[[feit:vrijwilligersvergoeding-per-uur]] [[feit:x "),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_of_1_mb_is_checked_in_bounded_time_and_memory(name, scratch):
    folder = "content/gidsen" if name.startswith("gids-") else "good_practices" if name.endswith(".md") else "programmas"
    (scratch / folder / name).write_text(HOSTILE[name], encoding="utf-8")
    assert (scratch / folder / name).stat().st_size <= MB
    # CPU time of the check, not wall-clock time: on a shared machine, waiting for a free core is not the check's cost.
    probe = ("import json, resource, sys, time, io, contextlib\n"
             "from kennisbank.tools import cli\n"
             "start = time.process_time(); out = io.StringIO()\n"
             "with contextlib.redirect_stdout(out): code = cli.main(['check'])\n"
             "print(json.dumps({'code': code, 'seconds': time.process_time() - start, 'out': out.getvalue(),\n"
             "                  'mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=scratch, capture_output=True, text=True, timeout=120, check=False)
    assert result.stderr == ""
    figures = json.loads(result.stdout)
    assert figures["code"] == 1
    assert f"{folder}/{name}:" in figures["out"]
    assert figures["seconds"] < 5, figures["seconds"]
    assert figures["mb"] < 500, figures["mb"]


def test_a_symlink_is_refused_and_its_target_never_read(scratch, tmp_path):
    secret = tmp_path / "geheim.yml"
    secret.write_text("GEHEIM_WACHTWOORD: hunter2\nwerkgebied: [Geheimstad]\n", encoding="utf-8")
    os.symlink(secret, scratch / "programmas" / "koppeling.yml")
    os.symlink(tmp_path, scratch / "content" / "map")
    os.symlink(secret, scratch / "data" / "extra.yml")
    catalogue = check_all(Layout(scratch), today=TODAY)
    mine = [p.format() for p in catalogue.problems if "koppeling" in p.path or p.path in ("content/map", "data/extra.yml")]
    message = ("dit is een symbolische koppeling (symlink); de kennisbank leest alleen gewone bestanden en mappen. "
               "Zet het bestand zelf hier neer")
    assert mine == [f"content/map:1: {message}", f"data/extra.yml:1: {message}", f"programmas/koppeling.yml:1: {message}"]
    assert not any("GEHEIM" in p.format() or "hunter2" in p.format() or "Geheimstad" in p.format() for p in catalogue.problems)


DATA_FILES = ("data/vocabulaire.yml", "data/gemeenten.csv", "data/voormalige_gemeenten.csv", "data/feiten.yml", "content/verhalen/.authors.yml")
SYMLINK = ("dit is een symbolische koppeling (symlink); de kennisbank leest alleen gewone bestanden en mappen. "
           "Zet het bestand zelf hier neer")


@pytest.mark.parametrize("with_memo", [False, True])  # as `kennisbank check`, and as `kennisbank serve` checks
@pytest.mark.parametrize("data_file", [*DATA_FILES, "data"])
def test_a_symlinked_data_file_is_refused_and_never_read(data_file, with_memo, scratch, tmp_path, monkeypatch):
    secret = tmp_path / "geheim"
    if data_file == "data":
        shutil.copytree(scratch / "data", secret)
        (secret / "feiten.yml").write_text("geheim-wachtwoord:\n  waarden: hunter2\n", encoding="utf-8")
        shutil.rmtree(scratch / "data")
    else:
        secret.write_text("HOME = .\ngeheim-wachtwoord:\n  waarden: hunter2\n", encoding="utf-8")
        (scratch / data_file).unlink()
    os.symlink(secret, scratch / data_file)
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self.resolve()) or real_open(self, *a, **k))
    problems = [p.format() for p in check_all(Layout(scratch), today=TODAY, memo=checks.CheckMemo() if with_memo else None).problems]
    assert [p for p in problems if p.startswith(f"{data_file}:")] == [f"{data_file}:1: {SYMLINK}"]
    assert not any("hunter2" in p or "geheim" in p or "HOME" in p for p in problems)
    assert not [f for f in opened if f == secret or secret in f.parents]


@pytest.mark.parametrize("data_file", ["data/vocabulaire.yml", "data/gemeenten.csv", "data/voormalige_gemeenten.csv"])
def test_a_missing_data_file_is_named(data_file, scratch):
    (scratch / data_file).unlink()
    assert [p.format() for p in check_all(Layout(scratch), today=TODAY).problems] == [
        f"{data_file}:1: dit bestand ontbreekt, en de kennisbank heeft het nodig; zet het terug, bijvoorbeeld met 'git checkout -- {data_file}'"]


def test_a_pipe_is_refused_without_hanging(scratch):
    os.mkfifo(scratch / "good_practices" / "pijp.md")
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert [p.format() for p in catalogue.problems if p.path == "good_practices/pijp.md"] == [
        "good_practices/pijp.md:1: dit is geen gewoon bestand (maar bijvoorbeeld een pipe of een apparaat); haal het weg"]


def test_a_readme_in_content_is_a_page_and_checked(scratch):
    (scratch / "content" / "gidsen" / "README.md").write_text("# Lees mij\n\n<script>alert(1)</script>\n", encoding="utf-8")
    problems = [p.format() for p in check_all(Layout(scratch), today=TODAY).problems if p.path == "content/gidsen/README.md"]
    assert problems and problems[0].startswith("content/gidsen/README.md:1: geen front matter gevonden")


def test_an_error_in_a_programme_does_not_say_it_does_not_exist(scratch):
    shutil.copy(FIXTURES / "programmas" / "mobiel.yml", scratch / "programmas" / "mobiel.yml")
    practice = scratch / "good_practices" / "fsan.md"
    practice.write_text(practice.read_text(encoding="utf-8").replace("programma: fsan-vrouwenbesnijdenis", "programma: mobiel"), encoding="utf-8")
    assert "programma: mobiel" in practice.read_text(encoding="utf-8")
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert [p.path for p in catalogue.problems if p.severity is Severity.ERROR] == ["programmas/mobiel.yml"]
    (scratch / "programmas" / "mobiel.yml").unlink()
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert any("het programma 'mobiel' bestaat niet" in p.message for p in catalogue.problems if p.path == "good_practices/fsan.md")


@pytest.mark.parametrize(("field", "unfilled", "within"), [
    ("titel", {"titel"}, True),
    ("bronnen[0].titel", {"bronnen"}, True),  # a problem below a field that still holds the template's text
    ("contact.email", {"contact"}, True),
    ("bronnen", {"bronnen[0].titel"}, True),  # and above one
    ("contact", {"contact.email"}, True),
    ("bronnenlijst", {"bronnen"}, False),
    ("bronnen", {"bronnenlijst"}, False),
    ("titel", {"bronnen", "contact.email"}, False),
    ("titel", set(), False),
])
def test_a_schema_problem_above_or_below_a_field_not_filled_in_is_left_out(field, unfilled, within):
    assert checks._within(field, unfilled) is within


def test_a_tool_gets_every_problem_of_the_data_files_sorted_as_its_error(tmp_path):
    repo = copy_repo(tmp_path / "repo", content=False)
    (repo / "data" / "vocabulaire.yml").write_text("rollen: [\n", encoding="utf-8")
    (repo / "data" / "gemeenten.csv").write_text("code\n", encoding="utf-8")
    with pytest.raises(checks.DataError) as raised:
        checks.make_context(Layout(repo), TODAY)
    assert str(raised.value).split("\n") == [
        "data/gemeenten.csv:1: de kop mist de kolommen naam, provincie, lat, lon, aliassen; de eerste regel moet zijn: "
        "code,naam,provincie,lat,lon,aliassen",
        "data/vocabulaire.yml:2: ongeldige YAML: expected the node content, but found '<stream end>'"]


def test_a_memo_checks_against_the_day_it_is_given_every_time(scratch):
    memo, later = checks.CheckMemo(), dt.date(2040, 1, 2)  # later: everything is stale
    for today in (TODAY, later, TODAY):
        with_memo = check_all(Layout(scratch), today=today, memo=memo)
        assert with_memo.context.today == today
        assert with_memo.problems == check_all(Layout(scratch), today=today).problems


def test_checking_is_against_the_day_it_is_given():
    ctx, _ = checks.checking_context(Layout(ROOT), dt.date(2040, 1, 2))
    assert ctx.today == dt.date(2040, 1, 2)


@pytest.mark.parametrize("folder", ["good_practices", "programmas"])
def test_a_readme_in_a_source_folder_is_not_a_source(scratch, folder):
    before = check_all(Layout(scratch), today=TODAY)
    (scratch / folder / "README.md").write_text("# Uitleg\n\nVoor wie hier iets toevoegt.\n", encoding="utf-8")
    after = check_all(Layout(scratch), today=TODAY)
    assert after.problems == before.problems
    assert [p.slug for p in after.practices] == [p.slug for p in before.practices]


def test_an_svg_over_the_size_limit_is_refused_without_reading_it(scratch, monkeypatch):
    big = scratch / "content" / "groot.svg"
    with big.open("wb") as file:
        file.truncate(MAX_BYTES + 1)
    monkeypatch.setattr(checks, "svg_problems", lambda data: pytest.fail("the SVG was read"))
    assert checks.content_file_problems([big], Layout(scratch)) == [
        Problem("content/groot.svg", 1, "", "het bestand is groter dan 1 MB; maak de afbeelding kleiner")]


@pytest.mark.parametrize(("count", "twice", "last"), [
    (150, 0, "en nog 50 andere problemen in dit bestand; verbeter eerst deze"),
    (101, 0, "en nog 1 andere problemen in dit bestand; verbeter eerst deze"),
    (100, 5, None),  # 105 problems, but only 100 different ones: nothing more to count
])
def test_problems_beyond_the_cap_are_counted_in_one_line(count, twice, last):
    problems = [Problem("a.md", line, "", "kapot") for line in range(1, count + 1)]
    capped = checks._capped([*problems, *problems[:twice]])
    assert capped[:checks.MAX_PROBLEMS_PER_FILE] == problems[:checks.MAX_PROBLEMS_PER_FILE]
    assert capped[checks.MAX_PROBLEMS_PER_FILE:] == ([Problem("a.md", 100, "", last)] if last else [])


@dataclasses.dataclass
class _Linking:
    path: str
    programme: str


@pytest.mark.parametrize(("programme", "programmes", "lines", "message"), [
    ("fsan", ["fsan"], {}, None),
    ("", ["fsan"], {}, None),
    ("fsam", ["fsan", "tvcn"], {"p.md": 7}, "p.md:7: programma: het programma 'fsam' bestaat niet; bedoel je 'fsan'?"),
    ("zzz", ["tvcn", "fsan", "fsan"], {}, "p.md:1: programma: het programma 'zzz' bestaat niet; bestaande programma's: fsan, tvcn"),
    ("zzz", [], {}, "p.md:1: programma: het programma 'zzz' bestaat niet"),
])
def test_a_practice_links_only_to_a_programme_that_exists(programme, programmes, lines, message):
    found = [p.format() for p in checks.rule_programme_links([_Linking("p.md", programme)], programmes, lines)]
    assert found == ([message] if message else [])


def test_a_tool_checks_against_the_day_it_is_given():
    assert checks.make_context(Layout(ROOT), dt.date(2030, 1, 2)).today == dt.date(2030, 1, 2)


# --- rules over one source, at their edges ------------------------------------------------------

@pytest.fixture(scope="module")
def ctx():
    return checks.make_context(Layout(ROOT), TODAY)


def test_a_file_name_without_any_letter_gets_an_example_name():
    assert list(checks.rule_file_name(Source("good_practices/€€.md", {}))) == [
        (1, "", "de bestandsnaam '€€' mag alleen kleine letters, cijfers en streepjes bevatten; hernoem het bestand naar 'naam.md'")]


@pytest.mark.parametrize("fence", ["```", "~~~", "  ```"])
def test_a_heading_in_a_code_block_is_no_heading(fence):
    body = f"# Kop\n\n{fence}\n# Geen kop\n{fence.strip()}\n\n# Tweede kop\n"
    assert checks._headings(Source("x.md", {}, body=body, body_line=5), 1) == [(5, "Kop"), (11, "Tweede kop")]


SECTIONS = ("Werving", "Selectie", "Training", "Begeleiding", "Waardering", "Lessen")


def _practice(sections: dict[str, str], tail: str = "\n") -> Source:
    body = "# Voorbeeld\n\n" + "".join(f"## {name}\n{text}\n" for name, text in sections.items())
    return Source("p.md", {}, body=body.rstrip("\n") + tail, body_line=3)


@pytest.mark.parametrize(("sections", "tail", "expected"), [
    ({name: "Tekst." for name in SECTIONS}, "\n", []),  # text right below each heading
    ({**{name: "Tekst." for name in SECTIONS}, "Waardering": ""}, "\n", [
        (13, "", "de sectie '## Waardering' is leeg; schrijf 'De bron zegt hier niets over.' als dat zo is")]),  # the one before the last
    ({name: "Tekst." for name in SECTIONS[:-1]}, "\n\n\n", [
        (14, "", "de sectie '## Lessen' ontbreekt; verplicht zijn: Werving, Selectie, Training, Begeleiding, Waardering, Lessen")]),
    ({name: "Tekst." for name in SECTIONS[:-1]}, "\n   \n", [
        (15, "", "de sectie '## Lessen' ontbreekt; verplicht zijn: Werving, Selectie, Training, Begeleiding, Waardering, Lessen")]),
])
def test_the_sections_of_a_practice_on_their_lines(sections, tail, expected):
    assert list(checks.rule_practice_sections(_practice(sections, tail))) == expected


def _running(sources, period=None) -> Source:
    data = {"status": "lopend", "bronnen": sources, **({"periode": period} if period else {})}
    return Source("programmas/x.yml", data, {"status": 7})


SINCE = (TODAY - checks.RECENT).isoformat()


@pytest.mark.parametrize(("source", "expected"), [
    (_running([{"datum": SINCE}]), []),  # exactly 24 months old: still recent
    (_running([{"datum": "2020-01-01"}]), [
        (7, "status", f"'lopend' kan alleen als een bron van na {SINCE} zegt dat het loopt (de nieuwste bron is van 2020-01-01); "
                      "zet de status op 'onbekend', of voeg zo'n bron toe")]),
    (_running([{"titel": "zonder datum"}]), [
        (7, "status", f"'lopend' kan alleen als een bron van na {SINCE} zegt dat het loopt (geen bron noemt een datum); "
                      "zet de status op 'onbekend', of voeg zo'n bron toe")]),
    (_running(3), [  # no list: the schema says so; this rule only says that no source has a date
        (7, "status", f"'lopend' kan alleen als een bron van na {SINCE} zegt dat het loopt (geen bron noemt een datum); "
                      "zet de status op 'onbekend', of voeg zo'n bron toe")]),
    (_running([{"datum": "2026-01-01"}], {"eind": TODAY.isoformat()}), []),  # the period ends today: it still runs
])
def test_running_needs_a_recent_source_and_a_period_not_yet_over(source, expected, ctx):
    assert list(checks.rule_running_needs_recent_source(source, ctx)) == expected


def test_templates_and_dot_folders_in_content_are_not_published(scratch):
    for folder in ("templates", ".concept"):
        (scratch / "content" / folder).mkdir(exist_ok=True)
        (scratch / "content" / folder / "los.md").write_text("geen front matter\n", encoding="utf-8")
        (scratch / "content" / folder / "los.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert [p for p in catalogue.problems if "templates/" in p.path or ".concept/" in p.path] == []


def test_data_that_cannot_be_used_still_gives_a_context_that_can_be_asked(scratch):
    (scratch / "data" / "gemeenten.csv").write_text("code\n", encoding="utf-8")
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert catalogue.programmes == () and catalogue.context.gazetteer.lookup("Utrecht") is None


def test_duplicate_programme_in_subfolder(scratch):
    (scratch / "programmas" / "regio").mkdir()
    shutil.copy(scratch / "programmas" / "fsan-vrouwenbesnijdenis.yml", scratch / "programmas" / "regio" / "fsan-vrouwenbesnijdenis.yml")
    mine = [p.format() for p in check_all(Layout(scratch), today=TODAY).problems if p.path == "programmas/regio/fsan-vrouwenbesnijdenis.yml"]
    assert mine == ["programmas/regio/fsan-vrouwenbesnijdenis.yml:1: er is al een programma met de naam 'fsan-vrouwenbesnijdenis' "
                    "(programmas/fsan-vrouwenbesnijdenis.yml); kies een andere bestandsnaam"]
