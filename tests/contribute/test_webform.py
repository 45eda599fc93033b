"""The form on the site: what webform.py gives the page and its script (the browser side is in tests/browser/test_aanmelden.py)."""

from __future__ import annotations

import json

import pytest

from kennisbank.contribute import webform
from kennisbank.contribute.forms import ENTRY_FORMS, FORMS
from kennisbank.model.checks import Layout, make_context
from kennisbank.model.schema import SCHEMAS

from ..conftest import ROOT, TODAY

REPO = "https://github.com/kennisbank-sleutelpersonen/kennisbank"


@pytest.fixture(scope="module")
def ctx():
    return make_context(Layout(ROOT), TODAY)


def test_the_data_holds_every_question_field_and_message(ctx):
    data = json.loads(webform.form_json(ctx))
    for kind in ENTRY_FORMS:
        assert [q["id"] for q in data["forms"][kind]["questions"]] == [q.id for q in FORMS[kind].questions]
        assert [f["name"] for f in data["model"][kind]] == [f.name for f in SCHEMAS[kind]]
    assert data["messages"]["from_issue"]["required"] == "dit veld is verplicht; vul het in"
    assert data["messages"]["fields"]["area_unknown"] == "'{name}' is geen gemeente{hint}"
    assert len(data["gazetteer"]["municipalities"]) == len(ctx.gazetteer.municipalities)
    assert ["Groesbeek", "Berg en Dal"] in data["gazetteer"]["former"]
    werkgebied = next(f for f in data["model"]["praktijk"] if f["name"] == "werkgebied")
    assert werkgebied["special"] == ["landelijk", "onbekend"]


@pytest.mark.parametrize(("email", "shown"), [(None, None), ("", None), ("redactie@example.org", "redactie@example.org")])
def test_the_e_mail_route_only_with_a_configured_address(ctx, email, shown):
    page = webform.page_context(ctx, REPO, email)
    assert page["email"] == shown
    assert [k["issue_form"] for k in page["kinds"]] == [f"{REPO}/issues/new?template={FORMS[k].file}" for k in ENTRY_FORMS]


def test_without_a_repository_there_is_no_github_route(ctx):
    page = webform.page_context(ctx, None, None)
    assert page["repo"] is None and page["repo_base"] is None
    assert [k["issue_form"] for k in page["kinds"]] == [None, None]


def test_dropdown_options_are_the_labels_from_issue_reads_back(ctx):
    page = webform.page_context(ctx, REPO, None)
    themes = next(q for k in page["kinds"] if k["kind"] == "praktijk" for q in k["questions"] if q["id"] == "themas")
    assert [o.label for o in themes["options"]] == [t.label for t in ctx.vocab.lists["themas"]]
