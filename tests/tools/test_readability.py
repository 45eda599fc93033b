"""Tests voor scripts/kennisbank/tools/readability.py.

De verwachte waarden zijn met de hand geteld: zinnen en blokken volgens de regels in de
moduletekst, lettergrepen zoals de Nederlandse woordafbreking van pyphen (via textstat) ze geeft.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from kennisbank.tools import readability as rb

from ..conftest import ROOT


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("kat", 1),
        ("nieuw", 1),
        ("helper", 2),
        ("sleutelpersoon", 4),  # sleu-tel-per-soon
        ("vrijwilligersvergoeding", 7),  # vrij-wil-li-gers-ver-goe-ding
        ("bijeenkomst", 3),  # bij-een-komst
        ("coördinator", 5),
        ("organisatie", 5),
        ("ervaringsdeskundige", 7),
        ("zzp'er", 2),
    ],
)
def test_syllables_come_from_the_dutch_hyphenation(word: str, expected: int) -> None:
    assert rb.analyse(word).syllables == expected


def test_a_long_word_has_four_syllables_or_more() -> None:
    assert rb.LANG_WOORD_LETTERGREPEN == 4
    assert rb.analyse("sleutelpersoon").long_words == 1  # 4
    assert rb.analyse("nieuwkomers").long_words == 0  # 3
    assert rb.analyse("Een sleutelpersoon bij de organisatie.").long_words == 2


def test_words_keep_hyphen_and_apostrophe_and_skip_punctuation() -> None:
    assert rb.analyse("De zzp'er uit Haarlem-Zandvoort – in 2020.").words == 6


def test_sentences_split_on_end_marks_and_skip_abbreviations() -> None:
    assert rb.sentences('Wie helpt? Zij helpt! "Goed." Klaar') == [
        "Wie helpt?",
        "Zij helpt!",
        '"Goed."',
        "Klaar",
    ]
    assert rb.sentences("Neem bijv. de bus. Of o.a. de trein.") == [
        "Neem bijv. de bus.",
        "Of o.a. de trein.",
    ]
    # Een punt in een getal eindigt geen zin.
    assert rb.sentences("Er kwamen 1.200 mensen.") == ["Er kwamen 1.200 mensen."]


def test_analyse_simple_text_exact_values() -> None:
    # 2 zinnen, 8 woorden, elk woord 1 lettergreep.
    stats = rb.analyse("De kat zit op de mat. Hij slaapt.")
    assert stats == rb.TextStats(sentences=2, words=8, syllables=8, long_words=0)
    assert stats.avg_sentence_length == 4.0
    # 206,835 - 0,93 x 4 - 77 x 1
    assert stats.flesch_douma == pytest.approx(126.115)


def test_analyse_long_word_and_score() -> None:
    # Een(1) sleutelpersoon(4) helpt(1) nieuwkomers(3) = 9 lettergrepen.
    stats = rb.analyse("Een sleutelpersoon helpt nieuwkomers.")
    assert stats == rb.TextStats(sentences=1, words=4, syllables=9, long_words=1)
    assert stats.long_word_share == 0.25
    # 206,835 - 0,93 x 4 - 77 x 9/4 = 29,865
    assert stats.flesch_douma == pytest.approx(29.865)


def test_flesch_douma_formula_and_empty() -> None:
    assert rb.flesch_douma(words=10, sentences=2, syllables=15) == pytest.approx(206.835 - 0.93 * 5 - 77 * 1.5)
    assert rb.flesch_douma(0, 0, 0) == 0.0
    assert rb.analyse("") == rb.TextStats(0, 0, 0, 0)


PAGE = """---
titel: "Test met veel woorden in de kop"
themas: [werving]
---
# Kop van de pagina

!!! abstract "In het kort"

    - Eerste punt.

Dit is een [link](../praktijken/fsan.md) met een voetnoot.[^verslag] Bijv. zo.

<!-- kennisbank:vergoedingstabel -->
<div class="grid cards" markdown>
</div>

| Naam | Soort |
| --- | --- |
| FSAN | gemengd |

- [ ] Taak `code telt niet` een

```python
print("negeer dit blok helemaal")
```

[^verslag]: Verslag van de sessie, met veel woorden erin.
    Een vervolgregel van de voetnoot.
"""


def test_text_blocks_are_what_a_reader_sees() -> None:
    assert rb.text_blocks(PAGE) == [
        "Kop van de pagina",
        "In het kort",
        "Eerste punt.",
        "Dit is een link met een voetnoot. Bijv. zo.",
        "Naam",
        "Soort",
        "FSAN",
        "gemengd",
        "Taak een",
    ]


def test_analyse_markdown_page_exact_counts() -> None:
    stats = rb.analyse(PAGE)
    # Zinnen: 1+1+1+2+1+1+1+1+1 = 10.
    # Woorden: 4+3+2+(7+2)+1+1+1+1+2 = 24.
    assert stats.sentences == 10
    assert stats.words == 24
    # Lettergrepen per blok:
    # Kop van de pagina: 1+1+1+3 = 6; In het kort: 3; Eerste punt: 2+1 = 3;
    # Dit is een link met een voetnoot: 1+1+1+1+1+1+2 = 8; Bijv zo: 1+1 = 2;
    # Naam Soort FSAN gemengd: 1+1+2+2 = 6 (pyphen breekt FS-AN); Taak een: 2.  Totaal 30.
    assert stats.syllables == 30
    assert stats.long_words == 0


def test_report_and_format(tmp_path: Path) -> None:
    a = tmp_path / "a.md"
    b = tmp_path / "b.md"
    a.write_text("De kat zit op de mat. Hij slaapt.\n", encoding="utf-8")
    b.write_text("Een sleutelpersoon helpt nieuwkomers.\n", encoding="utf-8")
    scores = rb.report([a, b])
    assert [s.path for s in scores] == [str(a), str(b)]
    assert [s.stats.sentences for s in scores] == [2, 1]
    assert [s.stats.words for s in scores] == [8, 4]
    assert scores[1].stats.avg_sentence_length == 4.0

    text = rb.format_report(scores)
    lines = text.splitlines()
    # kop, streep, 2 pagina's, streep, gemiddelde
    assert len(lines) == 6
    assert lines[2].startswith(str(a))
    assert lines[2].split()[-1] == "126.1"
    assert lines[3].split()[-1] == "29.9"
    assert lines[5].startswith("gemiddelde")
    # (126,115 + 29,865) / 2 = 77,99
    assert lines[5].split()[-1] == "78.0"
    # gemiddelde zinslengte (4 + 4) / 2
    assert lines[5].split()[3] == "4.0"


def test_print_report_writes_same_text(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("Kort. Heel kort.\n", encoding="utf-8")
    scores = rb.report([page])
    buffer = io.StringIO()
    rb.print_report(scores, file=buffer)
    assert buffer.getvalue() == rb.format_report(scores) + "\n"
    # 2 zinnen, 3 woorden: gemiddeld 1,5 woord per zin.
    assert buffer.getvalue().splitlines()[2].split()[3] == "1.5"


def test_the_markdown_extensions_are_those_of_the_site() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/", ""))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert sorted(rb.MARKDOWN_EXTENSIONS) == sorted(n for n in names if n != "toc")


def test_front_matter_that_is_no_valid_yaml_is_still_left_out() -> None:
    assert rb.text_blocks("---\ntitel: [kapot\n---\n# Kop\n") == ["Kop"]
