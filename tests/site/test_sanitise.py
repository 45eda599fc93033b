"""The second wall: nh3 removes everything that runs or loads, and keeps what Markdown and Material make."""

from __future__ import annotations

import re

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kennisbank.site import sanitise
from kennisbank.site.sanitise import SanitiseExtension, clean, clean_text, cleaner, name_task_boxes

from ..conftest import ROOT


@pytest.mark.parametrize(("dirty", "needle"), [
    ("<script>alert(1)</script>", "<script"), ('<img src="x" onerror="alert(1)">', "onerror"), ('<iframe src="x"></iframe>', "<iframe"),
    ('<meta http-equiv="refresh" content="0">', "<meta"), ('<form action="x"><button>x</button></form>', "<form"),
    ('<a href="javascript:alert(1)">x</a>', "javascript"), ('<a href="java&#115;cript:alert(1)">x</a>', "script:"),
    ('<link rel="stylesheet" href="https://x/a.css">', "<link"), ("<style>*{}</style>", "<style"), ('<p style="background:url(x)">x</p>', "url("),
    ('<img src="https://tracker.example/p.gif">', "tracker"), ('<object data="x"></object>', "<object"), ('<svg onload="x"></svg>', "onload"),
    ('<h2 id="k" onclick="alert(1)">Kop</h2>', "onclick"), ('<input type="text" name="wachtwoord">', 'name="wachtwoord"'),
])
def test_what_runs_or_loads_is_removed(dirty, needle):
    assert needle not in clean(dirty)


@pytest.mark.parametrize("dirty", [
    '<IMG SRC="https://tracker.example/p.gif">', '<iMg src="//tracker.example/p.gif">', '<image src="http://tracker.example/p.gif">',
    '<p>Tekst</p><!-- more --><p><img src="https://tracker.example/p.gif"></p>', '<svg><image href="https://tracker.example/p.gif"/></svg>',
])
def test_an_image_from_another_server_is_removed_in_every_spelling(dirty):
    assert "tracker" not in clean(dirty)
    assert "tracker" not in clean(dirty, interface=True)


@pytest.mark.parametrize("text", [
    '<p><a href="//elders.example/">x</a> <a href="data:text/html,x">y</a> <a href="../a/">z</a></p>',
    '<div class="x" data-pagefind-meta="a"><span title="im">tekst &lt;img</span></div>', "<p>im age</p>",
])
@pytest.mark.parametrize("interface", [False, True])
def test_text_in_which_no_image_can_start_is_cleaned_the_same_without_the_image_check(text, interface):
    assert clean(text, interface) == cleaner(interface, images=True).clean(text)


@pytest.mark.parametrize("text", ["Wat doet het programma?", "Tigrinya (ትግርኛ) en Arabisch (العربية)", "a\tb\nc", "'x' = \"y\"",
                                  ""])
def test_text_that_nh3_would_not_change_skips_it(text, monkeypatch):
    assert cleaner(False, images=False).clean(text) == text
    monkeypatch.setattr(sanitise, "cleaner", lambda *_: pytest.fail("nh3 was called"))
    assert clean(text) == text


@pytest.mark.parametrize("text", ["a & b", "a &amp; b", "<b>x</b>", "x > y", "a\u00a0b", "a\r\nb", "\ufeffa", "a\ufeffb", "a\x00b"])
def test_text_with_a_character_that_nh3_rewrites_still_goes_through_it(text, monkeypatch):
    used = []
    monkeypatch.setattr(sanitise, "cleaner", lambda *key: used.append(key) or cleaner(*key))
    assert clean(text) == cleaner(False, images=True).clean(text)
    assert used


def test_skipping_nh3_never_changes_any_character_of_the_basic_plane():
    every = [chr(point) for point in range(0x10000) if not 0xD800 <= point < 0xE000]
    for text in (*every, *(f"a{character}b" for character in every)):
        assert clean(text) == cleaner(False, images=True).clean(text), hex(ord(text[len(text) // 2]))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40), st.booleans())
def test_skipping_nh3_never_changes_what_comes_out(text, interface):
    assert clean(text, interface) == cleaner(interface, images=True).clean(text)


def test_the_excerpt_separator_and_the_interface_survive_only_where_allowed():
    assert clean("<p>a</p><!-- more --><p>b</p><!-- iets -->") == "<p>a</p><!-- more --><p>b</p>"
    form = '<form id="f" role="search"><select name="thema"><option value="a">A</option></select></form>'
    assert clean(form, interface=True) == form
    assert "<form" not in clean(form) and "<select" not in clean(form)


def test_markdown_and_material_output_is_kept():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[0].replace("!!python", ""))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    configs = {next(iter(e)): e[next(iter(e))] for e in config["markdown_extensions"] if isinstance(e, dict)}
    text = ("# Titel\n\n!!! note \"Let op\"\n\n    Tekst[^1].\n\n??? tip \"Meer\"\n\n    Verborgen.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
            "- [x] klaar\n- [ ] niet\n\nTerm\n:   Uitleg\n\n*[HTML]: HyperText\nHTML\n\n![logo](logo.svg){ width=\"160\" }\n\n"
            "[link](https://example.org/){ .md-button #knop }\n\n```python\nx = 1\n```\n\n[^1]: Voetnoot.\n")
    plain = markdown.markdown(text, extensions=names, extension_configs=configs)
    sanitised = markdown.markdown(text, extensions=[*names, SanitiseExtension()], extension_configs=configs)
    assert 'style="text-align:left"' in sanitised
    for kept in ('class="admonition note"', "<details", "<summary>", 'class="headerlink"', 'id="titel"',
                 'type="checkbox"', "checked", "<dl>", "<abbr", 'width="160"', 'class="md-button"', 'id="knop"', 'class="footnote"',
                 'href="#fn:1"', "highlight"):
        assert kept in plain and kept in sanitised, kept


def test_titles_lose_their_markup():
    assert clean_text('Kop <img src=x onerror="alert(1)">') == "Kop "
    assert clean_text("A &amp; B") == "A &amp; B"


def _tasks(text: str) -> str:
    return markdown.markdown(text, extensions=["pymdownx.tasklist", SanitiseExtension()],
                             extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}})


@pytest.mark.parametrize(("text", "names"), [
    ("- [ ] Datum is afgesproken.\n- [x] De vragen zijn **verstuurd**.\n",
     ["Datum is afgesproken.", "De vragen zijn verstuurd."]),
    ('- [ ] Zeg "welkom" & <b>dank</b>\n', ["Zeg &quot;welkom&quot; &amp; dank"]),
    ("- [ ] Buiten\n    - [ ] Binnen\n", ["Buiten", "Binnen"]),
])
def test_every_task_box_is_named_after_its_item(text, names):
    html = _tasks(text)
    assert re.findall(r'<input type="checkbox" disabled="disabled"[^>]* aria-label="([^"]*)">', html) == names
    assert html.count("<input") == len(names)


def test_a_box_without_text_keeps_no_empty_name():
    assert "aria-label" not in name_task_boxes('<li class="task-list-item"><label class="task-list-control">'
                                               '<input type="checkbox" disabled="disabled"><span></span></label></li>')
