"""Privacy: mobile numbers in every notation and personal e-mail addresses are found, role addresses pass."""

from __future__ import annotations

import time

import pytest

from kennisbank.model import privacy
from kennisbank.model.privacy import email_addresses, findings, has_mobile, is_role_address, normalise

ROLES = ("info", "contact", "secretariaat")


@pytest.mark.parametrize("text", [
    "06 12 34 56 78", "06-12345678", "0612345678", "06.12.34.56.78", "06/12345678", "06–12345678", "06 - 12 34 56 78",
    "(06) 12345678", "+31 6 12345678", "+31 (0)6 12345678", "+31612345678", "0031 6 12345678", "0031612345678",
    "wa.me/31612345678", "https://wa.me/+31612345678", "https://api.whatsapp.com/send?phone=31612345678",
    "０６１２３４５６７８", "06&#45;12345678", "&#48;6-12345678", "06&ndash;12345678", "06\u200b12345678",
    "tel:%2B31612345678", "bel 06-1234\n5678", "+32 470 12 34 56",
])
def test_mobile_numbers_in_every_notation_are_found(text):
    assert [m for _, m in findings(text, ROLES)] and all("mobiel nummer" in m for _, m in findings(text, ROLES)), text
    assert has_mobile(text)


@pytest.mark.parametrize("text", ["020 123 4567", "030-1234567", "+31 20 123 4567", "088 123 4567", "1234 AB Utrecht",
                                  "2020-2024", "NL91ABNA0417164300", "in 2021 waren er 612 sleutelpersonen"])
def test_other_numbers_pass(text):
    assert list(findings(text, ROLES)) == [], text


@pytest.mark.parametrize("text", [
    "iemand@gmail.com", "j.jansen@fsan.nl", "Jan.Jansen@gemeente-utrecht.nl", "mailto:jan%40example.org",
    "mailto:jan%2540example.org", "jan&#64;example.org", "jan&commat;example.org", "ｊａｎ＠example.org",
])
def test_personal_addresses_are_refused_at_any_domain(text):
    found = list(findings(text, ROLES))
    assert len(found) == 1 and "persoonlijk e-mailadres" in found[0][1], text


@pytest.mark.parametrize("address", ["info@fsan.nl", "INFO@fsan.nl", "contact@gemeente.example", "secretariaat+zorg@org.nl"])
def test_role_addresses_pass(address):
    assert is_role_address(address, ROLES)
    assert list(findings(f"Mail {address}.", ROLES)) == []


def test_the_line_of_each_finding_is_the_line_it_starts_on():
    text = "regel\n06-1234\n5678 en\niemand@gmail.com\n\n０６１２３４５６７８"
    assert [line for line, _ in findings(text, ROLES)] == [1, 5, 3]


def test_normalise_keeps_one_line_per_line():
    text = "a%0Ab\n06&#x2d;\n12345678\n&#12288;x"
    assert normalise(text).count("\n") <= text.count("\n")


@pytest.mark.parametrize("text", ["a." * 500_000, ("a." * 30 + "@") * 16_000, "x@" * 500_000, "@" * 1_000_000,
                                  ("a" * 63 + "@" + "b-" * 100 + ".") * 3000])
def test_the_address_finder_is_linear(text):
    start = time.perf_counter()
    list(email_addresses(text))
    assert time.perf_counter() - start < 3  # a backtracking pattern needs minutes here; this takes well under a second


def test_a_number_hidden_after_thousands_of_non_numbers_is_not_missed():
    padding = " ".join(f"1{i:08d}" for i in range(privacy.MAX_TRIES + 10))  # number-like, none valid
    found = list(findings(padding + " 06-12345678", ROLES))
    assert found and "zo veel getallen" in found[0][1]
