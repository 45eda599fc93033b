"""Tests voor scripts/kennisbank/tools/readability.py.

Alle verwachte waarden zijn met de hand geteld volgens de regels in de
moduletekst, zodat een test faalt als het tellen stuk gaat.
"""

from __future__ import annotations

import importlib
import io
import sys
from pathlib import Path

import pytest

# Het pakket heet ``kennisbank`` en staat in scripts/. Meestal is het
# geïnstalleerd (pip install -e .); zo niet, dan vinden we het via het pad.
SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.append(str(SCRIPTS))

rb = importlib.import_module("kennisbank.tools.readability")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("kat", 1),
        ("nieuw", 1),  # ieu is één klank
        ("Pharos", 2),
        ("helper", 2),
        ("sleutelpersoon", 4),  # sleu-tel-per-soon
        ("vrijwilligersvergoeding", 7),  # ij telt als één klinker
        ("bijeenkomst", 3),  # bij-een-komst: j scheidt de klinkers
        ("coördinator", 5),
        ("ideeën", 3),  # trema begint een nieuwe lettergreep
        ("geïnteresseerd", 5),
        ("sociaal", 3),  # hiaat ia: so-ci-aal
        ("creatief", 3),  # hiaat ea: cre-a-tief
        ("bureau", 2),  # eau blijft één klank
        ("organisatie", 5),
        ("ervaringsdeskundige", 7),
        ("zzp", 1),  # geen klinker: één lettergreep
        ("zzp'er", 2),  # delen tellen apart
        ("2020", 1),
    ],
)
def test_syllables(word: str, expected: int) -> None:
    assert rb.syllables(word) == expected


def test_long_word_threshold() -> None:
    assert rb.LANG_WOORD_LETTERGREPEN == 4
    assert rb.is_long_word("sleutelpersoon")  # 4
    assert not rb.is_long_word("nieuwkomers")  # 3
    assert rb.is_long_word("organisatie")  # 5


def test_words_keep_hyphen_and_apostrophe() -> None:
    assert rb.words("De zzp'er uit Haarlem-Zandvoort, in 2020.") == [
        "De",
        "zzp'er",
        "uit",
        "Haarlem-Zandvoort",
        "in",
        "2020",
    ]


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


def test_strip_markdown_blocks() -> None:
    assert rb.strip_markdown(PAGE) == [
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
    # Naam Soort FSAN gemengd: 1+1+1+2 = 5; Taak een: 2.  Totaal 29.
    assert stats.syllables == 29
    assert stats.long_words == 0


def test_report_and_format(tmp_path: Path) -> None:
    a = tmp_path / "a.md"
    b = tmp_path / "b.md"
    a.write_text("De kat zit op de mat. Hij slaapt.\n", encoding="utf-8")
    b.write_text("Een sleutelpersoon helpt nieuwkomers.\n", encoding="utf-8")
    scores = rb.report([a, b])
    assert [s.path for s in scores] == [str(a), str(b)]
    assert [s.sentences for s in scores] == [2, 1]
    assert [s.words for s in scores] == [8, 4]
    assert scores[1].avg_sentence_length == 4.0

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


def test_main_prints_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.md").write_text("Kort. Heel kort.\n", encoding="utf-8")
    assert rb.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "x.md" in out
    assert "gemiddelde" in out
    assert rb.main([]) == 2
