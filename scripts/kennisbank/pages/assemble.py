"""Every generated page and data file for a validated catalogue: the top of the pages layer.

The page modules below this one each make one kind of page or data; this module only
calls them in order. Nothing is written to disk here, so generated pages can never end
up in the source folders.

While serving, :class:`Memo` keeps what the last call made. Each kind of page is made again
only when the records it reads changed: a practice's own page when that practice (or its
programme) changed, a theme's pages when the entries it lists changed, the map, the
municipality pages and the open data when a programme changed, and so on. Records of
unchanged files are the very same objects from one check to the next
(:class:`kennisbank.model.checks.CheckMemo`), so comparing them is cheap. Lists that read
every record (a theme's pages, the editors' list, old knowledge) are remembered by the rows they
show, which most edits leave as they were. A test checks, edit by edit,
that the result equals a generation from scratch.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from ..model.checks import Catalogue
from ..model.records import Practice
from . import exports, mapdata, municipalities, templating, terms, worksheets
from .catalogue import catalogue_pages
from .common import Generated, Site
from .contentmodel import content_model_page, schema_files
from .entries import practice_page, programme_page
from .facts import facts_page
from .freshness import aged_entries, editors_page, knowledge_pages, stale_entries
from .maplist import list_pages, map_pages
from .socialmap import map_page
from .worksheets import Download


@dataclass
class Memo:
    """What the last generation made, per kind of page, with the records it was made from."""

    context: Any = None
    layout: Any = None
    templates: str = ""
    made: dict[Hashable, tuple[Any, Any]] = field(default_factory=dict)
    kept: dict[Hashable, tuple[Any, Any]] = field(default_factory=dict)
    remade: int = 0  # how many kinds of page (or single entries) the last generation made anew

    def start(self, catalogue: Catalogue) -> None:
        """Forget everything when the vocabularies, the facts, the date, the folders or the page templates changed."""
        templates = templating.version()
        if catalogue.context is not self.context or catalogue.layout != self.layout or templates != self.templates:
            self.context, self.layout, self.templates, self.made = catalogue.context, catalogue.layout, templates, {}
        self.kept, self.remade = {}, 0

    def get(self, key: Hashable, inputs: Any, make: Callable[[], Any]) -> Any:
        """What ``make`` made from ``inputs`` under ``key``: the last result if the inputs are equal, else made now."""
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


def _always(key: Hashable, inputs: Any, make: Callable[[], Any]) -> Any:
    return make()


def generate(catalogue: Catalogue, site: Site | None = None, memo: Memo | None = None) -> list[Generated]:
    """Every generated page and data file for a validated catalogue; with ``memo``, only what changed is made anew.

    ``site``: the site's name and address, which the worksheets print (their files come from
    :func:`generate_all` or :func:`kennisbank.pages.worksheets.downloads`).
    """
    if memo is None:
        return _pages(catalogue, site or Site(), _always)
    memo.start(catalogue)
    files = _pages(catalogue, site or Site(), memo.get)
    memo.done()
    return files


@dataclass(frozen=True)
class Output:
    """Everything a build adds to the hand-written pages: generated pages and data, and the worksheets' files."""

    pages: list[Generated]
    downloads: list[Download]


def generate_all(catalogue: Catalogue, site: Site, memo: Memo | None = None) -> Output:
    """:func:`generate`, and the ODT and DOCX file of every worksheet (pandoc makes them, so they are remembered too)."""
    if memo is not None:
        memo.start(catalogue)
    made = memo.get if memo is not None else _always
    output = Output(_pages(catalogue, site, made), made("downloads", (catalogue.pages, site), lambda: worksheets.downloads(catalogue, site)))
    if memo is not None:
        memo.done()
    return output


@dataclass(frozen=True)
class Job:
    """One kind of page (or one entry's page) to make: ``make()`` gives its files, from ``inputs`` (for :class:`Memo`)."""

    key: Hashable
    inputs: Any
    make: Callable[[], list[Generated]]

    @property
    def kind(self) -> str:
        return self.key if isinstance(self.key, str) else self.key[0]


#: Kinds that read only the programmes and make no page in the navigation: the open data and the
#: municipality pages. A second process can make them while the first makes the rest (site/parallel.py);
#: at 10,000 programmes they are about half of the generation's time (BENCHMARK.md).
DATA_KINDS = frozenset({"practice-records", "programme-records", "municipalities", "mapdata", "exports"})


def jobs(catalogue: Catalogue, site: Site) -> list[Job]:
    """Every kind of page and data to make, in the order of the generated files."""
    pages, practices, programmes = catalogue.pages, catalogue.practices, catalogue.programmes
    programmes_by_slug = {p.slug: p for p in programmes}
    practices_by_programme: dict[str, list[Practice]] = {}
    for practice in practices:
        if practice.programme:
            practices_by_programme.setdefault(practice.programme, []).append(practice)

    def map_files() -> list[Generated]:  # the map page is the first page of the plain list with the interactive map around it
        map_list = list_pages(catalogue)
        return [map_page(catalogue, map_list[0]), *map_pages(catalogue, map_list[1:])]

    aged, stale = aged_entries(catalogue), stale_entries(catalogue)
    found = [Job("catalogue", practices, lambda: catalogue_pages(catalogue)), Job("map", programmes, map_files)]
    for p in practices:
        programme = programmes_by_slug.get(p.programme) if p.programme else None
        found.append(Job(("practice", p.slug), (p, programme), lambda p=p: [practice_page(p, catalogue, programmes_by_slug)]))
    for p in programmes:
        linked = tuple(practices_by_programme.get(p.slug, []))
        found.append(Job(("programme", p.slug), (p, linked), lambda p=p, linked=linked: [programme_page(p, catalogue, list(linked))]))
    for vocabulary in terms.INDEXED:  # the lists of themes and roles, and a page for each
        found.append(Job((vocabulary, "index"), (), lambda v=vocabulary: [terms.term_index(catalogue, v)]))
    for vocabulary in terms.INDEXED:  # a theme's pages show only its rows: an edit elsewhere in an entry leaves them
        for key, rows in terms.rows_by_term(catalogue, vocabulary).items():
            found.append(Job((vocabulary, key), rows, lambda v=vocabulary, k=key, r=rows: terms.term_pages(catalogue, v, k, r)))
    return [
        *found,
        Job("contentmodel", (), lambda: [content_model_page(catalogue)]),
        Job("facts", (), lambda: [facts_page(catalogue)]),  # the facts and the date are in the context
        Job("practice-records", practices, lambda: [exports.practice_records(catalogue)]),
        Job("programme-records", programmes, lambda: [exports.programme_records(catalogue)]),
        Job("schemas", (), lambda: schema_files(catalogue)),
        Job("municipalities", programmes, lambda: municipalities.files(catalogue)),  # a page per municipality with a programme, and their index
        Job("mapdata", programmes, lambda: mapdata.files(catalogue)),  # the map script's data
        Job("exports", programmes, lambda: exports.files(catalogue)),  # open data: GeoJSON, CSV, HSDS, and the page about them
        Job("editors", stale, lambda: [editors_page(catalogue, stale)]),  # the entries to check again (the date is in the context)
        # The pages show only the aged entries and how many entries there are: most edits leave them.
        Job("knowledge", (aged, len(practices) + len(programmes)), lambda: knowledge_pages(catalogue, aged)),
        Job("worksheets", (pages, site), lambda: worksheets.files(catalogue, site)),  # the worksheet pages and their overview
    ]


def _pages(catalogue: Catalogue, site: Site, made: Callable[[Hashable, Any, Callable[[], Any]], Any]) -> list[Generated]:
    files: list[Generated] = []
    for job in jobs(catalogue, site):
        files += made(job.key, job.inputs, job.make)
    return files


def generate_part(catalogue: Catalogue, site: Site, data: bool) -> dict[int, list[Generated]]:
    """The files of the jobs in :data:`DATA_KINDS` (``data``) or of all the others, by the job's place in :func:`jobs`.

    Two processes can each make one part; :func:`combine` puts them together as :func:`generate` makes them.
    """
    return {place: job.make() for place, job in enumerate(jobs(catalogue, site)) if (job.kind in DATA_KINDS) == data}


def combine(*parts: dict[int, list[Generated]]) -> list[Generated]:
    """The generated files of :func:`generate_part`'s parts, in the order of :func:`jobs`."""
    joined = {place: files for part in parts for place, files in part.items()}
    return [file for place in sorted(joined) for file in joined[place]]
