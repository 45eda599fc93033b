"""Every invalid fixture gives exactly its expected messages, on the right lines."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from kennisbank.model import checks
from kennisbank.model.checks import Layout, check_all, slugify
from kennisbank.model.problems import Severity

from ..conftest import ROOT, TODAY
from ..support.repo import copy_repo

FIXTURES = Path(__file__).parents[1] / "fixtures" / "invalid"
EXPECTED: dict[str, list[str]] = yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))
FIXTURE_FILES = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*") if p.is_file() and p.name != "expected.yml")


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
    found = [p.format() for p in catalogue.problems if p.path == fixture]
    assert found == EXPECTED[fixture]


@pytest.mark.parametrize("fixture", [f for f in FIXTURE_FILES if not f.endswith("oud.md")])
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


def test_stale_entry_is_a_warning_not_an_error(scratch):
    shutil.copy(FIXTURES / "good_practices/oud.md", scratch / "good_practices/oud.md")
    catalogue = check_all(Layout(scratch), today=TODAY)
    mine = [p for p in catalogue.problems if p.path == "good_practices/oud.md"]
    assert [p.severity for p in mine] == [Severity.WARNING]
    assert "good_practices/oud.md" in {p.path for p in catalogue.practices}


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
    import json
    import subprocess
    import sys

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
    import os

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


@pytest.mark.parametrize("data_file", [*DATA_FILES, "data"])
def test_a_symlinked_data_file_is_refused_and_never_read(data_file, scratch, tmp_path, monkeypatch):
    import os

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
    problems = [p.format() for p in check_all(Layout(scratch), today=TODAY).problems]
    assert [p for p in problems if p.startswith(f"{data_file}:")] == [f"{data_file}:1: {SYMLINK}"]
    assert not any("hunter2" in p or "geheim" in p or "HOME" in p for p in problems)
    assert not [f for f in opened if f == secret or secret in f.parents]


@pytest.mark.parametrize("data_file", ["data/vocabulaire.yml", "data/gemeenten.csv", "data/voormalige_gemeenten.csv"])
def test_a_missing_data_file_is_named(data_file, scratch):
    (scratch / data_file).unlink()
    assert [p.format() for p in check_all(Layout(scratch), today=TODAY).problems] == [
        f"{data_file}:1: dit bestand ontbreekt, en de kennisbank heeft het nodig; zet het terug, bijvoorbeeld met 'git checkout -- {data_file}'"]


def test_a_pipe_is_refused_without_hanging(scratch):
    import os

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


def test_a_tool_checks_against_the_day_it_is_given():
    assert checks.make_context(Layout(ROOT), dt.date(2030, 1, 2)).today == dt.date(2030, 1, 2)
