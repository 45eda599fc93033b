"""The vocabulary file (data/vocabulaire.yml) is read as every source is: a Dutch message with its line, never a traceback."""

from __future__ import annotations

import pytest

from kennisbank.model import vocabulary as vb
from kennisbank.model.schema import SCHEMAS

from ..conftest import ROOT

REAL = (ROOT / "data" / "vocabulaire.yml").read_text(encoding="utf-8")


def _read(tmp_path, raw: bytes):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "vocabulaire.yml").write_bytes(raw)
    vocabularies, problems = vb.read_vocabularies(tmp_path / "data" / "vocabulaire.yml", tmp_path)
    return vocabularies, [p.format() for p in problems]


def test_the_real_vocabularies_are_read_with_their_labels(tmp_path):
    vocabularies, problems = _read(tmp_path, REAL.encode())
    assert problems == [] and set(vb.REQUIRED) <= set(vocabularies.lists)
    assert vocabularies.label("themas", "werving") == "Werving en selectie"


def test_every_vocabulary_the_content_model_uses_is_required():
    used = set()

    def walk(fields):
        for field in fields:
            used.update([field.vocabulary] if getattr(field, "vocabulary", None) else [])
            walk(getattr(field, "fields", ()) or getattr(getattr(field, "group", None), "fields", ()))

    for fields in SCHEMAS.values():
        walk(fields)
    assert used and used <= set(vb.REQUIRED)


@pytest.mark.parametrize(("raw", "expected"), [
    (b"rollen: [\n", ["data/vocabulaire.yml:2: ongeldige YAML: expected the node content, but found '<stream end>'"]),
    (REAL.replace("Adviseur", "Advis\udcff", 1).encode("utf-8", "surrogateescape"),
     ["data/vocabulaire.yml:7: dit is geen geldige UTF-8 (byte 0xff); sla het bestand op als 'UTF-8'"]),
    (REAL.replace("rollen:\n", "rollen: &r\n", 1).encode(),
     ["data/vocabulaire.yml:5: rollen: '&r' is in YAML een anker; bronbestanden gebruiken geen ankers (&) en verwijzingen (*): "
      "laat het weg, of zet de waarde tussen aanhalingstekens als het tekst is"]),
    (REAL.replace("status:\n", "statussen:\n", 1).encode(),
     ["data/vocabulaire.yml:1: status: deze woordenlijst ontbreekt; de bronbestanden gebruiken haar. "
      "Zet haar terug: per waarde een sleutel met daaronder 'label' en 'uitleg'"]),
    (REAL.replace("    label: Adviseur\n", "", 1).encode(),
     ["data/vocabulaire.yml:6: rollen.adviseur.label: dit verplichte veld ontbreekt of is geen tekst"]),
    (b"- rollen\n", ["data/vocabulaire.yml:1: de velden moeten de vorm 'veld: waarde' hebben, één per regel"]),
    (REAL.replace("rollen:\n", "rollen:\n  los: tekst\n  ook: tekst\n", 1).encode(),  # each term that is no group is named
     ["data/vocabulaire.yml:6: rollen.los: moet 'label' en 'uitleg' hebben",
      "data/vocabulaire.yml:7: rollen.ook: moet 'label' en 'uitleg' hebben"]),
])
def test_a_broken_vocabulary_gets_a_dutch_message_and_is_not_used(tmp_path, raw, expected):
    assert _read(tmp_path, raw) == (None, expected)


def test_a_tool_gets_the_problems_as_its_error(tmp_path):
    (tmp_path / "vocabulaire.yml").write_text("rollen: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^vocabulaire.yml:2: ongeldige YAML"):
        vb.load_vocabularies(tmp_path / "vocabulaire.yml")


VOCAB = vb.load_vocabularies(ROOT / "data" / "vocabulaire.yml")


@pytest.mark.parametrize(("name", "key"), [(name, t.key) for name, terms in sorted(VOCAB.lists.items()) for t in terms])
def test_every_key_finds_its_own_term(name, key):
    term = VOCAB.term(name, key)
    assert (term.key, VOCAB.label(name, key)) == (key, term.label)


def test_a_term_has_its_key_label_and_explanation(tmp_path):
    vocabularies, _ = _read(tmp_path, REAL.encode())
    assert vocabularies.term("themas", "werving") == vb.Term("werving", "Werving en selectie",
                                                             "Sleutelpersonen vinden, kiezen en de groep divers maken.")


def test_a_warning_about_the_file_is_kept_when_the_vocabularies_can_be_used(tmp_path):
    vocabularies, problems = _read(tmp_path, b"\xef\xbb\xbf" + REAL.encode())
    assert vocabularies is not None and vocabularies.label("themas", "werving") == "Werving en selectie"
    assert problems == ["data/vocabulaire.yml:1: het bestand begint met een BOM (byte order mark); sla het op als 'UTF-8' zonder BOM"]
    # It is still an error (the check fails), so a tool refuses the file, as it does every file with an error.
    (tmp_path / "vocabulaire.yml").write_bytes(b"\xef\xbb\xbf" + REAL.encode())
    with pytest.raises(ValueError, match=r"^vocabulaire.yml:1: het bestand begint met een BOM"):
        vb.load_vocabularies(tmp_path / "vocabulaire.yml")


def test_a_tool_gets_every_problem_each_on_its_own_line(tmp_path):
    (tmp_path / "vocabulaire.yml").write_text("rollen: []\nthemas: 3\n", encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        vb.load_vocabularies(tmp_path / "vocabulaire.yml")
    missing = [name for name in vb.REQUIRED if name not in ("rollen", "themas")]
    assert str(raised.value).split("\n") == [
        *(f"vocabulaire.yml:1: {name}: deze woordenlijst ontbreekt; de bronbestanden gebruiken haar. Zet haar terug: {vb.TERM}"
          for name in missing),
        f"vocabulaire.yml:1: rollen: moet een woordenlijst zijn: {vb.TERM}", f"vocabulaire.yml:2: themas: moet een woordenlijst zijn: {vb.TERM}"]
    assert vb.load_vocabularies(ROOT / "data" / "vocabulaire.yml").label("themas", "werving") == "Werving en selectie"
