"""Rendering in several processes makes the same site as one process, and fails the same way."""

from __future__ import annotations

import copy
import dataclasses
import logging
import os
import shutil
import zlib
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kennisbank.model.checks import Layout, check_all
from kennisbank.pages.assemble import generate_all
from kennisbank.pages.common import Site
from kennisbank.site import parallel, plugin, searchindex
from kennisbank.site.parallel import PartFile, Share
from kennisbank.site.project import check_and_build
from kennisbank.tools.synthetic import make_repo

from ..conftest import ROOT, TODAY, run_cli


def use_processes(repo: Path, count: int) -> None:
    """Set the plugin's render_processes in the repository's mkdocs.yml."""
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - kennisbank\n" in text
    config.write_text(text.replace("\n  - kennisbank\n", f"\n  - kennisbank:\n      render_processes: {count}\n"), encoding="utf-8")


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def two_builds(scratch, tmp_path):
    """The scratch repository built by `kennisbank build` with one process and with two."""
    one = tmp_path / "een"
    two = tmp_path / "twee"
    for count, target in ((1, one), (2, two)):
        copy = tmp_path / f"repo-{count}"
        shutil.copytree(scratch, copy, symlinks=True)  # a copy, not links: a build refuses symlinked sources
        use_processes(copy, count)
        assert check_and_build(copy, target, strict=False) == 0
    return one, two


def test_two_processes_make_the_same_site_byte_for_byte(two_builds):
    """Every file, except the parts of Pagefind's index that differ between two runs on one site."""
    one, two = (files_of(site) for site in two_builds)
    # Pagefind's index is not reproducible even from one site: its filter and meta chunks (and
    # so their hashed names) change from run to run. Its page fragments do not.
    def comparable(files: dict[str, bytes]) -> dict[str, bytes]:
        return {path: data for path, data in files.items() if not path.startswith("pagefind/") or "/fragment/" in path}

    assert comparable(one) == comparable(two)
    assert len(one) == len(two)
    assert len([p for p in one if p.endswith(".html")]) > 50 and len([p for p in one if "/fragment/" in p]) > 50


def test_the_helper_rendered_its_share(two_builds, scratch):
    """Generated pages are split by share_of; the helper's pages are in the site like the others."""
    _, two = two_builds
    practices = sorted(p.stem for p in (scratch / "good_practices").glob("*.md"))
    shares = {parallel.share_of(f"praktijken/{slug}.md", 2) for slug in practices}
    assert shares == {0, 1}  # so both processes had practice pages to render
    for slug in practices:
        assert (two / "praktijken" / slug / "index.html").exists()
        assert (two / "assets" / "delen" / "praktijken" / slug / "index.png").exists()
    assert not list(two.parent.glob("*.deel-*")), "the helper's folder is removed"


def helper_slug(prefix: str) -> str:
    """A practice file name whose page the helper (share 1 of 2) renders."""
    return next(f"{prefix}-{n}" for n in range(100) if parallel.share_of(f"praktijken/{prefix}-{n}.md", 2) == 1)


def test_a_broken_link_on_a_helpers_page_fails_the_build_and_keeps_the_site(scratch, capfd):
    use_processes(scratch, 2)
    assert run_cli(scratch, "build") == 0
    before = files_of(scratch / "site")
    source = scratch / "good_practices" / "fsan.md"
    copy = scratch / "good_practices" / f"{helper_slug('kopie')}.md"
    copy.write_text(source.read_text(encoding="utf-8").replace("## Lessen", "Zie [deze pagina](nergens.md).\n\n## Lessen", 1),
                    encoding="utf-8")
    capfd.readouterr()
    assert run_cli(scratch, "build") == 1
    err = capfd.readouterr().err  # the helper is another process: it writes to the same file descriptor
    assert "Bouwen mislukt in hulpproces 1: Aborted with 1 warnings in strict mode!" in err
    assert "Bouwen mislukt: Aborted with a BuildError!" in err
    assert files_of(scratch / "site") == before
    assert not [p for p in scratch.iterdir() if p.name.startswith((".site.new-", ".site.deel-"))]


def pages_of(config_site: Path, uris: list[str], owners: dict[str, int | None]) -> Files:
    class Config(dict):
        site_dir = str(config_site)
        use_directory_urls = True

        class plugins:
            _current_plugin = "kennisbank"

    config = Config(site_url=None, repo_url=None, edit_uri=None, edit_uri_template=None)
    files = Files([PartFile.generated(config, uri, content="# x\n") for uri in uris])
    for file in files:
        file.owner = owners[file.src_uri]
        Page(None, file, config)
    return files


def test_links_to_anchors_between_processes_are_checked_like_mkdocs_does(tmp_path, caplog):
    """A parent's page links to a helper's page and back; one anchor exists, one does not."""
    files = pages_of(tmp_path, ["a.md", "b.md", "c.md"], {"a.md": 0, "b.md": 1, "c.md": 0})
    a, b, c = (files.get_file_from_path(uri) for uri in ("a.md", "b.md", "c.md"))
    a.page.present_anchor_ids, c.page.present_anchor_ids = {"top"}, {"eind"}
    a.page.links_to_anchors = {b: {"goed": "b.md#goed", "fout": "b.md#fout"}, c: {"mist": "c.md#mist"}}  # c: checked by mkdocs already
    report = {"anchors": {"b.md": ["goed"]}, "links": {"b.md": {"a.md": {"top": "a.md#top", "weg": "a.md#weg"}}}}
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        parallel.check_anchors(files, [report], logging.WARNING)
    messages = sorted(r.getMessage() for r in caplog.records)
    assert messages == [
        "Doc file 'a.md' contains a link 'b.md#fout', but the doc 'b.md' does not contain an anchor '#fout'.",
        "Doc file 'b.md' contains a link 'a.md#weg', but the doc 'a.md' does not contain an anchor '#weg'.",
    ]
    assert a.page.links_to_anchors == {b: {"goed": "b.md#goed", "fout": "b.md#fout"}, c: {"mist": "c.md#mist"}}


def test_parts_are_even_and_stable():
    uris = [f"programmas/p{n}.md" for n in range(1000)]
    shares = [parallel.share_of(uri, 2) for uri in uris]
    assert 400 < shares.count(1) < 600
    assert shares == [zlib.crc32(uri.encode()) % 2 for uri in uris]


def test_small_sites_and_one_wanted_process_stay_in_one_process():
    assert parallel.processes_for(parallel.MIN_PAGES - 1) == 1
    assert parallel.processes_for(10_000, wanted=1) == 1
    assert parallel.processes_for(10, wanted=2) == 2


def test_claim_gives_pages_to_their_share_and_the_rest_to_everyone_or_the_parent(tmp_path):
    files = pages_of(tmp_path, ["p0.md", "p1.md", "p2.md", "nav.md", "data.json"], dict.fromkeys(["p0.md", "p1.md", "p2.md", "nav.md", "data.json"]))
    nav = [files.get_file_from_path("nav.md").page]
    parallel.claim(files, nav, Share(1, 2, tmp_path, tmp_path / "r.json"))
    for file in files:
        if file.src_uri == "nav.md":
            assert file.owner is None and file.is_modified()
        elif file.src_uri == "data.json":
            assert file.owner == 0 and not file.is_modified()
        else:
            assert file.owner == parallel.share_of(file.src_uri, 2)
            assert file.is_modified() == (file.owner == 1)
    assert isinstance(files.get_file_from_path("data.json"), File)


# --- generating in two processes (parallel.pregenerate) -------------------------------------

@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    repo = make_repo(ROOT, tmp_path_factory.mktemp("genereren") / "repo", 40, practices=10, guides=1, today=TODAY)
    return check_all(Layout(repo.root), today=TODAY)


SITE = Site("Kennisbank", "https://example.org/kb/")


@pytest.fixture
def forked(monkeypatch):
    """The process ids of the helpers forked during a test."""
    pids, fork = [], os.fork

    def recording() -> int:
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording)
    return pids


def test_generating_in_two_processes_gives_what_one_gives(catalogue):
    one, two = generate_all(catalogue, SITE), parallel.pregenerate(catalogue, SITE, 2)
    assert two.pages == one.pages and [d.path for d in two.downloads] == [d.path for d in one.downloads]
    assert [d.content[:4] for d in two.downloads] == [b"PK\x03\x04"] * len(one.downloads)  # ODT and DOCX are zip files
    assert parallel.pregenerate(catalogue, SITE, 1).pages == one.pages


def test_a_helper_that_cannot_generate_fails_with_a_message_and_nothing_is_left_running(catalogue, monkeypatch, capfd, forked):
    made = parallel.generate_part

    def broken(chosen, site, data):
        if data:
            raise ValueError("kapot")
        return made(chosen, site, data)

    monkeypatch.setattr(parallel, "generate_part", broken)
    with pytest.raises(PluginError) as failed:
        parallel.pregenerate(catalogue, SITE, 2)
    assert str(failed.value) == "Het hulpproces kon de open data en de gemeentepagina's niet maken (zie de melding hierboven)."
    assert "Fout in hulpproces: kapot" in capfd.readouterr().err
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):  # collected: no zombie, nothing running
        os.waitpid(forked[0], os.WNOHANG)


def test_when_this_process_fails_the_helper_is_stopped(catalogue, monkeypatch, forked):
    made = parallel.generate_part

    def broken(chosen, site, data):
        if not data:
            raise ValueError("kapot")
        return made(chosen, site, data)

    monkeypatch.setattr(parallel, "generate_part", broken)
    with pytest.raises(ValueError, match="kapot"):
        parallel.pregenerate(catalogue, SITE, 2)
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):  # collected: no zombie, nothing running
        os.waitpid(forked[0], os.WNOHANG)


# --- checking in two processes (parallel.precheck) ----------------------------------------

def same_catalogue(one, two) -> None:
    """Everything of two catalogues is equal; the gazetteer compares by identity, so the context by its parts."""
    assert dataclasses.replace(one, context=None) == dataclasses.replace(two, context=None)
    assert (one.context.vocab, one.context.facts, one.context.today) == (two.context.vocab, two.context.facts, two.context.today)


@pytest.fixture(scope="module")
def broken_repo(tmp_path_factory):
    """40 programmes and 10 practices, two of them broken, so that there are problems to compare too."""
    repo = make_repo(ROOT, tmp_path_factory.mktemp("controleren") / "repo", 40, practices=10, guides=1)
    programme = repo.programmes[3]
    programme.write_text(programme.read_text(encoding="utf-8").replace("naam:", "naam: [", 1), encoding="utf-8")
    practice = repo.practices[4]  # an odd one: no programme of its own (synthetic.py)
    practice.write_text(practice.read_text(encoding="utf-8").replace("\nstatus:", "\nprogramma: bestaat-niet\nstatus:", 1), encoding="utf-8")
    return repo


def test_checking_in_two_processes_gives_what_one_gives(broken_repo):
    layout = Layout(broken_repo.root)
    one, two = check_all(layout), parallel.precheck(layout, wanted=2)
    same_catalogue(one, two)
    broken = broken_repo.programmes[3].relative_to(broken_repo.root).as_posix()
    assert broken not in {p.path for p in two.programmes} and any(p.path == broken for p in two.problems)
    assert any("bestaat-niet" in p.message for p in two.problems)
    same_catalogue(parallel.precheck(layout, wanted=1), one)


def test_a_helper_that_cannot_check_fails_with_a_message(broken_repo, monkeypatch, capfd, forked):
    parent, check = os.getpid(), parallel.check_file

    def broken(*args):
        if os.getpid() != parent:
            raise ValueError("kapot")
        return check(*args)

    monkeypatch.setattr(parallel, "check_file", broken)
    with pytest.raises(PluginError) as failed:
        parallel.precheck(Layout(broken_repo.root), wanted=2)
    assert str(failed.value) == "Het hulpproces kon zijn deel van de bronbestanden niet controleren (zie de melding hierboven)."
    assert "Fout in hulpproces: kapot" in capfd.readouterr().err
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)


def test_the_search_index_gets_every_indexed_page_and_word_from_both_processes(scratch, tmp_path, monkeypatch):
    """What the render processes gathered while writing (searchindex.Seen) is what is in the built site."""
    gathered = []
    build_index = plugin.build_index

    def keeping(site, per_part, bundle=None, seen=None):
        gathered.append(copy.deepcopy(seen))
        return build_index(site, per_part, bundle, seen)

    monkeypatch.setattr(plugin, "build_index", keeping)
    use_processes(scratch, 2)
    assert check_and_build(scratch, tmp_path / "site", strict=False) == 0
    indexed = searchindex.indexed_pages(tmp_path / "site")
    assert len(gathered) == 1 and gathered[0].pages == {relative for relative, _ in indexed}
    assert gathered[0].vocabulary == set().union(*(searchindex.words(file.read_text(encoding="utf-8")) for _, file in indexed))
    assert len(indexed) > 50


def test_merge_moves_what_the_site_lacks_and_keeps_what_it_has(tmp_path):
    helper, site = tmp_path / "hulp", tmp_path / "site"
    for path, text in {"programmas/a/index.html": "a", "programmas/a/extra.txt": "x", "gidsen/index.html": "hulp",
                       "gidsen/nieuw/index.html": "n", "los.txt": "l"}.items():
        (helper / path).parent.mkdir(parents=True, exist_ok=True)
        (helper / path).write_text(text, encoding="utf-8")
    (site / "gidsen").mkdir(parents=True)
    (site / "gidsen" / "index.html").write_text("ouder", encoding="utf-8")
    (site / "programmas").mkdir()
    assert parallel.merge(helper, site) == 3  # programmas/a/ and gidsen/nieuw/ whole, and los.txt
    assert files_of(site) == {"gidsen/index.html": b"ouder", "gidsen/nieuw/index.html": b"n", "los.txt": b"l",
                              "programmas/a/extra.txt": b"x", "programmas/a/index.html": b"a"}
    assert files_of(helper) == {"gidsen/index.html": b"hulp"}
