"""The error page of `kennisbank serve` in Chromium: WCAG 2.1 AA by axe-core, readable at 320 px, nothing from elsewhere."""

from __future__ import annotations

import pytest

from kennisbank.model.problems import Problem
from kennisbank.site.serving import BuildState, error_page

from ..conftest import serve_directory, watched_page
from ..support.browser_checks import horizontal_overflow, run_axe

pytestmark = pytest.mark.browser

LONG = "programmas/" + "een-heel-lange-bestandsnaam-" * 6 + "x.yml"


@pytest.mark.parametrize("width", [320, 1280])
def test_the_error_page_is_accessible_and_fits(browser, tmp_path, width):
    state = BuildState(problems=[Problem(LONG, 12, "contact.email", "dit lijkt een persoonlijk e-mailadres; " * 4),
                                 Problem("good_practices/x.md", 3, "", "hier staat HTML ('<script>'); gebruik alleen Markdown")])
    (tmp_path / "index.html").write_text(error_page(state, "Kennisbank Sleutelpersonen"), encoding="utf-8")
    with serve_directory(tmp_path) as url:
        context = browser.new_context(viewport={"width": width, "height": 640})
        page = watched_page(context, url)
        page.goto(url)
        assert run_axe(page) == []
        assert horizontal_overflow(page) == 0
        assert page.foreign_requests == [] and page.console_errors == []
        assert page.locator("li").count() == 2
        context.close()
