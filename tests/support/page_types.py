"""Every kind of page the site has, once: the list the accessibility, privacy and HTML tests run over.

To test a new kind of page, add one ``PageType`` to ``PAGE_TYPES``; no test logic changes. For example::

    PageType("zoeken", "zoeken/?q=sleutelpersoon", wait_for="#zoekresultaten a"),
    PageType("gemeente", "gemeenten/haarlem/"),
    PageType("sociale kaart, gefilterd", "sociale-kaart/", setup=(Select("#kb-thema", "gezondheid"),),
             wait_for="#kb-kaart[data-klaar]"),

``path`` is relative to the site's root, as a visitor would type it after the domain and site path.
``setup`` runs in order after the page has loaded (type a municipality, open a filter, ...); then the
tests wait for ``wait_for`` (a CSS selector that must become visible) before they measure anything.
``status`` is the HTTP status the page is served with (404 for the not-found page).
``built_file`` is the HTML file in the built site that the Nu HTML Checker messages are counted for;
by default it follows from ``path``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit


class Action(Protocol):
    """One step a visitor takes on a page before it is measured."""

    def run(self, page) -> None:
        """Do the step on a Playwright page."""


@dataclass(frozen=True)
class Fill:
    """Type ``text`` into the field at ``selector`` (as a visitor would, key by key)."""

    selector: str
    text: str

    def run(self, page) -> None:
        page.locator(self.selector).first.press_sequentially(self.text)


@dataclass(frozen=True)
class Press:
    """Press ``key`` (a Playwright key name such as "Enter") in the element at ``selector``."""

    selector: str
    key: str

    def run(self, page) -> None:
        page.locator(self.selector).first.press(self.key)


@dataclass(frozen=True)
class Click:
    """Click the element at ``selector``."""

    selector: str

    def run(self, page) -> None:
        page.locator(self.selector).first.click()


@dataclass(frozen=True)
class Select:
    """Choose ``value`` in the <select> at ``selector``."""

    selector: str
    value: str

    def run(self, page) -> None:
        page.locator(self.selector).first.select_option(self.value)


@dataclass(frozen=True)
class Check:
    """Tick the checkbox or radio button at ``selector``."""

    selector: str

    def run(self, page) -> None:
        page.locator(self.selector).first.check()


@dataclass(frozen=True)
class AtTop:
    """Scroll back to the top and wait until Material's "back to top" button has gone again (it shows while scrolling up)."""

    def run(self, page) -> None:
        # Scrolled again on every poll: a focus move that the setup started (the error summary) may still scroll the page.
        # Done only when that has held for 300 ms: a late scroll showed the button again after a single good poll (CI).
        page.wait_for_function("() => { window.scrollTo(0, 0); const top = document.querySelector('.md-top');"
                               " if (window.scrollY !== 0 || (top && !top.hidden)) { window.kbAtTopSince = undefined; return false; }"
                               " window.kbAtTopSince ??= performance.now(); return performance.now() - window.kbAtTopSince > 300; }")


@dataclass(frozen=True)
class PageType:
    """One kind of page: where it is, what a visitor does first, and what to wait for."""

    name: str
    path: str
    setup: tuple[Action, ...] = ()
    wait_for: str | None = None
    status: int = 200
    built_file: str | None = None

    def url(self, site_url: str) -> str:
        """The full address of this page on the local test server."""
        return site_url + self.path.lstrip("/")

    def html_file(self) -> str:
        """The built HTML file of this page, relative to the site folder."""
        if self.built_file:
            return self.built_file
        path = urlsplit(self.path).path.lstrip("/")
        return path + "index.html" if not path or path.endswith("/") else path


PAGE_TYPES: list[PageType] = [
    PageType("home", ""),
    PageType("gids", "gidsen/zes-rollen/"),
    PageType("werkbladen", "werkbladen/"),
    PageType("werkblad", "werkbladen/zes-rollen/"),
    PageType("praktijken", "praktijken/"),
    PageType("praktijk", "praktijken/fsan/"),
    PageType("programma", "programmas/fsan-vrouwenbesnijdenis/"),
    PageType("themas", "themas/"),
    PageType("rol", "rollen/helper/"),
    PageType("inhoudsmodel", "bijdragen/inhoudsmodel/"),
    PageType("sociale kaart", "sociale-kaart/", wait_for="#kb-kaart[data-klaar]"),
    PageType("sociale kaart, gefilterd", "sociale-kaart/", setup=(Select("#kb-thema", "gezondheid"),),
             wait_for="#kb-kaart[data-klaar]"),
    PageType("gemeente", "gemeenten/haarlem/"),
    PageType("gemeente zonder programma", "gemeenten/aa-en-hunze/"),
    PageType("gemeenten", "gemeenten/"),
    PageType("open data", "open-data/"),
    PageType("zoeken", "zoeken/?q=sleutelpersoon", wait_for="#zoekresultaten a"),
    PageType("zoeken, plaats", "zoeken/?q=den%20bosch", wait_for="#zoekresultaten a"),
    PageType("verhalen", "verhalen/"),
    PageType("verhaal", "verhalen/maaksessie-sleutelpersonen-2020/"),
    PageType("perskit", "perskit/"),
    PageType("toegankelijkheid", "toegankelijkheid/"),
    PageType("privacy", "privacy/"),
    PageType("aanmelden", "bijdragen/aanmelden/", wait_for="#kb-aanmelden:not([hidden])"),
    PageType("aanmelden, met fouten", "bijdragen/aanmelden/", setup=(Click("#kb-aanmelden-formulier button[type=submit]"), AtTop()),
             wait_for="#kb-aanmelden-fouten:not([hidden])"),
    PageType("404", "deze-pagina-bestaat-niet/", status=404, built_file="404.html"),
]
