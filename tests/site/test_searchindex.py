"""The search index in parts: which part a page goes in, the word list, and a real Pagefind run."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from kennisbank.site import searchindex as si


@pytest.mark.parametrize(("pages", "per_part", "parts"), [
    (0, 3000, 1), (1, 3000, 1), (3000, 3000, 1), (3001, 3000, 2), (12401, 3000, 5), (7, 2, 4),
])
def test_part_count(pages, per_part, parts):
    assert si.part_count(pages, per_part) == parts


def test_a_page_keeps_its_part_and_parts_are_even():
    paths = [f"programmas/programma-{n}/index.html" for n in range(4000)]
    # Written out: a part from hash() or from the order of the pages would differ from build to build.
    assert [si.part_of(p, 4) for p in paths[:8]] == [0, 0, 1, 3, 1, 0, 2, 0]
    assert si.part_of("index.html", 3) == 1
    sizes = [sum(si.part_of(p, 4) == n for p in paths) for n in range(4)]
    assert min(sizes) > 900 and max(sizes) < 1100, sizes


def test_words_come_from_the_indexed_region_only():
    page = ('<html><head><title>Titel</title><script>var verborgen = 1;</script></head><body>'
            '<nav>Menu Zoeken</nav><div data-pagefind-body><h1>Súdwest-Fryslân</h1>'
            '<p>Twee <b>sleutelpersonen</b> &amp; één gemeente.</p><style>.x{kleur:rood}</style></div></body></html>')
    assert si.words(page) == {"súdwest-fryslân", "súdwest", "fryslân", "twee", "sleutelpersonen", "één", "gemeente"}
    assert si.with_plain_forms({"súdwest-fryslân", "één"}) == {"súdwest-fryslân", "sudwest-fryslan", "één", "een"}


def test_a_page_without_the_indexed_region_has_no_words():
    assert si.words("<html><body><p>Niet in de index</p></body></html>") == set()


def test_the_word_list_page_is_escaped_and_indexed():
    page = si.word_list_page({"b<c", "a"})
    assert 'lang="nl"' in page and "data-pagefind-body" in page and "<p>a b&lt;c</p>" in page


def site_with(folder: Path, pages: dict[str, str]) -> Path:
    for path, text in pages.items():
        file = folder / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f'<!doctype html><html lang="nl"><head><title>{path}</title></head><body>'
                        f'<nav>Menu</nav><div data-pagefind-body><p>{text}</p></div></body></html>', encoding="utf-8")
    return folder


PAGES = {f"p{n}/index.html": f"Pagina {n} over vrijwilligers." for n in range(6)} | {
    "uniek/index.html": "Alleen hier staat een vrijwilligersvergoeding.",
}


@pytest.fixture(scope="module")
def split_site(tmp_path_factory) -> tuple[Path, si.Index]:
    site = site_with(tmp_path_factory.mktemp("index") / "site", PAGES)
    (site / "niet").mkdir()
    (site / "niet" / "index.html").write_text('<html lang="nl"><body><p>geen index</p></body></html>', encoding="utf-8")
    return site, si.build_index(site, per_part=3)


def test_a_large_site_is_indexed_in_parts_with_a_manifest(split_site):
    site, index = split_site
    assert index.pages == 7 and index.parts == ("deel-2/", "deel-3/")
    manifest = json.loads((site / "pagefind" / si.MANIFEST).read_text(encoding="utf-8"))
    assert manifest == {"delen": ["deel-2/", "deel-3/"], "woordenlijsten": list(index.word_lists)}
    for folder, word_list in zip(["", "deel-2/", "deel-3/"], index.word_lists, strict=True):
        bundle = site / "pagefind" / folder
        assert (bundle / "pagefind.js").exists() and list(bundle.glob("pagefind.nl_*.pf_meta"))
        assert si.fragment_url(bundle / "fragment" / f"{word_list}.pf_fragment") == si.WORD_LIST_URL


def test_every_indexed_page_is_in_exactly_one_part(split_site):
    site, index = split_site
    urls = []
    for folder in ["", *index.parts]:
        urls += [si.fragment_url(f) for f in (site / "pagefind" / folder / "fragment").glob("*.pf_fragment")]
    assert sorted(urls) == sorted([f"/{p.removesuffix('index.html')}" for p in PAGES] + [si.WORD_LIST_URL] * 3)
    assert not list(site.parent.glob(".zoekindex-*"))  # the linked copies are gone


def test_seen_pages_give_the_index_that_reading_the_site_gives(split_site, tmp_path):
    """The build gathers the indexed pages and their words as it writes them (Seen); the index is the same."""
    site, index = split_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    seen = si.Seen()
    for file in sorted(copy.rglob("*.html")):
        seen.add(file.relative_to(copy).as_posix(), file.read_text(encoding="utf-8"))
    assert seen.pages == set(PAGES)  # not niet/index.html, which has no indexed region
    assert si.build_index(copy, per_part=3, seen=seen) == index
    for folder in ["", *index.parts]:
        assert fragments(copy / "pagefind" / folder) == fragments(site / "pagefind" / folder)


def fragments(bundle: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in (bundle / "fragment").glob("*.pf_fragment")}


def test_seen_joins_what_other_processes_saw():
    seen = si.Seen()
    seen.add("a/index.html", '<div data-pagefind-body><p>Eén woord</p></div>')
    seen.add("b/index.html", "<p>niet geindexeerd</p>")
    seen.join(["c/index.html"], ["ander"])
    assert seen == si.Seen({"a/index.html", "c/index.html"}, {"eén", "woord", "ander"})


def test_a_small_site_is_one_index(tmp_path):
    site = site_with(tmp_path / "site", {"a/index.html": "Een pagina."})
    (site / "pagefind" / "deel-2").mkdir(parents=True)  # left over from an earlier, larger site
    index = si.build_index(site)
    assert index == si.Index(1, (), ())
    assert json.loads((site / "pagefind" / si.MANIFEST).read_text(encoding="utf-8")) == {"delen": [], "woordenlijsten": []}
    assert not (site / "pagefind" / "deel-2").exists()


def test_pagefind_failing_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(si.subprocess, "run", lambda command, **kwargs: subprocess.CompletedProcess(command, 2, "", "kapot"))
    with pytest.raises(si.SearchIndexError, match="pagefind stopte met code 2:\n\nkapot"):
        si.build_index(site_with(tmp_path / "site", {"a/index.html": "Een pagina."}))


def test_pagefind_runs_as_a_child_that_dies_with_the_build(tmp_path, monkeypatch):
    given = {}

    def run(command, **kwargs):
        given.update(kwargs)
        (tmp_path / "uit" / "pagefind.js").parent.mkdir(exist_ok=True)
        (tmp_path / "uit" / "pagefind.js").write_text("", encoding="utf-8")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(si.subprocess, "run", run)
    si.run_pagefind(tmp_path, tmp_path / "uit")
    # tests/site/test_searchindex_child.py shows that this setting kills the child when its parent is killed.
    assert given["preexec_fn"].func is si._die_with_parent and given["preexec_fn"].args == (os.getpid(),)


def indexed_urls(site: Path) -> list[str]:
    return sorted(si.fragment_url(f) for f in (site / "pagefind" / "fragment").glob("*.pf_fragment"))


def test_the_background_index_catches_up_and_is_swapped_in_whole(tmp_path, monkeypatch):
    """serve: an edit during a run asks for one more run; the old index stays until the new one is there."""
    site = site_with(tmp_path / "site", {"a/index.html": "Een pagina."})
    si.build_index(site)
    started, release = threading.Event(), threading.Event()
    real = si.build_index

    def slow(site, per_part=si.PAGES_PER_PART, bundle=None):
        started.set()
        release.wait(10)
        return real(site, per_part, bundle)

    monkeypatch.setattr(si, "build_index", slow)
    background = si.BackgroundIndex()
    site_with(site, {"b/index.html": "Een tweede pagina."})
    background.request(site)
    assert started.wait(10)
    assert indexed_urls(site) == ["/a/"]  # the old index, whole, while the new one is made
    site_with(site, {"c/index.html": "Een derde pagina."})
    background.request(site)
    background.request(site)  # two edits during a run: one more run
    release.set()
    assert background.wait(30)
    assert background.runs == 2
    assert indexed_urls(site) == ["/a/", "/b/", "/c/"]
    assert not [p for p in site.iterdir() if p.name.startswith(".")]


def test_a_failing_background_run_is_logged_and_the_next_still_runs(tmp_path, monkeypatch, caplog):
    site = site_with(tmp_path / "site", {"a/index.html": "Een pagina."})
    calls = []

    def failing_once(site, per_part=si.PAGES_PER_PART, bundle=None):
        calls.append(site)
        if len(calls) == 1:
            raise si.SearchIndexError("kapot")
        bundle.mkdir(parents=True)
        return si.Index(1, (), ())

    monkeypatch.setattr(si, "build_index", failing_once)
    background = si.BackgroundIndex()
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.kennisbank"):
        background.request(site)
        assert background.wait(10)
        background.request(site)
        assert background.wait(10)
    assert len(calls) == 2 and (site / "pagefind").is_dir()
    assert "De zoekindex kon niet worden bijgewerkt: kapot" in caplog.text


@pytest.mark.parametrize("per_part", [si.PAGES_PER_PART, 25])
def test_short_copies_give_the_index_that_the_whole_pages_give(built_site, tmp_path, per_part):
    """A full build hands Pagefind a short copy of each page (search_copy); every page's record is the same, byte for byte.

    Only the fragments (per page: its URL, text, title, meta data, filters and anchors) can be compared: two Pagefind
    runs on the same files number the pages differently, so its other files differ from run to run anyway.
    """
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    whole = si.build_index(site, per_part, bundle=tmp_path / "heel")
    seen = si.Seen.writing_copies(site)
    for file in sorted(site.rglob("*.html")):
        seen.add(file.relative_to(site).as_posix(), file.read_text(encoding="utf-8"))
    # The blog's front page has no content article (Material's blog template): Pagefind reads it whole.
    assert seen.pages - set(seen.copies) == {"verhalen/index.html"} and len(seen.copies) > 50
    short = si.build_index(site, per_part, bundle=tmp_path / "kort", seen=seen)
    assert short == whole and (short.parts != ()) == (per_part == 25)
    for folder in ["", *whole.parts]:
        assert fragments(tmp_path / "kort" / folder) == fragments(tmp_path / "heel" / folder)
        assert len(fragments(tmp_path / "kort" / folder)) > 1
    seen.close()
    assert not list(tmp_path.glob(f"{si.WORK_PREFIX}*"))


@pytest.mark.parametrize(("page", "why"), [
    ('<html lang="nl"><title>T</title><div data-pagefind-body>x</div>', "no content article"),
    ('<html lang="nl"><title>T</title><span data-pagefind-filter="a">b</span><article class="md-content__inner">x</article>',
     "search data before the content"),
    ('<html lang="nl"><title>T</title><article class="md-content__inner">x</article><span data-pagefind-meta="a">b</span>',
     "search data after the content"),
    ('<html lang="nl"><article class="md-content__inner">x</article>', "no title"),
])
def test_a_page_laid_out_otherwise_has_no_short_copy(page, why):
    assert si.search_copy(page) is None, why
