"""Every page type in a real Chromium: WCAG 2.1 A/AA by axe-core, nothing from other origins, no console
errors, every control reachable by keyboard with a visible focus, and no horizontal scrolling at 320 px
wide or at 200% zoom.

The page types come from tests/support/page_types.py; add a page type there, not here.
"""

from __future__ import annotations

import pytest

from ..support.browser_checks import MEASURED, horizontal_overflow, measure, open_menu_with_keyboard, open_page, stored_in_browser, walk_with_tab
from ..support.page_types import PAGE_TYPES, PageType

pytestmark = pytest.mark.browser

PARAMS = [pytest.param(pt, id=pt.name) for pt in PAGE_TYPES]

# 200% zoom of a 1280 x 720 window: Chromium then lays the page out in 640 x 360 CSS pixels, each drawn with
# 2 x 2 screen pixels. A viewport of that size with deviceScaleFactor 2 is exactly that state, media queries
# included. CSS `zoom` would not be: it enlarges the page without changing the viewport media queries see.
ZOOM_200 = {"viewport": {"width": 640, "height": 360}, "device_scale_factor": 2}
NARROW = {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1}


@pytest.mark.parametrize("page_type", PARAMS)
def test_page_type_is_accessible_and_private(page, site_url, page_type: PageType):
    measured = measure(page, site_url, page_type)
    MEASURED[page_type.name] = measured
    assert measured.status == page_type.status
    assert measured.violations == []
    assert measured.foreign_requests == []
    assert measured.console_errors == []
    assert stored_in_browser(page) == []


@pytest.mark.parametrize("page_type", PARAMS)
def test_every_control_is_reachable_with_tab_and_shows_focus(page, site_url, page_type: PageType):
    open_page(page, site_url, page_type)
    walk = walk_with_tab(page)
    assert walk.controls, "geen enkel bedieningselement gevonden: klopt de selector nog?"
    assert walk.unreachable() == []
    assert walk.hidden_stops == []
    assert walk.off_screen() == []
    assert walk.covered() == []
    assert walk.without_visible_focus() == []


@pytest.mark.parametrize("size", [pytest.param(NARROW, id="320px"), pytest.param(ZOOM_200, id="zoom200")])
@pytest.mark.parametrize("page_type", PARAMS)
def test_no_horizontal_scrolling(browser, site_url, page_type: PageType, size):
    context = browser.new_context(**size)
    try:
        page = context.new_page()
        open_page(page, site_url, page_type)
        assert horizontal_overflow(page) <= 0
        heading = page.locator("h1").first.bounding_box()
        assert heading and heading["x"] >= 0 and heading["x"] + heading["width"] <= size["viewport"]["width"]
    finally:
        context.close()


@pytest.mark.parametrize("page_type", PARAMS)
def test_zoomed_page_works_by_keyboard(browser, site_url, page_type: PageType):
    """At 200% zoom the menu sits in a drawer: closed, its links take no focus; it opens with the keyboard,
    then every control in it is reachable and shows focus, and Escape closes it again."""
    context = browser.new_context(**ZOOM_200)
    try:
        page = context.new_page()
        open_page(page, site_url, page_type)
        closed = walk_with_tab(page)
        assert closed.unreachable() == []
        assert closed.hidden_stops == []
        assert closed.off_screen() == []
        assert closed.covered() == []
        assert closed.without_visible_focus() == []

        assert open_menu_with_keyboard(page), "de menuknop is niet met Tab te bereiken"
        assert page.locator("#__drawer").is_checked()
        first_link = page.locator(".md-sidebar--primary .md-nav__link").first.bounding_box()
        assert first_link and first_link["x"] >= 0, "het menu is niet in beeld geschoven"
        opened = walk_with_tab(page)
        assert any('class="md-nav__link' in f["describe"] for f in opened.reached.values()), "geen menulink bereikt"
        assert opened.unreachable() == []
        assert opened.hidden_stops == []
        assert opened.off_screen() == []
        assert opened.covered() == []
        assert opened.without_visible_focus() == []

        page.keyboard.press("Escape")
        assert not page.locator("#__drawer").is_checked()
        assert page.evaluate("document.activeElement.matches('label[for=\"__drawer\"]')"), "Escape zet de focus niet terug op de menuknop"
    finally:
        context.close()
