"""The form on the site (bijdragen/aanmelden/) checks and writes as Python does, on many generated inputs, run in Node.

The form's modules (overrides/assets/javascripts/aanmelden/) port the rules that decide what a contributor
may send: the gazetteer's look-ups and did-you-mean (with difflib), the privacy rule (normalising, mobile
numbers, e-mail addresses), HTML in a text field, PyYAML's choice of quotes, the reading of answers by
``kennisbank from-issue`` and the checks of ``kennisbank check``. Each test makes its inputs from a fixed
seed, runs the modules once over all of them, and compares every answer with Python's. The last test
compares whole forms: the problems the browser shows and the file it offers with what from-issue says
and makes from the same issue body.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import json
import random
import re

import pytest

from kennisbank.contribute import from_issue, webform
from kennisbank.contribute.forms import FORMS
from kennisbank.contribute.webform import form_data
from kennisbank.model.checks import Layout, make_context
from kennisbank.model.fields import Context
from kennisbank.model.markup import PLAIN_TEXT_ONLY, _html_problem
from kennisbank.model.privacy import IN_CONTACT, email_addresses, findings, has_email, has_mobile, normalise
from kennisbank.model.schema import PRACTICE, json_schema

from ..support.node import run_module
from ..support.repo import ROOT, TODAY

SEED = 15
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def ctx() -> Context:
    return make_context(Layout(ROOT), TODAY)


@pytest.fixture(scope="module")
def data(ctx) -> dict:
    """formulier.json as the site gets it, and the JSON Schemas, as the form's context needs them."""
    return {"form": form_data(ctx), "schemas": {kind: json_schema(kind, ctx) for kind in ("praktijk", "programma")}, "today": TODAY.isoformat()}


CONTEXT_JS = "const c = makeContext(data.data.form, data.data.today, data.data.schemas);"
CONTEXT = {"aanmelden/context.js": ["makeContext"]}


def js(imports: dict[str, list[str]], body: str, data: dict, inputs) -> list:
    return run_module({**CONTEXT, **imports}, CONTEXT_JS + body, {"data": data, "inputs": inputs})


def noise(rng: random.Random, count: int, alphabet: str, longest: int = 24) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


# --- difflib and the gazetteer ----------------------------------------------------------------

def test_close_matches_agree():
    rng = random.Random(SEED)
    words = noise(rng, 300, "abcdefghij ", 12) + [w * 30 for w in noise(rng, 20, "abc", 12)]  # long ones use the popular-element rule
    pool = noise(rng, 120, "abcdefghij ", 14)
    inputs = [[w, pool] for w in words]
    answer = run_module({"aanmelden/difflib.js": ["getCloseMatches"]},
                        "return data.map(([w, pool]) => [getCloseMatches(w, pool, 3, 0.6), getCloseMatches(w, pool, 1, 0.8)]);", inputs)
    assert answer == [[difflib.get_close_matches(w, pool, 3, 0.6), difflib.get_close_matches(w, pool, 1, 0.8)] for w, pool in inputs]


def area_texts(ctx: Context, rng: random.Random) -> list[str]:
    gazetteer = ctx.gazetteer
    names = [m.name for m in gazetteer.municipalities] + [a for m in gazetteer.municipalities for a in m.aliases]
    names += [f.name for f in gazetteer.former] + ["Friesland", "NL-UT", "provincie Utrecht", "landelijk", "Onbekend", "GM0363", "gm 14"]
    typos = []
    for name in names:
        if len(name) > 3:
            at = rng.randrange(len(name))
            typos += [name[:at] + name[at + 1:], name[:at] + rng.choice("aeiouxz") + name[at:]]
    return names + [n.lower() for n in names[:80]] + [f"gemeente {n}" for n in names[:40]] + typos + ["Bergen", "Nergenshuizen", ""]


def test_area_messages_agree(ctx, data):
    """Every name, alias, former name and typo gets the message (and suggestion) of fields.AreaField."""
    texts = area_texts(ctx, random.Random(SEED))
    area = next(f for f in PRACTICE if f.name == "werkgebied")
    answer = js({"aanmelden/gemeenten.js": ["areaMessage"]},
                "return data.inputs.map((t) => areaMessage(t, c.gazetteer, ['landelijk', 'onbekend'], c.messages.fields));", data, texts)
    python = [next((m for _, m in area.check_item(t, ctx)), None) for t in texts]
    assert sum(1 for m in python if m and "bedoel je" in m) > 300
    assert [(t, j, p) for t, j, p in zip(texts, answer, python, strict=True) if j != p] == []


# --- privacy ------------------------------------------------------------------------------------

def privacy_texts(rng: random.Random) -> list[str]:
    mobiles = ["06-12345678", "06 1234 5678", "0612345678", "+31 6 12345678", "+31 (0)6-1234 5678", "0031612345678", "06.12.34.56.78",
               "+44 7911 123456", "+32 470 12 34 56", "+49 151 23456789", "+963 944 123 456", "wa.me/31612345678",
               "https://api.whatsapp.com/send?phone=31612345678", "&#48;6-12345678", "%30%36 12345678", "０６ １２３４ ５６７８", "06-\n12345678"]
    others = ["030 123 45 67", "020-5551234", "+31 30 123 4567", "088 123 4567", "1234", "2019-2024", "KvK 12345678", "0800-0123"]
    mails = ["info@example.org", "Info@Example.org", "jan.jansen@example.org", "jan%40example.org", "jan&#64;example.org",
             "contact+wijk@stichting.nl", "a@b", "x@y.z", "mail ons: secretariaat@gemeente.nl.", "..punt@example.org"]
    words = ["Bel", "Mail", "ons", "via", "of", "en", "tel.", "(werk)", "—", "&amp;", "%", "&", ":"]
    texts = mobiles + others + mails
    for _ in range(400):
        parts = [rng.choice(words + mobiles + others + mails + [str(rng.randrange(10 ** rng.randint(1, 11)))]) for _ in range(rng.randint(1, 6))]
        texts.append(rng.choice([" ", "\n", ", "]).join(parts))
    return texts


def test_privacy_agrees(ctx, data):
    texts = privacy_texts(random.Random(SEED))
    answer = js({"aanmelden/privacy.js": ["prepare", "normalise", "hasMobile", "hasEmail", "emailAddresses", "findings"]}, """
        await prepare(data.inputs);
        return data.inputs.map((t) => [normalise(t), hasMobile(t), hasEmail(t), emailAddresses(normalise(t)),
                                        findings(t, c.roles, c.messages.privacy.in_contact, c.messages.privacy)]);
    """, data, texts)
    roles = ctx.role_addresses
    python = [[normalise(t), has_mobile(t), has_email(t), [a for _, a in email_addresses(normalise(t))],
               [m for _, m in findings(t, roles, IN_CONTACT)]] for t in texts]
    assert sum(1 for p in python if p[1]) > 100 and sum(1 for p in python if p[2]) > 100
    assert [(t, j, p) for t, j, p in zip(texts, answer, python, strict=True) if j != p] == []


# --- HTML in a text field -----------------------------------------------------------------------

def html_texts(rng: random.Random) -> list[str]:
    pieces = ["<b>vet</b>", "<script>alert(1)</script>", "<!-- x -->", "<!-- more -->", "a <!-- open", "<https://example.org>",
              "<info@example.org>", "a<b", "a < b", "<", ">", "x>y", "<img src=x onerror=alert(1)>", "<?php ?>", "<!DOCTYPE html>",
              "</p>", "<svg onload=x", "<style>p{}</style>", "<p", "tekst", " ", "\n", "&lt;b&gt;"]
    return [piece for piece in pieces] + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 5))) for _ in range(400)]


def test_html_in_a_text_field_agrees(data):
    """The form refuses what the check refuses (with its words) and what from-issue would strip as HTML."""
    texts = html_texts(random.Random(SEED))
    answer = js({"aanmelden/html.js": ["htmlProblem"]}, "return data.inputs.map((t) => htmlProblem(t, c.messages.markup));", data, texts)
    for text, message in zip(texts, answer, strict=True):
        check = _html_problem(text, allow_wrappers=False)
        stripped = from_issue.strip_html(text)[1]
        if check:
            assert message == check.replace(check.split("; ", 1)[1], PLAIN_TEXT_ONLY), text
        elif stripped:
            assert message and message.startswith("hier staat HTML ('<") and message.endswith(PLAIN_TEXT_ONLY), text
        else:
            assert message is None, text


# --- YAML ---------------------------------------------------------------------------------------

def yaml_texts(rng: random.Random) -> list[str]:
    special = ["yes", "No", "on", "true", "null", "~", "12", "1.5", "0x1F", "0o7", "1_000", "12:30", ".inf", "2019-05-13", "2019-05",
               "2019-5-3", "<<", "=", "- a", "-a", "? x", ":x", "a: b", "a:b", "a #b", "a#b", "#a", "'a'", '"a"', "a'b", "[a]", "{a}",
               "a, b", "@x", "`x", "%x", "!x", "&x", "*x", "|x", ">x", "---", "...", "a...b", "ü", "é ë", "€", "😀 smile", ""]
    alphabet = "abc XYZ019-:#,'\"[]{}?!&*|>@`%.ëü😀"
    return special + noise(rng, 600, alphabet, 14)


def test_yaml_scalars_agree(data):
    """Plain, single-quoted or a literal block, as PyYAML's emitter chooses, in a mapping and in an inline list."""
    rng = random.Random(SEED)
    singles = [t.strip() for t in yaml_texts(rng)]
    multi = ["\n".join(line.strip() for line in noise(rng, rng.randint(2, 4), "ab c:#'-", 8)).strip() for _ in range(200)]
    multi = [m for m in multi if "\n" in m] + ["regel een\n\nregel drie", "a\n  ingesprongen\nb"]
    records = [{"titel": s, "lijst": [s, "x"], "groep": {"sub": s}, "hoe_inzetten": m} for s, m in zip(singles, multi * 10, strict=False)]
    answer = run_module({"aanmelden/yaml.js": ["dump"]}, "return data.map((r) => dump(r));", records)
    assert answer == [from_issue._yaml(r) for r in records]


def test_yaml_dates_and_numbers_agree():
    records = [{"datum": "2026-09-01", "aantal": 12, "jaar": 2019, "maand": "2019-05", "bronnen": [{"url": "https://x.nl", "datum": "2026-09-01"}]}]
    answer = run_module({"aanmelden/yaml.js": ["dump", "Day"]}, """
        return data.map((r) => dump({ ...r, datum: new Day(r.datum), bronnen: r.bronnen.map((b) => ({ ...b, datum: new Day(b.datum) })) }));
    """, records)
    python = [{**r, "datum": dt.date.fromisoformat(r["datum"]),
               "bronnen": [{**b, "datum": dt.date.fromisoformat(b["datum"])} for b in r["bronnen"]]} for r in records]
    assert answer == [from_issue._yaml(r) for r in python]


# --- whole forms: what the browser says and makes, and what from-issue says and makes ------------------

def labels(ctx: Context, vocabulary: str) -> list[str]:
    return [t.label for t in ctx.vocab.lists[vocabulary]]


def base_answers(ctx: Context, kind: str) -> dict:
    """A complete, valid set of answers for one kind."""
    form = FORMS[kind]
    first = {"praktijk": "Sleutelpersonen in de wijk (testvoorbeeld)", "programma": "Testprogramma voor buurtvoorlichting"}[kind]
    answers = {
        form.questions[0].id: first, "samenvatting": "Een verzonnen voorbeeld voor de tests: sleutelpersonen helpen nieuwkomers.",
        "organisatie": "Stichting Testvoorbeeld", "werkgebied": "Zwolle, Kampen", "themas": labels(ctx, "themas")[0],
        "rollen": ", ".join(labels(ctx, "rollen")[:2]), "doelgroepen": labels(ctx, "doelgroepen")[0], "talen": "Arabisch, ti",
        "vergoeding": labels(ctx, "vergoeding")[0], "status": labels(ctx, "status")[-1],
        "bron_url": "https://example.org/verslag", "bron_titel": "Verslag (testvoorbeeld)", "bron_uitgever": "Stichting Testvoorbeeld",
        "bron_datum": "2026-10-01", "toestemming": list(form.question("toestemming").options),
    }
    if kind == "praktijk":
        answers.update({"aantal_sleutelpersonen": "ruim 20", "sinds": "2019", "beschrijving": "De stichting werkt met sleutelpersonen.\n\n- een\n- twee",
                        "werving": "Via het netwerk.", "lessen": "# Geen kop\nMaak afspraken."})
    else:
        answers.update({"website": "https://example.org/programma", "hoe_inzetten": "Neem contact op.\nSamen kiezen jullie een onderwerp.",
                        "contact_email": "info@example.org"})
    return answers


#: Answers to try per question id, valid and not; each case changes one to three answers of a valid form.
VARIANTS = {
    "titel": ["Project <b>vet</b>", "VUL IN", "true", "12", "Wijk: noord", "'quoted'", "- lijst", "#hash", "Bel 06-12345678", "mail jan@example.org",
              "x" * 130, "Ünïcödé   naam", "Naam [met] haken", ""],
    "naam": ["Programma <i>schuin</i>", "yes", "Bel 06 1234 5678", "", "Naam & co", "a" * 121],
    "samenvatting": ["x" * 161, "", "Kort.", "Dit is <script>x</script> fout", "Mail info@example.org", "VUL IN"],
    "organisatie": ["Stichting {x}", "Gemeente 's-Hertogenbosch", "", "Stichting: Samen"],
    "werkgebied": ["Amsterdm", "Bergen", "Den Haag", "den haag", "landelijk", "landelijk, Utrecht", "Friesland", "onbekend", "Groesbeek",
                   "GM0363", "Zwolle, zwolle", "Nergenshuizen", "", "Zwolle; Kampen\nDeventer"],
    "aantal_sleutelpersonen": ["8", "ruim 200", "0", "ongeveer 30", "veel", "1234567", "007", "meer dan 0"],
    "sinds": ["2019", "1900", "2030", "19", "1945"],
    "bron_datum": ["2026-10-01", "1-9-2026", "2026-02-30", "2027-01-01", "2026-13", "2019-05", "2019", "1899", "gisteren", "", "31/12/2025"],
    "periode_start": ["2019", "2027", "2019-05", "", "1-1-2020"],
    "periode_eind": ["2020", "2018", "2030", "", "2026-11"],
    "status": None,  # filled from the vocabulary
    "bron_url": ["https://example.org/x", "http://x", "ftp://example.org", "https://example.org/(a)", "https://wa.me/31612345678",
                 "https://example.org/?m=jan@example.org", ""],
    "website": ["https://example.org", "www.example.org", "", "https://example.org/<x>"],
    "contact_email": ["info@example.org", "jan@example.org", "geen adres", ""],
    "contact_telefoon": ["030 123 45 67", "06-12345678", "12", ""],
    "contact_formulier": ["https://example.org/contact", "contact", ""],
    "talen": ["Arabisch, Tigrinya", "ar, ti", "Klingon", "", "Nederlands; nl"],
    "doelgroepen": [""],
    "themas": [""],
    "beschrijving": ["", "Tekst met <b>HTML</b>", "Bel ons op 06-12345678", "Mail jan@example.org", "Eerst\n## kop\n```code```", "VUL IN"],
    "werving": ["", "Via info@example.org", "- een\n- twee", "tekst\n===="],
    "hoe_inzetten": ["", "Bel 0612345678", "Mail info@example.org", "Regel een\n\n  Ingesprongen regel\nEinde"],
    "toestemming": [[]],
}


def cases(ctx: Context, rng: random.Random, count: int) -> list[dict]:
    found = []
    variants = {**VARIANTS, "status": labels(ctx, "status")}
    for kind in ("praktijk", "programma"):
        ids = {q.id for q in FORMS[kind].questions}
        found.append({"kind": kind, "answers": base_answers(ctx, kind)})
        choices = [q for q in variants if q in ids]
        for _ in range(count):
            answers = base_answers(ctx, kind)
            for qid in rng.sample(choices, rng.randint(1, 3)):
                answers[qid] = rng.choice(variants[qid])
            found.append({"kind": kind, "answers": answers})
    return found


def github_body(kind: str, answers: dict) -> str:
    """The body GitHub writes for these answers of an issue form (see from_issue's docstring)."""
    parts = []
    for q in FORMS[kind].questions:
        if q.type == "checkboxes":
            ticked = set(answers.get(q.id) or [])
            parts.append(f"### {q.label}\n\n" + "\n".join(f"- [{'X' if o in ticked else ' '}] {o}" for o in q.options))
        else:
            parts.append(f"### {q.label}\n\n{answers.get(q.id) or from_issue.NO_RESPONSE}")
    return "\n\n".join(parts) + "\n"


def html_message(text: str) -> str | None:
    """What the check says about HTML in a text field; the form says it also for what from-issue would strip."""
    found = _html_problem(text, allow_wrappers=False)
    if found:
        return found.replace(found.split("; ", 1)[1], PLAIN_TEXT_ONLY)
    return "html" if from_issue.strip_html(text)[1] else None


def with_html_refused(kind: str, answers: dict, expected: list[str]) -> list[str]:
    """The form's one difference from from-issue: HTML is refused (with the check's words) instead of removed with a notice."""
    order = [q.label for q in FORMS[kind].questions]
    refused = {q.label: html_message(answers[q.id]) for q in FORMS[kind].questions
               if isinstance(answers.get(q.id), str) and html_message(answers[q.id])}
    if not refused:
        return expected
    kept = [e for e in expected if e.split(": ", 1)[0] not in refused]
    found = kept + [f"{label}: {message}" for label, message in refused.items()]
    return sorted(found, key=lambda e: order.index(e.split(": ", 1)[0]) if e.split(": ", 1)[0] in order else -1)


FORM_JS = """
    const results = [];
    for (const { kind, answers } of data.inputs) {
      const form = c.forms[kind];
      const clean = Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, Array.isArray(a) ? a : cleanAnswer(a)]));
      const { problems, reading } = await checkAnswers(kind, clean, c);
      results.push({ clean, body: issueBody(form, clean, c.no_response), problems: problems.map((p) => p.label ? `${p.label}: ${p.message}` : p.message),
                     text: problems.length ? null : sourceFile(form, reading, c), name: problems.length ? null : fileName(form, reading) });
    }
    return results;
"""
FORM_IMPORTS = {"aanmelden/lezen.js": ["cleanAnswer"], "aanmelden/controle.js": ["checkAnswers"],
                "aanmelden/uitvoer.js": ["issueBody", "sourceFile", "fileName"]}


def test_whole_forms_agree_with_from_issue(ctx, data):
    """For every generated form: the same problems (label, words, order) and, when there are none, the same file."""
    inputs = cases(ctx, random.Random(SEED), 110)
    answer = js(FORM_IMPORTS, FORM_JS, data, inputs)
    valid = 0
    mismatches = []
    for case, result in zip(inputs, answer, strict=True):
        kind = case["kind"]
        assert result["body"] == github_body(kind, result["clean"])
        python = from_issue.convert(result["body"], DATA, TODAY, kind)
        expected = with_html_refused(kind, result["clean"], [p.format() for p in python.problems])
        if expected != [p.format() for p in python.problems]:
            python = dataclasses.replace(python, text=None)
        if result["problems"] != expected or result["text"] != python.text:
            mismatches.append((case["answers"], result["problems"], expected, result["text"], python.text))
        if python.text:
            valid += 1
            assert result["name"] == f"{python.slug}{from_issue.SUFFIXES[kind]}"
    assert mismatches == []
    assert 20 < valid < len(inputs) - 60  # both kinds of outcome were compared


def test_the_form_data_names_what_the_forms_ask(ctx, data):
    form = data["form"]
    assert [q["label"] for q in form["forms"]["praktijk"]["questions"]] == [q.label for q in FORMS["praktijk"].questions]
    assert json.loads(json.dumps(form)) == form  # plain JSON, nothing Python-only
    for name, terms in form["vocabularies"].items():  # from-issue splits a dropdown answer at commas and semicolons
        assert not [label for _, label in terms if re.search(r"[,;\n]", label)], name


def test_what_only_the_json_schema_refuses_blocks_sending(ctx, data):
    """Ajv really checks the record: with a schema stricter than the rules (a name of at most 5 characters),
    a form that is valid for every ported rule gets the schema's message instead of a file."""
    kind = "programma"
    schema = json_schema(kind, ctx)
    schema["properties"]["naam"] = {**schema["properties"]["naam"], "maxLength": 5}
    stricter = {**data, "schemas": {**data["schemas"], kind: schema}}
    inputs = [{"kind": kind, "answers": base_answers(ctx, kind)}]
    loose, strict = js(FORM_IMPORTS, FORM_JS, data, inputs), js(FORM_IMPORTS, FORM_JS, stricter, inputs)
    assert loose[0]["problems"] == [] and loose[0]["text"]
    label = FORMS[kind].question("naam").label
    assert strict[0]["problems"] == [f"{label}: {webform.MESSAGES['schema_other'].format(keyword='maxLength')}"]
    assert strict[0]["text"] is None
