"""Worksheets on paper: each page printed to PDF by Chromium on A4 fits on as few pages as it needs (the
checklist on one), keeps room to write, and carries the hub's name, the guide's address and the version's
date, and nothing of the site around it. On screen one of them is a page type like any other (tests/page_types.py);
here every one is also checked with axe, at the browser's width and at 320 px wide."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from kennisbank.model.checks import Layout, check_all
from kennisbank.pages.common import dutch_date

from ..conftest import ROOT, TODAY
from ..support.browser_checks import horizontal_overflow, run_axe

pytestmark = pytest.mark.browser

SHEETS = sorted(((sheet.name, page) for page in check_all(Layout(ROOT), today=TODAY).pages for sheet in page.worksheets), key=lambda s: s[0])
#: Most A4 pages each worksheet may print on; the checklist for the first conversation must fit on one.
MOST_PAGES = {"eerste-gesprek": 1, "functieprofiel": 1, "ontwikkelingsplan": 1, "intervisie": 1, "zes-rollen": 2}
#: What the site shows around a page: menu entries, the search box, the buttons; none of it is printed.
CHROME = ("Goede praktijken", "Sociale kaart", "Perskit", "Zoeken", "Meld een fout", "kennisbank-sleutelpersonen/kennisbank", "Download")
MIN_ROOM_PX = 30  # an empty answer cell on paper: at least about 8 mm high


def test_every_worksheet_has_a_page_limit():
    assert sorted(MOST_PAGES) == [name for name, _ in SHEETS]


@pytest.mark.parametrize(("name", "guide"), SHEETS, ids=[name for name, _ in SHEETS])
def test_worksheet_prints_on_few_a4_pages_with_only_the_worksheet(page, site_url, name, guide):
    page.goto(f"{site_url}werkbladen/{name}/", wait_until="networkidle")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    assert 1 <= len(pdf.pages) <= MOST_PAGES[name]
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    text = " ".join(p.extract_text() for p in pdf.pages)
    flat = " ".join(text.split())
    assert "Kennisbank Sleutelpersonen" in flat
    assert f"Werkblad bij de gids {guide.title}" in flat
    assert f"Versie van {dutch_date(guide.reviewed)}" in flat
    assert f"kennisbank-sleutelpersonen.github.io/kennisbank/gidsen/{guide.slug}/" in flat.replace(" ", "")
    assert [c for c in CHROME if c in flat] == []


@pytest.mark.parametrize(("name", "guide"), SHEETS, ids=[name for name, _ in SHEETS])
def test_worksheet_keeps_room_to_write_on_paper(page, site_url, name, guide):
    page.goto(f"{site_url}werkbladen/{name}/", wait_until="networkidle")
    page.emulate_media(media="print")
    heights = page.evaluate("[...document.querySelectorAll('.md-typeset td:empty')].map(td => td.getBoundingClientRect().height)")
    boxes = page.locator(".md-typeset .task-list-item").count()
    assert heights or boxes, "geen lege antwoordcel en geen vakje om in te vullen"
    assert min(heights, default=MIN_ROOM_PX) >= MIN_ROOM_PX

@pytest.mark.parametrize(("name", "guide"), SHEETS, ids=[name for name, _ in SHEETS])
def test_worksheet_is_readable_and_axe_clean_at_320_px(browser, site_url, name, guide):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(f"{site_url}werkbladen/{name}/", wait_until="networkidle")
        assert horizontal_overflow(page) <= 0
        assert run_axe(page) == []
    finally:
        context.close()


@pytest.mark.parametrize(("name", "guide"), SHEETS, ids=[name for name, _ in SHEETS])
def test_worksheet_is_axe_clean_on_screen(page, site_url, name, guide):
    page.goto(f"{site_url}werkbladen/{name}/", wait_until="networkidle")
    assert run_axe(page) == []
