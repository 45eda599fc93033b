"""Leesbaarheid van Nederlandse Markdown-pagina's: zinslengte, lange woorden en Flesch-Douma.

Een pagina wordt eerst gemaakt zoals de site haar toont: Python-Markdown met de uitbreidingen
van ``mkdocs.yml`` (:data:`MARKDOWN_EXTENSIONS`). Daarvan telt de leesbare tekst, per blok: een
kop, alinea, lijstitem, tabelcel of admonition-titel. Code, voetnoten en voetnootverwijzingen
tellen niet mee.

- **Woorden en lettergrepen** telt ``textstat`` (voor het Nederlands met de woordafbreking van
  ``pyphen``): ``sleutelpersoon`` heeft 4 lettergrepen, ``vrijwilligersvergoeding`` 7.
- **Zinnen** tellen we zelf, met :func:`sentences`. Waarom: de zinsteller van textstat breekt bij
  elke punt (ook in ``bijv.`` en ``1.200``) en laat zinnen van één of twee woorden weg. Hier
  eindigt elk blok een zin, en een punt na een afkorting (:data:`AFKORTINGEN`) of in een getal niet.
- **Flesch-Douma**: ``206,835 - 0,93 x (woorden / zinnen) - 77 x (lettergrepen / woorden)``.
  ``textstat.flesch_reading_ease`` heeft voor ``nl`` dezelfde constanten, maar telt de zinnen op
  zijn eigen manier; daarom rekenen we de formule uit met onze zinnen (:func:`flesch_douma`).
  Hoe hoger, hoe makkelijker; B1-teksten zitten meestal boven de 60.
- Een woord is **lang** bij vier of meer lettergrepen: lettergrepen zeggen meer over leesmoeite
  dan letters, want lange samenstellingen met korte delen lezen makkelijker dan ze lijken.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO

import frontmatter
import markdown
import textstat

textstat.set_lang("nl")  # textstat keeps its language globally; this module is its only user

#: Een woord met minstens zoveel lettergrepen telt als lang woord.
LANG_WOORD_LETTERGREPEN = 4

#: De Markdown-uitbreidingen van mkdocs.yml die bepalen wat een lezer ziet (zonder toc: de ankertekens lees je niet).
MARKDOWN_EXTENSIONS = ("admonition", "abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
                       "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist")

#: Afkortingen waarvan de punt geen zin beëindigt (kleine letters, met punten).
AFKORTINGEN: frozenset[str] = frozenset({
    "bijv.", "bv.", "o.a.", "enz.", "etc.", "d.w.z.", "m.a.w.", "e.d.", "z.o.z.", "nr.", "ca.", "incl.", "excl.",
    "evt.", "i.p.v.", "t.o.v.", "mr.", "dr.", "drs.", "ir.", "mw.", "dhr.",
})

#: Elementen waarvan de tekst een eigen blok is (en dus een zin eindigt).
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary", "caption", "figcaption"})
#: Elementen waarvan de tekst niet telt: code, en de voetnoten met hun verwijzingen.
_SKIPPED_TAGS = frozenset({"pre", "code", "script", "style"})
_SKIPPED_CLASSES = frozenset({"footnote", "footnote-ref", "footnote-backref"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"})

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")


@dataclass(frozen=True)
class TextStats:
    """Ruwe tellingen voor een stuk tekst."""

    sentences: int
    words: int
    syllables: int
    long_words: int

    @property
    def avg_sentence_length(self) -> float:
        """Gemiddeld aantal woorden per zin (0 bij een lege tekst)."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_word_share(self) -> float:
        """Aandeel lange woorden, als getal tussen 0 en 1."""
        return self.long_words / self.words if self.words else 0.0

    @property
    def flesch_douma(self) -> float:
        """Flesch-Douma-leesgemak van deze tekst."""
        return flesch_douma(self.words, self.sentences, self.syllables)


@dataclass(frozen=True)
class PageScore:
    """Leesbaarheid van één pagina."""

    path: str
    stats: TextStats


def flesch_douma(words: int, sentences: int, syllables: int) -> float:
    """``206,835 - 0,93 x woorden/zinnen - 77 x lettergrepen/woorden``; 0.0 zonder woorden of zinnen."""
    if words <= 0 or sentences <= 0:
        return 0.0
    return 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)


class _Blocks(HTMLParser):
    """De leesbare tekst van HTML, per blok."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._text: list[str] = []
        self._open: list[bool] = []  # per open element: wordt zijn tekst overgeslagen?

    def _flush(self) -> None:
        joined = " ".join("".join(self._text).split())
        if joined:
            self.blocks.append(joined)
        self._text.clear()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag not in _VOID:
            classes = set((dict(attrs).get("class") or "").split())
            self._open.append(tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag not in _VOID and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if not any(self._open):
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def text_blocks(text: str) -> list[str]:
    """De leesbare tekstblokken van een Markdown-pagina (zonder front matter), zoals de site ze toont."""
    handler = frontmatter.YAMLHandler()
    body = handler.split(text)[1] if handler.detect(text) else text
    parser = _Blocks()
    parser.feed(markdown.markdown(body, extensions=list(MARKDOWN_EXTENSIONS)))
    parser.close()
    return parser.blocks


def sentences(block: str) -> list[str]:
    """Splits één tekstblok in zinnen.

    Een zin eindigt bij ``.``, ``!`` of ``?`` (eventueel met een aanhalingsteken of haakje erna) als
    daarna witruimte of het einde volgt; een punt na een afkorting uit :data:`AFKORTINGEN` niet.
    Een blok zonder eindleesteken is één zin. Zinnen zonder woorden vallen weg.
    """
    result: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(block):
        before = block[start : match.start() + 1].split()
        if match.group(0).startswith(".") and before and before[-1].lower() in AFKORTINGEN:
            continue
        result.append(block[start : match.end()].strip())
        start = match.end()
    result.append(block[start:].strip())
    return [s for s in result if textstat.lexicon_count(s)]


def analyse(text: str) -> TextStats:
    """Tel zinnen, woorden, lettergrepen en lange woorden in een Markdown-pagina."""
    n_sentences = n_words = n_syllables = n_long = 0
    for block in text_blocks(text):
        for sentence in sentences(block):
            n_sentences += 1
            for word in sentence.split():
                if textstat.lexicon_count(word):
                    count = textstat.syllable_count(word)
                    n_words += 1
                    n_syllables += count
                    n_long += count >= LANG_WOORD_LETTERGREPEN
    return TextStats(n_sentences, n_words, n_syllables, n_long)


def score_file(path: str | Path) -> PageScore:
    """Lees een bestand (UTF-8) en bereken de leesbaarheid."""
    return PageScore(str(path), analyse(Path(path).read_text(encoding="utf-8")))


def report(paths: Iterable[str | Path]) -> list[PageScore]:
    """Bereken de leesbaarheid van elke pagina, in de gegeven volgorde."""
    return [score_file(p) for p in paths]


def format_report(scores: Sequence[PageScore]) -> str:
    """Maak een tekstoverzicht: één regel per pagina en een gemiddelde.

    Kolommen: zinnen, woorden, gemiddelde zinslengte (woorden per zin), aandeel lange woorden (%)
    en Flesch-Douma. De slotregel geeft het ongewogen gemiddelde van de paginawaarden.
    """
    width = max([len(s.path) for s in scores] + [len("pagina"), len("gemiddelde")])
    header = f"{'pagina':<{width}}  {'zinnen':>6}  {'woorden':>7}  {'w/zin':>5}  {'lang%':>5}  {'F-D':>5}"
    lines = [header, "-" * len(header)]
    for s in scores:
        t = s.stats
        lines.append(f"{s.path:<{width}}  {t.sentences:>6}  {t.words:>7}  {t.avg_sentence_length:>5.1f}  "
                     f"{100 * t.long_word_share:>5.1f}  {t.flesch_douma:>5.1f}")
    if scores:
        n = len(scores)
        stats = [s.stats for s in scores]
        lines.append("-" * len(header))
        lines.append(
            f"{'gemiddelde':<{width}}  {sum(t.sentences for t in stats) / n:>6.0f}  "
            f"{sum(t.words for t in stats) / n:>7.0f}  "
            f"{sum(t.avg_sentence_length for t in stats) / n:>5.1f}  "
            f"{100 * sum(t.long_word_share for t in stats) / n:>5.1f}  "
            f"{sum(t.flesch_douma for t in stats) / n:>5.1f}"
        )
    return "\n".join(lines)


def print_report(scores: Sequence[PageScore], file: TextIO | None = None) -> None:
    """Druk :func:`format_report` af (standaard naar stdout)."""
    print(format_report(scores), file=sys.stdout if file is None else file)
