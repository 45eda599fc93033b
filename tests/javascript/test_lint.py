"""ESLint (eslint.config.js) checks the site's scripts; python3 dev.py test runs it on all of them.

Here a planted mistake in a copy must fail, so a config that can no longer fail is noticed too.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from ..support.node import ROOT, node

ESLINT = ROOT / "node_modules" / "eslint" / "bin" / "eslint.js"
GOOD = 'import { el } from "./dom.js";\n\nexport function label(text) {\n  return el("span", "", text);\n}\n'


def eslint(source: str, as_path: str) -> tuple[int, list[str]]:
    """Lint ``source`` as if it were the file ``as_path``; the exit code and the rules that fired."""
    if not ESLINT.exists():
        pytest.fail("ESLint ontbreekt in node_modules/: draai python3 dev.py test (dat doet npm ci)")
    done = subprocess.run([node(), str(ESLINT), "--format", "json", "--stdin", "--stdin-filename", as_path], input=source,
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, [m["ruleId"] for result in json.loads(done.stdout) for m in result["messages"]]


def test_a_clean_module_passes():
    assert eslint(GOOD, "overrides/assets/javascripts/sociale-kaart/nieuw.js") == (0, [])


@pytest.mark.parametrize(("planted", "rule"), [
    ("  return missing;", "no-undef"),
    ("  if (text == 1) return 1;", "eqeqeq"),
    ("  var old = 1; return old;", "no-var"),
    ("  const unused = 1;", "no-unused-vars"),
    ('  document.body.innerHTML = text;', "no-restricted-syntax"),
    ('  document.body.insertAdjacentHTML("beforeend", text);', "no-restricted-syntax"),
])
def test_a_planted_mistake_fails(planted, rule):
    source = GOOD.replace("  return el(", planted + "\n  return el(")
    code, rules = eslint(source, "overrides/assets/javascripts/sociale-kaart/nieuw.js")
    assert code == 1
    assert rule in rules
