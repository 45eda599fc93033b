"""What the accessibility tests measure on one page in Chromium: axe-core, requests, weight, keyboard, reflow.

Small functions over a Playwright page, so that the tests and the figures table measure the same way.
axe-core is a test asset (tests/vendor/axe-core/), injected into the page; the site never ships it.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .page_types import PageType
from .server import watched_page

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Chromium reports the 404 status of the page itself as a console error; for the not-found page that is
# the point, so one such message is not counted (a second one, from a missing file, still is).
STATUS_MESSAGE = "Failed to load resource: the server responded with a status of {status}"


@dataclass
class Measurement:
    """What one page type did in the browser."""

    name: str
    status: int
    violations: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    bytes_transferred: int = 0
    requests: int = 0


# Measurements per page type name, filled by the accessibility tests and read by the figures table
# (test_quality.py), so a full run loads and checks each page type only once.
MEASURED: dict[str, Measurement] = {}


@contextmanager
def instrumented_page(browser, site_url: str):
    """A fresh page that records foreign requests and console errors, as conftest's ``page`` fixture does.

    For the figures table, which needs several pages in one test; the tests themselves use the fixture.
    """
    context = browser.new_context()
    page = watched_page(context, site_url)
    try:
        yield page
    finally:
        context.close()


def track_weight(page) -> dict[str, int]:
    """Start counting the bytes the page receives (headers and bodies of every finished request)."""
    totals = {"bytes": 0, "requests": 0}

    def finished(request) -> None:
        sizes = request.sizes()
        totals["bytes"] += sizes["responseHeadersSize"] + sizes["responseBodySize"]
        totals["requests"] += 1

    page.on("requestfinished", finished)
    return totals


def open_page(page, site_url: str, page_type: PageType):
    """Load a page type, do its setup steps and wait until it is ready; return the main response."""
    response = page.goto(page_type.url(site_url), wait_until="load")
    for action in page_type.setup:
        action.run(page)
    if page_type.wait_for:
        page.locator(page_type.wait_for).first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    return response


def run_axe(page) -> list[str]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now, one line per failing element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{violation['id']}: {violation['help']} — {' > '.join(map(str, node['target']))}"
        for violation in result["violations"] for node in violation["nodes"]
    ]


def own_console_errors(console_errors: list[str], page_type: PageType) -> list[str]:
    """Console errors, less the one Chromium logs for the expected status of the page itself."""
    if page_type.status < 400:
        return list(console_errors)
    expected = STATUS_MESSAGE.format(status=page_type.status)
    errors = list(console_errors)
    first = next((i for i, e in enumerate(errors) if e.startswith(expected)), None)
    if first is not None:
        del errors[first]
    return errors


def measure(page, site_url: str, page_type: PageType) -> Measurement:
    """Load one page type in a fresh page and record everything the figures table shows.

    ``page`` is the conftest fixture: it already records foreign requests and console errors.
    """
    weight = track_weight(page)
    response = open_page(page, site_url, page_type)
    violations = run_axe(page)
    return Measurement(
        name=page_type.name,
        status=response.status if response else 0,
        violations=violations,
        foreign_requests=list(page.foreign_requests),
        console_errors=own_console_errors(page.console_errors, page_type),
        bytes_transferred=weight["bytes"],
        requests=weight["requests"],
    )


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0 means no horizontal scrolling)."""
    return page.evaluate("(() => { const s = document.scrollingElement; return s.scrollWidth - s.clientWidth; })()")


# --- keyboard -------------------------------------------------------------------

# Everything a visitor can operate, and labels that are the only way to work a hidden checkbox (Material's
# drawer and section toggles): a control that only answers to a mouse click is a keyboard trap in reverse.
MARK_CONTROLS = """
() => {
  const selector = ['a[href]', 'area[href]', 'button', 'input', 'select', 'textarea', 'summary', 'iframe', '[tabindex]',
                    '[contenteditable=""]', '[contenteditable="true"]', 'label[for]'].join(', ');
  const shown = el => el.checkVisibility({visibilityProperty: true, opacityProperty: false})
    && [...el.getClientRects()].some(r => r.width > 0 && r.height > 0) && !el.closest('[inert]');
  const operable = el => {
    if (el.closest('[hidden]')) return false;
    if (el.matches('label[for]') && !(el.tabIndex >= 0 && el.hasAttribute('tabindex'))) {
      const target = document.getElementById(el.htmlFor);
      // A label for a control that can itself take focus is just a label. A label for a hidden toggle that
      // the page shows as clickable (pointer cursor) is the control itself, so it must work by keyboard too.
      return target && !target.disabled && !shown(target) && getComputedStyle(el).cursor === 'pointer'
        && !el.querySelector('a[href], button, input, select, textarea');
    }
    if (el.disabled || el.getAttribute('tabindex') === '-1' && !el.matches('a[href], button, input, select, textarea, summary')) return false;
    if (el.matches('input[type=hidden]')) return false;
    return true;
  };
  const style = el => {
    const s = getComputedStyle(el);
    return {outline: s.outlineStyle === 'none' ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
            outlineWidth: parseFloat(s.outlineWidth) || 0, outlineStyle: s.outlineStyle, boxShadow: s.boxShadow};
  };
  const controls = [...document.querySelectorAll(selector)].filter(el => shown(el) && operable(el));
  return controls.map((el, i) => {
    el.setAttribute('data-kb-control', String(i));
    return {index: i, tabbable: el.tabIndex >= 0 && el.getAttribute('tabindex') !== '-1',
            describe: el.outerHTML.slice(0, 160).replace(/\\s+/g, ' '), rest: style(el)};
  });
}
"""

FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || !el.hasAttribute('data-kb-control')) {
    return el && el !== document.body ? {index: null, describe: el.outerHTML.slice(0, 160)} : null;
  }
  const s = getComputedStyle(el);
  return {index: Number(el.getAttribute('data-kb-control')), describe: el.outerHTML.slice(0, 160).replace(/\\s+/g, ' '),
          focusVisible: el.matches(':focus-visible'),
          inView: (() => { const r = el.getBoundingClientRect();
                           return r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight; })(),
          // What lies on top of the middle of the focused control, if that is not the control itself.
          onTop: (() => { const r = el.getBoundingClientRect();
                          const x = (Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2;
                          const y = (Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2;
                          // Boxes above the control that paint a background hide it; transparent ones
                          // (such as Material's sidebar wrappers that overlap the footer) do not.
                          const stack = document.elementsFromPoint(x, y);
                          const own = stack.findIndex(e => e === el || el.contains(e));
                          const above = (own < 0 ? stack : stack.slice(0, own)).filter(e => !e.contains(el));
                          const paints = e => { const s = getComputedStyle(e);
                                                return s.backgroundColor !== 'rgba(0, 0, 0, 0)' || s.backgroundImage !== 'none'; };
                          const top = above.find(paints);
                          return top ? top.outerHTML.slice(0, 80).replace(/\\s+/g, ' ') : null; })(),
          focus: {outline: s.outlineStyle === 'none' ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
                  outlineWidth: parseFloat(s.outlineWidth) || 0, outlineStyle: s.outlineStyle, boxShadow: s.boxShadow}};
}
"""

NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@dataclass
class KeyboardWalk:
    """The result of pressing Tab through a whole page."""

    controls: list[dict]
    reached: dict[int, dict]
    hidden_stops: list[str]  # focus landed on something no one can see

    def unreachable(self) -> list[str]:
        """Controls a visitor can see and operate but never reaches with Tab."""
        return [c["describe"] for c in self.controls if c["index"] not in self.reached]

    def off_screen(self) -> list[str]:
        """Controls that took focus outside the window, where no one sees it (such as a closed drawer)."""
        return [f["describe"] for f in self.reached.values() if not f["inView"]]

    def covered(self) -> list[str]:
        """Controls that took focus while something else lay on top of them (such as a menu panel)."""
        return [f"{f['describe']} under {f['onTop']}" for f in self.reached.values() if f["inView"] and f["onTop"]]

    def without_visible_focus(self) -> list[str]:
        """Controls whose look does not change (outline or box-shadow) when they get keyboard focus."""
        rest = {c["index"]: c["rest"] for c in self.controls}
        return [
            f["describe"] for i, f in self.reached.items()
            if not visible_focus(rest[i], f["focus"])
        ]


def visible_focus(rest: dict, focus: dict) -> bool:
    """Whether the focused look differs from the resting look by a visible outline or box-shadow."""
    outline = focus["outlineStyle"] not in ("none", "hidden") and focus["outlineWidth"] >= 1 and focus["outline"] != rest["outline"]
    shadow = focus["boxShadow"] not in ("none", rest["boxShadow"])
    return outline or shadow


# blur() alone would leave Chromium's Tab starting point where focus was; focusing the root element moves it
# to the top of the page, as a fresh page load does.
START_AT_TOP = """
() => {
  const root = document.documentElement;
  root.setAttribute('tabindex', '-1');
  root.focus({preventScroll: true});
  root.removeAttribute('tabindex');
  window.scrollTo(0, 0);
}
"""


def start_at_top(page) -> None:
    """Make the next Tab go to the first control of the page."""
    page.evaluate(START_AT_TOP)


def walk_with_tab(page, extra_presses: int = 15) -> KeyboardWalk:
    """Press Tab from the top of the page until focus comes round again; record each control reached."""
    page.add_style_tag(content=NO_MOTION)
    start_at_top(page)
    controls = page.evaluate(MARK_CONTROLS)
    reached: dict[int, dict] = {}
    hidden_stops: list[str] = []
    first = None
    for _ in range(len(controls) + extra_presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        if focused["index"] is None:
            hidden_stops.append(focused["describe"])
            continue
        if focused["index"] == first:
            break
        first = focused["index"] if first is None else first
        reached.setdefault(focused["index"], focused)
    return KeyboardWalk(controls=controls, reached=reached, hidden_stops=hidden_stops)


def open_menu_with_keyboard(page, max_presses: int = 10) -> bool:
    """Tab to the menu button in the header (narrow screens) and press Enter; say whether it was found."""
    page.add_style_tag(content=NO_MOTION)
    start_at_top(page)
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('label[for=\"__drawer\"]')"):
            page.keyboard.press("Enter")
            return True
    return False


def stored_in_browser(page) -> list[str]:
    """Cookies and web storage keys the site left in the browser."""
    cookies = [f"cookie {c['name']}" for c in page.context.cookies()]
    keys = page.evaluate("[...Object.keys(localStorage).map(k => 'localStorage ' + k), ...Object.keys(sessionStorage).map(k => 'sessionStorage ' + k)]")
    return cookies + keys
