"""How to reach the editors, where a page writes ``[[redactie]]`` (the page 'Over', for example).

The editors' e-mail address is configured in ``mkdocs.yml`` (``extra: redactie: email:``); the site never
invents one. Without it, the way in is the repository's issue forms.
"""

from __future__ import annotations

from .templating import render

EDITORS_MARKER = "[[redactie]]"


def editors_contact(email: str | None, repo_url: str | None) -> str:
    """One sentence on how to reach the editors (``templates/redactie.md``): their address when configured, else the issue forms."""
    return render("redactie.md", email=email or "", repo=(repo_url or "").rstrip("/")).strip("\n")


def fill_in_editors_contact(markdown: str, email: str | None, repo_url: str | None) -> str:
    """Replace ``[[redactie]]`` with :func:`editors_contact`."""
    return markdown.replace(EDITORS_MARKER, editors_contact(email, repo_url)) if EDITORS_MARKER in markdown else markdown
