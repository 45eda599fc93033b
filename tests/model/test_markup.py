"""The first wall: HTML, dangerous links, attribute lists and scripted SVGs are refused; what the content uses passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.loading import Source
from kennisbank.model.markup import (
    MARKDOWN_ONLY,
    PLAIN_TEXT_ONLY,
    SVG_ONLY,
    rule_no_markup_in_body,
    rule_no_markup_in_fields,
    svg_problems,
    without_code,
)

from ..conftest import ROOT


def body_problems(text: str) -> list[str]:
    return [message for _, _, message in rule_no_markup_in_body(Source("content/x.md", {}, {}, text, 1))]


@pytest.mark.parametrize("line", [
    "<script>alert(1)</script>",
    "Tekst <img src=x onerror=alert(1)> tekst",
    '<iframe src="https://example.org/"></iframe>',
    '<meta http-equiv="refresh" content="0; url=https://example.org/">',
    '<form action="https://example.org/"><input name="x"></form>',
    '<link rel="stylesheet" href="https://example.org/a.css">',
    "<style>body{background:url(https://example.org/p.gif)}</style>",
    '<svg onload="alert(1)"></svg>',
    "<!-- <script>alert(1)</script> -->",
    '<div class="grid cards" markdown onclick="alert(1)">',
    "[klik](javascript:alert(1))",
    "[klik](  JavaScript:alert(1))",
    "[klik](java&#115;cript:alert(1))",
    "[klik](java\tscript:alert(1))",  # a browser drops tabs and newlines in an address
    "[klik]: java\tscript:alert(1)",
    "[klik](java&#9;script:alert(1))",
    "<div onclick=alert(1)",  # a tag at the start of a line may go on on the next line
    "[klik](data:text/html;base64,PHNjcmlwdD4=)",
    "[klik]: vbscript:msgbox(1)",
    "![pixel](https://tracker.example/p.gif)",
    "![pixel](//tracker.example/p.gif)",
    '[x](y.md){: onclick="alert(1)" }',
    "Tekst {: style=\"background:url(x)\" }",
    "# Kop <img src=x onerror=alert(1)>",
])
def test_each_way_of_running_script_is_refused(line):
    assert body_problems(line) != [], line


@pytest.mark.parametrize("line", [
    "<!-- more -->",
    "<!-- kennisbank:vergoedingstabel -->",
    '<div class="grid cards" markdown>',
    "</div>",
    "Code mag: `<script>alert(1)</script>` en ``<b>``.",
    "Met een backslash: \\<b\\> en \\[x\\](javascript:alert(1))",
    "Een adres: <https://example.org/pad> of <info@example.org>",
    "[link](https://example.org/) [mail](mailto:info@example.org) [bel](tel:+31201234567) [pagina](../gidsen/x.md#kop)",
    '![logo](logo.svg){ width="160" } [Download](logo.svg){ download="logo.svg" } {: .klasse #id }',
    "Kleiner dan: 3 < 4 en a<b niet als tag? Nee: '< 4' is geen tag.",
])
def test_what_the_content_uses_passes(line):
    assert body_problems(line) == [], line


def test_fenced_code_is_not_checked():
    assert body_problems("```html\n<script>alert(1)</script>\n```\n") == []
    assert body_problems("```\nx\n```\n<script>\n") != []


def test_every_real_content_file_passes(layout):
    problems = [p.format() for p in check_all(layout).problems if "HTML" in p.message or "adres '" in p.message]
    assert problems == []


def test_without_code_is_linear_and_exact():
    assert without_code("a `<b>` c ``<d>`` e `<f>") == "a       c         e `<f>"
    assert without_code("a ``<b> ` c`` <d> `") == "a " + " " * 11 + " <d> `"  # a span ends only at a run of its own length
    long = "`a`` " * 200_000  # many unmatched runs: still one pass
    assert len(without_code(long)) == len(long)


def test_html_in_a_text_field_is_refused_with_its_field():
    source = Source("programmas/x.yml", {"naam": "Goed", "bron": {"titel": "Bron <b onmouseover=alert(1)>x</b>"}}, {"bron.titel": 7})
    assert list(rule_no_markup_in_fields(source)) == [
        (7, "bron.titel", "hier staat HTML ('<b onmouseover=alert(1)>'); schrijf gewone tekst, zonder HTML")]


@pytest.mark.parametrize("svg", sorted((ROOT / "content").rglob("*.svg")), ids=lambda p: p.name)
def test_the_perskit_svgs_are_drawings(svg: Path):
    assert svg_problems(svg.read_bytes()) == []


#: The messages that several of the SVGs below get.
OUTSIDE_OR_SCRIPT = f"verwijst naar iets buiten dit bestand of start een script; {SVG_ONLY}"
INVALID = "dit is geen geldige SVG (de XML klopt niet in kolom {}); sla het bestand opnieuw op als SVG"
LONG = "https://example.org/a-long-address-of-more-than-forty-characters.svg#a"


@pytest.mark.parametrize(("svg", "expected"), [
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', [(1, f"'<script>' hoort niet in een tekening; {SVG_ONLY}")]),
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', [(1, f"het attribuut 'onload' start een script; {SVG_ONLY}")]),
    (b'<svg><foreignObject><iframe/></foreignObject></svg>',
     [(1, f"'<foreignObject>' hoort niet in een tekening; {SVG_ONLY}"), (1, f"'<iframe>' hoort niet in een tekening; {SVG_ONLY}")]),
    (b'<svg><use href="https://example.org/x.svg#a"/></svg>',
     [(1, f"'href' verwijst naar iets buiten dit bestand ('https://example.org/x.svg#a'); {SVG_ONLY}")]),
    (b'<svg><use xlink:href="javascript:alert(1)"/></svg>', [(1, f"'xlink:href' verwijst naar iets buiten dit bestand ('javascript:alert(1)'); {SVG_ONLY}")]),
    (f'<svg><use xlink:href="{LONG}"/></svg>'.encode(), [(1, f"'xlink:href' verwijst naar iets buiten dit bestand ('{LONG[:40]}'); {SVG_ONLY}")]),
    (b'<svg><rect style="fill:url(https://example.org/p)"/></svg>',
     [(1, f"het attribuut 'style' {OUTSIDE_OR_SCRIPT}")]),
    (b'<svg><rect fill="JavaScript:alert(1)"/></svg>', [(1, f"het attribuut 'fill' {OUTSIDE_OR_SCRIPT}")]),
    (b'<svg><rect fill="java&#9;script:alert(1)"/></svg>', [(1, f"het attribuut 'fill' {OUTSIDE_OR_SCRIPT}")]),
    (b'<svg><style>@import url(https://example.org/a.css);</style></svg>', [(1, f"'<style>' hoort niet in een tekening; {SVG_ONLY}")]),
    (b'<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
     [(1, f"'<set>' hoort niet in een tekening; {SVG_ONLY}"), (1, f"het attribuut 'to' {OUTSIDE_OR_SCRIPT}")]),
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg>&b;</svg>',
     [(1, f"het bestand heeft een DOCTYPE of ENTITY; {SVG_ONLY}")]),
    (b'<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg/>', [(2, f"het bestand heeft een DOCTYPE of ENTITY; {SVG_ONLY}")]),
    (b"<svg><rect></svg>", [(1, INVALID.format(14))]),
    (b"<svg>\n<rect>\n</svg>", [(3, INVALID.format(3))]),
    (b"<svg><rect/>", [(1, INVALID.format(13))]),  # never closed
    (b'<svg><use href="#a"/><use xlink:href="#b"/></svg>', []),  # a reference inside the file
])
def test_scripted_or_linked_svgs_are_refused_with_exact_messages(svg, expected):
    assert svg_problems(svg) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Tekst <!-- more --> en verder.", []),  # a marker the site uses, also in the middle of a line
    ("<https://www.example.org/> en <script>alert(1)</script>", ["hier staat HTML ('<script>'); " + MARKDOWN_ONLY]),
    ("a > b en dan <script>alert(1)</script>", ["hier staat HTML ('<script>'); " + MARKDOWN_ONLY]),  # a '>' before the tag
    ("a > b <span " + "x" * 50 + ">", ["hier staat HTML ('<span " + "x" * 24 + "…'); " + MARKDOWN_ONLY]),
    ("<b" + "x" * 38 + ">", ["hier staat HTML ('<b" + "x" * 28 + "…'); " + MARKDOWN_ONLY]),  # its '>' is the 41st character
    ("[site]: https://www.example.org/", []),  # a link definition is no image
    ("[klik](java&#9;script:alert(1))", ["het adres 'java&#9;script:alert(1' begint met 'javascript:'; een link begint met https://, "
                                          "mailto: of tel:, of is een pad in de kennisbank"]),
    ("[klik](javascript:" + "a" * 60 + ")", ["het adres 'javascript:" + "a" * 29 + "' begint met 'javascript:'; een link begint met "
                                              "https://, mailto: of tel:, of is een pad in de kennisbank"]),
    ("~~~\n<script>alert(1)</script>\n~~~", []),  # code
    ("   ```\n<script>alert(1)</script>\n   ```", []),  # code, its fence indented
])
def test_a_line_of_text_gets_exactly_its_message(line, expected):
    assert body_problems(line) == expected


def test_a_field_may_not_hold_the_wrappers_a_page_may_hold():
    found = list(rule_no_markup_in_fields(Source("x.yml", {"titel": '<div markdown="1">'}, {"titel": 3})))
    assert found == [(3, "titel", "hier staat HTML ('<div markdown=\"1\">'); " + PLAIN_TEXT_ONLY)]


def test_an_image_from_elsewhere_is_named_by_its_first_sixty_characters():
    url = "https://tracker.example/" + "p" * 80 + ".gif"
    assert body_problems(f"![pixel]({url})") == [
        f"de afbeelding '{url[:60]}' staat op een andere website; zet hem in content/ en verwijs ernaar met een pad, "
        "want de site laadt niets van andere servers"]
