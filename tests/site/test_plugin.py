"""The mkdocs plugin and the worksheets: their pages and files land in the built site, the guide links them,
and editing a guide's marked part changes the page and both files in the next build, from that one text.
A build lets go of the text of every generated page once it is written."""

from __future__ import annotations

import io
import subprocess
import zipfile

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kennisbank.model.checks import Layout, check_all
from kennisbank.model.worksheets import find_markers

from ..conftest import ROOT, TODAY, run_cli

NAMES = sorted(sheet.name for page in check_all(Layout(ROOT), today=TODAY).pages for sheet in page.worksheets)


def document_text(data: bytes) -> str:
    """All text of an ODT or DOCX file (the XML of its body), for finding a sentence."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml" if "word/document.xml" in archive.namelist() else "content.xml").decode()


@pytest.mark.parametrize("name", NAMES)
def test_each_worksheet_has_a_page_and_both_files_in_the_site(built_site, name):
    folder = built_site / "werkbladen" / name
    assert "<h1" in (folder / "index.html").read_text(encoding="utf-8")
    assert zipfile.ZipFile(folder / f"werkblad-{name}.docx").namelist()
    assert zipfile.ZipFile(folder / f"werkblad-{name}.odt").read("mimetype") == b"application/vnd.oasis.opendocument.text"


def test_the_overview_is_in_the_menu_and_lists_every_worksheet(built_site):
    overview = (built_site / "werkbladen" / "index.html").read_text(encoding="utf-8")
    for name in NAMES:
        assert f'href="{name}/"' in overview
    assert 'href="werkbladen/"' in (built_site / "index.html").read_text(encoding="utf-8")  # the menu


def test_every_guide_links_its_worksheets_and_shows_no_marker(built_site):
    for guide in sorted((ROOT / "content" / "gidsen").glob("*.md")):
        page = (built_site / "gidsen" / guide.stem / "index.html").read_text(encoding="utf-8")
        names = [m.name for m in find_markers(guide.read_text(encoding="utf-8")) if m.keyword == "werkblad"]
        for name in names:
            assert f'<p class="kb-werkblad-link"><strong>Werkblad:</strong> <a href="../../werkbladen/{name}/">' in page
            assert f'href="../../werkbladen/{name}/werkblad-{name}.odt"' in page
            assert f'href="../../werkbladen/{name}/werkblad-{name}.docx"' in page
        assert "///" not in page


OLD = "- [ ] Motivatie is besproken."
NEW = "- [ ] Motivatie en drijfveren zijn besproken, ook wat de sleutelpersoon zelf wil leren."


def tracked_files() -> list[str]:
    """The files in the repository (git), or every file when there is no git."""
    try:
        listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return sorted(p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if p.is_file() and ".venv" not in p.parts)
    return [f for f in listed if f]


def test_the_marked_text_exists_once_in_the_repository():
    """No page, data file or download keeps a second copy of a worksheet: its text is only in its guide (and in this test)."""
    files = tracked_files()
    assert [f for f in files if f.endswith((".odt", ".docx")) or "werkbladen/" in f] == []
    sentence = OLD.removeprefix("- [ ] ").encode()
    holders = [f for f in files if not f.startswith("tests/") and (ROOT / f).is_file() and sentence in (ROOT / f).read_bytes()]
    assert holders == ["content/gidsen/eerste-gesprek.md"]


def test_editing_the_marked_part_changes_page_and_both_files_in_the_next_build(scratch, monkeypatch, tmp_path):
    monkeypatch.setenv("KENNISBANK_CACHE", str(tmp_path / "cache"))
    folder = scratch / "site" / "werkbladen" / "eerste-gesprek"
    assert run_cli(scratch, "build") == 0
    assert OLD.removeprefix("- [ ] ") in (folder / "index.html").read_text(encoding="utf-8")
    guide = scratch / "content" / "gidsen" / "eerste-gesprek.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")

    assert run_cli(scratch, "build") == 0
    sentence = NEW.removeprefix("- [ ] ")
    page = (folder / "index.html").read_text(encoding="utf-8")
    odt = document_text((folder / "werkblad-eerste-gesprek.odt").read_bytes())
    docx = document_text((folder / "werkblad-eerste-gesprek.docx").read_bytes())
    for text in (page, odt, docx):
        assert sentence in text
        assert OLD.removeprefix("- [ ] ") not in text
    leftovers = [p.relative_to(scratch).as_posix() for p in scratch.rglob("*") if p.is_file() and ".cache" not in p.parts
                 and OLD.removeprefix("- [ ] ").encode() in p.read_bytes()]
    assert leftovers == []


def test_a_build_lets_go_of_the_text_of_each_generated_page_once_it_is_written(scratch, monkeypatch, tmp_path):
    """mkdocs would keep every page's Markdown and HTML to the end of the build (memory: BENCHMARK.md)."""
    monkeypatch.setenv("KENNISBANK_CACHE", str(tmp_path / "cache"))
    config = load_config(str(scratch / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    plugin = config.plugins["kennisbank"]
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    pages = {f.src_uri: f.page for f in plugin.files.documentation_pages()}
    generated = [page for uri, page in pages.items() if uri in plugin.generated]
    hand_written = [page for uri, page in pages.items() if uri not in plugin.generated]
    assert len(generated) > 300 and [p.file.src_uri for p in generated if p.content is not None or p.markdown] == []
    assert all(p.title for p in generated)  # mkdocs' Page.title needs page.markdown not to be None
    assert hand_written and all(p.content and p.markdown for p in hand_written)
    slug = check_all(Layout(scratch), today=TODAY).programmes[0].slug
    assert "data-pagefind-body" in (tmp_path / "site" / "programmas" / slug / "index.html").read_text(encoding="utf-8")
