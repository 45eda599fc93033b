"""The first wall: HTML, dangerous links, attribute lists and scripted SVGs are refused; what the content uses passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.loading import Source
from kennisbank.model.markup import rule_no_markup_in_body, rule_no_markup_in_fields, svg_problems, without_code

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


@pytest.mark.parametrize(("svg", "needle"), [
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "'<script>'"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "'onload'"),
    (b'<svg><foreignObject><iframe/></foreignObject></svg>', "'<foreignObject>'"),
    (b'<svg><use href="https://example.org/x.svg#a"/></svg>', "'href'"),
    (b'<svg><use xlink:href="javascript:alert(1)"/></svg>', "'xlink:href'"),
    (b'<svg><rect style="fill:url(https://example.org/p)"/></svg>', "'style'"),
    (b'<svg><style>@import url(https://example.org/a.css);</style></svg>', "'<style>'"),
    (b'<svg><set attributeName="href" to="javascript:alert(1)"/></svg>', "'<set>'"),
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg>&b;</svg>', "DOCTYPE"),
    (b"<svg><rect></svg>", "geen geldige SVG"),
])
def test_scripted_or_linked_svgs_are_refused(svg, needle):
    problems = svg_problems(svg)
    assert problems and any(needle in message for _, message in problems), problems


def test_an_image_from_elsewhere_is_named_by_its_first_sixty_characters():
    url = "https://tracker.example/" + "p" * 80 + ".gif"
    assert body_problems(f"![pixel]({url})") == [
        f"de afbeelding '{url[:60]}' staat op een andere website; zet hem in content/ en verwijs ernaar met een pad, "
        "want de site laadt niets van andere servers"]
