"""The guides on the built site: structure, the report's roles, initiatives and practices."""

from __future__ import annotations

import re

import pytest

from ..conftest import ROOT

GUIDES = sorted(p.stem for p in (ROOT / "content" / "gidsen").glob("*.md"))
ROLES = ("adviseur", "verbinder", "helper", "rolmodel", "tolk", "voorlichter")
PRACTICES = ("fsan", "versa-welzijn", "haarlem-zandvoort", "tvcn", "avres")


def html(built_site, path: str) -> str:
    return (built_site / path / "index.html").read_text(encoding="utf-8")


def test_all_fourteen_pages_of_the_guides_issue_exist():
    expected = {"wat-is-een-sleutelpersoon", "zes-rollen", "werving-en-selectie", "eerste-gesprek", "functieprofiel",
                "begeleiding-en-intervisie", "deskundigheid", "waardering-en-vergoeding", "grenzen-en-bereikbaarheid",
                "vertrouwen-en-loyaliteit", "voor-gemeenten", "voor-sleutelpersonen", "actieagenda-2020"}
    assert expected <= set(GUIDES)
    assert (ROOT / "content" / "over.md").exists()


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_has_summary_box_next_steps_sources_and_review_date(built_site, guide):
    page = html(built_site, f"gidsen/{guide}")
    assert "In het kort" in page
    next_steps = page.split('id="verder-lezen"')[1]
    assert len(re.findall(r'<li><a href="\.\./', next_steps.split("</ul>")[0])) >= 2
    assert 'class="footnote"' in page  # facts cite the report
    assert re.search(r'Laatst herzien: <time datetime="\d{4}-\d{2}-\d{2}">\d{1,2} \w+ \d{4}</time>', page)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_has_a_page_and_a_place_in_the_roles_guide(built_site, role):
    assert f'href="../../rollen/{role}/"' in html(built_site, "gidsen/zes-rollen")
    assert "<h1" in html(built_site, f"rollen/{role}")


def test_twelve_initiatives_each_link_to_the_hub(built_site):
    page = html(built_site, "gidsen/actieagenda-2020")
    sections = re.split(r"<h2 id=\"initiatief-\d+", page)[1:]
    assert len(sections) == 12
    for number, section in enumerate(sections, start=1):
        body = section.split("<h2")[0]
        assert re.search(r'href="\.\./\.\./(gidsen|praktijken|sociale-kaart|bijdragen|rollen|themas)/', body) or \
            re.search(r'href="\.\./[a-z-]+/"', body), f"initiatief {number} linkt nergens naar"


@pytest.mark.parametrize("practice", PRACTICES)
def test_each_practice_of_the_report_has_a_page_in_the_catalogue(built_site, practice):
    assert f'href="{practice}/"' in html(built_site, "praktijken")
    assert "Bron" in html(built_site, f"praktijken/{practice}")


def test_home_routes_three_audiences_in_one_click(built_site):
    page = (built_site / "index.html").read_text(encoding="utf-8")
    for target in ("gidsen/wat-is-een-sleutelpersoon/", "gidsen/voor-gemeenten/", "bijdragen/"):
        assert f'href="{target}"' in page


def test_print_stylesheet_is_loaded(built_site):
    assert "assets/stylesheets/print.css" in (built_site / "index.html").read_text(encoding="utf-8")
