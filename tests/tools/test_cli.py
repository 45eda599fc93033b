"""The kennisbank command: new, check, build (and the untouched site on failure)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from kennisbank.contribute import new
from kennisbank.model.checks import Layout, check_all
from kennisbank.model.problems import Severity
from kennisbank.site import project

from ..conftest import run_cli as run

FILLED = {
    "samenvatting": '"Een korte samenvatting van deze test."',
    "organisatie": '"Testorganisatie"',
    "werkgebied": "[Súdwest-Fryslân]",
    "themas": "[werving]",
    "rollen": "[helper]",
    "doelgroepen": "[eritrees]",
    "vergoeding": "vrijwilligersvergoeding",
    "website": '"https://example.org"',
    "titel": '"Testbron"',
    "uitgever": '"Testuitgever"',
    "datum": "2026-01-15",
    "url": '"https://example.org/bron"',
    "status": "onbekend",
    "start": "2019",
}


def fill(text: str) -> str:
    """Replace every 'VUL IN' placeholder the way a contributor would."""
    lines = []
    for line in text.split("\n"):
        match = re.match(r"^(\s*-?\s*)(\w+): .*VUL IN.*$", line)
        if match and match.group(2) in FILLED:
            line = f"{match.group(1)}{match.group(2)}: {FILLED[match.group(2)]}"
        elif "VUL IN" in line:
            line = line.replace("VUL IN: drie tot vijf korte punten", "Een punt.").replace("VUL IN: ", "").replace("VUL IN", "Tekst")
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize(("kind", "folder", "suffix"), [("praktijk", "good_practices", ".md"),
                                                         ("programma", "programmas", ".yml"),
                                                         ("gids", "content/gidsen", ".md")])
def test_new_file_fails_until_filled_then_passes(kind, folder, suffix, scratch):
    assert run(scratch, "new", kind, "Nieuw: \"Buurt\" & co") == 0
    path = scratch / folder / f"nieuw-buurt-co{suffix}"
    assert path.exists()
    rel = path.relative_to(scratch).as_posix()
    before = [p for p in check_all(Layout(scratch)).problems if p.path == rel and p.severity is Severity.ERROR]
    assert before and all("VUL IN" in p.message for p in before)
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    after = [p.format() for p in check_all(Layout(scratch)).problems if p.path == rel]
    assert after == []


def test_new_picks_a_free_name(scratch):
    assert run(scratch, "new", "praktijk", "FSAN") == 0
    assert (scratch / "good_practices" / "fsan-2.md").exists()
    assert (scratch / "good_practices" / "fsan.md").read_text(encoding="utf-8").startswith("---\ntitel: \"Landelijk")


def test_check_exit_codes(scratch, capsys):
    assert run(scratch, "check") == 0
    facts = scratch / "data" / "feiten.yml"
    if "tot: 2025-12-31" in facts.read_text(encoding="utf-8"):  # the newest known amounts held for 2025: a warning now
        assert run(scratch, "check", "--strict") == 1
        facts.write_text(facts.read_text(encoding="utf-8").replace("      tot: 2025-12-31\n", ""), encoding="utf-8")
    assert run(scratch, "check", "--strict") == 0
    fsan = scratch / "good_practices" / "fsan.md"
    fsan.write_text(fsan.read_text(encoding="utf-8").replace("laatst_geverifieerd: 2026-12-01", "laatst_geverifieerd: 2024-01-01"), encoding="utf-8")
    assert run(scratch, "check") == 0
    assert run(scratch, "check", "--strict") == 1  # checked more than twelve months ago: a warning
    (scratch / "good_practices" / "kapot.md").write_text("---\ntitel: [\n---\n", encoding="utf-8")
    assert run(scratch, "check") == 1
    out = capsys.readouterr().out
    assert "good_practices/kapot.md:2: ongeldige YAML" in out
    assert re.search(r"^1 fout, 1 waarschuwing\.$", out, re.MULTILINE)


def test_build_swaps_in_a_new_site_and_leaves_no_staging(scratch):
    assert run(scratch, "build") == 0
    assert (scratch / "site" / "praktijken" / "fsan" / "index.html").exists()
    assert (scratch / "site" / "pagefind" / "pagefind.js").exists()
    assert [p.name for p in scratch.iterdir() if p.name.startswith((".site", "site."))] == []


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("breakage", ["invalid-source", "broken-link", "unclosed-worksheet"])
def test_failed_build_leaves_previous_site_untouched(breakage, scratch):
    site = scratch / "site"
    (site / "sub").mkdir(parents=True)
    (site / "index.html").write_text("vorige versie", encoding="utf-8")
    (site / "sub" / "x.css").write_text("body{}", encoding="utf-8")
    before = snapshot(site)
    if breakage == "invalid-source":  # caught by the checks, before mkdocs runs
        (scratch / "good_practices" / "fsan.md").write_text("", encoding="utf-8")
    elif breakage == "unclosed-worksheet":  # also caught by the checks: a marked part without its last line
        guide = scratch / "content" / "gidsen" / "eerste-gesprek.md"
        guide.write_text(guide.read_text(encoding="utf-8").replace("evaluatie.\n///\n", "evaluatie.\n"), encoding="utf-8")
    else:  # caught by mkdocs in strict mode, after building has started
        page = scratch / "content" / "over.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[kapot](bestaat-niet.md)\n", encoding="utf-8")
    assert run(scratch, "build") == 1
    assert snapshot(site) == before
    assert [p.name for p in scratch.iterdir() if p.name.startswith(".site")] == []


def test_swap_in_replaces_target(tmp_path):
    old, new = tmp_path / "site", tmp_path / "new"
    old.mkdir()
    (old / "a").write_text("oud")
    new.mkdir()
    (new / "b").write_text("nieuw")
    project.swap_in(new, old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (old / "b").read_text() == "nieuw"


def test_schemas_on_disk_match_the_schema(root, empty_repo):
    shutil.rmtree(empty_repo / "schemas")
    assert run(empty_repo, "schemas") == 0
    for file in (root / "schemas").glob("*.json"):
        assert (empty_repo / "schemas" / file.name).read_text(encoding="utf-8") == file.read_text(encoding="utf-8"), \
            f"schemas/{file.name} is verouderd: draai 'kennisbank schemas'"


def test_readability_report_prints_a_line_per_page_and_never_fails(scratch, capsys):
    assert run(scratch, "leesbaarheid") == 0
    out = capsys.readouterr().out
    guides = sorted((scratch / "content" / "gidsen").glob("*.md"))
    assert guides and all(f"content/gidsen/{g.name}" in out for g in guides)
    assert "good_practices/fsan.md" in out
    assert "gemiddelde" in out


@pytest.mark.parametrize(("kind", "folder", "suffix"), [("praktijk", "good_practices", ".md"),
                                                         ("programma", "programmas", ".yml"),
                                                         ("gids", "content/gidsen", ".md")])
def test_new_file_names_its_schema_for_editors(kind, folder, suffix, root):
    """The yaml-language-server line points, from where the file is written, to the right schema."""
    text = new.render_template(kind, "Titel", dt.date(2026, 11, 29))
    match = re.search(r"^# yaml-language-server: \$schema=(\S+)$", text, re.MULTILINE)
    assert match, "geen yaml-language-server-regel"
    target = (root / folder / match.group(1)).resolve()
    assert target == root / "schemas" / f"{kind}.schema.json" and target.exists()


def test_new_with_a_very_long_title_shortens_the_file_name_and_says_so(scratch, capsys):
    title = " ".join(f"woord{i}" for i in range(60))
    assert run(scratch, "new", "praktijk", title) == 0
    out = capsys.readouterr().out
    created = [p for p in (scratch / "good_practices").glob("woord0-*.md")]
    assert len(created) == 1 and len(created[0].stem) <= new.MAX_SLUG
    assert out.startswith(f"good_practices/{created[0].name}:5: titel: de titel is 60 woorden lang; de bestandsnaam is ingekort")
    assert run(scratch, "new", "programma", title) == 0 and run(scratch, "new", "gids", title) == 0
