"""No source file can put HTML, script or event handlers into the site.

Two ways in are tried: a form body full of tricks turned into a file by
from-issue, and hand-written source files with tricks in every field (as a
pull request from the web editor could bring). The site is built from them and
the pages are searched for anything that would run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kennisbank.contribute.from_issue import convert
from kennisbank.model import checks
from kennisbank.model.checks import Layout, check_all

from ..conftest import ROOT, TODAY, run_cli
from ..support.html import read_html

ISSUES = Path(__file__).parents[1] / "fixtures" / "issues"

HOSTILE_PROGRAMME = """\
naam: "Programma {: onclick=\\"alert(1)\\" } [klik](javascript:alert(2))"
samenvatting: "Samenvatting <script>alert(3)</script> met ![beeld](https://tracker.example/p.gif)"
organisatie: "[klik](javascript:alert(4)){: onmouseover=alert(5) }"
website: "https://example.org/><script>alert(6)</script>"
werkgebied: landelijk
themas: [gezondheid]
rollen: [voorlichter]
doelgroepen: [somalisch]
vergoeding: gemengd
hoe_inzetten: "Zo: <img src=x onerror=alert(7)> en [x](javascript:alert(8)) {: onclick=alert(9) }"
contact:
  email: "x\\"><script>alert(10)</script>@example.org"
  formulier: "https://example.org/){: onclick=alert(11) }"
status: onbekend
bronnen:
  - url: "https://example.org/)<script>alert(13)</script>"
    titel: "Bron [x](javascript:alert(12))"
    uitgever: "<b onmouseover=alert(14)>Uitgever</b>"
    datum: 2026-01-01
    geraadpleegd: 2026-11-01
laatst_geverifieerd: 2026-11-01
"""


def dangerous(page: Path) -> list[str]:
    """What would run or load: event handlers, javascript: links, frames, foreign images (scripts are counted apart)."""
    found = []
    for e in read_html(page).elements:
        if e.tag in ("iframe", "object", "embed"):
            found.append(f"<{e.tag}>")
        for name, raw in e.attrs.items():
            value = raw.strip().lower()
            if name.startswith("on"):
                found.append(f"<{e.tag} {name}>")
            if name in ("href", "src", "action", "formaction") and value.startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"<{e.tag} {name}={value}>")
            if e.tag == "img" and name == "src" and "://" in value:
                found.append(f"<img src={value}>")
    return found


def scripts(page: Path) -> int:
    return len(read_html(page).tags("script"))


def page_scripts(page: Path) -> int:
    """Scripts a page's own template adds to every page (the social map loads Leaflet and its script)."""
    if page.parent.name != "sociale-kaart":
        return 0
    return (ROOT / "overrides" / "sociale-kaart.html").read_text(encoding="utf-8").count("<script")


HOSTILE_BODY = """
Tekst <script>alert(20)</script> <img src=x onerror=alert(21)> <iframe src="https://example.org/"></iframe>

<meta http-equiv="refresh" content="0; url=https://example.org/">
<form action="https://example.org/"><input name="wachtwoord"></form>
<link rel="stylesheet" href="https://example.org/stijl.css"><style>body{display:none}</style>

[klik](javascript:alert(22)) [data](data:text/html,x) ![pixel](https://tracker.example/p.gif)

[attribuut](https://example.org/){: onclick="alert(23)" }

## Kop <img src=x onerror=alert(24)>
"""


def test_hostile_sources_are_refused_by_the_checks(scratch):
    (scratch / "programmas" / "kwaad.yml").write_text(HOSTILE_PROGRAMME, encoding="utf-8")
    problems = [p.format() for p in check_all(Layout(scratch), today=TODAY).problems if p.path == "programmas/kwaad.yml"]
    assert problems == [
        "programmas/kwaad.yml:2: samenvatting: hier staat HTML ('<script>'); schrijf gewone tekst, zonder HTML",
        "programmas/kwaad.yml:4: website: 'https://example.org/><script>alert(6)</script>' is geen geldig webadres; het moet beginnen met https://",
        "programmas/kwaad.yml:4: website: hier staat HTML ('<script>'); schrijf gewone tekst, zonder HTML",
        "programmas/kwaad.yml:10: hoe_inzetten: hier staat HTML ('<img src=x onerror=alert(7)>'); schrijf gewone tekst, zonder HTML",
        'programmas/kwaad.yml:12: contact.email: \'x"><script>alert(10)</script>@example.org\' is geen e-mailadres',
        "programmas/kwaad.yml:12: contact.email: hier staat HTML ('<script>'); schrijf gewone tekst, zonder HTML",
        "programmas/kwaad.yml:13: contact.formulier: 'https://example.org/){: onclick=alert(11) }' is geen geldig webadres; het moet beginnen met https://",
        "programmas/kwaad.yml:16: bronnen[0].url: 'https://example.org/)<script>alert(13)</script>' is geen geldig webadres; het moet beginnen met https://",
        "programmas/kwaad.yml:16: bronnen[0].url: hier staat HTML ('<script>'); schrijf gewone tekst, zonder HTML",
        "programmas/kwaad.yml:18: bronnen[0].uitgever: hier staat HTML ('<b onmouseover=alert(14)>'); schrijf gewone tekst, zonder HTML",
    ]
    practice = scratch / "good_practices" / "fsan.md"
    practice.write_text(practice.read_text(encoding="utf-8") + HOSTILE_BODY, encoding="utf-8")
    found = [p for p in check_all(Layout(scratch), today=TODAY).problems if p.path == "good_practices/fsan.md" and p.severity.value == "fout"]
    assert len({p.line for p in found}) == 7  # every line with a trick


def test_without_the_checks_nothing_hostile_reaches_the_site(scratch, monkeypatch):
    """The second wall alone: with the HTML rules switched off, escaping and nh3 (site/sanitise.py) keep every page clean."""
    monkeypatch.setattr(checks, "rule_no_markup_in_fields", lambda source: iter(()))
    monkeypatch.setattr(checks, "rule_no_markup_in_body", lambda source: iter(()))
    result = convert((ISSUES / "praktijk-html.md").read_text(encoding="utf-8"), scratch / "data", TODAY)
    assert result.problems == ()
    (scratch / "good_practices" / f"{result.slug}.md").write_text(result.text, encoding="utf-8")
    # With the addresses fixed, every remaining trick is in a text field and must be shown as text.
    fixed = HOSTILE_PROGRAMME
    for bad in ('"https://example.org/><script>alert(6)</script>"', '"x\\"><script>alert(10)</script>@example.org"',
                '"https://example.org/){: onclick=alert(11) }"', '"https://example.org/)<script>alert(13)</script>"'):
        fixed = fixed.replace(bad, '"info@example.org"' if "@" in bad else '"https://example.org/"')
    (scratch / "programmas" / "kwaad.yml").write_text(fixed, encoding="utf-8")
    story = scratch / "content" / "verhalen" / "posts" / "maaksessie-sleutelpersonen-2020.md"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("<!-- more -->", "Inleiding <img src=x onerror=alert(30)>.\n\n<!-- more -->", 1) + HOSTILE_BODY, encoding="utf-8")
    practice = scratch / "good_practices" / "avres.md"
    practice.write_text(practice.read_text(encoding="utf-8") + HOSTILE_BODY, encoding="utf-8")
    assert [p.format() for p in check_all(Layout(scratch), today=TODAY).problems if p.severity.value == "fout"] == []

    assert run_cli(scratch, "build") == 0
    site = scratch / "site"
    benign = site / "praktijken" / "fsan" / "index.html"
    assert dangerous(benign) == []
    pages = [site / "praktijken" / result.slug / "index.html", site / "programmas" / "kwaad" / "index.html",
             site / "sociale-kaart" / "index.html", site / "praktijken" / "index.html", site / "themas" / "gezondheid" / "index.html",
             site / "praktijken" / "avres" / "index.html", site / "verhalen" / "index.html",
             site / "verhalen" / "maaksessie-sleutelpersonen-2020" / "index.html"]
    for page in pages:
        assert dangerous(page) == [], page
        assert scripts(page) == scripts(benign) + page_scripts(page), page
        html = page.read_text(encoding="utf-8")
        for tag in ("<iframe", "<form action", 'http-equiv="refresh"', "stijl.css", "<style>body{display:none}"):
            assert tag not in html, (page, tag)


@pytest.mark.parametrize("value", ["https://example.org/pad?x=1&y=2#kop", "http://example.org", "https://sub.example.nl/a_b-c/~d%20e"])
def test_ordinary_web_addresses_still_pass(value, scratch):
    path = scratch / "programmas" / "fsan-vrouwenbesnijdenis.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"website: \"{value}\"\n", encoding="utf-8")
    assert [p.format() for p in check_all(Layout(scratch), today=TODAY).problems if p.path.endswith("fsan-vrouwenbesnijdenis.yml")
            and p.severity.value == "fout"] == []
