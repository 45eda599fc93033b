"""The form on the site (``bijdragen/aanmelden/``): a programme or practice without a GitHub account.

The form in the browser asks the questions of the GitHub issue forms (:mod:`kennisbank.contribute.forms`)
and checks the answers as ``kennisbank from-issue`` and ``kennisbank check`` do. Everything it needs to
do so comes from here, from the Python source of truth, at build time: the questions with their labels
and help texts, the vocabularies, the municipalities (names, aliases, former names), the JSON Schemas,
the field rules of the content model, and every message as a template. :func:`form_data` is written into
the site as ``bijdragen/aanmelden/formulier.json``; the JSON Schemas are the site's own ``schemas/*.schema.json``
(:mod:`kennisbank.pages.contentmodel`), loaded when the answers are first checked; :func:`page_context` is what the page template
(``overrides/partials/kb-aanmelden.html``) renders. The scripts are in ``overrides/assets/javascripts/aanmelden/``.

Nothing the person types leaves the browser until they choose where it goes: a prefilled GitHub issue
(the existing workflow turns it into a pull request), an e-mail to the editors when ``mkdocs.yml`` names
their address, or the finished source file to download.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any
from urllib.parse import urlencode

from ..model import checks, fields, markup, privacy
from ..model.fields import AreaField, Choice, Context, Field, Group, GroupList, Integer, Languages, Terms
from ..model.gazetteer import PROVINCE_ALIASES, PROVINCES
from ..model.schema import PRACTICE_SECTIONS, SCHEMAS
from ..model.vocabulary import languages
from . import from_issue
from .forms import ENTRY_FORMS, FORMS, VALUE_KINDS, Question

PAGE_DOC = "bijdragen/aanmelden.md"
DATA_FILE = "bijdragen/aanmelden/formulier.json"
SCHEMAS_FOLDER = "schemas/"  # the site's JSON Schemas (pages.contentmodel.schema_files)

#: Messages only the form says: no rule of the check can meet these mistakes, because the check has no
#: JSON Schema of its own and the form's lists offer only allowed values.
MESSAGES = {
    "schema_other": "klopt niet met het inhoudsmodel (JSON Schema: {keyword}); pas het aan",
    "not_allowed": "'{value}' staat niet in de lijst; kies een van de mogelijkheden",
}


def _question(question: Question) -> dict[str, Any]:
    return {
        "id": question.id, "label": question.label, "type": question.type, "description": question.description,
        "required": question.required, "field": question.field, "section": question.section, "vocabulary": question.vocabulary,
        "multiple": question.multiple, "options": list(question.options), "max_length": question.max_length,
        "placeholder": question.placeholder, "value_kind": question.kind_of_value() if question.field else "",
    }


def field_spec(field: Field, ctx: Context) -> dict[str, Any]:
    """One field of the content model as the form's checks need it: its kind, its limits, its sub-fields."""
    spec: dict[str, Any] = {"name": field.name, "type": type(field).__name__, "required": field.required, "kind_text": field.kind()}
    for name in ("max_length", "multiline", "allow_future", "minimum", "until_this_year", "min_items"):
        if hasattr(field, name):
            spec[name] = getattr(field, name)
    if isinstance(field, Integer):
        spec["maximum"] = field.maximum
    if isinstance(field, AreaField):
        spec["special"] = list(field._special())
    if isinstance(field, (Terms, Choice)):
        spec["allowed"] = list(ctx.vocab.keys(field.vocabulary))
    if isinstance(field, Languages):
        spec["allowed"] = sorted(languages())
    if isinstance(field, Group):
        spec["fields"] = [field_spec(f, ctx) for f in field.fields]
        spec["in_order"] = [list(rule) for rule in field.in_order]
        spec["one_of"] = list(field.one_of)
    if isinstance(field, GroupList):
        spec["group"] = field_spec(field.group, ctx)
    return spec


def _messages() -> dict[str, Any]:
    return {
        "fields": {**fields.MESSAGES, **MESSAGES, "national": fields.NATIONAL, "suggest_cutoff": 0.8},
        "privacy": {**privacy.MESSAGES, "private": privacy.PRIVATE, "role_vocabulary": privacy.ROLE_VOCABULARY, "in_contact": privacy.IN_CONTACT},
        "markup": {"html_here": markup.HTML_HERE, "plain_text_only": markup.PLAIN_TEXT_ONLY, "comments": list(markup.COMMENTS)},
        "checks": checks.MESSAGES,
        "from_issue": from_issue.MESSAGES,
    }


def _patterns() -> dict[str, str]:
    """The regular expressions the form shares with Python, as JavaScript source (``^…$`` where Python uses fullmatch)."""
    return {
        "url": fields.URL_RE.pattern, "count": fields.COUNT_RE.pattern, "phone": f"^(?:{fields.PHONE_RE.pattern})$",
        "email": f"^(?:{fields.EMAIL_RE.pattern})$", "issue_url": from_issue.URL_RE.pattern, "issue_email": from_issue.EMAIL_RE.pattern,
    }


def form_data(ctx: Context) -> dict[str, Any]:
    """Everything the form's scripts need, from the Python source of truth (written as formulier.json)."""
    gazetteer = ctx.gazetteer
    used = sorted({q.vocabulary for kind in ENTRY_FORMS for q in FORMS[kind].questions if q.vocabulary})
    return {
        "forms": {kind: {"kind": kind, "file": FORMS[kind].file, "title": FORMS[kind].title, "suffix": from_issue.SUFFIXES[kind],
                         "questions": [_question(q) for q in FORMS[kind].questions]} for kind in ENTRY_FORMS},
        "vocabularies": {name: [[t.key, t.label] for t in ctx.vocab.lists[name]] for name in used},
        "languages": languages(),
        "roles": list(ctx.role_addresses),
        "gazetteer": {
            "municipalities": [[m.code, m.name, m.province, list(m.aliases)] for m in gazetteer.municipalities],
            "former": [[f.name, f.successor] for f in gazetteer.former],
            "provinces": {p: list(PROVINCE_ALIASES.get(p, ())) for p in PROVINCES},
        },
        "model": {kind: [field_spec(f, ctx) for f in SCHEMAS[kind]] for kind in ENTRY_FORMS},
        "messages": _messages(),
        "patterns": _patterns(),
        "number_forms": {kind: list(spec) for kind, spec in from_issue.NUMBER_FORMS.items()},
        "count_qualifiers": list(fields.COUNT_QUALIFIERS),
        "markup_chars": from_issue.MARKUP_CHARS,
        "placeholder": checks.PLACEHOLDER,
        "recent_days": checks.RECENT.days,
        "group_questions": from_issue.GROUP_QUESTIONS,
        "contact_email_label": FORMS["programma"].question(from_issue.CONTACT_EMAIL_QUESTION).label,
        "schema_line": from_issue.SCHEMA_LINE,
        "empty_section": from_issue.EMPTY_SECTION,
        "practice_sections": list(PRACTICE_SECTIONS),
        "no_response": from_issue.NO_RESPONSE,
    }


@dataclasses.dataclass(frozen=True)
class Option:
    """One choice of a dropdown: the label GitHub shows (and from-issue reads back)."""

    value: str
    label: str


def form_json(ctx: Context) -> str:
    """formulier.json: :func:`form_data` as compact JSON."""
    return json.dumps(form_data(ctx), ensure_ascii=False, separators=(",", ":"))


def _options(question: Question, ctx: Context) -> list[Option]:
    if question.type == "dropdown":
        return [Option(t.label, t.label) for t in ctx.vocab.lists[question.vocabulary]]
    return [Option(o, o) for o in question.options]


def issue_form_url(repo_url: str, kind: str) -> str:
    """The GitHub issue form of a kind, for the routes without JavaScript."""
    return f"{repo_url.rstrip('/')}/issues/new?" + urlencode({"template": FORMS[kind].file})


def page_context(ctx: Context, repo_url: str | None, editors_email: str | None) -> dict[str, Any]:
    """What the page template renders: both forms with their questions and options, and where the answers may go.

    Without ``repo_url`` the GitHub route is not offered; without ``editors_email`` (``extra: redactie: email:``
    in mkdocs.yml) the e-mail route is not shown: the site never invents an address.
    """
    kinds = []
    for kind in ENTRY_FORMS:
        form = FORMS[kind]
        questions = [{**_question(q), "options": _options(q, ctx), "area": VALUE_KINDS.get(q.field.split(".")[-1]) == "area"}
                     for q in form.questions]
        kinds.append({"kind": kind, "name": form.name, "description": form.description, "questions": questions,
                      "issue_form": issue_form_url(repo_url, kind) if repo_url else None})
    return {"kinds": kinds, "email": editors_email or None, "repo": repo_url or None,
            "repo_base": repo_url.rstrip("/") if repo_url else None, "data": DATA_FILE, "schemas": SCHEMAS_FOLDER}
