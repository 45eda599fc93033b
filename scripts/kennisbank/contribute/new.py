"""New source files from the templates in ``templates/`` (``kennisbank new``), and free file names."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path

from ..model.checks import Layout, slugify

#: Kind of file → (layout folder, file extension).
NEW_KINDS = {"praktijk": ("practices", ".md"), "programma": ("programmes", ".yml"), "gids": ("content", ".md")}


def render_template(kind: str, title: str, today: dt.date) -> str:
    """The text of a new file of one kind, with its title and today's date."""
    suffix = NEW_KINDS[kind][1]
    text = resources.files(__package__).joinpath(f"templates/{kind}{suffix}").read_text(encoding="utf-8")
    return (text.replace("{titel_yaml}", json.dumps(title, ensure_ascii=False))
                .replace("{titel}", title).replace("{vandaag}", today.isoformat()))


def new_path(layout: Layout, kind: str, title: str) -> Path:
    """A free file name for a new entry, derived from its title."""
    folder_name, suffix = NEW_KINDS[kind]
    folder = layout.folder(folder_name) / ("gidsen" if kind == "gids" else "")
    base = slugify(title) or kind
    candidate, n = folder / f"{base}{suffix}", 2
    while candidate.exists():
        candidate, n = folder / f"{base}-{n}{suffix}", n + 1
    return candidate
