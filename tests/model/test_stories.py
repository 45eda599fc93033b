"""Stories: the real story becomes a record, and a story without consent cannot be published."""

from __future__ import annotations

import datetime as dt
import shutil

import jsonschema
import pytest

from kennisbank.model.checks import Layout, check_all, make_context
from kennisbank.model.loading import read_source
from kennisbank.model.records import Consent, PartialDate, Story
from kennisbank.model.schema import json_schema
from kennisbank.model.stories import is_story, rule_consent_before_publication, rule_story_authors

from ..conftest import ROOT, TODAY, run_cli
from .test_checks import EXPECTED, FIXTURES

STORY = "content/verhalen/posts/maaksessie-sleutelpersonen-2020.md"
NO_CONSENT = "content/verhalen/posts/zonder-toestemming.md"


@pytest.fixture(scope="module")
def catalogue(layout):
    return check_all(layout, today=TODAY)


def test_real_story_is_a_story_record(catalogue):
    story = next(s for s in catalogue.stories if s.path == STORY)
    assert (story.slug, story.doc_path) == ("maaksessie-sleutelpersonen-2020", "verhalen/posts/maaksessie-sleutelpersonen-2020.md")
    assert story.categories == ("Verslag", "Actieagenda")
    assert story.authors == ("redactie",)
    assert story.consent == Consent(identifiable=False)
    assert story.draft is False
    assert story.sources[0].date == PartialDate(2021, 2, 23)
    assert story.sources[0].url == "https://www.openembassy.nl/magazine/landelijke-maaksessie-sleutelpersonen/"
    assert STORY not in {p.path for p in catalogue.pages}


def test_blog_index_is_an_ordinary_page(catalogue):
    assert "content/verhalen/index.md" in {p.path for p in catalogue.pages}


@pytest.mark.parametrize(("path", "story"), [
    ("verhalen/posts/a.md", True), ("verhalen/posts/2026/a.md", True),
    ("verhalen/index.md", False), ("verhalen/posts", False), ("gidsen/posts/a.md", False),
])
def test_is_story(path, story):
    assert is_story(tuple(path.split("/"))) is story


def test_story_without_consent_fails_check_with_exact_message(scratch, capsys):
    shutil.copy(FIXTURES / NO_CONSENT, scratch / NO_CONSENT)
    assert run_cli(scratch, "check") == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        "content/verhalen/posts/zonder-toestemming.md:2: toestemming: dit verplichte veld ontbreekt "
        "(`herkenbaar: false` als niemand in het verhaal herkenbaar is; anders `herkenbaar: true` met `wie` "
        "(een rol, geen naam), `datum` en `vastgelegd`)"
    ) in out
    assert EXPECTED[NO_CONSENT][0] in out


def test_story_with_recorded_consent_passes(scratch):
    text = (FIXTURES / NO_CONSENT).read_text(encoding="utf-8").replace(
        "categories: [Nieuws]\n",
        "categories: [Interview]\ntoestemming:\n  herkenbaar: true\n  wie: \"de geïnterviewde sleutelpersoon\"\n"
        "  datum: 2026-09-20\n  vastgelegd: \"getekend formulier, bewaard bij de redactie\"\n",
    )
    (scratch / NO_CONSENT).write_text(text, encoding="utf-8")
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert [p.format() for p in catalogue.problems if p.path == NO_CONSENT] == []
    story = next(s for s in catalogue.stories if s.path == NO_CONSENT)
    assert story.consent == Consent(identifiable=True, given_by="de geïnterviewde sleutelpersoon",
                                    date=dt.date(2026, 9, 20), recorded="getekend formulier, bewaard bij de redactie")


def test_draft_story_is_checked_and_marked(scratch):
    text = (scratch / STORY).read_text(encoding="utf-8").replace("authors: [redactie]\n", "authors: [redactie]\ndraft: true\n")
    (scratch / STORY).write_text(text, encoding="utf-8")
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert next(s for s in catalogue.stories if s.path == STORY).draft is True


def test_missing_authors_file_names_where_to_add_the_author(scratch):
    (scratch / "content/verhalen/.authors.yml").unlink()
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert [p.format() for p in catalogue.problems if p.path == STORY] == [
        f"{STORY}:6: authors[0]: 'redactie' staat niet in content/verhalen/.authors.yml; "
        "voeg de auteur eerst toe aan content/verhalen/.authors.yml"
    ]


def test_duplicate_story_names_in_subfolders(scratch):
    (scratch / "content/verhalen/posts/2020").mkdir()
    shutil.copy(scratch / STORY, scratch / "content/verhalen/posts/2020/maaksessie-sleutelpersonen-2020.md")
    catalogue = check_all(Layout(scratch), today=TODAY)
    assert [p.message for p in catalogue.problems if p.path == STORY] == [
        "er is al een verhaal met de naam 'maaksessie-sleutelpersonen-2020' "
        "(content/verhalen/posts/2020/maaksessie-sleutelpersonen-2020.md); kies een andere bestandsnaam"
    ]


@pytest.mark.parametrize("name", ["zonder-toestemming", "herkenbaar-zonder-gegevens", "niet-herkenbaar-met-gegevens", "onbekende-categorie"])
def test_editor_schema_also_refuses_the_story(name, layout):
    """The JSON Schema for editors agrees with the checks on consent and categories."""
    source, problems = read_source(FIXTURES / f"content/verhalen/posts/{name}.md", FIXTURES)
    assert problems == []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(source.data, json_schema("verhaal", make_context(layout, TODAY)))


def test_real_story_passes_the_editor_schema(layout):
    source, _ = read_source(ROOT / STORY, ROOT)
    jsonschema.validate(source.data, json_schema("verhaal", make_context(layout, TODAY)))


AUTHORS = "content/verhalen/.authors.yml"


@pytest.mark.parametrize(("name", "description", "expected"), [
    ("<script>alert(1)</script>", "Schrijft nieuws",
     f"{AUTHORS}:3: authors.redactie.name: hier staat HTML ('<script>'); schrijf gewone tekst, zonder HTML"),
    ("Redactie", "Bel 06-12345678",
     f"{AUTHORS}:4: authors.redactie.description: hier staat een mobiel nummer (06); noem alleen een algemeen nummer van de "
     "organisatie, zodat geen sleutelpersoon persoonlijk bereikbaar wordt"),
    ("Redactie", "Mail naar jan.jansen@gmail.com",
     f"{AUTHORS}:4: authors.redactie.description: hier staat een persoonlijk e-mailadres ('jan.jansen@gmail.com'); noem alleen "
     "een algemeen adres van de organisatie, zoals info@ of contact@ (zie de woordenlijst 'emailadressen'), zodat geen "
     "sleutelpersoon persoonlijk bereikbaar wordt"),
])
def test_the_authors_file_gets_the_html_and_privacy_rules(scratch, name, description, expected):
    """Material shows an author's name and description on the site: no HTML, no personal contact details."""
    (scratch / AUTHORS).write_text(f"authors:\n  redactie:\n    name: '{name}'\n    description: '{description}'\n", encoding="utf-8")
    assert [p.format() for p in check_all(Layout(scratch), today=TODAY).problems if p.path == AUTHORS] == [expected]


def test_an_unknown_author_is_told_which_authors_exist_on_the_line_of_the_field():
    stories = [Story(slug="s", path="content/verhalen/posts/s.md", doc_path="verhalen/posts/s.md", title="T", summary="S",
                     date=dt.date(2026, 1, 1), categories=(), consent=Consent(identifiable=False),
                     authors=("redactie", "onbekend", "ook-onbekend"))]
    lines = {"content/verhalen/posts/s.md": {"authors[1]": 7}}
    found = [p.format() for p in rule_story_authors(stories, ("redactie", "pharos"), lines, "content")]
    assert found == [
        "content/verhalen/posts/s.md:7: authors[1]: 'onbekend' staat niet in content/verhalen/.authors.yml; kies uit: redactie, pharos",
        "content/verhalen/posts/s.md:1: authors[2]: 'ook-onbekend' staat niet in content/verhalen/.authors.yml; kies uit: redactie, pharos",
    ]
    assert [p.line for p in rule_story_authors(stories, (), {}, "content")] == [1, 1, 1]


@pytest.mark.parametrize(("given", "refused"), [(dt.date(2026, 9, 1), False), (dt.date(2026, 9, 2), True)])
def test_consent_may_be_given_on_the_day_of_publication(given, refused):
    story = Story(slug="s", path="s.md", doc_path="s.md", title="T", summary="S", date=dt.date(2026, 9, 1), categories=(),
                  consent=Consent(identifiable=True, given_by="de geïnterviewde", date=given, recorded="formulier"), authors=())
    assert bool(list(rule_consent_before_publication(story, 9))) is refused


@pytest.mark.parametrize("authors", ["authors: [redactie]\n", "authors: 3\n", "redactie:\n  name: Redactie\n"])
def test_an_authors_file_without_a_group_of_authors_says_what_it_should_be(scratch, authors):
    (scratch / AUTHORS).write_text(authors, encoding="utf-8")
    assert [p.format() for p in check_all(Layout(scratch), today=TODAY).problems if p.path == AUTHORS] == [
        f"{AUTHORS}:1: authors: moet een groep zijn met per auteur een sleutel (zoals 'redactie') en daaronder name, description en avatar"]


def test_an_authors_file_that_is_no_yaml_is_named_with_its_line(scratch):
    (scratch / AUTHORS).write_text("authors:\n  redactie: [\n", encoding="utf-8")
    assert [p.format() for p in check_all(Layout(scratch), today=TODAY).problems if p.path == AUTHORS] == [
        f"{AUTHORS}:3: ongeldige YAML: expected the node content, but found '<stream end>'"]
