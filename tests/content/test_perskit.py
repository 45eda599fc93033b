"""The press kit: accessible, licensed SVG images that the page offers for download."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

import pytest

from ..conftest import ROOT

KIT = ROOT / "content" / "perskit"
SVG = "{http://www.w3.org/2000/svg}"
CC = "{http://creativecommons.org/ns#}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
IMAGES = sorted(p.name for p in KIT.glob("*.svg"))


def test_there_are_a_logo_and_illustrations():
    assert "logo-kennisbank.svg" in IMAGES
    assert len([i for i in IMAGES if i.startswith("illustratie-")]) >= 2


@pytest.mark.parametrize("name", IMAGES)
def test_svg_is_accessible(name):
    svg = ET.parse(KIT / name).getroot()
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    assert svg[0].tag == f"{SVG}title" and svg[0].text.strip(), "de eerste kindtag moet een <title> met tekst zijn"
    ids = {e.get("id") for e in svg.iter() if e.get("id")}
    assert set(svg.get("aria-labelledby").split()) <= ids
    assert svg.find(f"{SVG}desc").text.strip()


@pytest.mark.parametrize("name", IMAGES)
def test_svg_carries_its_licence(name):
    work = ET.parse(KIT / name).getroot().find(f"{SVG}metadata/{RDF}RDF/{CC}Work")
    assert work.find(f"{CC}license").get(f"{RDF}resource") == "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize("name", IMAGES)
def test_svg_is_self_contained(name):
    """No fonts, images or scripts from elsewhere: the file works offline and is safe to embed."""
    text = (KIT / name).read_text(encoding="utf-8")
    assert "<script" not in text and "<image" not in text and "@import" not in text
    hrefs = re.findall(r'(?:xlink:)?href="([^"]*)"', text)
    assert hrefs == []


def test_page_offers_every_image_for_download_with_its_licence():
    page = (KIT / "index.md").read_text(encoding="utf-8")
    for name in IMAGES:
        assert f'[Download {name}]({name}){{ download="{name}" }}' in page
        assert re.search(rf"!\[[^\]]{{10,}}\]\({re.escape(name)}\)", page), f"{name} staat niet met alt-tekst op de pagina"
    assert "CC BY 4.0" in page and "https://creativecommons.org/licenses/by/4.0/deed.nl" in page


def test_press_release_marks_every_placeholder():
    page = (KIT / "index.md").read_text(encoding="utf-8")
    release = page.split("```text", 1)[1].split("```", 1)[0]
    placeholders = re.findall(r"\[([^\]]+)\]", release)
    assert {"GEMEENTE", "DATUM", "ORGANISATIE"} <= set(placeholders)
    assert all(p == p.upper() for p in placeholders), "elke plek om in te vullen staat in HOOFDLETTERS tussen haken"


def test_built_site_serves_the_images(built_site):
    for name in IMAGES:
        assert (built_site / "perskit" / name).read_bytes() == (KIT / name).read_bytes()


@pytest.mark.browser
def test_press_kit_and_stories_show_in_a_browser(page, site_url):
    page.goto(site_url + "perskit/")
    for name in IMAGES:
        image = page.locator(f'img[src="{name}"]')
        assert image.evaluate("img => img.complete && img.naturalWidth > 0"), name
        assert image.get_attribute("alt")
        assert page.locator(f'a[href="{name}"][download]').count() == 1
    page.goto(site_url + "verhalen/")
    page.locator('article a[href="maaksessie-sleutelpersonen-2020/"]').first.click()
    page.wait_for_url("**/verhalen/maaksessie-sleutelpersonen-2020/")
    assert page.locator("h1").first.inner_text().removesuffix("¶").strip() == "Terugblik: de landelijke maaksessie over sleutelpersonen"
    assert page.foreign_requests == []
    assert page.console_errors == []
