"""The browser set-up itself works: the site loads in Chromium from 127.0.0.1 only."""


def test_home_page_loads_in_chromium(page, site_url):
    page.goto(site_url)
    assert page.locator("h1").first.inner_text().strip() != ""
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.foreign_requests == []
    assert page.console_errors == []
