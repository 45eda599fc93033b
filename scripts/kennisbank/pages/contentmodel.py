"""The page 'Inhoudsmodel' and the JSON Schema files, both made from the content model itself.
"""

from __future__ import annotations

import json

from ..model.checks import Catalogue
from ..model.fields import Context, Group, GroupList
from ..model.schema import PRACTICE_SECTIONS, SCHEMAS, json_schema
from .common import Generated, front_matter, text


def schema_json(kind: str, ctx: Context) -> str:
    """The JSON Schema file for one page type."""
    return json.dumps(json_schema(kind, ctx), ensure_ascii=False, indent=2) + "\n"


CONTENT_MODEL_DOC = "bijdragen/inhoudsmodel.md"


KIND_INTRO = {
    "praktijk": ("Goede praktijk", "Eén Markdown-bestand per praktijk in `{practices}/`, met velden bovenaan (front matter) "
                 "en daaronder de tekst met de vaste kopjes: {sections}."),
    "programma": ("Programma op de sociale kaart", "Eén YAML-bestand per programma in `{programmes}/`. "
                  "De bestandsnaam (zonder `.yml`) is het adres van de pagina."),
    "gids": ("Gids", "Een Markdown-bestand in `{content}/gidsen/`, met velden bovenaan. De tekst begint met `# Titel` en een blok 'In het kort'."),
    "pagina": ("Andere pagina", "Een Markdown-bestand elders in `{content}/`, zoals de startpagina."),
}


KIND_INTRO["verhaal"] = (
    "Verhaal",
    "Een Markdown-bestand in `{content}/verhalen/posts/`. De bestandsnaam is het adres: `verhalen/<bestandsnaam>/`. "
    "De tekst begint met `# Titel`, dan een korte inleiding en een regel `<!-- more -->`. Alleen de inleiding staat in "
    "het overzicht van de verhalen.\n\n"
    "De blog-plugin van Material leest vier velden zelf: `date`, `categories`, `authors` en `draft`. Die velden houden "
    "daarom hun Engelse naam; er is geen Nederlandse variant naast. Alle andere velden zijn Nederlands, zoals op andere "
    "pagina's. De `samenvatting` komt in de RSS-feed en bij het delen van de pagina. Auteurs zijn een redactie of een "
    "organisatie uit `{content}/verhalen/.authors.yml`, nooit een sleutelpersoon bij naam.\n\n"
    "Het veld `toestemming` is altijd verplicht. Gaat het verhaal niet over herkenbare personen, schrijf dan "
    "`herkenbaar: false`. Is iemand wel herkenbaar (naam, foto, stem of details), dan noteer je wie toestemming gaf "
    "(een rol, geen naam), de datum, en hoe en waar de toestemming is vastgelegd. Persoonlijke contactgegevens staan "
    "nooit in een verhaal.",
)


def content_model_page(catalogue: Catalogue) -> Generated:
    """Documentation of every field of every page type, from the schema itself."""

    ctx, layout = catalogue.context, catalogue.layout
    parts = [
        "# Inhoudsmodel\n\n",
        "Op deze pagina staat welke velden elk soort bestand heeft. De controle (`kennisbank check`) "
        "en de hulp in je editor gebruiken precies deze beschrijving. Velden hebben Nederlandse namen.\n\n",
    ]
    for kind, fields in SCHEMAS.items():
        title, intro = KIND_INTRO[kind]
        parts.append(f"## {title}\n\n")
        parts.append(intro.format(practices=layout.practices, programmes=layout.programmes, content=layout.content,
                                  sections=", ".join(f"`## {s}`" for s in PRACTICE_SECTIONS)) + "\n\n")
        parts.append(f"Schema voor editors: [`{kind}.schema.json`](../schemas/{kind}.schema.json)\n\n")
        parts.append("| Veld | Verplicht | Wat | Uitleg |\n|---|---|---|---|\n")
        for f in fields:
            parts.append(f"| `{f.name}` | {'ja' if f.required else 'nee'} | {f.kind()} | {text(f.help)} |\n")
            sub = f.fields if isinstance(f, Group) else f.group.fields if isinstance(f, GroupList) else ()
            for s in sub:
                parts.append(f"| `{f.name}.{s.name}` | {'ja' if s.required else 'nee'} | {s.kind()} | {text(s.help)} |\n")
        parts.append("\n")
    parts.append("## Woordenlijsten\n\nDeze waarden zijn toegestaan. Ze staan in "
                 f"`{layout.data}/vocabulaire.yml`; een nieuwe waarde voeg je daar toe.\n\n")
    for name, terms in ctx.vocab.lists.items():
        parts.append(f"### `{name}`\n\n| Waarde | Label | Uitleg |\n|---|---|---|\n")
        parts += [f"| `{t.key}` | {text(t.label)} | {text(t.description)} |\n" for t in terms]
        parts.append("\n")
    meta = {"title": "Inhoudsmodel", "description": "Alle velden van goede praktijken, programma's en gidsen, met uitleg.", "type": "overzicht"}
    return Generated(CONTENT_MODEL_DOC, front_matter(meta) + "".join(parts), "scripts/kennisbank/model/schema.py")


def schema_files(catalogue: Catalogue) -> list[Generated]:
    """The JSON Schemas for editors, one per page type (``schemas/<kind>.schema.json``)."""
    return [Generated(f"schemas/{kind}.schema.json", schema_json(kind, catalogue.context)) for kind in SCHEMAS]
