"""How the search index reads a page: every table heading, term and caption ends a sentence.

Pagefind joins the text of a page into sentences for its excerpts. It ends a sentence (a full
stop if the text ends in a letter, then a space) only after the elements in its list
``SENTENCE_SELECTORS`` (``pagefind/src/fossick/parser.rs``: headings, ``p``, ``td``, ``div``,
``ul``, ``li``, ``article``, ``section``). A table's header cells (``th``), a definition list's
terms and descriptions (``dt``, ``dd``) and captions are not in that list, so their texts ran
together in a result: "Organisatie FSAN Werkgebied Landelijk Rollen Voorlichter" on every
programme page, "Rol Wat doet de sleutelpersoon? Voorbeeld uit de praktijk" above a guide's table.

Pagefind has no setting for this, so each such element gets a ``div`` around its content: allowed
there by HTML (flow content), invisible on screen and to screen readers, and an end of sentence
for Pagefind. It runs after the sanitiser (:mod:`kennisbank.site.sanitise`), on its well-formed output:
every start tag has its end tag, so the wrappers always pair up.
"""

from __future__ import annotations

import re

import markdown
from markdown.postprocessors import Postprocessor

#: Elements whose text Pagefind would otherwise run into the next (see the module docstring).
#: Not ``summary``: a ``div`` is not allowed in it, and it is not indexed differently from a heading's text.
WRAPPED = ("th", "dt", "dd", "caption", "figcaption")

#: The class of the wrapper, so that a style or test can tell it from a contributor's ``div``.
WRAPPER_CLASS = "kb-zin"

_START = re.compile(r"<(" + "|".join(WRAPPED) + r")\b[^>]*>")
_END = re.compile(r"</(" + "|".join(WRAPPED) + r")>")


def break_sentences(html: str) -> str:
    """The HTML with the content of every element in :data:`WRAPPED` inside ``<div class="kb-zin">``.

    >>> break_sentences('<dl><dt>Organisatie</dt><dd>FSAN</dd></dl>')
    '<dl><dt><div class="kb-zin">Organisatie</div></dt><dd><div class="kb-zin">FSAN</div></dd></dl>'
    >>> break_sentences('<th style="text-align: left;">Rol</th>')
    '<th style="text-align: left;"><div class="kb-zin">Rol</div></th>'
    """
    if not _START.search(html):
        return html
    opened = _START.sub(lambda match: f'{match[0]}<div class="{WRAPPER_CLASS}">', html)
    return _END.sub(lambda match: f"</div>{match[0]}", opened)


class _Break(Postprocessor):
    def run(self, text: str) -> str:
        return break_sentences(text)


class SearchTextExtension(markdown.Extension):
    """Runs :func:`break_sentences` after every Markdown conversion, after the sanitiser."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.postprocessors.register(_Break(md), "kennisbank_zinnen", -10)
