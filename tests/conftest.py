"""Shared fixtures: the real repository, a scratch copy of it, the built site served locally, and a real browser.

The helpers behind them live in tests/support/; the names tests import from here are re-exported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from kennisbank.model.checks import Layout
from kennisbank.site.project import build_site
from kennisbank.tools.bench import CHROMIUM, CHROMIUM_ARGS

from .support.cli import run_cli
from .support.html_validation import java, run_vnu
from .support.repo import ROOT, SITE_PATH, SITE_URL, TODAY, copy_repo
from .support.server import serve_directory, watched_page

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ROOT", "SITE_PATH", "SITE_URL", "TODAY", "copy_repo", "run_cli", "serve_directory", "watched_page"]


@pytest.fixture(scope="session")
def root() -> Path:
    """The real repository."""
    return ROOT


@pytest.fixture(scope="session")
def layout() -> Layout:
    """The real repository's layout."""
    return Layout(ROOT)


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A throw-away copy of the repository, safe to break."""
    return copy_repo(tmp_path / "repo")


@pytest.fixture
def empty_repo(tmp_path: Path) -> Path:
    """A copy of the repository with empty source folders."""
    return copy_repo(tmp_path / "repo", content=False)


# --- the built site, served on 127.0.0.1, and a real browser --------------------

#: Fixtures that build the whole real site (tests/pages/test_exports.py builds it twice).
SITE_FIXTURES = {"built_site", "two_builds"}


def pytest_collection_modifyitems(items):
    """Tests on a built site get the marker ``site``, so a run can leave them out (scripts/mutation.py does)."""
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real repository built once (strict, with search index) into a temp folder."""
    site = tmp_path_factory.mktemp("site")
    build_site(ROOT, site)
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of the built site, served by a local HTTP server."""
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure, not a skip."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer het Debian-pakket 'chromium' (python3 dev.py test doet dat als root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser page that records requests to other origins and console errors.

    ``page.foreign_requests`` and ``page.console_errors`` are lists to assert on.
    """
    context = browser.new_context()
    yield watched_page(context, site_url)
    context.close()


@pytest.fixture(scope="session")
def vnu_messages(built_site):
    """Every Nu HTML Checker message about the built site, from one run of vnu (see tests/support/html_validation.py)."""
    if java() is None:
        pytest.fail("java ontbreekt: installeer het Debian-pakket 'default-jre-headless' (python3 dev.py test doet dat als root)")
    return run_vnu(built_site)
