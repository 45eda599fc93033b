"""Run the site's own ES modules in Node, to compare their rules with the Python ones."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from .repo import ROOT

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"


def node() -> str:
    """The node binary; its absence is a failure, as for Chromium."""
    found = shutil.which("node")
    if not found:
        pytest.fail("node ontbreekt: installeer Node.js 20 of nieuwer (python3 dev.py test doet dat als root)")
    return found


def run_module(imports: dict[str, list[str]], body: str, data: Any) -> Any:
    """Import names from modules under overrides/assets/javascripts/, run ``body`` with ``data`` and return its result.

    ``imports`` maps a path such as ``"sociale-kaart/namen.js"`` to the names it exports; ``body`` is the
    body of an (async) function of ``data`` whose return value comes back through JSON.
    The modules are ES modules because of ``"type": "module"`` in the repository's package.json.
    """
    lines = [f"import {{ {', '.join(names)} }} from {json.dumps((SCRIPTS / path).as_uri())};" for path, names in imports.items()]
    script = "\n".join([
        *lines,
        'import { readFileSync } from "node:fs";',
        "const data = JSON.parse(readFileSync(0, 'utf8'));",
        f"const result = await (async (data) => {{ {body} }})(data);",
        "process.stdout.write(JSON.stringify(result));",
    ])
    done = subprocess.run([node(), "--input-type=module", "-e", script], input=json.dumps(data), capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
