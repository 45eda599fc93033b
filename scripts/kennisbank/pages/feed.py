"""The RSS 2.0 feed of the stories, as a pure function of the story records.

Why not the mkdocs-rss-plugin package: it pins one exact mkdocs version, pulls
in GitPython, requests and CacheControl, takes dates from git history by
default (a copied folder or a shallow clone has none), and fetches remote
images over the network to learn their size. Our stories already carry a
checked publication date, title and summary, so the standard library's
ElementTree writes a correct feed in a few lines, offline and reproducibly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from ..model.records import Story

FEED_DOC = "feed.xml"  # at the root: Material fetches sitemap.xml next to every rel=alternate link
ATOM = "http://www.w3.org/2005/Atom"


def rfc822(day: dt.date) -> str:
    """A date as RSS wants it: ``Mon, 23 Feb 2021 00:00:00 +0000``."""
    return format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC))


def published(stories: Iterable[Story], urls: Mapping[str, str]) -> list[Story]:
    """Stories that are on the site (not drafts, with an address), newest first."""
    return sorted((s for s in stories if not s.draft and s.doc_path in urls), key=lambda s: (s.date, s.title), reverse=True)


def feed_xml(stories: Iterable[Story], urls: Mapping[str, str], *, title: str, description: str, home: str, self_url: str) -> str:
    """RSS 2.0 with one item per published story; ``urls`` maps a story's docs path to its absolute address."""
    ET.register_namespace("atom", ATOM)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    items = published(stories, urls)
    for tag, value in (("title", title), ("link", home), ("description", description), ("language", "nl")):
        ET.SubElement(channel, tag).text = value
    ET.SubElement(channel, f"{{{ATOM}}}link", {"href": self_url, "rel": "self", "type": "application/rss+xml"})
    if items:  # the newest story, not the clock: the same sources give the same feed
        ET.SubElement(channel, "lastBuildDate").text = rfc822(items[0].date)
    for story in items:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = story.title
        ET.SubElement(item, "link").text = urls[story.doc_path]
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = urls[story.doc_path]
        ET.SubElement(item, "pubDate").text = rfc822(story.date)
        ET.SubElement(item, "description").text = story.summary
        for category in story.categories:
            ET.SubElement(item, "category").text = category
    ET.indent(rss)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"
