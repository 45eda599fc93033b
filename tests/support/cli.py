"""Running the ``kennisbank`` command in a test, as a contributor would in a repository."""

from __future__ import annotations

import contextlib
from pathlib import Path

from kennisbank.tools import cli


def run_cli(root: Path, *argv: str) -> int:
    """Run ``kennisbank ARGV…`` inside ``root``; its exit code."""
    with contextlib.chdir(root):
        return cli.main(list(argv))
