"""Generating pages and data from validated records.

Everything here is a pure function from records to text: Markdown pages that
mkdocs renders like hand-written ones, and JSON exports. Nothing is written to
disk here, so generated pages can never end up in the source folders.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import json
import posixpath
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from .checks import STALE_AFTER, Catalogue, slugify
from .gazetteer import PROVINCES
from .paginate import PAGE_SIZE, first_pages, grouped_pages, navigation, page_doc, page_title, pages, relative, unindexed
from .records import Area, Page, Practice, Programme, SourceRef
from .schema import SCHEMAS, Context, json_schema
from .vocabulary import languages

#: libyaml's emitter when PyYAML has it: the same text, twenty times faster over 10,000 pages.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli",
          "augustus", "september", "oktober", "november", "december")
PAYMENT_TABLE_MARKER = "<!-- kennisbank:vergoedingstabel -->"


@dataclass(frozen=True)
class Generated:
    """A generated file for the docs folder, and the source file to edit it."""

    doc_path: str
    content: str
    edit_path: str | None = None


# --- small text helpers -------------------------------------------------------

def dutch_date(day: dt.date) -> str:
    """``2021-02-23`` → ``23 februari 2021``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def text(value: str) -> str:
    """Escape data for Markdown: no HTML from data, no table breaks.

    Brackets and braces are escaped too: Markdown would turn them into links
    (also ``javascript:`` ones), images, or attributes such as ``{: onclick=…}``.
    """
    escaped = html.escape(value, quote=False).replace("|", "&#124;").replace("\n", " ")
    return re.sub(r"([\\\[\]{}])", r"\\\1", escaped)


def link(label: str, from_doc: str, to_doc: str) -> str:
    """A relative Markdown link between two docs paths."""
    return f"[{text(label)}]({_relpath(to_doc, posixpath.dirname(from_doc) or '.')})"


@functools.lru_cache(maxsize=65536)
def _relpath(to_doc: str, from_folder: str) -> str:
    """posixpath.relpath between docs paths, cached: most links (to themes, roles) repeat
    thousands of times. Rooting both at '/' spares a getcwd() system call per link."""
    return posixpath.relpath("/" + to_doc, "/" + from_folder)


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter for a generated page.

    Title and description are HTML-escaped: mkdocs' templates do not escape
    them, and they also end up inside attributes (meta description).
    """
    safe = {k: html.escape(v) if k in ("title", "description") else v for k, v in meta.items()}
    return "---\n" + yaml.dump(safe, Dumper=_DUMPER, allow_unicode=True, sort_keys=False) + "---\n\n"


def is_stale(verified: dt.date, today: dt.date) -> bool:
    """True if an entry was last checked more than twelve months ago."""
    return today - verified > STALE_AFTER


def stale_notice(verified: dt.date, today: dt.date) -> str:
    """A visible 'check whether this is still current' box, or nothing."""
    if not is_stale(verified, today):
        return ""
    return (
        '!!! warning "Controleer of dit nog klopt"\n\n'
        f"    Deze gegevens zijn voor het laatst gecontroleerd op {dutch_date(verified)}. "
        "Dat is meer dan een jaar geleden. Vraag de organisatie of alles nog klopt "
        "voordat je op deze gegevens bouwt.\n\n"
    )


def source_line(source: SourceRef) -> str:
    """A cited source in one line."""
    parts = [f"*{text(source.title)}*"]
    if source.publisher:
        parts.append(text(source.publisher))
    parts.append(dutch_date(source.date))
    line = ", ".join(parts)
    if source.url:
        line = f"[{line}]({source.url})"
    if source.document:
        line += f". {text(source.document)}"
    return line


def area_text(area: Area) -> str:
    """A readable description of a work area."""
    if area.national:
        return "Landelijk"
    if area.unknown:
        return "Niet vermeld in de bron"
    return ", ".join([*area.municipalities, *(f"provincie {p}" for p in area.provinces)])


def area_provinces(area: Area, ctx: Context) -> tuple[str, ...]:
    """The provinces an area lies in (empty for national or unknown)."""
    found = set(area.provinces)
    for name in area.municipalities:
        municipality = ctx.gazetteer.lookup(name)
        if municipality:
            found.add(municipality.province)
    return tuple(p for p in PROVINCES if p in found)


def labels(ctx: Context, vocabulary: str, keys: Iterable[str], from_doc: str | None = None, folder: str | None = None) -> str:
    """Dutch labels of vocabulary keys, linked to their index pages when a folder is given."""
    items = []
    for key in keys:
        label = ctx.vocab.label(vocabulary, key)
        items.append(link(label, from_doc, f"{folder}/{key}.md") if folder and from_doc else text(label))
    return ", ".join(items) or "Niet vermeld in de bron"


def language_names(codes: Iterable[str]) -> str:
    """Dutch names of language codes."""
    names = languages()
    return ", ".join(names[c] for c in codes) or "Niet vermeld in de bron"


def definition_list(rows: Iterable[tuple[str, str]]) -> str:
    """A Markdown definition list (rendered as <dl>)."""
    return "\n".join(f"{term}\n:   {value}\n" for term, value in rows if value) + "\n"


def insert_after_title(body: str, insert: str) -> str:
    """Put generated text right after the first ``# Title`` line of a body."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", insert.rstrip("\n"), *lines[index + 1:]])
    return insert + body


# --- page paths ---------------------------------------------------------------

def practice_doc(slug: str) -> str:
    return f"praktijken/{slug}.md"


def programme_doc(slug: str) -> str:
    return f"programmas/{slug}.md"


def municipality_doc(slug: str) -> str:
    """A municipality page (made by :mod:`socialmap` for every municipality a programme names)."""
    return f"gemeenten/{slug}.md"


def area_links(area: Area, ctx: Context, from_doc: str) -> str:
    """Like :func:`area_text`, with each municipality linked to its page."""
    if area.national or area.unknown:
        return text(area_text(area))
    names = [link(m.name, from_doc, municipality_doc(m.slug)) if (m := ctx.gazetteer.lookup(n)) else text(n) for n in area.municipalities]
    return ", ".join([*names, *(f"provincie {p}" for p in area.provinces)])


CATALOGUE_DOC = "praktijken/index.md"
MAP_DOC = "sociale-kaart/index.md"


# --- pages ----------------------------------------------------------------------

def profile_rows(entry: Practice | Programme, ctx: Context, from_doc: str) -> list[tuple[str, str]]:
    """The facts a practice and a programme share: roles, themes, communities, languages, payment."""
    return [
        ("Rollen", labels(ctx, "rollen", entry.roles, from_doc, "rollen")),
        ("Thema's", labels(ctx, "themas", entry.themes, from_doc, "themas")),
        ("Doelgroepen", labels(ctx, "doelgroepen", entry.communities)),
        ("Talen", language_names(entry.languages)),
        ("Vergoeding", labels(ctx, "vergoeding", [entry.payment])),
    ]


def practice_page(practice: Practice, catalogue: Catalogue, programmes: dict[str, Programme] | None = None) -> Generated:
    """The page of one good practice: facts, freshness, then the contributor's text.

    ``programmes`` (by slug) saves a search through every programme for each practice.
    """
    ctx, doc = catalogue.context, practice_doc(practice.slug)
    if programmes is None:
        programmes = {p.slug: p for p in catalogue.programmes if p.slug == practice.programme}
    programme = programmes.get(practice.programme) if practice.programme else None
    facts = definition_list([
        ("Organisatie", text(practice.organisation)),
        ("Werkgebied", text(area_text(practice.area))),
        *profile_rows(practice, ctx, doc),
        ("Aantal sleutelpersonen", f"ongeveer {practice.keyperson_count}" if practice.keyperson_count else ""),
        ("Actief sinds", str(practice.since) if practice.since else ""),
        ("Op de sociale kaart", link(programme.name, doc, programme_doc(programme.slug)) if programme else ""),
    ])
    meta = {"title": practice.title, "description": practice.summary, "type": "praktijk",
            "themas": list(practice.themes), "rollen": list(practice.roles),
            "provincies": list(area_provinces(practice.area, ctx))}
    footer = (f"\n\n## Bron\n\n{source_line(practice.source)}\n\n"
              f"Laatst gecontroleerd: {dutch_date(practice.verified)}.\n")
    body = insert_after_title(practice.body.strip("\n"), facts + stale_notice(practice.verified, ctx.today))
    return Generated(doc, front_matter(meta) + body + footer, practice.path)


def programme_page(programme: Programme, catalogue: Catalogue, practices: Sequence[Practice] | None = None) -> Generated:
    """The page of one programme on the social map.

    ``practices`` (the ones that name this programme) saves a search through every practice.
    """
    ctx, doc = catalogue.context, programme_doc(programme.slug)
    contact = programme.contact
    contact_rows = []
    if contact:
        contact_rows = [("E-mail", f"<{contact.email}>" if contact.email else ""),
                        ("Telefoon", text(contact.phone or "")),
                        ("Contactformulier", f"<{contact.form}>" if contact.form else "")]
    facts = definition_list([
        ("Organisatie", text(programme.organisation)),
        ("Werkgebied", area_links(programme.area, ctx, doc)),
        *profile_rows(programme, ctx, doc),
        ("Website", f"<{programme.website}>" if programme.website else ""),
        *contact_rows,
    ])
    if practices is None:
        practices = [p for p in catalogue.practices if p.programme == programme.slug]
    related = "".join(f"- {link(p.title, doc, practice_doc(p.slug))}: {text(p.summary)}\n" for p in practices)
    meta = {"title": programme.name, "description": programme.summary, "type": "programma",
            "themas": list(programme.themes), "rollen": list(programme.roles),
            "provincies": list(area_provinces(programme.area, ctx))}
    parts = [
        f"# {text(programme.name)}\n\n{text(programme.summary)}\n\n",
        stale_notice(programme.verified, ctx.today),
        facts,
        f"## Hoe zet je dit programma in?\n\n{text(programme.how_to_engage)}\n\n",
        f"## Goede praktijken\n\n{related}\n" if related else "",
        f"## Bron\n\n{source_line(programme.source)}\n\nLaatst gecontroleerd: {dutch_date(programme.verified)}.\n\n",
        f"[Terug naar de sociale kaart]({posixpath.relpath(MAP_DOC, 'programmas')})\n",
    ]
    return Generated(doc, front_matter(meta) + "".join(parts), programme.path)


def practice_rows(practices: Iterable[Practice], ctx: Context, from_doc: str) -> str:
    """A table of practices: title, organisation, area, payment."""
    rows = ["| Praktijk | Organisatie | Werkgebied | Vergoeding |", "|---|---|---|---|"]
    for p in practices:
        rows.append(f"| {link(p.title, from_doc, practice_doc(p.slug))} | {text(p.organisation)} | "
                    f"{text(area_text(p.area))} | {ctx.vocab.label('vergoeding', p.payment)} |")
    return "\n".join(rows) + "\n"


def list_page(doc: str, meta: dict[str, Any], number: int, count: int, parts: list[str], edit_path: str) -> Generated:
    """One page of a paginated overview, its title saying which page it is."""
    return Generated(doc, front_matter({**meta, "title": page_title(meta["title"], number, count)}) + "".join(parts), edit_path)


def catalogue_pages(catalogue: Catalogue) -> list[Generated]:
    """The catalogue of all good practices: a table, :data:`~kennisbank.paginate.PAGE_SIZE` per page."""
    practices = sorted(catalogue.practices, key=lambda p: p.title.lower())
    meta = {"title": "Goede praktijken", "description": "Alle goede praktijken van organisaties die met sleutelpersonen werken.", "type": "overzicht"}
    result = []
    for doc, number, count, part in pages(CATALOGUE_DOC, practices):
        body = [f"# {page_title('Goede praktijken', number, count)}\n\n"]
        if number == 1:
            body += [
                "Organisaties die al met sleutelpersonen werken, delen hier wat zij leerden over "
                "werving, training, begeleiding en waardering. Elke praktijk noemt haar bron en de "
                "datum waarop de gegevens voor het laatst zijn gecontroleerd.\n\n",
                f"Er staan nu {len(practices)} goede praktijken in de kennisbank. "
                f"Wil je er een toevoegen? Lees {link('Bijdragen', doc, 'bijdragen/index.md')}.\n\n",
            ]
        body.append(unindexed(practice_rows(part, catalogue.context, doc)) if part else "Er zijn nog geen goede praktijken.\n")
        body.append(navigation(CATALOGUE_DOC, number, count))
        body.append(f"\n## Per thema en rol\n\nBekijk ook de overzichten {link('per thema', doc, 'themas/index.md')} "
                    f"en {link('per rol', doc, 'rollen/index.md')}.\n")
        result.append(list_page(doc, meta, number, count, body, f"{catalogue.layout.practices}/"))
    return result


def catalogue_page(catalogue: Catalogue) -> Generated:
    """The first page of the catalogue of good practices (see :func:`catalogue_pages`)."""
    return catalogue_pages(catalogue)[0]


def payment_table(catalogue: Catalogue, from_doc: str, limit: int = PAGE_SIZE) -> str:
    """A comparison of how the practices in the hub pay their keypersons.

    Above ``limit`` practices the table shows the first few of each payment model,
    so that the guide it sits in does not grow with every new practice.
    """
    ctx = catalogue.context
    ordered = sorted(catalogue.practices, key=lambda p: (p.payment, p.title.lower()))
    shown, note = ordered, ""
    if len(ordered) > limit:
        models = sorted({p.payment for p in ordered})
        per_model = max(1, limit // len(models))
        shown = [p for model in models for p in [q for q in ordered if q.payment == model][:per_model]]
        note = (f"\nDe tabel toont per vorm van vergoeding de eerste {per_model} praktijken, op naam. "
                f"Alle {len(ordered)} praktijken staan in {link('het overzicht van goede praktijken', from_doc, CATALOGUE_DOC)}.\n")
    rows = ["| Praktijk | Vergoeding | Aantal sleutelpersonen |", "|---|---|---|"]
    for p in shown:
        count = f"ongeveer {p.keyperson_count}" if p.keyperson_count else "niet vermeld"
        rows.append(f"| {link(p.title, from_doc, practice_doc(p.slug))} ({text(p.organisation)}) | "
                    f"{ctx.vocab.label('vergoeding', p.payment)} | {count} |")
    legend = "\n".join(f"- **{t.label}**: {text(t.description)}" for t in ctx.vocab.lists["vergoeding"])
    return "\n".join(rows) + "\n" + note + "\n" + legend + "\n"


def _entries_with(catalogue: Catalogue, attr: str, key: str) -> tuple[list[Page], list[Practice], list[Programme]]:
    pages = [p for p in catalogue.pages if key in getattr(p, attr, ())]
    practices = [p for p in catalogue.practices if key in getattr(p, attr)]
    programmes = [p for p in catalogue.programmes if key in getattr(p, attr)]
    return pages, practices, programmes


def _titled_item(item: tuple[str, str, str], from_doc: str) -> str:
    """``[title](page): summary`` for a list item."""
    title, doc, summary = item
    return f"{link(title, from_doc, doc)}: {text(summary)}"


def term_pages(catalogue: Catalogue, vocabulary: str, attr: str, folder: str, key: str) -> list[Generated]:
    """The index pages for one theme or role: its guides, practices and programmes, paginated."""
    ctx, first = catalogue.context, f"{folder}/{key}.md"
    term = ctx.vocab.term(vocabulary, key)
    pages_with, practices, programmes = _entries_with(catalogue, attr, key)
    what = "Thema" if vocabulary == "themas" else "Rol"
    rows = [
        *(("Gidsen", (p.title, p.doc_path, p.summary)) for p in pages_with),
        *(("Goede praktijken", (p.title, practice_doc(p.slug), p.summary)) for p in practices),
        *(("Programma's op de sociale kaart", (p.name, programme_doc(p.slug), p.summary)) for p in programmes),
    ]
    meta = {"title": f"{what}: {term.label}", "description": term.description, "type": "overzicht"}
    result = []
    for doc, number, count, listing in grouped_pages(first, rows, _titled_item):
        parts = [f"# {text(page_title(meta['title'], number, count))}\n\n{text(term.description)}\n\n"]
        if number == 1 and count > 1:
            parts.append(f"Bij dit onderwerp staan {len(rows)} gidsen, praktijken en programma's, verdeeld over {count} pagina's.\n\n")
        parts.append(unindexed(listing) if rows else "Er staat nog niets bij dit onderwerp.\n\n")
        parts.append(navigation(first, number, count))
        parts.append(f"{link('Alle thema’s' if vocabulary == 'themas' else 'Alle rollen', doc, f'{folder}/index.md')}\n")
        result.append(list_page(doc, meta, number, count, parts, f"{catalogue.layout.data}/vocabulaire.yml"))
    return result


def term_page(catalogue: Catalogue, vocabulary: str, attr: str, folder: str, key: str) -> Generated:
    """The first index page for one theme or role (see :func:`term_pages`)."""
    return term_pages(catalogue, vocabulary, attr, folder, key)[0]


def term_index(catalogue: Catalogue, vocabulary: str, folder: str, title: str, intro: str) -> Generated:
    """The list of all themes or roles."""
    ctx = catalogue.context
    items = "".join(f"- [{text(t.label)}]({t.key}.md): {text(t.description)}\n" for t in ctx.vocab.lists[vocabulary])
    meta = {"title": title, "description": intro, "type": "overzicht"}
    return Generated(f"{folder}/index.md", front_matter(meta) + f"# {title}\n\n{intro}\n\n{items}", f"{catalogue.layout.data}/vocabulaire.yml")


def _map_item(programme: Programme, from_doc: str) -> str:
    return (f"{link(programme.name, from_doc, programme_doc(programme.slug))} ({text(programme.organisation)}, "
            f"{text(area_text(programme.area))}): {text(programme.summary)}")


def map_pages(catalogue: Catalogue) -> list[Generated]:
    """The social map's list: every programme, national ones first, then per province, paginated.

    The first page says on which page each province starts.
    """
    ctx = catalogue.context
    programmes = sorted(catalogue.programmes, key=lambda p: p.name.lower())
    provinces = {p.slug: area_provinces(p.area, ctx) for p in programmes}
    groups: list[tuple[str, list[Programme]]] = [("Landelijk", [p for p in programmes if p.area.national])]
    for province in PROVINCES:
        groups.append((province, [p for p in programmes if province in provinces[p.slug]]))
    rows = [(name, p) for name, items in groups for p in items]
    anchors = {name: slugify(name) for name, _ in groups}
    starts = first_pages(rows)
    empty = [name for name, items in groups[1:] if not items]
    meta = {"title": "Sociale kaart", "description": "Vind programma's met sleutelpersonen in jouw gemeente, jouw provincie of landelijk.", "type": "overzicht"}
    result = []
    for doc, number, count, listing in grouped_pages(MAP_DOC, rows, _map_item, anchors):
        parts = [f"# {page_title('Sociale kaart', number, count)}\n\n"]
        if number == 1:
            parts.append("Op de sociale kaart staan programma's die met sleutelpersonen werken. "
                         "Zoek een programma in jouw gemeente of provincie, of een landelijk programma.\n\n")
            if count > 1:
                parts.append(f"De lijst staat op {count} pagina's. Ga direct naar:\n\n" + "".join(
                    f"- [{name}]({relative(doc, page_doc(MAP_DOC, starts[name]))}#{anchors[name]}) (pagina {starts[name]})\n"
                    for name, items in groups if items) + "\n")
        parts.append(unindexed(listing))
        parts.append(navigation(MAP_DOC, number, count))
        if empty and number == 1:
            parts.append("## Geen programma bekend\n\nIn deze provincies kent de kennisbank nog geen programma: "
                         f"{', '.join(empty)}. Ken je er een? Lees {link('Bijdragen', doc, 'bijdragen/index.md')}.\n")
        result.append(list_page(doc, meta, number, count, parts, f"{catalogue.layout.programmes}/"))
    return result


def map_page(catalogue: Catalogue) -> Generated:
    """The first page of the social map's list (see :func:`map_pages`)."""
    return map_pages(catalogue)[0]


# --- data -----------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):  # field by field: dataclasses.asdict deep-copies every value first
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def record_json(records: Iterable[Any]) -> str:
    """Records as a JSON list, dates in ISO form."""
    return json.dumps([_plain(r) for r in records], ensure_ascii=False, indent=1) + "\n"


def data_files(catalogue: Catalogue) -> Iterator[Generated]:
    """Machine-readable exports and the JSON Schemas for editors."""
    yield Generated("data/praktijken.json", record_json(catalogue.practices))
    yield Generated("data/programmas.json", record_json(catalogue.programmes))
    for kind in SCHEMAS:
        yield Generated(f"schemas/{kind}.schema.json", schema_json(kind, catalogue.context))


def schema_json(kind: str, ctx: Context) -> str:
    """The JSON Schema file for one page type."""
    return json.dumps(json_schema(kind, ctx), ensure_ascii=False, indent=2) + "\n"


def generate(catalogue: Catalogue) -> list[Generated]:
    """Every generated page and data file for a validated catalogue."""
    from . import exports, socialmap  # they build on this module, so they are imported here, not at the top

    programmes_by_slug = {p.slug: p for p in catalogue.programmes}
    practices_by_programme: dict[str, list[Practice]] = {}
    for practice in catalogue.practices:
        if practice.programme:
            practices_by_programme.setdefault(practice.programme, []).append(practice)
    # The map page is the first page of the plain list (map_pages) with the interactive map around it.
    files = [*catalogue_pages(catalogue), socialmap.map_page(catalogue), *map_pages(catalogue)[1:]]
    files += [practice_page(p, catalogue, programmes_by_slug) for p in catalogue.practices]
    files += [programme_page(p, catalogue, practices_by_programme.get(p.slug, [])) for p in catalogue.programmes]
    files.append(term_index(catalogue, "themas", "themas", "Thema's",
                            "Alle onderwerpen in de kennisbank, met de gidsen, praktijken en programma's die erbij horen."))
    files.append(term_index(catalogue, "rollen", "rollen", "De zes rollen",
                            "Een sleutelpersoon kan zes rollen hebben. Per rol zie je de gidsen, praktijken en programma's die erbij horen."))
    files += [g for k in catalogue.context.vocab.keys("themas") for g in term_pages(catalogue, "themas", "themes", "themas", k)]
    files += [g for k in catalogue.context.vocab.keys("rollen") for g in term_pages(catalogue, "rollen", "roles", "rollen", k)]
    files.append(content_model_page(catalogue))
    files += data_files(catalogue)
    files += socialmap.files(catalogue)  # municipality pages and the map's data
    files += exports.files(catalogue)  # open data: GeoJSON, CSV, HSDS, and the page about them
    from .freshness import editors_page  # imported here: freshness builds on this module

    files.append(editors_page(catalogue))
    return files


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
    from .schema import PRACTICE_SECTIONS, Group, GroupList

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
    return Generated(CONTENT_MODEL_DOC, front_matter(meta) + "".join(parts), "scripts/kennisbank/schema.py")
