"""The catalogue of good practices, and the payment table that the payment guide shows.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model.checks import Catalogue
from ..model.fields import Context
from ..model.records import Practice
from .common import CATALOGUE_DOC, Generated, area_text, link, list_page, practice_doc, text
from .paginate import PAGE_SIZE, navigation, page_title, pages, unindexed


def practice_rows(practices: Iterable[Practice], ctx: Context, from_doc: str) -> str:
    """A table of practices: title, organisation, area, payment."""
    rows = ["| Praktijk | Organisatie | Werkgebied | Vergoeding |", "|---|---|---|---|"]
    for p in practices:
        rows.append(f"| {link(p.title, from_doc, practice_doc(p.slug))} | {text(p.organisation)} | "
                    f"{text(area_text(p.area))} | {ctx.vocab.label('vergoeding', p.payment)} |")
    return "\n".join(rows) + "\n"


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
        count = p.keyperson_count.dutch() if p.keyperson_count else "niet vermeld"
        rows.append(f"| {link(p.title, from_doc, practice_doc(p.slug))} ({text(p.organisation)}) | "
                    f"{ctx.vocab.label('vergoeding', p.payment)} | {count} |")
    legend = "\n".join(f"- **{t.label}**: {text(t.description)}" for t in ctx.vocab.lists["vergoeding"])
    return "\n".join(rows) + "\n" + note + "\n" + legend + "\n"
