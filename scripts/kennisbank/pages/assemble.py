"""Every generated page and data file for a validated catalogue: the top of the pages layer.

The page modules below this one each make one kind of page or data; this module only
calls them in order. Nothing is written to disk here, so generated pages can never end
up in the source folders.
"""

from __future__ import annotations

from ..model.checks import Catalogue
from ..model.records import Practice
from . import exports, mapdata, municipalities, terms, worksheets
from .catalogue import catalogue_pages
from .common import Generated, Site
from .contentmodel import content_model_page, schema_files
from .entries import practice_page, programme_page
from .facts import facts_page
from .freshness import editors_page, knowledge_pages
from .maplist import list_pages, map_pages
from .socialmap import map_page


def generate(catalogue: Catalogue, site: Site | None = None) -> list[Generated]:
    """Every generated page and data file for a validated catalogue.

    ``site``: the site's name and address, which the worksheets print (their files come from
    :func:`kennisbank.pages.worksheets.downloads`).
    """
    programmes_by_slug = {p.slug: p for p in catalogue.programmes}
    practices_by_programme: dict[str, list[Practice]] = {}
    for practice in catalogue.practices:
        if practice.programme:
            practices_by_programme.setdefault(practice.programme, []).append(practice)
    # The map page is the first page of the plain list with the interactive map around it.
    map_list = list_pages(catalogue)
    files = [*catalogue_pages(catalogue), map_page(catalogue, map_list[0]), *map_pages(catalogue, map_list[1:])]
    files += [practice_page(p, catalogue, programmes_by_slug) for p in catalogue.practices]
    files += [programme_page(p, catalogue, practices_by_programme.get(p.slug, [])) for p in catalogue.programmes]
    files += terms.files(catalogue)  # the lists of themes and roles, and a page for each
    files.append(content_model_page(catalogue))
    files.append(facts_page(catalogue))
    files += exports.record_files(catalogue)
    files += schema_files(catalogue)
    files += municipalities.files(catalogue)  # a page per municipality with a programme, and their index
    files += mapdata.files(catalogue)  # the map script's data
    files += exports.files(catalogue)  # open data: GeoJSON, CSV, HSDS, and the page about them
    files.append(editors_page(catalogue))
    files += knowledge_pages(catalogue)
    files += worksheets.files(catalogue, site or Site())  # the worksheet pages and their overview
    return files
