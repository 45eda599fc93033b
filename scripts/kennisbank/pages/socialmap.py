"""The social map page: filters, list and map, with the plain list as fallback without JavaScript.

The page is ``templates/sociale-kaart.md``; the script is ``overrides/assets/javascripts/sociale-kaart.js``,
and the data it loads is made by :mod:`kennisbank.pages.mapdata`.
"""

from __future__ import annotations

from typing import Any

from ..model.checks import Catalogue
from ..model.gazetteer import PROVINCES
from ..model.vocabulary import languages
from .common import MAP_DOC, Generated
from .maplist import list_pages
from .templating import page

MAP_TEMPLATE = "sociale-kaart.html"

# The filters of the map: URL parameter → vocabulary (None for languages) and record attribute.
FILTERS: dict[str, tuple[str | None, str]] = {
    "thema": ("themas", "themes"),
    "rol": ("rollen", "roles"),
    "taal": (None, "languages"),
    "doelgroep": ("doelgroepen", "communities"),
    "vergoeding": ("vergoeding", "payment"),
}


def filter_options(catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    """(value, label) of every filter option, in the order the client index numbers them."""
    ctx = catalogue.context
    options: dict[str, list[tuple[str, str]]] = {"provincie": [(p, p) for p in PROVINCES]}
    names = languages()
    used = sorted({code for p in catalogue.programmes for code in p.languages}, key=lambda c: names[c].lower())
    for param, (vocabulary, _) in FILTERS.items():
        if vocabulary is None:
            options[param] = [(code, names[code]) for code in used]
        else:
            options[param] = [(t.key, t.label) for t in ctx.vocab.lists[vocabulary]]
    return options


def map_page(catalogue: Catalogue, first: dict[str, Any] | None = None) -> Generated:
    """The social map: filters, list and map, with the first page of the plain list as fallback.

    That list is paginated (its later pages come from :func:`kennisbank.pages.maplist.map_pages`), so the map page
    stays small however many programmes there are. ``first``: that page's data, when the caller has it.
    """
    data = first or list_pages(catalogue)[0]
    content = page("sociale-kaart.md", {"type": "overzicht", "template": MAP_TEMPLATE, "hide": ["toc"]},
                   **data, opties=filter_options(catalogue))
    return Generated(MAP_DOC, content, f"{catalogue.layout.programmes}/", interface=True)
