"""The GitHub issue forms: written from the content model, and mirroring it."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from kennisbank.contribute.forms import CORRECTION_PAGE_FIELD, ENTRY_FORMS, FORMS, FORMS_FOLDER
from kennisbank.contribute.from_issue import FORM_SOURCE
from kennisbank.model.checks import check_all
from kennisbank.model.fields import Group, GroupList
from kennisbank.model.schema import PRACTICE_SECTIONS, SCHEMAS

from ..conftest import ROOT, TODAY
from ..conftest import run_cli as run

NOT_ASKED = {"laatst_geverifieerd", "programma"}  # set by from-issue (the date) or by an editor (the link)
SET_BY_FROM_ISSUE = {"geraadpleegd", "document"}  # the day of the form; the part of a source is for editors



@pytest.fixture(scope="module")
def vocab(layout):
    return check_all(layout, today=TODAY).context.vocab


def form_file(kind: str) -> dict:
    return yaml.safe_load((ROOT / FORMS_FOLDER / FORMS[kind].file).read_text(encoding="utf-8"))


def test_forms_on_disk_match_the_definitions(empty_repo):
    shutil.copytree(ROOT / ".github", empty_repo / ".github")
    shutil.rmtree(empty_repo / FORMS_FOLDER)
    assert run(empty_repo, "forms") == 0
    for form in FORMS.values():
        written = (empty_repo / FORMS_FOLDER / form.file).read_text(encoding="utf-8")
        assert written == (ROOT / FORMS_FOLDER / form.file).read_text(encoding="utf-8"), \
            f"{FORMS_FOLDER}/{form.file} is verouderd: draai 'kennisbank forms'"


def _schema_field(kind: str, path: str):
    name, _, sub = path.partition(".")
    name = "bronnen" if name == FORM_SOURCE else name  # the form asks for one source: the first of 'bronnen'
    field = next(f for f in SCHEMAS[kind] if f.name == name)
    group = field.group.fields if isinstance(field, GroupList) else field.fields if sub else ()
    return next(f for f in group if f.name == sub) if sub else field


@pytest.mark.parametrize("kind", ENTRY_FORMS)
def test_entry_form_asks_every_field_of_the_content_model(kind):
    asked = {q.field for q in FORMS[kind].questions if q.field}
    for path in asked:
        assert _schema_field(kind, path), path  # every question belongs to a real field
    wanted = set()
    for field in SCHEMAS[kind]:
        if field.name in NOT_ASKED:
            continue
        if isinstance(field, GroupList):  # 'bronnen': the form asks for one, read on the day of the form
            wanted |= {f"{FORM_SOURCE}.{s.name}" for s in field.group.fields if s.name not in SET_BY_FROM_ISSUE}
        else:
            wanted |= {f"{field.name}.{s.name}" for s in field.fields} if isinstance(field, Group) else {field.name}
    assert asked == wanted


@pytest.mark.parametrize("kind", ENTRY_FORMS)
def test_required_fields_are_required_questions(kind):
    for question in FORMS[kind].questions:
        if question.field and "." not in question.field:
            assert question.required == _schema_field(kind, question.field).required, question.label


def test_practice_form_asks_every_section():
    assert [q.section for q in FORMS["praktijk"].questions if q.section] == list(PRACTICE_SECTIONS)


@pytest.mark.parametrize("kind", sorted(FORMS))
def test_form_ids_and_labels_are_unique_and_valid(kind):
    questions = FORMS[kind].questions
    assert len({q.id for q in questions}) == len(questions)
    assert len({q.label for q in questions}) == len(questions)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", q.id) for q in questions)


@pytest.mark.parametrize("kind", sorted(FORMS))
def test_dropdowns_offer_the_vocabulary_labels(kind, vocab):
    for element in form_file(kind)["body"]:
        if element["type"] == "dropdown":
            terms = vocab.lists[FORMS[kind].question(element["id"]).vocabulary]
            assert element["attributes"]["options"] == [t.label for t in terms]
            # GitHub joins several choices with ", ": a label with a comma could not be read back.
            assert not any("," in t.label for t in terms)
            assert len({t.label.lower() for t in terms}) == len(terms)


@pytest.mark.parametrize("kind", sorted(FORMS))
def test_every_form_warns_about_privacy(kind):
    data = form_file(kind)
    intro = data["body"][0]["attributes"]["value"]
    assert "Noem geen namen van sleutelpersonen" in intro
    consent = next(e for e in data["body"] if e["type"] == "checkboxes")
    assert all(o["required"] for o in consent["attributes"]["options"])
    assert "Ik noem geen namen, telefoonnummers of e-mailadressen van sleutelpersonen." in [o["label"] for o in consent["attributes"]["options"]]


def test_form_links_point_to_site_pages(built_site):
    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    for kind in FORMS:
        for url in re.findall(r"\((https://[^)]+)\)", form_file(kind)["body"][0]["attributes"]["value"]):
            assert url.startswith(site_url)
            assert (built_site / url.removeprefix(site_url) / "index.html").exists(), url


def test_correction_form_has_the_field_the_report_link_fills():
    element = next(e for e in form_file("correctie")["body"] if e.get("id") == CORRECTION_PAGE_FIELD)
    assert element["type"] == "input"
