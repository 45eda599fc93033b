"""The layers of the build code hold: import-linter's contracts (pyproject.toml) and no hidden imports.

The contracts are checked on the real package, and once more on a copy with a planted
violation, so a contract that can no longer fail is noticed too.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "scripts" / "kennisbank"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
#: Imports inside a function, each with its reason. Anything else is a cycle being dodged.
ALLOWED_INNER_IMPORTS = {
    ("tools/bench.py", "playwright.sync_api"): "Playwright is a test tool, not a dependency; without it the bench skips the browser",
}


def lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)} if pythonpath else dict(os.environ)
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_import_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "planted", "contract"), [
    ("model/records.py", "import mkdocs", "Model, pages and contribute never reach mkdocs"),
    ("model/checks.py", "from ..pages import common", "Data flows one way"),
    ("pages/common.py", "from . import assemble", "Pages: assemble on top"),
    ("tools/cli.py", "import mkdocs.config", "The tools use mkdocs only through the site layer"),
])
def test_a_planted_violation_breaks_its_contract(tmp_path, module, planted, contract):
    copy = tmp_path / "kennisbank"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{planted}  # planted by the test\n", encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    result = lint_imports(tmp_path, pythonpath=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    broken = result.stdout.split("Broken contracts", 1)[1]
    assert contract in broken


def inner_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import inside a function or method."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    found += [(inner.lineno, alias.name) for alias in inner.names]
                elif isinstance(inner, ast.ImportFrom):
                    found.append((inner.lineno, "." * inner.level + (inner.module or "")))
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_import_inside_a_function(path):
    relative = path.relative_to(PACKAGE).as_posix()
    hidden = [(line, module) for line, module in inner_imports(path) if (relative, module) not in ALLOWED_INNER_IMPORTS]
    assert not hidden, f"{relative}: imports inside functions: {hidden}"


def test_every_allowed_inner_import_still_exists():
    for (relative, module) in ALLOWED_INNER_IMPORTS:
        assert module in [m for _, m in inner_imports(PACKAGE / relative)], f"{relative}: {module} is no longer imported inside a function"
