"""Every generated page and data file for a validated catalogue: the top of the pages layer.

The page modules below this one each make one kind of page or data; this module only
calls them in order. Nothing is written to disk here, so generated pages can never end
up in the source folders.

While serving, :class:`Memo` keeps what the last call made. Each kind of page is made again
only when the records it reads changed: a practice's own page when that practice (or its
programme) changed, a theme's pages when an entry with that theme changed, the map, the
municipality pages and the open data when a programme changed, and so on. Records of
unchanged files are the very same objects from one check to the next
(:class:`kennisbank.model.checks.CheckMemo`), so comparing them is cheap. Small pages that
read everything (the editors' list) are always made again. A test checks, edit by edit,
that the result equals a generation from scratch.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from ..model.checks import Catalogue
from ..model.records import Practice
from . import exports, mapdata, municipalities
from .catalogue import catalogue_pages
from .common import Generated
from .contentmodel import content_model_page, schema_files
from .entries import practice_page, programme_page
from .freshness import editors_page
from .maplist import map_pages
from .socialmap import map_page
from .terms import entries_with, term_index, term_pages


@dataclass
class Memo:
    """What the last generation made, per kind of page, with the records it was made from."""

    context: Any = None
    layout: Any = None
    made: dict[Hashable, tuple[Any, list[Generated]]] = field(default_factory=dict)
    kept: dict[Hashable, tuple[Any, list[Generated]]] = field(default_factory=dict)
    remade: int = 0  # how many kinds of page (or single entries) the last generation made anew

    def start(self, catalogue: Catalogue) -> None:
        """Forget everything when the vocabularies, the municipalities, the date or the folders changed."""
        if catalogue.context is not self.context or catalogue.layout != self.layout:
            self.context, self.layout, self.made = catalogue.context, catalogue.layout, {}
        self.kept, self.remade = {}, 0

    def get(self, key: Hashable, inputs: Any, make: Callable[[], list[Generated]]) -> list[Generated]:
        """The files made from ``inputs`` under ``key``: the last ones if the inputs are equal, else made now."""
        last = self.made.get(key)
        if last is not None and last[0] == inputs:
            result = last[1]
        else:
            result = make()
            self.remade += 1
        self.kept[key] = (inputs, result)
        return result

    def done(self) -> None:
        self.made, self.kept = self.kept, {}


def _always(key: Hashable, inputs: Any, make: Callable[[], list[Generated]]) -> list[Generated]:
    return make()


def generate(catalogue: Catalogue, memo: Memo | None = None) -> list[Generated]:
    """Every generated page and data file for a validated catalogue; with ``memo``, only what changed is made anew."""
    if memo is not None:
        memo.start(catalogue)
    made = memo.get if memo is not None else _always
    practices, programmes = catalogue.practices, catalogue.programmes
    programmes_by_slug = {p.slug: p for p in programmes}
    practices_by_programme: dict[str, list[Practice]] = {}
    for practice in practices:
        if practice.programme:
            practices_by_programme.setdefault(practice.programme, []).append(practice)
    # The map page is the first page of the plain list (map_pages) with the interactive map around it.
    files = made("catalogue", practices, lambda: catalogue_pages(catalogue))
    files = files + made("map", programmes, lambda: [map_page(catalogue), *map_pages(catalogue)[1:]])
    for p in practices:
        programme = programmes_by_slug.get(p.programme) if p.programme else None
        files += made(("practice", p.slug), (p, programme), lambda p=p: [practice_page(p, catalogue, programmes_by_slug)])
    for p in programmes:
        linked = tuple(practices_by_programme.get(p.slug, []))
        files += made(("programme", p.slug), (p, linked), lambda p=p, linked=linked: [programme_page(p, catalogue, list(linked))])
    files += made("themas", (), lambda: [term_index(catalogue, "themas", "themas", "Thema's",
                  "Alle onderwerpen in de kennisbank, met de gidsen, praktijken en programma's die erbij horen.")])
    files += made("rollen", (), lambda: [term_index(catalogue, "rollen", "rollen", "De zes rollen",
                  "Een sleutelpersoon kan zes rollen hebben. Per rol zie je de gidsen, praktijken en programma's die erbij horen.")])
    for vocabulary, attr in (("themas", "themes"), ("rollen", "roles")):
        for k in catalogue.context.vocab.keys(vocabulary):
            listed = tuple(tuple(group) for group in entries_with(catalogue, attr, k))
            files += made((vocabulary, k), listed, lambda v=vocabulary, a=attr, k=k: term_pages(catalogue, v, a, v, k))
    files += made("contentmodel", (), lambda: [content_model_page(catalogue)])
    files += made("practice-records", practices, lambda: [exports.practice_records(catalogue)])
    files += made("programme-records", programmes, lambda: [exports.programme_records(catalogue)])
    files += made("schemas", (), lambda: schema_files(catalogue))
    files += made("municipalities", programmes, lambda: municipalities.files(catalogue))  # a page per municipality with a programme, and their index
    files += made("mapdata", programmes, lambda: mapdata.files(catalogue))  # the map script's data
    files += made("exports", programmes, lambda: exports.files(catalogue))  # open data: GeoJSON, CSV, HSDS, and the page about them
    files.append(editors_page(catalogue))  # reads every record and the date: cheap, so always made
    if memo is not None:
        memo.done()
    return files
