"""Privacy: mobile numbers in every notation and personal e-mail addresses are found, role addresses pass."""

from __future__ import annotations

import time

import phonenumbers
import pytest
from phonenumbers import PhoneMetadata, PhoneNumberFormat, PhoneNumberType

from kennisbank.model import privacy
from kennisbank.model.privacy import email_addresses, findings, has_mobile, is_role_address, normalise

ROLES = ("info", "contact", "secretariaat")


@pytest.mark.parametrize("text", [
    "06 12 34 56 78", "06-12345678", "0612345678", "06.12.34.56.78", "06/12345678", "06–12345678", "06 - 12 34 56 78",
    "(06) 12345678", "+31 6 12345678", "+31 (0)6 12345678", "+31612345678", "0031 6 12345678", "0031612345678",
    "wa.me/31612345678", "https://wa.me/+31612345678", "https://api.whatsapp.com/send?phone=31612345678", "wa.me/32470123456",
    "０６１２３４５６７８", "06&#45;12345678", "&#48;6-12345678", "06&ndash;12345678", "06\u200b12345678",
    "tel:%2B31612345678", "bel 06-1234\n5678", "+32 470 12 34 56",
])
def test_mobile_numbers_in_every_notation_are_found(text):
    assert [m for _, m in findings(text, ROLES)] and all("mobiel nummer" in m for _, m in findings(text, ROLES)), text
    assert has_mobile(text)


def _mobile_lengths() -> list[tuple[str, int, int]]:
    """(region, country code, fewest digits of a mobile number there) for every region the library knows."""
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is None or metadata.mobile is None:
            continue
        lengths = [n for n in (metadata.mobile.possible_length or ()) if n > 0]
        lengths = lengths or [n for n in (metadata.general_desc.possible_length or ()) if n > 0]
        if lengths:
            found.append((region, metadata.country_code, min(lengths)))
    return found


def test_the_digit_thresholds_are_the_fewest_digits_of_any_mobile_number():
    lengths = _mobile_lengths()
    international = min(len(str(code)) + digits for _, code, digits in lengths)
    dutch = next(digits for region, _, digits in lengths if region == "NL")
    assert len(lengths) > 200
    assert international == privacy.FEWEST_DIGITS_WITH_PLUS
    assert min(dutch, len(PhoneMetadata.metadata_for_region("NL").international_prefix) + international) == privacy.FEWEST_DIGITS_WITHOUT_PLUS


@pytest.mark.parametrize("notation", [PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL,
                                      PhoneNumberFormat.RFC3966])
def test_the_quick_test_lets_the_example_mobile_number_of_every_region_through(notation):
    """Numbers the matcher finds must never be skipped by :func:`privacy.could_hold_mobile`."""
    skipped = []
    for region, _, _ in _mobile_lengths():
        example = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
        if example is None:
            continue
        text = f"bel {phonenumbers.format_number(example, notation)} vandaag"
        if list(phonenumbers.PhoneNumberMatcher(text, privacy.REGION)) and not privacy.could_hold_mobile(text):
            skipped.append(text)
    assert skipped == []


@pytest.mark.parametrize(("text", "could"), [
    ("", False), ("geen cijfers", False), ("in 2024", False), ("2024-05-01", False), ("+31 612", False), ("+31 6 123", False),
    ("+683 4002", True), ("\uff0b683 4002", True), ("0031 6 1234", True), ("06 1234 567", True),
    ("٠٦١٢٣٤٥٦٧٨", True),  # Arabic-Indic digits: the matcher reads them too
])
def test_the_quick_test_counts_digits_and_the_plus(text, could):
    assert privacy.could_hold_mobile(text) is could


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


@pytest.mark.parametrize(("text", "found"), [
    ("Mail naar info@example.org.", True),
    ("Mail naar info&#64;example.org.", True),  # only found once the text is normalised
    ("info [at] example.org of 06-nummer", False),
    ("geen adres hier", False),
    ("", False),
])
def test_has_email_finds_an_address_in_any_notation(text, found):
    assert privacy.has_email(text) is found


def test_too_many_numbers_count_as_a_mobile_number():
    """Past the matcher's limit nothing is proven clean: such a text is refused as if it held one."""
    padding = " ".join(f"1{i:08d}" for i in range(privacy.MAX_TRIES + 10))
    assert has_mobile(padding) is True
    assert has_mobile(" ".join(f"1{i:08d}" for i in range(10))) is False


@pytest.mark.parametrize(("text", "found"), [
    ("x@voorbeeld.nl b", [(0, "x@voorbeeld.nl")]),  # an address at the very start: nothing before it is read
    ("mail " + "a" * 70 + "@voorbeeld.nl", [(11, "a" * 64 + "@voorbeeld.nl")]),  # a local part is at most 64 characters
    ("mail " + "a" * 64 + "@voorbeeld.nl", [(5, "a" * 64 + "@voorbeeld.nl")]),
])
def test_email_addresses_start_where_their_local_part_starts(text, found):
    assert list(email_addresses(text)) == found


@pytest.mark.parametrize(("address", "role"), [
    ("info+a+b@voorbeeld.nl", True),  # the tag starts at the first +
    ("Info@voorbeeld.nl", True),
    ("jan+info@voorbeeld.nl", False),
    # The local part is everything before the last @: "info@jan" is no role.
    ("info@jan@voorbeeld.nl", False),
    ("jan@info@voorbeeld.nl", False),
])
def test_a_role_address_may_carry_a_tag(address, role):
    assert is_role_address(address, ROLES) is role


@pytest.mark.parametrize(("roles", "examples"), [(ROLES, "info@ of contact@"), (("info",), "info@"), ((), "info@")])
def test_role_examples_name_the_first_two_roles(roles, examples):
    assert privacy.role_examples(roles) == examples
