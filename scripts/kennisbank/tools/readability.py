"""Leesbaarheid van Nederlandse Markdown-pagina's meten.

Dit module is puur: alleen de standaardbibliotheek, geen netwerk, geen
bestanden schrijven. Het telt voor een Markdown-tekst zinnen, woorden en
lettergrepen en berekent daaruit:

* de gemiddelde zinslengte (woorden per zin);
* het aandeel lange woorden;
* de Flesch-Douma-leesgemakscore::

      206,835 - 0,93 x (woorden / zinnen) - 77 x (lettergrepen / woorden)

  Hoe hoger, hoe makkelijker. Rond 60-70 is "vrij makkelijk"; B1-teksten
  zitten meestal boven de 60.

Keuzes (bewust eenvoudig en voorspelbaar gehouden)
--------------------------------------------------

Wat wordt weggehaald voordat er geteld wordt
    YAML-front matter, omheinde codeblokken en inline code, HTML-commentaar
    en HTML-tags, voetnootdefinities (``[^id]: ...`` met hun ingesprongen
    vervolgregels) en voetnootverwijzingen (``[^id]``), linkdoelen (van
    ``[tekst](doel)`` blijft ``tekst`` over), linkdefinities, afkortings-
    definities (``*[AFK]: ...``), attr_list-blokken (``{ .class }``),
    opmaaktekens (``*``, ``_``, ``#``, ``>``), lijst- en taaklijsttekens en de
    scheidingsregel van tabellen. Van een admonition (``!!! type "Titel"``)
    blijft alleen de titel over.

Zinnen
    Elke kop, elk lijstitem, elke tabelcel en elke alinea is een eigen
    tekstblok; een blok eindigt dus altijd een zin. Binnen een blok eindigt
    een zin bij ``.``, ``!`` of ``?`` (eventueel gevolgd door een
    aanhalingsteken of haakje) als daarna witruimte of het einde van het blok
    volgt. Een punt achter een bekende afkorting (zoals ``bijv.`` of
    ``o.a.``, zie :data:`AFKORTINGEN`) eindigt geen zin. Koppen en
    lijstitems tellen mee als zin, omdat een lezer ze ook leest.

Woorden
    Een woord is een reeks letters en/of cijfers, eventueel verbonden door
    een koppelteken of apostrof (``zzp'er``, ``Haarlem-Zandvoort``).

Lettergrepen (Nederlandse vuistregel)
    1. Alles in kleine letters. De ``j`` telt als medeklinker, dus ``ij`` is
       één klank (``vrij`` = 1) en een klinker erna begint een nieuwe
       lettergreep (``bijeenkomst`` = bij-een-komst, 3).
    2. Klinkers zijn ``a e i o u y`` en hun varianten met accent.
    3. Elke aaneengesloten reeks klinkers is één lettergreep
       (``aa``, ``oe``, ``eeuw``, ``ooi``, ``ieu`` zijn dus één klank).
    4. Een klinker met trema (``ë ï ö ü ä``) begint altijd een nieuwe
       lettergreep: ``ideeën`` = i-dee-en (3), ``geïnteresseerd`` = 5.
    5. Binnen een klinkerreeks is een klinkerbotsing (hiaat) een extra
       lettergreep: ``ia``, ``io``, ``iu``, ``ea`` en ``eo``
       (``sociaal`` = so-ci-aal, ``creatief`` = cre-a-tief). ``eau``
       (``bureau``) blijft één klank.
    6. Elk deel van een woord met koppelteken of apostrof telt apart;
       een deel zonder klinker (``zzp``, ``2020``) telt als één lettergreep.

    De vuistregel maakt fouten bij sommige leenwoorden (``team`` telt 2,
    maar is 1), maar is voorspelbaar; voor het vergelijken van pagina's is
    dat belangrijker dan perfectie. ``pyphen`` is bewust niet gebruikt: het
    splitst voor afbreken, niet voor uitspraak, en zou een extra
    afhankelijkheid zijn.

Lange woorden
    Een woord is lang als het volgens de vuistregel **vier of meer
    lettergrepen** heeft. Lettergrepen zeggen meer over leesmoeite dan
    letters: lange Nederlandse samenstellingen met korte delen zijn
    makkelijker dan hun lengte doet vermoeden.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

__all__ = [
    "AFKORTINGEN",
    "LANG_WOORD_LETTERGREPEN",
    "PageScore",
    "TextStats",
    "analyse",
    "flesch_douma",
    "format_report",
    "is_long_word",
    "main",
    "print_report",
    "report",
    "score_file",
    "sentences",
    "strip_markdown",
    "syllables",
    "words",
]

#: Een woord met minstens zoveel lettergrepen telt als lang woord.
LANG_WOORD_LETTERGREPEN = 4

#: Afkortingen waarvan de punt geen zin beëindigt (kleine letters, met punten).
AFKORTINGEN: frozenset[str] = frozenset(
    {
        "bijv.",
        "bv.",
        "o.a.",
        "enz.",
        "etc.",
        "d.w.z.",
        "m.a.w.",
        "e.d.",
        "z.o.z.",
        "nr.",
        "ca.",
        "incl.",
        "excl.",
        "evt.",
        "i.p.v.",
        "t.o.v.",
        "mr.",
        "dr.",
        "drs.",
        "ir.",
        "mw.",
        "dhr.",
    }
)

_KLINKERS = "aeiouyàáâèéêìíîòóôùúûäëïöü"
_TREMA = "äëïöü"
_HIATEN = ("ia", "io", "iu", "ea", "eo")

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_LINK_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:\s*\S+")
_ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>]+>")
_ATTR_LIST = re.compile(r"\{:?\s*[.#][^}]*\}|\{:\s*[^}]*\}")
_INLINE_CODE = re.compile(r"`[^`]*`")
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*(?:\s+"([^"]*)")?\s*$')
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_DEF_MARKER = re.compile(r"^:\s+")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EMPHASIS = re.compile(r"(\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~|==)")
_HR = re.compile(r"^(?:[-*_]\s*){3,}$")

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
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
    def syllables_per_word(self) -> float:
        """Gemiddeld aantal lettergrepen per woord."""
        return self.syllables / self.words if self.words else 0.0

    @property
    def flesch_douma(self) -> float:
        """Flesch-Douma-leesgemak van deze tekst."""
        return flesch_douma(self.words, self.sentences, self.syllables)


@dataclass(frozen=True)
class PageScore:
    """Leesbaarheid van één pagina."""

    path: str
    stats: TextStats

    @property
    def sentences(self) -> int:
        """Aantal zinnen."""
        return self.stats.sentences

    @property
    def words(self) -> int:
        """Aantal woorden."""
        return self.stats.words

    @property
    def avg_sentence_length(self) -> float:
        """Gemiddelde zinslengte in woorden."""
        return self.stats.avg_sentence_length

    @property
    def long_word_share(self) -> float:
        """Aandeel lange woorden (0-1)."""
        return self.stats.long_word_share

    @property
    def flesch_douma(self) -> float:
        """Flesch-Douma-leesgemak."""
        return self.stats.flesch_douma


def flesch_douma(words: int, sentences: int, syllables: int) -> float:
    """Bereken de Flesch-Douma-score.

    ``206,835 - 0,93 x woorden/zinnen - 77 x lettergrepen/woorden``.
    Geeft 0.0 terug als er geen woorden of zinnen zijn.
    """
    if words <= 0 or sentences <= 0:
        return 0.0
    return 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)


def _strip_inline(line: str) -> str:
    """Haal inline Markdown en HTML uit één regel; de leesbare tekst blijft."""
    line = _HTML_COMMENT.sub(" ", line)
    line = _INLINE_CODE.sub(" ", line)
    line = _AUTOLINK.sub(" ", line)
    line = _FOOTNOTE_REF.sub("", line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _HTML_TAG.sub(" ", line)
    line = _ATTR_LIST.sub(" ", line)
    line = _EMPHASIS.sub("", line)
    return re.sub(r"\s+", " ", line).strip()


def strip_markdown(text: str) -> list[str]:
    """Zet Markdown om in een lijst leesbare tekstblokken.

    Elk blok is een kop, een lijstitem, een tabelcel, een admonition-titel of
    een alinea (opeenvolgende gewone regels samengevoegd). Zie de moduletekst
    voor wat er precies wordt weggehaald.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _FRONT_MATTER.sub("", text, count=1)
    text = _HTML_COMMENT.sub("\n", text)

    blocks: list[str] = []
    paragraph: list[str] = []
    fence: str | None = None
    in_footnote = False

    def flush() -> None:
        if paragraph:
            joined = _strip_inline(" ".join(paragraph))
            if joined:
                blocks.append(joined)
            paragraph.clear()

    for raw in text.split("\n"):
        stripped = raw.strip()

        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        fence_match = _FENCE.match(raw)
        if fence_match:
            flush()
            fence = fence_match.group(1)[0] * 3
            continue

        if in_footnote:
            if not stripped or raw[:1] in (" ", "\t"):
                if not stripped:
                    in_footnote = False
                continue
            in_footnote = False
        if _FOOTNOTE_DEF.match(stripped):
            flush()
            in_footnote = True
            continue

        if not stripped:
            flush()
            continue
        if _LINK_DEF.match(raw) or _ABBR_DEF.match(stripped) or _HR.match(stripped):
            flush()
            continue
        if _TABLE_SEP.match(stripped) and "-" in stripped:
            flush()
            continue

        admonition = _ADMONITION.match(stripped)
        if admonition:
            flush()
            if admonition.group(1):
                blocks.append(_strip_inline(admonition.group(1)))
            continue

        line = stripped
        while line.startswith(">"):
            line = line[1:].lstrip()
        if not line:
            flush()
            continue

        if _HEADING.match(line):
            flush()
            heading = _strip_inline(_HEADING.sub("", line).rstrip("#").strip())
            if heading:
                blocks.append(heading)
            continue

        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            flush()
            for cell in line.strip("|").split("|"):
                cleaned = _strip_inline(cell)
                if cleaned:
                    blocks.append(cleaned)
            continue

        marker = _LIST_MARKER.match(line) or _DEF_MARKER.match(line)
        if marker:
            flush()
            paragraph.append(line[marker.end() :])
            continue

        if _HTML_TAG.fullmatch(line):
            flush()
            continue

        paragraph.append(line)

    flush()
    return blocks


def sentences(block: str) -> list[str]:
    """Splits één tekstblok in zinnen.

    Een blok zonder eindleesteken is één zin. Een punt na een afkorting uit
    :data:`AFKORTINGEN` beëindigt geen zin. Zinnen zonder woorden vallen weg.
    """
    result: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(block):
        before = block[start : match.start() + 1]
        last_token = before.split()[-1].lower() if before.split() else ""
        if match.group(0).startswith(".") and last_token in AFKORTINGEN:
            continue
        result.append(block[start : match.end()].strip())
        start = match.end()
    rest = block[start:].strip()
    if rest:
        result.append(rest)
    return [s for s in result if _WORD.search(s)]


def words(text: str) -> list[str]:
    """Geef de woorden van een tekst (letters/cijfers, met koppelteken of apostrof)."""
    return _WORD.findall(text)


def _syllables_part(part: str) -> int:
    """Lettergrepen van een woorddeel zonder koppelteken of apostrof."""
    part = part.lower()
    count = 0
    previous_vowel = ""
    for char in part:
        if char in _KLINKERS:
            new_syllable = (
                not previous_vowel  # eerste klinker van een reeks
                or char in _TREMA  # trema: nieuwe lettergreep
                or (previous_vowel + char) in _HIATEN  # klinkerbotsing
            )
            if new_syllable:
                count += 1
            previous_vowel = char
        else:
            previous_vowel = ""
    # "eau" (bureau) is één klank: de hiaatregel telde "ea" als extra.
    count -= part.count("eau")
    return max(count, 1)


def syllables(word: str) -> int:
    """Schat het aantal lettergrepen van een Nederlands woord.

    Zie de moduletekst voor de regels. Elk woord heeft minstens één
    lettergreep.
    """
    parts = [p for p in re.split(r"['’\-]", word) if p]
    if not parts:
        return 0
    return sum(_syllables_part(p) for p in parts)


def is_long_word(word: str) -> bool:
    """Waar als het woord vier of meer lettergrepen heeft."""
    return syllables(word) >= LANG_WOORD_LETTERGREPEN


def analyse(markdown: str) -> TextStats:
    """Tel zinnen, woorden, lettergrepen en lange woorden in een Markdown-tekst."""
    n_sentences = n_words = n_syllables = n_long = 0
    for block in strip_markdown(markdown):
        for sentence in sentences(block):
            found = words(sentence)
            if not found:
                continue
            n_sentences += 1
            n_words += len(found)
            for word in found:
                count = syllables(word)
                n_syllables += count
                if count >= LANG_WOORD_LETTERGREPEN:
                    n_long += 1
    return TextStats(n_sentences, n_words, n_syllables, n_long)


def score_file(path: str | Path) -> PageScore:
    """Lees een bestand (UTF-8) en bereken de leesbaarheid."""
    file_path = Path(path)
    return PageScore(str(path), analyse(file_path.read_text(encoding="utf-8")))


def report(paths: Iterable[str | Path]) -> list[PageScore]:
    """Bereken de leesbaarheid van elke pagina, in de gegeven volgorde."""
    return [score_file(p) for p in paths]


def format_report(scores: Sequence[PageScore]) -> str:
    """Maak een tekstoverzicht: één regel per pagina en een gemiddelde.

    Kolommen: zinnen, woorden, gemiddelde zinslengte (woorden per zin),
    aandeel lange woorden (%) en Flesch-Douma. De slotregel geeft het
    ongewogen gemiddelde van de paginawaarden (elke pagina telt even zwaar).
    """
    width = max([len(s.path) for s in scores] + [len("pagina"), len("gemiddelde")])
    header = f"{'pagina':<{width}}  {'zinnen':>6}  {'woorden':>7}  {'w/zin':>5}  {'lang%':>5}  {'F-D':>5}"
    lines = [header, "-" * len(header)]
    for s in scores:
        lines.append(
            f"{s.path:<{width}}  {s.sentences:>6}  {s.words:>7}  {s.avg_sentence_length:>5.1f}  {100 * s.long_word_share:>5.1f}  {s.flesch_douma:>5.1f}"
        )
    if scores:
        n = len(scores)
        lines.append("-" * len(header))
        lines.append(
            f"{'gemiddelde':<{width}}  {sum(s.sentences for s in scores) / n:>6.0f}  "
            f"{sum(s.words for s in scores) / n:>7.0f}  "
            f"{sum(s.avg_sentence_length for s in scores) / n:>5.1f}  "
            f"{100 * sum(s.long_word_share for s in scores) / n:>5.1f}  "
            f"{sum(s.flesch_douma for s in scores) / n:>5.1f}"
        )
    return "\n".join(lines)


def print_report(scores: Sequence[PageScore], file: TextIO | None = None) -> None:
    """Druk :func:`format_report` af (standaard naar stdout)."""
    print(format_report(scores), file=sys.stdout if file is None else file)


def main(argv: Sequence[str] | None = None) -> int:
    """Opdrachtregel: ``python -m kennisbank.readability PAD...``.

    Mappen worden doorzocht op ``*.md``. Drukt het overzicht af en geeft 0.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        paths.extend(sorted(p.rglob("*.md")) if p.is_dir() else [p])
    if not paths:
        print("gebruik: python -m kennisbank.readability PAD...", file=sys.stderr)
        return 2
    print_report(report(paths))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
