"""The GitHub issue forms: what each form asks, and the form files themselves.

One definition serves two purposes. :func:`form_yaml` writes the forms in
``.github/ISSUE_TEMPLATE/`` (``kennisbank forms``), with the dropdown options
taken from ``data/vocabulaire.yml``; :mod:`kennisbank.from_issue` reads a
submitted form with the same questions. So the labels that GitHub puts in an
issue body as ``### Label`` are always the labels the parser looks for, and the
forms follow the content model (:mod:`kennisbank.schema`) and the vocabularies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..model.schema import PRACTICE_SECTIONS
from ..model.vocabulary import Vocabularies

FORMS_FOLDER = ".github/ISSUE_TEMPLATE"
CORRECTION_PAGE_FIELD = "pagina"  # the correction form's field that the "Meld een fout" link fills in
INPUT_MAX = 300  # characters; GitHub forms have no length limit, so from-issue sets one
TEXT_MAX = 4000
TITLE_MAX = 120


@dataclass(frozen=True)
class Question:
    """One field of a form.

    ``field`` is where the answer goes in the content model (``bron.url``);
    ``section`` is the body heading it becomes (``Werving``, or ``""`` for the
    opening text); a question with neither (a consent box) is not stored.
    """

    id: str
    label: str
    type: str  # input | textarea | dropdown | checkboxes
    description: str = ""
    required: bool = False
    field: str = ""
    section: str | None = None
    vocabulary: str = ""  # dropdown options: the labels of this vocabulary
    multiple: bool = False
    options: tuple[str, ...] = ()  # checkboxes; every one must be ticked
    max_length: int = INPUT_MAX
    placeholder: str = ""

    def kind_of_value(self) -> str:
        """How the answer is read: text, number, date, url, list, choice, ..."""
        return VALUE_KINDS.get(self.field.split(".")[-1], "text")


@dataclass(frozen=True)
class Form:
    """An issue form: its file, texts, labels and questions."""

    kind: str  # praktijk | programma | correctie
    file: str
    name: str
    description: str
    title: str
    labels: tuple[str, ...]
    intro: str
    questions: tuple[Question, ...]

    def question(self, qid: str) -> Question:
        """The question with this id."""
        return next(q for q in self.questions if q.id == qid)


#: How the answer to a content-model field is read from the form.
VALUE_KINDS = {
    "werkgebied": "area", "themas": "terms", "rollen": "terms", "doelgroepen": "terms", "vergoeding": "choice",
    "talen": "languages", "aantal_sleutelpersonen": "number", "sinds": "year", "datum": "partialdate",
    "start": "partialdate", "eind": "partialdate", "status": "choice",
    "url": "url", "website": "url", "formulier": "url", "email": "email", "telefoon": "phone",
    "hoe_inzetten": "longtext",
}

PRIVACY = (
    "> [!WARNING]\n"
    "> **Alles wat je hier invult, wordt openbaar.** Noem geen namen van sleutelpersonen. "
    "Noem geen telefoonnummers of e-mailadressen van personen. Het formulier weigert mobiele nummers "
    "en e-mailadressen in de tekst.\n"
)
PLAIN_TEXT = (
    "Schrijf in gewone taal en in je eigen woorden. Gebruik geen HTML-code; die halen we weg. "
    "Tips staan in de [schrijfwijzer]({site}bijdragen/schrijfwijzer/). Wat elk veld betekent, staat in het "
    "[inhoudsmodel]({site}bijdragen/inhoudsmodel/).\n"
)
CONSENT = (
    "Ik noem geen namen, telefoonnummers of e-mailadressen van sleutelpersonen.",
    "Ik schrijf in mijn eigen woorden en noem de bron.",
    "De kennisbank mag deze tekst publiceren onder de licentie CC BY 4.0.",
)
EMPTY_SECTION_HINT = "Weet je het niet? Laat het leeg. Dan schrijven we: 'De bron zegt hier niets over.'"
SECTION_QUESTIONS = {
    "Werving": "Hoe vindt de organisatie sleutelpersonen?",
    "Selectie": "Waarop kiest de organisatie sleutelpersonen? Bijvoorbeeld ervaring, taal of opleiding.",
    "Training": "Welke training krijgen sleutelpersonen?",
    "Begeleiding": "Wie begeleidt de sleutelpersonen, en hoe? Bijvoorbeeld met coaching of intervisie.",
    "Waardering": "Hoe betaalt of waardeert de organisatie de sleutelpersonen?",
    "Lessen": "Wat kunnen andere organisaties hiervan leren?",
}


def _common_start(kind_word: str) -> tuple[Question, ...]:
    """Summary and organisation: the same on both forms."""
    return (
        Question("samenvatting", "Samenvatting", "input", required=True, field="samenvatting", max_length=160,
                 description=f"Eén of twee zinnen over {kind_word} (hoogstens 160 tekens). Dit komt in zoekmachines."),
        Question("organisatie", "Organisatie", "input", required=True, field="organisatie",
                 description="De naam van de organisatie die met de sleutelpersonen werkt."),
    )


def _terms(area_hint: str) -> tuple[Question, ...]:
    """Work area and the vocabulary questions: the same on both forms."""
    return (
        Question("werkgebied", "Werkgebied", "input", required=True, field="werkgebied",
                 description=f"Noem gemeenten of provincies, gescheiden door komma's. Of schrijf 'landelijk'.{area_hint}"),
        Question("themas", "Thema's", "dropdown", required=True, field="themas", vocabulary="themas", multiple=True,
                 description="Kies een of meer onderwerpen."),
        Question("rollen", "Rollen van de sleutelpersonen", "dropdown", required=True, field="rollen", vocabulary="rollen",
                 multiple=True, description="Welke van de zes rollen hebben de sleutelpersonen? Kies er een of meer."),
        Question("doelgroepen", "Doelgroepen", "dropdown", field="doelgroepen", vocabulary="doelgroepen",
                 multiple=True, description="Met welke gemeenschappen werken de sleutelpersonen? Weet je het niet? Laat het leeg."),
        Question("talen", "Talen", "input", field="talen",
                 description="Welke talen spreken de sleutelpersonen? Schrijf de namen, gescheiden door komma's "
                             "(zoals: Arabisch, Tigrinya). Taalcodes mogen ook (ar, ti). Weet je het niet? Laat het leeg."),
        Question("vergoeding", "Vergoeding", "dropdown", required=True, field="vergoeding", vocabulary="vergoeding",
                 description="Hoe worden de sleutelpersonen vergoed?"),
    )


def _status() -> tuple[Question, ...]:
    """Whether it still runs, and when it ran: the same on both forms."""
    return (
        Question("status", "Loopt het nog?", "dropdown", required=True, field="status", vocabulary="status",
                 description="Kies 'Lopend' alleen als je bron van de laatste twee jaar is en zegt dat het nu loopt. "
                             "Weet je het niet zeker? Kies 'Niet bekend'."),
        Question("periode_start", "Begonnen in", "input", field="periode.start", placeholder="JJJJ",
                 description="Het jaar (of JJJJ-MM) waarin het begon, als je bron het noemt. Mag leeg blijven."),
        Question("periode_eind", "Geëindigd in", "input", field="periode.eind", placeholder="JJJJ",
                 description="Het jaar (of JJJJ-MM) waarin het stopte, als het is gestopt. Mag leeg blijven."),
    )


def _source_and_consent() -> tuple[Question, ...]:
    """Where the information comes from, and the consent boxes."""
    return (
        Question("bron_url", "Webadres van de bron", "input", required=True, field="bron.url", placeholder="https://",
                 description="Waar kan iedereen nalezen wat je schrijft? Plak het webadres van de pagina of het verslag. "
                             "Weet je het uit een gesprek? Noem dan de website van de organisatie."),
        Question("bron_titel", "Titel van de bron", "input", required=True, field="bron.titel",
                 description="De titel van de pagina of het verslag, zoals die bovenaan staat."),
        Question("bron_uitgever", "Uitgever van de bron", "input", required=True, field="bron.uitgever",
                 description="Wie heeft de pagina of het verslag gemaakt? Meestal de organisatie van de website."),
        Question("bron_datum", "Datum van de bron", "input", field="bron.datum", placeholder="JJJJ-MM-DD",
                 description="De datum die op de pagina staat: JJJJ-MM-DD, of alleen JJJJ-MM of JJJJ. "
                             "Staat er geen datum? Laat het leeg. De dag van je formulier noteren we als de dag waarop je de bron las."),
        Question("toestemming", "Privacy en toestemming", "checkboxes", required=True, options=CONSENT,
                 description="Vink alle vakjes aan."),
    )


def practice_form() -> Form:
    """The form for a new good practice."""
    sections = tuple(
        Question(s.lower(), s, "textarea", field="", section=s, max_length=TEXT_MAX,
                 description=f"{SECTION_QUESTIONS[s]} {EMPTY_SECTION_HINT}")
        for s in PRACTICE_SECTIONS
    )
    return Form(
        kind="praktijk", file="praktijk.yml", name="Nieuwe goede praktijk",
        description="Vertel hoe jouw organisatie met sleutelpersonen werkt, zodat anderen ervan leren.",
        title="Nieuwe praktijk: ", labels=("nieuwe praktijk",),
        intro=("Met dit formulier deel je een **goede praktijk**: hoe jouw organisatie sleutelpersonen vindt, "
               "traint, begeleidt en waardeert. Een redacteur maakt er een pagina van. Hij of zij kijkt alles na "
               "voordat het online komt.\n\n" + PRIVACY + "\n" + PLAIN_TEXT),
        questions=(
            Question("titel", "Naam van de goede praktijk", "input", required=True, field="titel", max_length=TITLE_MAX,
                     description="Een korte naam, bijvoorbeeld de naam van het project."),
            *_common_start("deze praktijk"),
            *_terms(" Weet je het niet? Schrijf dan 'onbekend'."),
            Question("aantal_sleutelpersonen", "Aantal sleutelpersonen", "input", field="aantal_sleutelpersonen",
                     description="Hoeveel sleutelpersonen werken er mee, zoals de bron het zegt? Een getal, zoals 12, of "
                                 "bijvoorbeeld 'ruim 200' of 'ongeveer 30'. Weet je het niet? Laat het leeg."),
            Question("sinds", "Sinds welk jaar", "input", field="sinds",
                     description="In welk jaar begon het werk met sleutelpersonen? Een jaartal van vier cijfers."),
            Question("beschrijving", "Korte beschrijving", "textarea", required=True, section="", max_length=TEXT_MAX,
                     description="Wat doet de organisatie met sleutelpersonen? Vertel het in een paar zinnen."),
            *sections,
            *_status(),
            *_source_and_consent(),
        ),
    )


def programme_form() -> Form:
    """The form for a new programme on the social map."""
    contact = "Alleen een algemeen {what} van de organisatie, nooit dat van een sleutelpersoon. Mag leeg blijven."
    return Form(
        kind="programma", file="programma.yml", name="Nieuw programma op de sociale kaart",
        description="Zet een programma met sleutelpersonen op de sociale kaart, zodat gemeenten en organisaties het vinden.",
        title="Nieuw programma: ", labels=("nieuw programma",),
        intro=("Met dit formulier zet je een **programma** op de sociale kaart. Een programma is werk met "
               "sleutelpersonen dat een gemeente of organisatie kan inzetten. Een redacteur kijkt alles na "
               "voordat het online komt.\n\n" + PRIVACY + "\n" + PLAIN_TEXT),
        questions=(
            Question("naam", "Naam van het programma", "input", required=True, field="naam", max_length=TITLE_MAX,
                     description="De naam waaronder het programma bekend is."),
            *_common_start("dit programma"),
            Question("website", "Website", "input", field="website", placeholder="https://",
                     description="Het webadres van het programma of de organisatie."),
            *_terms(""),
            Question("hoe_inzetten", "Hoe zet je dit programma in?", "textarea", required=True, field="hoe_inzetten",
                     max_length=1500, description="Hoe kan een gemeente of organisatie dit programma inzetten? "
                                                  "Bij wie kan zij terecht, en wat is er nodig?"),
            Question("contact_email", "E-mailadres van de organisatie", "input", field="contact.email",
                     description=contact.format(what="adres, zoals info@…")),
            Question("contact_telefoon", "Telefoonnummer van de organisatie", "input", field="contact.telefoon",
                     description=contact.format(what="nummer") + " Mobiele nummers (06) worden geweigerd."),
            Question("contact_formulier", "Contactformulier", "input", field="contact.formulier", placeholder="https://",
                     description="Het webadres van een contactformulier van de organisatie. Mag leeg blijven."),
            *_status(),
            *_source_and_consent(),
        ),
    )


def correction_form() -> Form:
    """The form for reporting a mistake on a page (prefilled by each page's 'Meld een fout' link)."""
    return Form(
        kind="correctie", file="correctie.yml", name="Fout melden",
        description="Klopt er iets niet op een pagina? Meld het hier.",
        title="Correctie: ", labels=("correctie",),
        intro=("Klopt er iets niet, of is iets verouderd? Dank je wel dat je het meldt. Een redacteur kijkt ernaar "
               "en past de pagina aan.\n\n" + PRIVACY),
        questions=(
            Question(CORRECTION_PAGE_FIELD, "Pagina", "input", required=True,
                     description="Het webadres van de pagina. Kwam je via 'Meld een fout'? Dan staat het er al."),
            Question("wat_klopt_niet", "Wat klopt er niet?", "textarea", required=True, max_length=TEXT_MAX,
                     description="Beschrijf wat er fout of verouderd is."),
            Question("wat_is_juist", "Wat is juist?", "textarea", max_length=TEXT_MAX,
                     description="Weet je hoe het wel zit? Schrijf het hier."),
            Question("bron", "Bron", "input",
                     description="Hoe weet je dit? Bijvoorbeeld een webadres, een verslag of een gesprek met de organisatie."),
            Question("toestemming", "Privacy", "checkboxes", required=True, options=CONSENT[:1],
                     description="Vink het vakje aan."),
        ),
    )


FORMS: dict[str, Form] = {f.kind: f for f in (practice_form(), programme_form(), correction_form())}
#: The forms that ``kennisbank from-issue`` turns into a source file.
ENTRY_FORMS = ("praktijk", "programma")


# --- writing the GitHub form files ------------------------------------------------

def _element(question: Question, vocab: Vocabularies) -> dict[str, Any]:
    attributes: dict[str, Any] = {"label": question.label}
    if question.description:
        attributes["description"] = question.description
    if question.type == "dropdown":
        attributes["multiple"] = question.multiple
        attributes["options"] = [t.label for t in vocab.lists[question.vocabulary]]
    elif question.type == "checkboxes":
        attributes["options"] = [{"label": o, "required": True} for o in question.options]
    elif question.placeholder:
        attributes["placeholder"] = question.placeholder
    element: dict[str, Any] = {"type": question.type, "id": question.id, "attributes": attributes}
    if question.type != "checkboxes":
        element["validations"] = {"required": question.required}
    return element


def form_data(form: Form, vocab: Vocabularies, site_url: str) -> dict[str, Any]:
    """The issue form as the mapping GitHub expects."""
    intro = form.intro.replace("{site}", site_url.rstrip("/") + "/")
    return {
        "name": form.name,
        "description": form.description,
        "title": form.title,
        "labels": list(form.labels),
        "body": [{"type": "markdown", "attributes": {"value": intro}}, *(_element(q, vocab) for q in form.questions)],
    }


class _Dumper(yaml.SafeDumper):
    """Block style, with multi-line text as literal blocks, so the form files read well."""


_Dumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)
)


def form_yaml(form: Form, vocab: Vocabularies, site_url: str) -> str:
    """The text of one issue-form file."""
    header = ("# Gemaakt met 'kennisbank forms' uit scripts/kennisbank/contribute/forms.py en data/vocabulaire.yml.\n"
              "# Pas het daar aan en draai het commando opnieuw; een test bewaakt dat dit bestand klopt.\n")
    return header + yaml.dump(form_data(form, vocab, site_url), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def form_files(vocab: Vocabularies, site_url: str) -> dict[str, str]:
    """Every form file by its name in ``.github/ISSUE_TEMPLATE/``."""
    return {form.file: form_yaml(form, vocab, site_url) for form in FORMS.values()}
