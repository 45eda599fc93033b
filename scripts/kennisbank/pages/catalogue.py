"""The catalogue of good practices, and the payment table that the payment guide shows.

The text is in ``templates/praktijken.md`` and ``templates/vergoedingstabel.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model.checks import Catalogue
from ..model.fields import Context
from ..model.records import Practice
from .common import CATALOGUE_DOC, Generated, link, practice_doc
from .paginate import PAGE_SIZE, pages, pagination
from .templating import page, render, trusted


def practice_rows(practices: Iterable[Practice], ctx: Context, from_doc: str) -> list[dict[str, Any]]:
    """The practices as the tables show them: the record, a link to its page, its payment label."""
    return [{"practice": p, "link": trusted(link(p.title, from_doc, practice_doc(p.slug))),
             "vergoeding": ctx.vocab.label("vergoeding", p.payment)} for p in practices]


def catalogue_pages(catalogue: Catalogue) -> list[Generated]:
    """The catalogue of all good practices: a table, :data:`~kennisbank.pages.paginate.PAGE_SIZE` per page."""
    practices = sorted(catalogue.practices, key=lambda p: p.title.lower())
    return [Generated(doc, page("praktijken.md", {"type": "overzicht"}, doc=doc, nummer=number, aantal=count,
                                totaal=len(practices), praktijken=practice_rows(part, catalogue.context, doc),
                                navigatie=pagination(CATALOGUE_DOC, number, count)),
                      f"{catalogue.layout.practices}/")
            for doc, number, count, part in pages(CATALOGUE_DOC, practices)]


def payment_table(catalogue: Catalogue, from_doc: str, limit: int = PAGE_SIZE) -> str:
    """A comparison of how the practices in the hub pay their keypersons.

    Above ``limit`` practices the table shows the first few of each payment model,
    so that the guide it sits in does not grow with every new practice.
    """
    ctx = catalogue.context
    ordered = sorted(catalogue.practices, key=lambda p: (p.payment, p.title.lower()))
    shown, per_model = ordered, 0
    if len(ordered) > limit:
        models = sorted({p.payment for p in ordered})
        per_model = max(1, limit // len(models))
        shown = [p for model in models for p in [q for q in ordered if q.payment == model][:per_model]]
    return render("vergoedingstabel.md", doc=from_doc, praktijken=practice_rows(shown, ctx, from_doc), per_vorm=per_model,
                  totaal=len(ordered), overzicht=CATALOGUE_DOC,
                  vormen=ctx.vocab.lists["vergoeding"])
