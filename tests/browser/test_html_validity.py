"""Every built page is valid HTML by the Nu HTML Checker, apart from reviewed messages that Material causes."""

from __future__ import annotations

import pytest

from ..support.html_validation import Allowed, Message, load_allowlist, stale, unexplained


@pytest.fixture(scope="module")
def allowlist():
    return load_allowlist()


def test_vnu_checked_every_page(vnu_messages, built_site):
    """A guard on the guard: vnu must have read the pages (a wrong path would give no messages at all)."""
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert {"index.html", "404.html", "toegankelijkheid/index.html"} <= pages
    assert {m.file for m in vnu_messages} <= pages
    assert not [m for m in vnu_messages if m.type == "non-document-error"]


def test_every_page_is_valid_html(vnu_messages, allowlist):
    assert [str(m) for m in unexplained(vnu_messages, allowlist)] == []


def test_allowlist_entries_still_occur(vnu_messages, allowlist):
    assert [entry.message for entry in stale(vnu_messages, allowlist)] == []


def test_allowlist_entries_say_why(allowlist):
    assert allowlist
    assert [entry.message for entry in allowlist if len(entry.reason.split()) < 10] == []


def test_allowlist_does_not_hide_a_new_error():
    """The matching itself: an entry explains only its own message, type and files."""
    entry = Allowed(message="Attribute “autocomplete” is only allowed", reason="x", type="error", files=r"^praktijken/")
    found = Message("praktijken/fsan/index.html", "error", "", "Attribute “autocomplete” is only allowed when …", 3, "")
    assert entry.matches(found)
    assert not entry.matches(Message("index.html", "error", "", found.message, 3, ""))
    assert not entry.matches(Message(found.file, "info", "", found.message, 3, ""))
    assert not entry.matches(Message(found.file, "error", "", "Element “div” not allowed as child of element “span”", 3, ""))
