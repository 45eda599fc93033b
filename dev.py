#!/usr/bin/env python3
"""Set up everything and serve the site, or run every test.

    python3 dev.py serve    build and serve at http://127.0.0.1:8000, rebuilding on every edit
    python3 dev.py test     ruff, ESLint and the whole pytest suite, browser tests included

Needs only Python 3.11+. It creates .venv/ with the project and its test tools,
and (for `test`) installs Debian's Chromium with apt-get when it is missing, and
ESLint from the npm registry into node_modules/ (the versions in package-lock.json).
Standard library only, because it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
CHROMIUM = Path("/usr/bin/chromium")


def run(*cmd: str | Path, **kwargs) -> None:
    """Run a command, stopping with its exit code if it fails."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, **kwargs)
    if result.returncode:
        sys.exit(result.returncode)


def ensure_venv() -> None:
    """Create .venv and install the project (editable) with its test tools, once per pyproject change."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file must also run on an older python3 to say so
        sys.exit("Python 3.11 of nieuwer is nodig.")
    if not (BIN / "python").exists():
        run(sys.executable, "-m", "venv", VENV)
    stamp = VENV / ".installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[test]")
    stamp.write_text(wanted)


def ensure_chromium() -> None:
    """Browser tests use Debian's Chromium; install it when possible, else stop loudly."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        run("apt-get", "update", "-qq")
        run("apt-get", "install", "-y", "-qq", "chromium", env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        return
    sys.exit(f"{CHROMIUM} ontbreekt. Installeer Chromium (Debian: sudo apt-get install chromium) en probeer opnieuw.")


def ensure_java() -> None:
    """The HTML tests run the Nu HTML Checker (vnu.jar) on Java; install a JRE when possible, else stop loudly."""
    if shutil.which("java"):
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        run("apt-get", "update", "-qq")
        run("apt-get", "install", "-y", "-qq", "default-jre-headless", env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        return
    sys.exit("java ontbreekt. Installeer Java (Debian: sudo apt-get install default-jre-headless) en probeer opnieuw.")


def ensure_node_tools() -> None:
    """ESLint and its config packages, exactly as package-lock.json pins them, once per lock change."""
    if not shutil.which("npm"):
        if shutil.which("apt-get") and os.geteuid() == 0:
            run("apt-get", "update", "-qq")
            run("apt-get", "install", "-y", "-qq", "nodejs", "npm", env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        else:
            sys.exit("npm ontbreekt. Installeer Node.js 20 of nieuwer (Debian: sudo apt-get install nodejs npm) en probeer opnieuw.")
    stamp = ROOT / "node_modules" / ".installed"
    wanted = hashlib.sha256((ROOT / "package-lock.json").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
    stamp.write_text(wanted)


def main() -> None:
    """Dispatch `serve` or `test`."""
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if command == "serve":
        ensure_venv()
        run(BIN / "kennisbank", "serve", *sys.argv[2:], env=env)
    elif command == "test":
        ensure_venv()
        ensure_chromium()
        ensure_java()
        ensure_node_tools()
        run(BIN / "ruff", "check", "scripts", "tests", "dev.py")
        run("node", ROOT / "node_modules" / "eslint" / "bin" / "eslint.js", "--max-warnings=0")
        run(BIN / "python", "-m", "pytest", *sys.argv[2:], env=env)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
