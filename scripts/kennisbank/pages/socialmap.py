"""The social map page: filters, list and map, with the plain list as fallback without JavaScript.

The script is ``overrides/assets/javascripts/sociale-kaart.js``; the data it loads is made by
:mod:`kennisbank.pages.mapdata`.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable

from ..model.checks import Catalogue
from ..model.gazetteer import PROVINCES
from ..model.vocabulary import languages
from .common import MAP_DOC, OPEN_DATA_DOC, Generated, front_matter

MAP_TEMPLATE = "sociale-kaart.html"


# The filters of the map: URL parameter, vocabulary (None for languages), record attribute, label, "all" option.
FILTERS: tuple[tuple[str, str | None, str, str, str], ...] = (
    ("thema", "themas", "themes", "Thema", "Alle thema's"),
    ("rol", "rollen", "roles", "Rol", "Alle rollen"),
    ("taal", None, "languages", "Taal", "Alle talen"),
    ("doelgroep", "doelgroepen", "communities", "Doelgroep", "Alle doelgroepen"),
    ("vergoeding", "vergoeding", "payment", "Vergoeding", "Alle vormen"),
)


def _select(name: str, label: str, everything: str, options: Iterable[tuple[str, str]]) -> str:
    """One labelled <select> of the filter form; values and labels are escaped."""
    opts = "".join(f'<option value="{html.escape(value)}">{html.escape(text_)}</option>' for value, text_ in options)
    return (f'<div class="kb-kaart__veld"><label for="kb-{name}">{label}</label>'
            f'<select id="kb-{name}" name="{name}"><option value="">{everything}</option>{opts}</select></div>\n')


def filter_options(catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    """(value, label) of every filter option, in the order the client index numbers them."""
    ctx = catalogue.context
    options: dict[str, list[tuple[str, str]]] = {"provincie": [(p, p) for p in PROVINCES]}
    names = languages()
    used = sorted({code for p in catalogue.programmes for code in p.languages}, key=lambda c: names[c].lower())
    for param, vocabulary, _, _, _ in FILTERS:
        if vocabulary is None:
            options[param] = [(code, names[code]) for code in used]
        else:
            options[param] = [(t.key, t.label) for t in ctx.vocab.lists[vocabulary]]
    return options


def map_app(catalogue: Catalogue) -> str:
    """The HTML of the interactive map: filters, status line, list and map.

    Hidden until the script has loaded its data; without JavaScript the plain list below it shows.
    """
    options = filter_options(catalogue)
    selects = [_select("provincie", "Provincie", "Alle provincies", options["provincie"])]
    selects += [_select(param, label, everything, options[param]) for param, _, _, label, everything in FILTERS]
    return (
        '<div id="kb-kaart" class="kb-kaart" hidden>\n'
        '<form id="kb-kaart-filters" class="kb-kaart__filters" role="search" aria-label="Programma\'s zoeken">\n'
        '<div class="kb-kaart__veld kb-kaart__gemeente"><label for="kb-gemeente">Gemeente</label>'
        '<input id="kb-gemeente" name="gemeente" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" '
        'aria-controls="kb-gemeente-opties" aria-describedby="kb-gemeente-uitleg" autocomplete="off" spellcheck="false">'
        '<ul id="kb-gemeente-opties" class="kb-kaart__opties" role="listbox" aria-label="Gemeenten" hidden></ul>'
        '<p id="kb-gemeente-uitleg" class="kb-kaart__uitleg">Typ de naam van een gemeente. Kies met de pijltjes en Enter.</p></div>\n'
        + "".join(selects) +
        '<div class="kb-kaart__knoppen"><button type="button" id="kb-kaart-wis" class="md-button">Wis alle filters</button></div>\n'
        '</form>\n'
        '<p id="kb-kaart-status" class="kb-kaart__status" role="status" aria-live="polite" aria-atomic="true"></p>\n'
        '<div class="kb-kaart__inhoud">\n'
        '<section id="kb-kaart-lijst" class="kb-kaart__lijst" aria-labelledby="kb-kaart-lijst-kop">'
        '<h2 id="kb-kaart-lijst-kop">Programma\'s</h2><div id="kb-kaart-resultaten"></div>'
        '<button type="button" id="kb-kaart-meer" class="md-button" hidden>Meer tonen</button></section>\n'
        '<div id="kb-kaart-kaart" class="kb-kaart__kaart" role="region" aria-label="Kaart van Nederland met de plaatsen waar programma\'s werken"></div>\n'
        '</div>\n'
        '</div>\n'
    )


def map_page(catalogue: Catalogue, plain: Generated) -> Generated:
    """The social map: filters, list and map, with ``plain``, the first page of the plain list
    (:func:`kennisbank.pages.maplist.map_pages`), as fallback.

    That list is paginated (its later pages stay pages of their own), so the map page stays small
    however many programmes there are.
    """
    body = plain.content.split("---\n\n", 1)[1]  # drop the front matter; the body is ours to extend
    title, intro, plain_list = body.split("\n\n", 2)  # the title, one paragraph of introduction, the list
    head = f"{title}\n\n{intro}"
    fallback = plain_list if catalogue.programmes else "Er staan nog geen programma's op de kaart.\n"
    parts = [
        head.rstrip("\n") + "\n\n",
        map_app(catalogue), "\n",
        '<div id="kb-kaart-zonder-js" markdown>\n\n', fallback.rstrip("\n") + "\n\n", "</div>\n\n",
        "## Meer over de kaart\n\n",
        "- [Alle gemeenten met een eigen pagina](../gemeenten/index.md)\n",
        f"- [Open data: alle programma's om te downloaden]({posixpath.relpath(OPEN_DATA_DOC, 'sociale-kaart')})\n",
        "- Ken je een programma dat hier niet staat? Lees [Bijdragen](../bijdragen/index.md).\n",
    ]
    meta = {"title": "Sociale kaart", "description": "Vind programma's met sleutelpersonen in jouw gemeente, jouw provincie of landelijk.",
            "type": "overzicht", "template": MAP_TEMPLATE, "hide": ["toc"]}
    return Generated(MAP_DOC, front_matter(meta) + "".join(parts), plain.edit_path, interface=True)
