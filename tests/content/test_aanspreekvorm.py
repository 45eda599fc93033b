"""The site addresses its reader with 'je', 'jij' and 'jouw', never with the formal 'u' or 'uw'.

The schrijfwijzer (content/bijdragen/schrijfwijzer.md) asks for this. These tests read every hand-written text a
reader or contributor sees, and every generated page, and name each line that still says 'u' or 'uw'.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kennisbank.model.checks import check_all
from kennisbank.pages.assemble import generate

from ..conftest import ROOT, TODAY

#: The formal pronouns. Word boundaries keep 'Utrecht', 'uur' and 'nu' out.
FORMAL = re.compile(r"\b(?:u|uw|uwe|uzelf)\b", re.IGNORECASE)
#: A string literal in JavaScript: only those with a space are read, so a regex flag such as "u" is no sentence.
JS_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')

SOURCES = sorted(
    p.relative_to(ROOT).as_posix()
    for pattern in (
        "content/**/*.md", "content/**/*.svg", "good_practices/**/*.md", "programmas/**/*.yml", "data/*.md",
        "overrides/*.html", "overrides/partials/*.html", "overrides/assets/javascripts/**/*.js",
        "scripts/kennisbank/contribute/templates/*", ".github/ISSUE_TEMPLATE/*.yml", ".github/pull_request_template.md",
        "CONTRIBUTING.md",
    )
    for p in ROOT.glob(pattern)
)


#: A web address is no sentence: 'ook-voor-uw-gemeente' in a cited page's address addresses nobody.
URL = re.compile(r"https?://\S+")


def addresses_formally(text: str) -> bool:
    """True if the text says 'u' or 'uw'; a word named in italics (``*u*``), as the schrijfwijzer does, is no address."""
    text = URL.sub("", text)
    return any(text[m.start() - 1:m.start()] != "*" or text[m.end():m.end() + 1] != "*" for m in FORMAL.finditer(text))


def formal_lines(text: str, *, sentences_only: bool = False) -> list[str]:
    """``number: line`` for every line that addresses the reader with 'u' or 'uw'."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = [s for s in JS_STRING.findall(line) if " " in s] if sentences_only else [line]
        if any(addresses_formally(part) for part in parts):
            found.append(f"{number}: {line.strip()}")
    return found


@pytest.mark.parametrize(("text", "formal"), [
    ("Wilt u meedoen?", True),
    ("Staat Uw gemeente er niet bij?", True),
    ("Dank u wel.", True),
    ("Wil je meedoen? Ken je een programma in jouw gemeente?", False),
    ("Utrecht, nu en over een uur.", False),
    ("Spreek de lezer aan met *je*, niet met *u* of *uw*.", False),
    ("*U mag* dit gebruiken.", True),
    ("Bron: https://example.org/ook-voor-uw-gemeente", False),
    ("Ook voor uw gemeente: https://example.org/a", True),
])
def test_formal_address_is_recognised(text, formal):
    assert bool(formal_lines(text)) == formal


def test_in_javascript_only_sentences_count():
    assert formal_lines('new RegExp(term, "u");', sentences_only=True) == []
    assert formal_lines('el("p", "", "Geen programma\'s die passen bij uw filters.");', sentences_only=True) != []


def test_every_kind_of_source_is_read():
    for prefix in ("content/gidsen/", "content/bijdragen/", "content/perskit/", "good_practices/", "programmas/",
                   "overrides/partials/", "overrides/assets/javascripts/", ".github/ISSUE_TEMPLATE/"):
        assert any(s.startswith(prefix) for s in SOURCES), prefix


@pytest.mark.parametrize("source", SOURCES)
def test_source_says_je(source):
    text = (ROOT / source).read_text(encoding="utf-8")
    assert formal_lines(text, sentences_only=Path(source).suffix == ".js") == []


def test_generated_pages_say_je(layout):
    pages = [g for g in generate(check_all(layout, today=TODAY)) if g.doc_path.endswith(".md")]
    assert len(pages) > 10
    assert {g.doc_path: lines for g in pages if (lines := formal_lines(g.content))} == {}
