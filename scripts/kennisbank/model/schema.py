"""The content model: one definition per page type, made of the fields in :mod:`kennisbank.model.fields`.

Field names are Dutch because contributors write them; record attributes are English.
The same definitions check source files, document the fields (the page 'Inhoudsmodel') and
become JSON Schema for editors.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from .fields import (
    AreaField,
    Choice,
    Context,
    CountField,
    Date,
    Email,
    Field,
    Flag,
    Group,
    GroupList,
    Integer,
    Languages,
    PartialDateField,
    Phone,
    Reference,
    Slugs,
    Switch,
    Terms,
    Text,
    Url,
    mapping_schema,
)
from .records import Consent, Contact, Period, SourceRef

SOURCE = Group(
    "bron", "source", "Een bron: een webpagina of document waar de feiten in staan.",
    fields=(
        Url("url", "url", "Webadres van de bron. Verplicht: iedereen moet de bron kunnen nalezen."),
        Text("titel", "title", "Titel van de pagina of het document, zoals de bron die zelf geeft."),
        Text("uitgever", "publisher", "Wie de bron heeft gemaakt of uitgegeven (de organisatie achter de website)."),
        PartialDateField("datum", "date", "De datum die de bron zelf noemt (JJJJ, JJJJ-MM of JJJJ-MM-DD). "
                         "Laat weg als de bron geen datum toont.", required=False),
        Date("geraadpleegd", "accessed", "De dag waarop je de bron hebt gelezen (JJJJ-MM-DD)."),
        Text("document", "document", "Welk deel van de bron de feiten geeft, zoals een hoofdstuk. Mag leeg blijven.", required=False),
    ),
    in_order=(("datum", "geraadpleegd", "'{later}' ligt vóór de datum van de bron ({earlier}); je kunt een bron pas lezen als hij er is"),),
    make=SourceRef,
)
SOURCES = GroupList(
    "bronnen", "sources", "De bronnen van de feiten: minstens één, elk met webadres, titel, uitgever en de dag waarop je hem las.",
    group=dataclasses.replace(SOURCE, help="Een bron."), replaces="bron",
)
STATUS = Choice("status", "status", "Loopt het nog? 'lopend' alleen als een bron van de laatste 24 maanden dat zegt; "
                "'afgerond' als een bron zegt dat het voorbij is; anders 'onbekend'.", vocabulary="status")
PERIOD = Group(
    "periode", "period", "Wanneer het liep: het begin, en het einde als dat bekend is. Laat weg als de bron het niet noemt.",
    required=False,
    fields=(
        PartialDateField("start", "start", "Begin (JJJJ, JJJJ-MM of JJJJ-MM-DD)."),
        PartialDateField("eind", "end", "Einde (JJJJ, JJJJ-MM of JJJJ-MM-DD), als dat bekend is.", required=False),
    ),
    in_order=(("start", "eind", "het einde ({later}) ligt vóór het begin ({earlier})"),),
    make=Period,
)


SUMMARY = Text("samenvatting", "summary", "Eén of twee zinnen (hoogstens 160 tekens); dit komt in zoekmachines en bij delen.", max_length=160)


THEMES = Terms("themas", "themes", "Thema's uit de woordenlijst.", vocabulary="themas")


ROLES = Terms("rollen", "roles", "Welke van de zes rollen de sleutelpersonen vervullen.", vocabulary="rollen")


COMMUNITIES = Terms("doelgroepen", "communities", "Met welke gemeenschappen de sleutelpersonen werken. Laat leeg als de bron het niet noemt.",
                    vocabulary="doelgroepen", required=False, min_items=0)


LANGUAGES = Languages(
    "talen", "languages", "Talen die de sleutelpersonen spreken (ISO 639-1). Laat leeg als de bron het niet noemt.", required=False, min_items=0
)


PAYMENT = Choice("vergoeding", "payment", "Hoe sleutelpersonen worden vergoed.", vocabulary="vergoeding")


VERIFIED = Date("laatst_geverifieerd", "verified", "Wanneer iemand voor het laatst heeft nagegaan dat deze gegevens kloppen.")


GUIDE = (
    Text("titel", "title", "Titel van de gids; gelijk aan de kop '# …'."),
    SUMMARY,
    Terms("doelgroep", "audiences", "Voor wie de gids is.", vocabulary="doelgroep_gids"),
    THEMES,
    Date("laatst_herzien", "reviewed", "Wanneer de gids voor het laatst is nagelezen."),
    dataclasses.replace(SOURCES, help="De bronnen van de feiten in de gids."),
)


PRACTICE = (
    Text("titel", "title", "Naam van de goede praktijk."),
    SUMMARY,
    Text("organisatie", "organisation", "De organisatie die met de sleutelpersonen werkt."),
    AreaField("werkgebied", "area", "Gemeenten, provincies, 'landelijk', of 'onbekend' als de bron het niet noemt.", allow_unknown=True),
    THEMES,
    ROLES,
    COMMUNITIES,
    LANGUAGES,
    PAYMENT,
    CountField("aantal_sleutelpersonen", "keyperson_count", "Hoeveel sleutelpersonen er werken, zoals de bron het zegt.", required=False),
    Integer("sinds", "since", "Jaartal waarin het werk begon, volgens de bron.", required=False, minimum=1945, until_this_year=True),
    STATUS,
    PERIOD,
    SOURCES,
    VERIFIED,
    Reference("programma", "programme", "Het programma op de sociale kaart dat bij deze praktijk hoort.", required=False, target="programma"),
)


PRACTICE_SECTIONS = ("Werving", "Selectie", "Training", "Begeleiding", "Waardering", "Lessen")


CONTACT = Group(
    "contact", "contact", "Algemene contactgegevens van de organisatie; nooit van een sleutelpersoon zelf.",
    required=False,
    fields=(
        Email("email", "email", "Algemeen e-mailadres van de organisatie.", required=False),
        Phone("telefoon", "phone", "Algemeen telefoonnummer van de organisatie.", required=False),
        Url("formulier", "form", "Webadres van een contactformulier.", required=False),
    ),
    one_of=("email", "telefoon", "formulier"),
    make=Contact,
)


PROGRAMME = (
    Text("naam", "name", "Naam van het programma."),
    SUMMARY,
    Text("organisatie", "organisation", "De organisatie die het programma uitvoert."),
    Url("website", "website", "Webadres van het programma of de organisatie.", required=False),
    AreaField("werkgebied", "area", "Gemeenten, provincies of 'landelijk'."),
    THEMES,
    ROLES,
    LANGUAGES,
    COMMUNITIES,
    PAYMENT,
    Text("hoe_inzetten", "how_to_engage", "Hoe een gemeente of organisatie dit programma kan inzetten.", multiline=True),
    CONTACT,
    STATUS,
    PERIOD,
    SOURCES,
    VERIFIED,
)


SCHEMAS: dict[str, tuple[Field, ...]] = {"gids": GUIDE, "praktijk": PRACTICE, "programma": PROGRAMME}


TITLES = {"gids": "Gids", "praktijk": "Goede praktijk", "programma": "Programma (sociale kaart)"}


def json_schema(kind: str, ctx: Context) -> dict[str, Any]:
    """The JSON Schema of one page type, for editors (yaml-language-server)."""
    schema = mapping_schema(SCHEMAS[kind], ctx)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        "title": f"Kennisbank Sleutelpersonen: {TITLES[kind].lower()}",
        **schema,
    }


#: Pages in content/ outside gidsen/ (home, about, contributing) need fewer fields.
PAGE = tuple(
    dataclasses.replace(f, required=False) if f.name in ("doelgroep", "themas", "bronnen") else f
    for f in GUIDE
)


SCHEMAS["pagina"] = PAGE


TITLES["pagina"] = "Pagina"


CONSENT_DETAILS = {
    "wie": "noem wie toestemming gaf: een rol, geen naam (bijvoorbeeld 'de geïnterviewde sleutelpersoon')",
    "datum": "noem de datum waarop de toestemming is gegeven (JJJJ-MM-DD)",
    "vastgelegd": "noem hoe de toestemming is vastgelegd en waar dat bewaard wordt",
}


@dataclass(frozen=True)
class ConsentField(Group):
    """`toestemming`: nobody is identifiable, or who consented, when and how it was recorded."""

    def check(self, value, ctx):
        yield from super().check(value, ctx)
        if not isinstance(value, dict):
            return
        if value.get("herkenbaar") is True:
            for name in CONSENT_DETAILS:
                if value.get(name) is None:
                    yield f".{name}", f"iemand in het verhaal is herkenbaar; {CONSENT_DETAILS[name]}"
        elif value.get("herkenbaar") is False:
            for name in CONSENT_DETAILS:
                if name in value:
                    yield f".{name}", "hoort alleen bij 'herkenbaar: true'; laat het weg of zet herkenbaar op true"

    def kind(self):
        return ("`herkenbaar: false` als niemand in het verhaal herkenbaar is; anders `herkenbaar: true` "
                "met `wie` (een rol, geen naam), `datum` en `vastgelegd`")

    def json_schema(self, ctx):
        schema = super().json_schema(ctx)
        schema["if"] = {"properties": {"herkenbaar": {"const": True}}, "required": ["herkenbaar"]}
        schema["then"] = {"required": list(CONSENT_DETAILS)}
        schema["else"] = {"properties": {name: False for name in CONSENT_DETAILS}}
        return schema


IF_IDENTIFIABLE = "Verplicht bij herkenbaar: true."


CONSENT = ConsentField(
    "toestemming", "consent",
    "Gaat het verhaal over herkenbare personen? Zo ja: wie gaf toestemming, wanneer en hoe is dat vastgelegd.",
    fields=(
        Flag("herkenbaar", "identifiable", "true als iemand in het verhaal herkenbaar is (naam, foto, stem of details), anders false."),
        Text("wie", "given_by", f"{IF_IDENTIFIABLE} Wie toestemming gaf, als rol en nooit als naam, bijvoorbeeld: de geïnterviewde sleutelpersoon.",
             required=False),
        Date("datum", "date", f"{IF_IDENTIFIABLE} Wanneer de toestemming is gegeven (JJJJ-MM-DD).", required=False),
        Text("vastgelegd", "recorded",
             f"{IF_IDENTIFIABLE} Hoe de toestemming is vastgelegd en waar dat bewaard wordt, bijvoorbeeld: getekend formulier bij de redactie.",
             required=False),
    ),
    make=Consent,
)


STORY = (
    Text("titel", "title", "Titel van het verhaal; gelijk aan de kop '# …'."),
    SUMMARY,
    Date("date", "date", "Publicatiedatum (JJJJ-MM-DD). Engelse naam, omdat de blog-plugin van Material dit veld leest."),
    Terms("categories", "categories", "Een of meer categorieën uit de woordenlijst. Engelse naam, omdat de blog-plugin dit veld leest.",
          vocabulary="categorieen"),
    Slugs("authors", "authors", "Wie het verhaal publiceert: sleutels uit `verhalen/.authors.yml` (een redactie of organisatie, geen sleutelpersoon).",
          required=False),
    Switch("draft", "draft", "true zolang het verhaal nog niet af is; het komt dan niet op de site en niet in de feed.", required=False),
    CONSENT,
    dataclasses.replace(SOURCES, help="De bronnen van de feiten in het verhaal.", required=False),
)


SCHEMAS["verhaal"] = STORY


TITLES["verhaal"] = "Verhaal"
