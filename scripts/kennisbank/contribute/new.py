"""New source files from the templates in ``templates/`` (``kennisbank new``), and free file names."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path

from ..model.checks import Layout, slugify

#: The longest file name (without extension) made from a title; file systems refuse names over 255 bytes,
#: and a page address should stay readable.
MAX_SLUG = 60
#: Kind of file → (layout folder, file extension).
NEW_KINDS = {"praktijk": ("practices", ".md"), "programma": ("programmes", ".yml"), "gids": ("content", ".md")}


def render_template(kind: str, title: str, today: dt.date) -> str:
    """The text of a new file of one kind, with its title and today's date."""
    suffix = NEW_KINDS[kind][1]
    text = resources.files(__package__).joinpath(f"templates/{kind}{suffix}").read_text(encoding="utf-8")
    return (text.replace("{titel_yaml}", json.dumps(title, ensure_ascii=False))
                .replace("{titel}", title).replace("{vandaag}", today.isoformat()))


def short_slug(title: str, kind: str) -> str:
    """The file name for a title: its slug, cut after a whole word at :data:`MAX_SLUG` characters."""
    slug = slugify(title) or kind
    if len(slug) <= MAX_SLUG:
        return slug
    cut = slug[:MAX_SLUG + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:MAX_SLUG]).strip("-")


def shortened_notice(path: Path, root: Path, title: str, kind: str) -> str | None:
    """A ``path:line: field: message`` notice when the file name is shorter than the title's slug."""
    if len(slugify(title) or kind) <= MAX_SLUG:
        return None
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    line = 1 + next((i for i, text in enumerate(render_template(kind, title, dt.date.today()).split("\n"))
                     if text.startswith(("titel:", "naam:"))), 0)
    field = "naam" if kind == "programma" else "titel"
    return (f"{shown}:{line}: {field}: de titel is {len(title.split())} woorden lang; de bestandsnaam is ingekort tot de eerste "
            f"woorden (hoogstens {MAX_SLUG} tekens). Een korte titel is ook beter leesbaar")


def new_path(layout: Layout, kind: str, title: str) -> Path:
    """A free file name for a new entry, derived from its title (at most :data:`MAX_SLUG` characters)."""
    folder_name, suffix = NEW_KINDS[kind]
    folder = layout.folder(folder_name) / ("gidsen" if kind == "gids" else "")
    base = short_slug(title, kind)
    candidate, n = folder / f"{base}{suffix}", 2
    while candidate.exists():
        candidate, n = folder / f"{base}-{n}{suffix}", n + 1
    return candidate
