"""The figures per page type: axe violations, requests to other origins, console errors, vnu messages, weight.

    .venv/bin/python -m pytest tests/browser/test_quality.py -s

prints the table (in a full run it reuses what test_accessibility.py measured). Every column but the
weight must be zero, and this test asserts that too. The weight is what Chromium received from the local
test server: uncompressed, so a host that gzips (such as GitHub Pages) sends less.
"""

from __future__ import annotations

import pytest

from ..support.browser_checks import MEASURED, Measurement, instrumented_page, measure
from ..support.html_validation import load_allowlist, unexplained
from ..support.page_types import PAGE_TYPES

pytestmark = pytest.mark.browser

COLUMNS = ("paginatype", "axe", "ander domein", "console", "vnu", "vnu (lijst)", "KiB", "verzoeken")


def measured(browser, site_url) -> list[Measurement]:
    """A measurement for every page type: from the accessibility tests when they ran, else made here."""
    results = []
    for page_type in PAGE_TYPES:
        if page_type.name not in MEASURED:
            with instrumented_page(browser, site_url) as page:
                MEASURED[page_type.name] = measure(page, site_url, page_type)
        results.append(MEASURED[page_type.name])
    return results


def table(rows: list[tuple]) -> str:
    """A plain text table with a header line."""
    widths = [max(len(str(row[i])) for row in (COLUMNS, *rows)) for i in range(len(COLUMNS))]
    line = lambda row: "  ".join(str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(row, widths, strict=True)))  # noqa: E731
    return "\n".join([line(COLUMNS), "  ".join("-" * w for w in widths), *map(line, rows)])


def test_figures_per_page_type(browser, site_url, vnu_messages):
    allowlist = load_allowlist()
    left = unexplained(vnu_messages, allowlist)
    rows, failures = [], []
    for page_type, m in zip(PAGE_TYPES, measured(browser, site_url), strict=True):
        file = page_type.html_file()
        vnu = sum(1 for msg in left if msg.file == file)
        allowed = sum(1 for msg in vnu_messages if msg.file == file) - vnu
        rows.append((m.name, len(m.violations), len(m.foreign_requests), len(m.console_errors), vnu, allowed,
                     round(m.bytes_transferred / 1024), m.requests))
        if m.violations or m.foreign_requests or m.console_errors or vnu:
            failures.append(m.name)
    print("\n" + table(rows))
    print("KiB: onverpakt ontvangen van de lokale testserver; 'vnu (lijst)': meldingen uit tests/vnu-allowlist.yml")
    assert failures == []
