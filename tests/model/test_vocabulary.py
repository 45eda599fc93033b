"""Vocabularies: every key of every list finds its own term."""

from __future__ import annotations

import pytest

from kennisbank.model.vocabulary import load_vocabularies

from ..conftest import ROOT

VOCAB = load_vocabularies(ROOT / "data" / "vocabulaire.yml")


@pytest.mark.parametrize(("name", "key"), [(name, t.key) for name, terms in sorted(VOCAB.lists.items()) for t in terms])
def test_every_key_finds_its_own_term(name, key):
    term = VOCAB.term(name, key)
    assert (term.key, VOCAB.label(name, key)) == (key, term.label)
