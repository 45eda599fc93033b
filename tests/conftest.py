"""Shared fixtures: the real repository, a scratch copy of it, and a fixed 'today'."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kennisbank.checks import Layout

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 29)


@pytest.fixture(scope="session")
def root() -> Path:
    """The real repository."""
    return ROOT


@pytest.fixture(scope="session")
def layout() -> Layout:
    """The real repository's layout."""
    return Layout(ROOT)


def copy_repo(target: Path, *, content: bool = True) -> Path:
    """Copy what a build needs (config, data, overrides, sources) into ``target``."""
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "data", "overrides", "schemas"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy(source, target / name)
    for name in ("content", "good_practices", "programmas"):
        if content:
            shutil.copytree(ROOT / name, target / name)
        else:
            (target / name).mkdir()
    return target


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A throw-away copy of the repository, safe to break."""
    return copy_repo(tmp_path / "repo")


@pytest.fixture
def empty_repo(tmp_path: Path) -> Path:
    """A copy of the repository with empty source folders."""
    return copy_repo(tmp_path / "repo", content=False)
