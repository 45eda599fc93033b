"""The checks themselves (tests/support/browser_checks.py, tests/support/page_types.py): each one fails on a page built to fail it."""

from __future__ import annotations

import pytest

from ..support.browser_checks import horizontal_overflow, own_console_errors, run_axe, stored_in_browser, walk_with_tab
from ..support.page_types import Click, PageType

BROKEN = """<!doctype html><html lang="nl"><head><title>Kapot</title><style>{style}</style></head>
<body><main><h1>Kapot</h1>{body}</main></body></html>"""


def show(page, site_url, body: str, style: str = "") -> None:
    """Put a small test page on the site's own origin (so storage and requests behave as on the site)."""
    page.goto(site_url)
    page.set_content(BROKEN.format(body=body, style=style))


@pytest.mark.browser
def test_axe_reports_an_image_without_text(page, site_url):
    show(page, site_url, '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">')
    assert [v.split(":")[0] for v in run_axe(page)] == ["image-alt"]


@pytest.mark.browser
def test_tab_walk_finds_each_kind_of_keyboard_problem(page, site_url):
    show(page, site_url, """
        <a href="#een" id="no-ring">zonder rand</a>
        <label for="toggle" id="mouse-only" style="cursor: pointer">menu</label><input type="checkbox" id="toggle" style="display: none">
        <nav style="position: fixed; left: -400px; width: 300px"><a href="#weg" id="far-away">buiten beeld</a></nav>
        <button id="fine">goed</button>""", style="#no-ring:focus { outline: none; }")
    walk = walk_with_tab(page)
    assert [d.split('id="')[1].split('"')[0] for d in walk.unreachable()] == ["mouse-only"]
    assert [d.split('id="')[1].split('"')[0] for d in walk.without_visible_focus()] == ["no-ring"]
    assert [d.split('id="')[1].split('"')[0] for d in walk.off_screen()] == ["far-away"]
    assert len(walk.reached) == 3


@pytest.mark.browser
def test_tab_walk_notices_focus_under_a_panel_but_not_under_a_clear_box(page, site_url):
    show(page, site_url, """
        <a href="#a" id="under" style="position: fixed; top: 100px; left: 10px">onder een paneel</a>
        <div style="position: fixed; top: 90px; left: 0; width: 200px; height: 40px; background: white"></div>
        <a href="#b" id="clear" style="position: fixed; top: 200px; left: 10px">onder glas</a>
        <div style="position: fixed; top: 190px; left: 0; width: 200px; height: 40px"></div>""")
    walk = walk_with_tab(page)
    assert [d.split('id="')[1].split('"')[0] for d in walk.covered()] == ["under"]


@pytest.mark.browser
def test_tab_walk_notices_focus_on_something_invisible(page, site_url):
    show(page, site_url, '<button id="fine">goed</button><button id="ghost" style="opacity: 0; width: 0; height: 0; padding: 0; border: 0">x</button>')
    walk = walk_with_tab(page)
    assert len(walk.hidden_stops) == 1 and 'id="ghost"' in walk.hidden_stops[0]


@pytest.mark.browser
def test_overflow_is_measured(page, site_url):
    page.set_viewport_size({"width": 320, "height": 600})
    show(page, site_url, '<div style="width: 500px">breed</div>')
    assert horizontal_overflow(page) > 0
    show(page, site_url, '<div style="max-width: 100%">smal</div>')
    assert horizontal_overflow(page) == 0


@pytest.mark.browser
def test_storage_is_noticed(page, site_url):
    show(page, site_url, "")
    assert stored_in_browser(page) == []
    page.evaluate("localStorage.setItem('bezocht', 'ja')")
    page.context.add_cookies([{"name": "volg", "value": "1", "url": site_url}])
    assert sorted(stored_in_browser(page)) == ["cookie volg", "localStorage bezocht"]
    page.evaluate("localStorage.clear()")


def test_only_the_expected_status_message_is_forgiven():
    not_found = PageType("404", "weg/", status=404)
    message = "Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert own_console_errors([message], not_found) == []
    assert own_console_errors([message, message], not_found) == [message]
    assert own_console_errors([message], PageType("home", "")) == [message]
    assert own_console_errors(["TypeError: x is undefined"], not_found) == ["TypeError: x is undefined"]


@pytest.mark.parametrize(("page_type", "expected"), [
    (PageType("home", ""), "index.html"),
    (PageType("gids", "gidsen/zes-rollen/"), "gidsen/zes-rollen/index.html"),
    (PageType("zoeken", "zoeken/?q=sleutelpersoon"), "zoeken/index.html"),
    (PageType("data", "data/praktijken.json"), "data/praktijken.json"),
    (PageType("404", "weg/", status=404, built_file="404.html"), "404.html"),
])
def test_page_type_knows_its_built_file(page_type, expected):
    assert page_type.html_file() == expected


def test_page_type_url_and_setup_steps_are_data():
    page_type = PageType("kaart", "/sociale-kaart/", setup=(Click("#filter"),), wait_for=".resultaat")
    assert page_type.url("http://127.0.0.1:8000/") == "http://127.0.0.1:8000/sociale-kaart/"
    assert page_type.setup == (Click("#filter"),)
