"""The RSS feed of the stories: built from records, parsed back with the standard library."""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree as ET

import pytest

from kennisbank.model.records import Consent, Story
from kennisbank.pages.feed import FEED_DOC, feed_xml, rfc822

from ..conftest import ROOT

SITE = "https://example.org/kb/"


def story(slug: str, day: dt.date, *, title: str = "Titel", draft: bool = False) -> Story:
    return Story(slug=slug, path=f"content/verhalen/posts/{slug}.md", doc_path=f"verhalen/posts/{slug}.md", title=title,
                 summary=f"Samenvatting van {slug}.", date=day, categories=("Nieuws",), consent=Consent(identifiable=False), draft=draft)


def parse(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def build(stories: list[Story], urls: dict[str, str] | None = None) -> ET.Element:
    urls = urls if urls is not None else {s.doc_path: f"{SITE}verhalen/{s.slug}/" for s in stories}
    return parse(feed_xml(stories, urls, title="Verhalen", description="Alle verhalen", home=f"{SITE}verhalen/", self_url=f"{SITE}{FEED_DOC}"))


def test_items_newest_first_without_drafts_or_unpublished():
    stories = [story("oud", dt.date(2021, 2, 23)), story("nieuw", dt.date(2026, 11, 1)),
               story("concept", dt.date(2026, 11, 2), draft=True), story("zonder-adres", dt.date(2026, 11, 3))]
    urls = {s.doc_path: f"{SITE}verhalen/{s.slug}/" for s in stories if s.slug != "zonder-adres"}
    channel = build(stories, urls).find("channel")
    assert [i.findtext("link") for i in channel.findall("item")] == [f"{SITE}verhalen/nieuw/", f"{SITE}verhalen/oud/"]
    assert channel.findtext("lastBuildDate") == "Sun, 01 Nov 2026 00:00:00 +0000"


def test_text_is_escaped_and_round_trips():
    title = 'Sleutelpersonen & gemeenten: "<samen>"'
    item = build([story("a", dt.date(2026, 1, 5), title=title)]).find("channel/item")
    assert item.findtext("title") == title


def test_rfc822_dates_parse_back():
    assert parsedate_to_datetime(rfc822(dt.date(2021, 2, 23))) == dt.datetime(2021, 2, 23, tzinfo=dt.UTC)


def test_empty_feed_is_still_valid_rss():
    rss = build([])
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    assert rss.find("channel/item") is None


@pytest.fixture(scope="module")
def built_feed(built_site) -> ET.Element:
    return ET.parse(built_site / FEED_DOC).getroot()


def test_built_feed_parses_and_every_item_is_complete(built_feed, built_site):
    items = built_feed.findall("channel/item")
    assert items, "de feed heeft geen verhalen"
    site_url = built_feed.findtext("channel/link").removesuffix("verhalen/")
    for item in items:
        for tag in ("title", "link", "pubDate", "description", "guid"):
            assert (item.findtext(tag) or "").strip(), f"{tag} ontbreekt in {item.findtext('link')}"
        assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
        page = built_site / item.findtext("link").removeprefix(site_url) / "index.html"
        assert page.exists(), item.findtext("link")


def test_built_feed_lists_every_published_story(built_feed):
    links = {i.findtext("link").rstrip("/").rsplit("/", 1)[-1] for i in built_feed.findall("channel/item")}
    posts = {p.stem for p in (ROOT / "content/verhalen/posts").rglob("*.md") if "draft: true" not in p.read_text(encoding="utf-8")}
    assert links == posts


def test_built_feed_points_at_itself(built_feed):
    self_link = built_feed.find("channel/{http://www.w3.org/2005/Atom}link")
    assert self_link.get("rel") == "self" and self_link.get("href").endswith("/feed.xml")
