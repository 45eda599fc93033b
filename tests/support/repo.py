"""The repository under test: its root, a fixed 'today', the site's address, and scratch copies."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 1)  # on or after every date in the real content
#: site_url from mkdocs.yml, such as 'https://…/kennisbank/', and its path ('/kennisbank/'), which the 404 page links from.
SITE_URL = re.search(r"^site_url:\s*['\"]?([^'\"\s]+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE).group(1)
SITE_PATH = urlsplit(SITE_URL).path or "/"


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
