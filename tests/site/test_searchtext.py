"""The sentence ends that Pagefind needs after table headings, list terms and captions (site/searchtext.py)."""

from __future__ import annotations

import markdown
import pytest

from kennisbank.site.sanitise import SanitiseExtension
from kennisbank.site.searchtext import WRAPPED, SearchTextExtension, break_sentences

CASES = [
    ("<dl><dt>Organisatie</dt><dd>FSAN</dd></dl>",
     '<dl><dt><div class="kb-zin">Organisatie</div></dt><dd><div class="kb-zin">FSAN</div></dd></dl>'),
    ('<table><thead><tr><th style="text-align: left;">Rol</th></tr></thead><tbody><tr><td>Tolk</td></tr></tbody></table>',
     '<table><thead><tr><th style="text-align: left;"><div class="kb-zin">Rol</div></th></tr></thead>'
     "<tbody><tr><td>Tolk</td></tr></tbody></table>"),
    ("<table><caption>Per provincie</caption></table>", '<table><caption><div class="kb-zin">Per provincie</div></caption></table>'),
    ("<figure><img src=\"a.png\" alt=\"\"><figcaption>Kaart</figcaption></figure>",
     '<figure><img src="a.png" alt=""><figcaption><div class="kb-zin">Kaart</div></figcaption></figure>'),
    # A list inside a description: every start tag has its own end tag, so the wrappers nest as the elements do.
    ("<dl><dd>a<dl><dt>b</dt></dl></dd></dl>",
     '<dl><dd><div class="kb-zin">a<dl><dt><div class="kb-zin">b</div></dt></dl></div></dd></dl>'),
    ("<p>Geen tabel, <thead> of <details><summary>kop</summary></details></p>",
     "<p>Geen tabel, <thead> of <details><summary>kop</summary></details></p>"),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_each_heading_term_and_caption_gets_a_sentence_wrapper(html, expected):
    assert break_sentences(html) == expected


def test_every_wrapped_element_has_a_case():
    covered = {tag for html, expected in CASES if html != expected for tag in WRAPPED if f"<{tag}" in html}
    assert covered == set(WRAPPED)


def test_it_runs_after_the_sanitiser_in_a_markdown_conversion():
    md = markdown.Markdown(extensions=["tables", "def_list", SanitiseExtension(), SearchTextExtension()])
    html = md.convert("| Rol | Voorbeeld |\n| --- | --- |\n| Tolk | <b onclick=x>vertaler</b> |\n\nWerkgebied\n:   Landelijk\n")
    assert '<th><div class="kb-zin">Rol</div></th>' in html
    assert '<dt><div class="kb-zin">Werkgebied</div></dt>' in html and '<dd><div class="kb-zin">Landelijk</div></dd>' in html
    assert "onclick" not in html
