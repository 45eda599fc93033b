"""The mkdocs adapter: a thin plugin around :mod:`checks` and :mod:`generate`.

All logic lives in plain functions elsewhere, so that another generator that
reads ``mkdocs.yml`` (such as Zensical) can reuse it. This module only hands
generated files to mkdocs, fills in page details mkdocs cannot know (the
edit link of a generated page, the payment table, the link to a guide's worksheet), writes the
worksheets' ODT and DOCX files into the site, and runs the search indexer.
"""

from __future__ import annotations

import datetime as dt
import logging
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from ..contribute import webform
from ..model.checks import Catalogue, CheckMemo, Layout, check_all
from ..model.markup import PAYMENT_TABLE_MARKER
from ..model.problems import errors, report
from ..pages import templating
from ..pages.assemble import Memo, Output, generate_all
from ..pages.catalogue import payment_table
from ..pages.common import Generated, Site, correction_links, dutch_date
from ..pages.contact import fill_in_editors_contact
from ..pages.coverage import coverage, fill_in_coverage
from ..pages.facts import fill_in_facts
from ..pages.freshness import source_links
from ..pages.search import page_search
from ..pages.sharing import default_cache
from ..pages.worksheets import Download, guide_markdown
from . import parallel
from .incremental import ServeCache, fingerprint
from .parallel import PartFile, Share
from .publicity import Publicity
from .sanitise import SanitiseExtension, clean_text
from .searchindex import PAGES_PER_PART, BackgroundIndex, SearchIndexError, Seen, build_index
from .searchtext import SearchTextExtension

log = logging.getLogger("mkdocs.plugins.kennisbank")


class KennisbankConfig(Config):
    """Options under ``plugins: - kennisbank:`` in mkdocs.yml."""

    practices_dir = c.Type(str, default="good_practices")
    programmes_dir = c.Type(str, default="programmas")
    data_dir = c.Type(str, default="data")
    search_index = c.Type(bool, default=True)
    #: Pages per part of the search index (searchindex.PAGES_PER_PART); tests set it low to test parts.
    search_pages_per_part = c.Type(int, default=PAGES_PER_PART)
    #: Processes that render a `kennisbank build`: 0 = every core when the site is large enough, 1 = one (see parallel.py).
    render_processes = c.Type(int, default=0)


def edit_url(repo_url: str, edit_uri: str, docs_folder: str, edit_path: str) -> str:
    """The web editor URL for a source file (or a folder, ending in '/')."""
    base = edit_uri.rstrip("/")
    if base.endswith(docs_folder):
        base = base[: -len(docs_folder)].rstrip("/")
    if edit_path.endswith("/"):
        base = base.replace("edit/", "tree/", 1)
    return f"{repo_url.rstrip('/')}/{base}/{edit_path}".rstrip("/")


def editors_email(config) -> str | None:
    """The editors' address from ``extra: redactie: email:`` in mkdocs.yml, or None."""
    editors = (config.extra or {}).get("redactie") or {}
    return editors.get("email") if isinstance(editors, dict) else None


def correction_url(repo_url: str | None, page) -> str | None:
    """The correction form on GitHub for a page, prefilled as the 'Meld een fout' button does (partials/report.html)."""
    if not repo_url:
        return None
    title = "Correctie: " + (page.title or "")
    return f"{repo_url.rstrip('/')}/issues/new?" + urlencode({"template": "correctie.yml", "title": title,
                                                              "pagina": page.canonical_url or page.url})


def run_pagefind(site_dir: str, pages_per_part: int = PAGES_PER_PART, seen: Seen | None = None) -> None:
    """Build the Pagefind search index into the site (see searchindex.py); fail loudly if it cannot."""
    try:
        build_index(Path(site_dir), pages_per_part, seen=seen)
    except (SearchIndexError, OSError) as error:
        raise PluginError(f"De zoekindex kon niet worden gemaakt (pagefind):\n{error}") from error


def _clean_titles(page) -> None:
    """No markup in the page title or the table of contents (mkdocs already strips tags; this keeps it so)."""
    if page.title and "<" in page.title:
        page.title = clean_text(page.title)
    items = list(page.toc or [])
    while items:
        item = items.pop()
        item.title = clean_text(item.title)
        items += item.children


class KennisbankPlugin(BasePlugin[KennisbankConfig]):
    """Validate the sources, add generated pages and data, and index the site."""

    catalogue: Catalogue
    generated: dict[str, Generated]
    #: Files that are not pages (the worksheets' ODT and DOCX), written into the site as they are.
    downloads: list[Download]
    #: A catalogue that `kennisbank build` checked just before, so the files are not read twice.
    preloaded: Catalogue | None = None
    #: The pages and files generated from it, made before the build forks (see parallel.py).
    pregenerated: Output | None = None
    #: Which share of the pages this process renders, when a build runs in several (parallel.py).
    share: Share | None = None
    #: Generated pages on disk during `serve --dirty`, so only changed pages are rendered again.
    serve_cache: ServeCache | None = None
    #: While serving: what the last check and generation made, so only what changed is done again.
    check_memo: CheckMemo | None = None
    generation_memo: Memo | None = None
    #: While serving: the search index, made after the rebuilt pages are served.
    background_index: BackgroundIndex | None = None
    #: A build's indexed pages and their words as they are written, for the search index (not while serving).
    search_seen: Seen | None = None
    renders_all = True
    publicity: Publicity | None = None

    def on_startup(self, *, command, dirty):
        # Defining on_startup also keeps this plugin alive across serve rebuilds, which the caches need.
        serving = command == "serve" and dirty
        self.renders_all = not dirty  # a dirty build writes only changed pages, so it cannot gather the search index's pages
        self.share = None  # mkdocs keeps this object from build to build; parallel.build sets it for its builds
        self.serve_cache = ServeCache() if serving else None
        self.check_memo, self.generation_memo = (CheckMemo(), Memo()) if serving else (None, None)
        self.background_index = BackgroundIndex(self.config.search_pages_per_part) if serving else None

    def on_shutdown(self):
        if self.serve_cache:
            self.serve_cache.close()
        self.serve_cache = self.check_memo = self.generation_memo = self.background_index = None

    def on_config(self, config):
        templating.reload_if_changed()  # an editor may have changed the page text since the last build (serve)
        root = Path(config.config_file_path).parent
        content = Path(config.docs_dir).relative_to(root).as_posix()
        self.layout = Layout(root, content, self.config.practices_dir, self.config.programmes_dir, self.config.data_dir)
        self.catalogue, self.preloaded = self.preloaded or check_all(self.layout, memo=self.check_memo), None
        if errors(self.catalogue.problems):
            raise PluginError("De bronbestanden bevatten fouten:\n" + report(errors(self.catalogue.problems)))
        site = Site(config.site_name or "", config.site_url or "")
        made, self.pregenerated = self.pregenerated or generate_all(self.catalogue, site, self.generation_memo), None
        self.generated = {g.doc_path: g for g in made.pages}
        self.coverage = coverage(self.catalogue.programmes, self.catalogue.context)  # for [[dekking]] on the home page
        self.downloads = made.downloads
        self.with_worksheets = {p.doc_path: p for p in self.catalogue.pages if p.worksheets}
        # The second wall against script in contributor text: nh3 after every Markdown conversion (sanitise.py).
        self.sanitiser = SanitiseExtension()
        config.markdown_extensions.append(self.sanitiser)
        # Table headings and list terms end a sentence in search excerpts (searchtext.py).
        config.markdown_extensions.append(SearchTextExtension())
        posts = f"{content}/verhalen/posts/"
        posts_edit = edit_url(config.repo_url, config.edit_uri, content, posts) if config.repo_url and config.edit_uri else None
        # Serving rebuilds only some pages: the cache must not be pruned by what one rebuild used.
        # With several render processes, the parent draws every share image (parallel.write_report).
        helper = bool(self.share and self.share.is_helper)
        self.publicity = Publicity(root, default_cache(root), posts_edit, prune=self.serve_cache is None, draws=not helper)
        # A full build gathers what the search index needs as it writes the pages (searchindex.Seen).
        self.search_seen = (Seen.writing_copies(Path(config.site_dir))
                            if self.config.search_index and self.renders_all and not self.background_index else None)
        return config

    def on_files(self, files: Files, config) -> Files:
        if self.serve_cache:
            # The data folder too: its facts are filled into hand-written pages, its vocabularies go into every page's search data.
            watched = [Path(config.docs_dir), Path(config.config_file_path), templating.folder(), self.layout.folder("data"),
                       *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]
            # Before the pages are added: whether their Files may be the last build's (incremental.py).
            self.serve_cache.prepare(config.site_dir, fingerprint(watched, self.catalogue, self.generated))
        for doc_path, generated in self.generated.items():
            if files.get_file_from_path(doc_path):
                raise PluginError(f"{self.layout.content}/{doc_path}: deze pagina wordt al gemaakt uit de gegevens; kies een andere naam")
            files.append(self.serve_cache.file(config, generated) if self.serve_cache
                         else PartFile.generated(config, doc_path, content=generated.content))
        # The form on bijdragen/aanmelden/: its questions, rules and messages for the script (contribute/webform.py).
        files.append(PartFile.generated(config, webform.DATA_FILE, content=webform.form_json(self.catalogue.context)))
        for download in self.downloads:
            if files.get_file_from_path(download.path):
                raise PluginError(f"{self.layout.content}/{download.path}: dit bestand wordt al gemaakt uit een werkblad; kies een andere naam")
            files.append(PartFile.generated(config, download.path, content=download.content))
        self.publicity.on_files(files, config)
        if self.serve_cache and self.serve_cache.keeps_theme_pages():
            config.theme.static_templates.clear()  # this build's config only: the last build's 404 page and sitemap stand
        return files

    def on_nav(self, nav, config, files):
        if self.serve_cache:
            self.serve_cache.remember_nav(page.file.src_uri for page in nav.pages)
        if self.share:
            parallel.claim(files, nav.pages, self.share)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        own = self.generated.get(page.file.src_uri)
        self.sanitiser.interface = bool(own and own.interface)
        reviewed = page.meta.get("laatst_herzien")
        if reviewed:
            page.meta["laatst_herzien_tekst"] = dutch_date(dt.date.fromisoformat(str(reviewed)))
        if PAYMENT_TABLE_MARKER in markdown:
            markdown = markdown.replace(PAYMENT_TABLE_MARKER, payment_table(self.catalogue, page.file.src_uri))
        markdown = fill_in_facts(markdown, self.catalogue.context.facts, self.catalogue.context.today)
        markdown = fill_in_editors_contact(markdown, editors_email(config), config.repo_url)
        markdown = fill_in_coverage(markdown, self.coverage, page.file.src_uri)
        guide = self.with_worksheets.get(page.file.src_uri)
        if guide:  # the worksheet markers become a link to the worksheet
            markdown = guide_markdown(markdown, guide)
        generated = self.generated.get(page.file.src_uri)
        if generated and config.repo_url and config.edit_uri:
            page.edit_url = (
                edit_url(config.repo_url, config.edit_uri, self.layout.content, generated.edit_path)
                if generated.edit_path else None
            )
        if generated:  # links to source files on a generated page (the editors' list), and to its correction form
            can_edit = config.repo_url and config.edit_uri
            markdown = source_links(markdown, partial(edit_url, config.repo_url, config.edit_uri, self.layout.content) if can_edit else None)
            markdown = correction_links(markdown, correction_url(config.repo_url, page), page.file.src_uri)
        return markdown

    def on_page_content(self, html, page, config, files):
        if self._let_go(page):
            page.markdown = ""  # converted; not read again (see on_post_page). Not None: mkdocs' Page.title is None then
        self.sanitiser.interface = False
        _clean_titles(page)
        self.publicity.queue_image(page, config)  # the title is known now: draw while mkdocs renders the rest
        return self.publicity.on_page_content(html, page)

    def _let_go(self, page) -> bool:
        """Whether the build may drop a page's text once mkdocs is done with it: a generated page.

        While serving too: an unchanged page keeps its Page from build to build (incremental.py).
        """
        return page.file.src_uri in self.generated

    @event_priority(-100)  # last: the search index is made from the page as it is written
    def on_post_page(self, output, page, config):
        if self.search_seen is not None:
            self.search_seen.add(page.file.dest_uri, output)
        if self._let_go(page):
            # mkdocs writes the page next and does not read its HTML again, but keeps it (and, without
            # on_page_content, its Markdown) of every page to the end of the build: at 10,000 programmes the
            # peak of the build's memory fell from 999 to 822 MB (PSS) without them (BENCHMARK.md).
            page.content = None
        return output

    def on_page_context(self, context, page, config, nav):
        # Search: index this page or not, its type and filter values (see search.py, overrides/main.html).
        context["zoeken"] = page_search(page.meta, page.file.src_uri, self.catalogue.context)
        if page.file.src_uri == webform.PAGE_DOC:
            context["aanmelden"] = webform.page_context(self.catalogue.context, config.repo_url, editors_email(config))
        # Material's blog hides the site menu on story pages; on narrow screens that leaves the menu
        # drawer empty. Keep the menu in the page; kennisbank.css hides it beside the story on wide screens.
        if page.meta.get("template") == "blog-post.html" or type(page).__name__ == "Post":
            page.meta["hide"] = [h for h in page.meta.get("hide", []) if h != "navigation"]
        # Sharing: Open Graph data and share image; buttons on blog pages (see publicity.py).
        return self.publicity.on_page_context(context, page, config)

    def on_template_context(self, context, template_name, config):
        if template_name == "sitemap.xml":
            # Known here for every page, also for those another render process reads (see parallel.py).
            context["buiten_sitemap"] = {path for path, generated in self.generated.items() if not generated.in_sitemap}
        return context

    def on_env(self, env, config, files):
        self.files = files
        if self.serve_cache:
            env.bytecode_cache = self.serve_cache.templates  # the theme's templates compiled once per serve, not per edit
        self.publicity.on_env(env, files, config, self.catalogue)
        return env

    def on_serve(self, server, config, builder):
        for folder in ("practices", "programmes", "data"):
            path = self.layout.folder(folder)
            if path.exists():
                server.watch(str(path))
        server.watch(str(templating.folder()))  # the page text of generated pages
        return server

    def on_build_error(self, error):
        if self.publicity:
            self.publicity.close()
        if self.search_seen is not None:
            self.search_seen.close()

    def on_post_build(self, config):
        if self.share and self.share.is_helper:
            parallel.write_report(self.share, self.files, self.search_seen or Seen(), self.publicity.jobs)
            return  # the parent takes this process's pages into the site, draws their images, and makes the search index
        self.publicity.images.flush()  # the workers draw the last images while the search index is made
        if self.share:
            parallel.finish(self.share, self.files, config.validation.links.anchors, self.search_seen, self.publicity.take)
        if self.config.search_index and self.background_index:
            self.background_index.request(Path(config.site_dir))  # serve: show the page first, then catch up
        elif self.config.search_index:
            try:
                with ThreadPoolExecutor(max_workers=1) as linking:  # while Pagefind runs (a child process)
                    linked = linking.submit(self.publicity.link_drawn, config.site_dir)
                    run_pagefind(config.site_dir, self.config.search_pages_per_part, self.search_seen)
                    linked.result()
            finally:
                if self.search_seen is not None:
                    self.search_seen.close()
        self.publicity.on_post_build(config)
