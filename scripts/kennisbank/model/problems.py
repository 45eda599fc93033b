"""Problems found in source files, and how they are reported.

Every check in the package reports through :class:`Problem`, so that the CLI,
the mkdocs adapter and the tests all see the same `path:line: field: message`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """How bad a problem is: errors stop the build, warnings only with --strict."""

    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one source file, located by line and field."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """Return the problem as ``path:line: field: message``."""
        field = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}: {field}{self.message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Return only the problems that are errors."""
    return [p for p in problems if p.severity is Severity.ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    """Return only the problems that are warnings."""
    return [p for p in problems if p.severity is Severity.WARNING]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def report(problems: Iterable[Problem]) -> str:
    """Format problems for people: errors first, then warnings, then a count."""
    problems = sorted(set(problems))
    errs, warns = errors(problems), warnings(problems)
    lines: list[str] = []
    if errs:
        lines += [p.format() for p in errs]
    if warns:
        if errs:
            lines.append("")
        lines.append("Waarschuwingen:")
        lines += [p.format() for p in warns]
    if lines:
        lines.append("")
    lines.append(
        f"{_count(len(errs), 'fout', 'fouten')}, "
        f"{_count(len(warns), 'waarschuwing', 'waarschuwingen')}."
    )
    return "\n".join(lines)
