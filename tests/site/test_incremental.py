"""Fast rebuilds while serving: only changed pages are rendered, and nothing goes stale."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kennisbank.model.checks import Layout, check_all
from kennisbank.pages.common import Generated
from kennisbank.site.incremental import ServeCache, TemplateCache, fingerprint

from ..conftest import TODAY


class Config(dict):
    """Just enough of an mkdocs config for File.generated."""

    def __init__(self, site: Path):
        super().__init__()
        self.site_dir = str(site)
        self.use_directory_urls = True

        class Plugins:
            _current_plugin = "kennisbank"

        self.plugins = Plugins()


def test_cache_rewrites_a_page_only_when_its_markdown_changes(tmp_path):
    cache, config = ServeCache(), Config(tmp_path / "site")
    try:
        first = cache.file(config, Generated("praktijken/a.md", "# A\n"))
        path = Path(first.abs_src_path)
        os.utime(path, ns=(1, 1))
        cache.file(config, Generated("praktijken/a.md", "# A\n"))
        assert path.stat().st_mtime_ns == 1
        again = cache.file(config, Generated("praktijken/a.md", "# A, gewijzigd\n"))
        assert path.stat().st_mtime_ns > 1 and again.abs_src_path == str(path)
        assert path.read_text(encoding="utf-8") == "# A, gewijzigd\n"
        assert again.src_uri == "praktijken/a.md" and again.url == "praktijken/a/"
    finally:
        cache.close()
    assert not cache.folder.exists()


def test_prepare_empties_the_site_only_when_the_fingerprint_changes(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("oud")
    cache = ServeCache()
    try:
        assert cache.prepare(str(site), "a") is True  # the first build: the folder is fresh anyway
        assert (site / "index.html").exists()
        assert cache.prepare(str(site), "a") is False
        assert (site / "index.html").exists()
        assert cache.prepare(str(site), "b") is True
        assert list(site.iterdir()) == []
    finally:
        cache.close()


def test_an_unchanged_page_keeps_its_file_while_fingerprint_and_day_stay(tmp_path):
    site, cache, config = str(tmp_path / "site"), ServeCache(), Config(tmp_path / "site")
    page, menu = Generated("praktijken/a.md", "# A\n"), Generated("praktijken/index.md", "# Alle\n")
    day = dt.date(2026, 12, 2)
    try:
        cache.prepare(site, "a", day)
        first, listed = cache.file(config, page), cache.file(config, menu)
        cache.remember_nav(["praktijken/index.md"])
        assert not cache.keeps_theme_pages()  # the first build makes them
        cache.prepare(site, "a", day)
        assert cache.file(config, page) is first
        assert cache.file(config, menu) is not listed  # a page in the menu has menu links: always a new one
        assert cache.keeps_theme_pages()
        cache.file(config, Generated("praktijken/index.md", "# Alle praktijken\n"))
        assert not cache.keeps_theme_pages()  # the menu's page changed: the 404 page and sitemap are made again
        cache.prepare(site, "a", day)
        assert cache.keeps_theme_pages()
        changed = cache.file(config, Generated("praktijken/a.md", "# A, gewijzigd\n"))
        assert changed is not first and cache.file(config, Generated("praktijken/a.md", "# A, gewijzigd\n")) is changed
        cache.prepare(site, "a", day + dt.timedelta(days=1))  # the build date is on every page (sitemap)
        assert cache.file(config, Generated("praktijken/a.md", "# A, gewijzigd\n")) is not changed
        kept = cache.file(config, Generated("praktijken/a.md", "# A, gewijzigd\n"))
        cache.prepare(site, "b", day + dt.timedelta(days=1))  # another fingerprint: a full rebuild
        assert cache.file(config, Generated("praktijken/a.md", "# A, gewijzigd\n")) is not kept
    finally:
        cache.close()


def test_a_new_environment_takes_compiled_templates_from_the_cache_until_a_template_changes(tmp_path, monkeypatch):
    (tmp_path / "basis.html").write_text("<p>{% block tekst %}{% endblock %}</p>", encoding="utf-8")
    (tmp_path / "pagina.html").write_text('{% extends "basis.html" %}{% block tekst %}{{ naam }}{% endblock %}', encoding="utf-8")
    cache, compiled = TemplateCache(), []

    def environment() -> jinja2.Environment:  # as mkdocs makes one for every build
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
        original = env.compile
        monkeypatch.setattr(env, "compile", lambda source, name=None, *rest, **kw: compiled.append(name) or original(source, name, *rest, **kw))
        return env

    assert environment().get_template("pagina.html").render(naam="a") == "<p>a</p>"
    assert sorted(compiled) == ["basis.html", "pagina.html"]
    compiled.clear()
    assert environment().get_template("pagina.html").render(naam="b") == "<p>b</p>"
    assert compiled == []
    (tmp_path / "basis.html").write_text("<div>{% block tekst %}{% endblock %}</div>", encoding="utf-8")
    assert environment().get_template("pagina.html").render(naam="c") == "<div>c</div>"
    assert compiled == ["basis.html"]


def test_fingerprint_follows_content_theme_and_payment_data_but_not_a_practice_text(scratch):
    catalogue = check_all(Layout(scratch), today=TODAY)
    watched = [scratch / "content", scratch / "overrides", scratch / "mkdocs.yml"]
    docs = ["praktijken/fsan.md"]
    base = fingerprint(watched, catalogue, docs)
    practice = scratch / "good_practices" / "fsan.md"
    practice.write_text(practice.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    assert fingerprint(watched, check_all(Layout(scratch), today=TODAY), docs) == base
    assert fingerprint(watched, catalogue, [*docs, "praktijken/nieuw.md"]) != base
    paid = dataclasses.replace(catalogue.practices[0], payment="betaald")
    assert fingerprint(watched, dataclasses.replace(catalogue, practices=(paid, *catalogue.practices[1:])), docs) != base
    time.sleep(0.01)
    (scratch / "content" / "over.md").write_text((scratch / "content" / "over.md").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert fingerprint(watched, catalogue, docs) != base


@pytest.fixture
def dirty_build(scratch, tmp_path):
    """Build the scratch repository as `kennisbank serve` does: dirty, the plugin kept between builds."""
    site = tmp_path / "served"
    started = []

    def run(search: bool = False) -> None:
        config = load_config(str(scratch / "mkdocs.yml"), site_dir=str(site))
        if not started:
            config.plugins.on_startup(command="serve", dirty=True)
            started.append(config)
        config.plugins["kennisbank"].config.search_index = search  # mostly not needed to see which pages are rendered
        build(config, dirty=True)
        run.plugin = config.plugins["kennisbank"]

    yield run, site
    if started:
        started[0].plugins.on_shutdown()


def stamps(site: Path) -> dict[str, int]:
    """Modification times of the site's pages, to see which were written again."""
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def rebuilt_after(run, site: Path, source: Path, extra: str) -> set[str]:
    """Build, add ``extra`` to ``source``, build again; the pages that were written again."""
    run()
    before = stamps(site)
    time.sleep(0.05)
    source.write_text(source.read_text(encoding="utf-8") + extra, encoding="utf-8")
    run()
    after = stamps(site)
    return {page for page in after if after[page] != before.get(page)}


def test_dirty_rebuild_renders_only_the_changed_pages(dirty_build, scratch):
    run, site = dirty_build
    changed = rebuilt_after(run, site, scratch / "good_practices" / "fsan.md", "\n- Een nieuwe les voor de test.\n")
    # Material's blog plugin makes its archive and category pages anew on every build; they are few and small.
    blog_views = {p for p in changed if p.startswith(("verhalen/archief/", "verhalen/categorie/"))}
    assert changed - blog_views == {"praktijken/fsan/index.html"}
    assert "Een nieuwe les voor de test." in (site / "praktijken/fsan/index.html").read_text(encoding="utf-8")


def test_dirty_rebuild_after_a_summary_change_updates_the_overviews_too(dirty_build, scratch):
    run, site = dirty_build
    run()
    practice = scratch / "good_practices" / "fsan.md"
    text = practice.read_text(encoding="utf-8")
    practice.write_text(text.replace("FSAN werkt sinds 2004", "FSAN werkt al sinds 2004", 1), encoding="utf-8")
    run()
    for page in ("praktijken/fsan/index.html", "themas/gezondheid/index.html", "rollen/voorlichter/index.html"):
        assert "FSAN werkt al sinds 2004" in (site / page).read_text(encoding="utf-8"), page


def test_a_content_change_rebuilds_everything(dirty_build, scratch):
    run, site = dirty_build
    changed = rebuilt_after(run, site, scratch / "content" / "over.md", "\nEen extra zin.\n")
    assert changed == set(stamps(site))


def test_serving_makes_the_search_index_after_the_pages_and_keeps_it_current(dirty_build, scratch):
    run, site = dirty_build
    run(search=True)
    assert run.plugin.background_index.wait(120)
    assert (site / "pagefind" / "pagefind.js").exists()
    practice = scratch / "good_practices" / "fsan.md"
    practice.write_text(practice.read_text(encoding="utf-8") + "\n- Zoekbaarwoordvoordetest.\n", encoding="utf-8")
    run(search=True)
    assert "Zoekbaarwoordvoordetest" in (site / "praktijken/fsan/index.html").read_text(encoding="utf-8")  # shown first
    assert run.plugin.background_index.wait(120) and run.plugin.background_index.runs == 2
    words = [zlib.decompress(f.read_bytes(), 16 + zlib.MAX_WBITS) for f in (site / "pagefind" / "fragment").glob("*.pf_fragment")]
    assert any(b"Zoekbaarwoordvoordetest" in w for w in words)


def test_a_changed_fact_shows_on_the_hand_written_page_that_uses_it(dirty_build, scratch):
    """Facts are filled into hand-written pages, whose Markdown file did not change: a data change rebuilds everything."""
    run, site = dirty_build
    run()
    guide = site / "gidsen/waardering-en-vergoeding/index.html"
    assert "(getest)" not in guide.read_text(encoding="utf-8")
    facts = scratch / "data" / "feiten.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(' per uur"', ' per uur (getest)"'), encoding="utf-8")
    run()
    assert "per uur (getest)" in guide.read_text(encoding="utf-8")


def pages_of(site: Path) -> dict[str, bytes]:
    """Every page and the sitemap of a built site, without Material's blog views (made anew on every build) and the search index."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in [*site.rglob("*.html"), site / "sitemap.xml"]
            if not p.relative_to(site).as_posix().startswith(("verhalen/archief/", "verhalen/categorie/", "pagefind/"))}


#: Edits while serving: the file, what is added to it (nothing: the name changes), whether the menu's pages change
#: (then the 404 page is made again), and how many pages change at most (a programme is on many municipalities' pages).
SERVE_EDITS = {
    "practice text": ("good_practices/fsan.md", "\n- Een nieuwe les voor de test.\n", False, 10),
    "programme name": ("programmas/alzheimer-theehuizen.yml", "", True, 400),
}


@pytest.mark.parametrize("edit", list(SERVE_EDITS))
def test_rebuilds_keep_the_page_objects_of_untouched_pages_and_give_what_a_clean_build_gives(dirty_build, scratch, tmp_path, edit):
    run, site = dirty_build
    run()
    cache = run.plugin.serve_cache
    before = {doc: file.page for doc, file in cache.files.items()}
    theme_pages = {name: (site / name).stat().st_mtime_ns for name in ("404.html", "sitemap.xml")}
    name, extra, menu, most = SERVE_EDITS[edit]
    source = scratch / name
    text = source.read_text(encoding="utf-8")
    source.write_text(text + extra if extra else text.replace("\nnaam: ", "\nnaam: Andere naam ", 1), encoding="utf-8")
    time.sleep(0.05)
    run()
    kept = {doc for doc, file in cache.files.items() if file.page is before.get(doc)}
    edited = "praktijken/fsan.md" if name.startswith("good") else "programmas/alzheimer-theehuizen.md"
    untouched = "programmas/amsterdam-netwerk-eritrese-statushouders.md"
    assert edited not in kept and untouched in kept
    assert not kept & cache.in_nav and "praktijken/index.md" in cache.in_nav
    assert len(before) - most < len(kept) < len(before)
    assert all(file.page.content is None for file in cache.files.values() if file.page)  # let go once written, while serving too
    written = {name for name, stamp in theme_pages.items() if (site / name).stat().st_mtime_ns != stamp}
    assert written == ({"404.html", "sitemap.xml"} if menu else set())
    clean = tmp_path / "schoon"  # in another process: mkdocs keeps one plugin object per process across builds
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(clean)], cwd=scratch, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert pages_of(site) == pages_of(clean)
