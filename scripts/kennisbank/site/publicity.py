"""The mkdocs side of sharing: robots.txt, the story feed, Open Graph data and share images.

The plugin calls one method per mkdocs event; the work itself is done by the
pure functions in :mod:`kennisbank.feed` and :mod:`kennisbank.sharing`.
"""

from __future__ import annotations

import html
import logging
import time
from pathlib import Path

from mkdocs.structure.files import File, Files

from ..model.checks import Catalogue
from ..model.stories import BLOG_FOLDER, is_story
from ..pages.feed import FEED_DOC, feed_xml
from ..pages.municipalities import REDIRECT_TEMPLATE
from ..pages.sharing import (
    ImageQueue,
    ShareCard,
    image_path,
    link_into_site,
    page_description,
    page_title,
    robots_txt,
    section_label,
    share_meta,
    site_address,
    write_images,
)

log = logging.getLogger("mkdocs.plugins.kennisbank")
BLOG_PLUGIN = "material/blog"
BLOG_TEMPLATES = ("blog.html", "blog-post.html")
ACTIONS_PARTIAL = "partials/verhalen-acties.html"


class Publicity:
    """State of one build: the share images being drawn and still to write."""

    def __init__(self, root: Path, cache_dir: Path, posts_edit_url: str | None = None, prune: bool = True,
                 draws: bool = True) -> None:
        self.root = root
        #: False in a render process that hands its images to the parent (see :meth:`take`).
        self.draws = draws
        self.cache_dir = cache_dir
        self.prune = prune  # remove cached images unused for a month (not after a partial rebuild)
        self.posts_edit_url = posts_edit_url  # where generated blog overviews send "edit this page"
        self.jobs: list[tuple[str, ShareCard]] = []
        self.images = ImageQueue(cache_dir)
        self.env = None

    def on_files(self, files: Files, config) -> None:
        """Add robots.txt and (if the blog is on) a feed placeholder, so links to the feed validate."""
        self.jobs = []
        if config.site_url:
            files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url)))
        if BLOG_PLUGIN in config.plugins:
            files.append(File.generated(config, FEED_DOC, content=""))

    def on_env(self, env, files: Files, config, catalogue: Catalogue) -> None:
        """Write the feed now that the blog plugin has given every story its address."""
        self.env = env
        feed = files.get_file_from_path(FEED_DOC)
        if feed is None:
            return
        site = (config.site_url or "").rstrip("/") + "/"
        urls = {s.doc_path: site + f.url for s in catalogue.stories if (f := files.get_file_from_path(s.doc_path)) and f.inclusion.is_included()}
        blog = files.get_file_from_path("verhalen/index.md")
        feed.content_string = feed_xml(
            catalogue.stories, urls,
            title=f"Verhalen – {config.site_name}",
            description=f"Nieuws, verslagen en praktijkverhalen van de {config.site_name}.",
            home=site + (blog.url if blog else ""),
            self_url=site + feed.url,
        )

    def queue_image(self, page, config) -> None:
        """Start drawing a page's share image as soon as its title is known, while mkdocs renders the rest."""
        if self.draws and is_shared(page):
            self.images.add(share_card(page, config))

    def on_page_context(self, context: dict, page, config) -> dict:
        """Give the template its sharing data (``delen``) and remember the share image to write."""
        meta = page.meta or {}
        if not is_shared(page):
            return context
        card = share_card(page, config)
        title = card.title
        description = page_description(meta, config.site_description or "")
        if "samenvatting" in meta and "description" not in meta:
            # Material writes <meta name="description"> from page.meta.description, unescaped.
            meta["description"] = html.escape(description)
        story = is_story(tuple(page.file.src_uri.split("/")))
        date = meta.get("date") if story else None
        context["delen"] = share_meta(
            title=title, description=description, url=page.canonical_url or "", site_url=config.site_url or "",
            dest_uri=page.file.dest_uri, site_name=config.site_name, is_story=story,
            published=date.isoformat() if hasattr(date, "isoformat") else None,
        )
        self.blog_actions(context, page)
        if self.draws:
            self.images.add(card)  # a no-op unless the card changed since queue_image
        self.jobs.append((image_path(page.file.dest_uri), card))
        return context

    def on_page_content(self, html_text: str, page) -> str:
        """Mark the text of stories and of the stories' front page for search.

        Material's blog templates replace the block in which main.html marks it.
        """
        if is_story(tuple(page.file.src_uri.split("/"))):
            page.meta.setdefault("type", "verhaal")  # the page type for search (search.page_type)
        if has_own_text(page) and "data-pagefind-body" not in html_text:
            return f"<div data-pagefind-body>\n{html_text}\n</div>"
        return html_text

    def blog_actions(self, context: dict, page) -> None:
        """Put the edit and report buttons on blog pages, whose templates skip main.html's content block."""
        template = (page.meta or {}).get("template")
        if template not in BLOG_TEMPLATES or self.env is None:
            return
        is_post = template == "blog-post.html"
        if not is_post and not page.file.abs_src_path.startswith(str(self.root)):
            page.edit_url = self.posts_edit_url  # archive and category pages are made by the blog plugin
        actions = self.env.get_template(ACTIONS_PARTIAL).render({**context, "page": page, "kb_post": is_post, "kb_search": has_own_text(page)})
        page.content = actions + (page.content or "")

    def take(self, jobs: list[tuple[str, ShareCard]]) -> None:
        """Draw and write the images of another render process's pages too, and start on them now."""
        for path, card in jobs:
            self.images.add(card)
            self.jobs.append((path, card))
        self.images.flush()

    def link_drawn(self, site_dir: str) -> int:
        """Put the images that are drawn already into the site; :meth:`on_post_build` does the rest. Return how many.

        The parent runs this while Pagefind makes the search index: making 14,000 links is mostly
        work for the kernel, which would otherwise come after the index, on one core.
        """
        drawn: list[tuple[str, ShareCard]] = []
        rest: list[tuple[str, ShareCard]] = []
        for job in self.jobs:
            (drawn if (self.cache_dir / f"{job[1].key()}.png").exists() else rest).append(job)
        self.jobs = rest
        return link_into_site(drawn, Path(site_dir), self.cache_dir)

    def on_post_build(self, config) -> None:
        """Write every page's share image into the site once the drawing is done (those :meth:`link_drawn` did not)."""
        start = time.perf_counter()
        report = write_images(self.jobs, Path(config.site_dir), self.cache_dir, queue=self.images, prune_unused=self.prune)
        log.info("Deelafbeeldingen: %d getekend (%.1f s CPU), %d uit de cache; %.1f s gewacht",
                 report.drawn, report.cpu_s, report.cached, time.perf_counter() - start)

    def close(self) -> None:
        """Stop drawing (the build failed)."""
        self.images.close()


def is_shared(page) -> bool:
    """Every page has sharing data and a share image, except the redirect pages of other names."""
    return (page.meta or {}).get("template") != REDIRECT_TEMPLATE


def share_card(page, config) -> ShareCard:
    """The text on a page's share image: its own title, its section, the site's name and address."""
    title = page_title(page.meta or {}, page.title or config.site_name)
    return ShareCard(title=title, label=section_label(page.url), site_name=config.site_name, address=site_address(config.site_url or ""))


def has_own_text(page) -> bool:
    """A story or the stories' front page: blog pages written by hand, not lists made by the blog plugin."""
    src = page.file.src_uri
    return is_story(tuple(src.split("/"))) or src == f"{BLOG_FOLDER}/index.md"
