"""How to reach the editors, where a page writes ``[[redactie]]`` (the page 'Over', for example).

The editors' e-mail address is configured in ``mkdocs.yml`` (``extra: redactie: email:``); the site never
invents one. Without it, the way in is the repository's issue forms.
"""

from __future__ import annotations

from .common import text

EDITORS_MARKER = "[[redactie]]"
FORMS = (("correctie.yml", "een fout melden"), ("praktijk.yml", "een goede praktijk delen"), ("programma.yml", "een programma aanmelden"))


def editors_contact(email: str | None, repo_url: str | None) -> str:
    """One sentence on how to reach the editors: their address when configured, else the issue forms."""
    forms = ", ".join(f"[{label}]({repo_url.rstrip('/')}/issues/new?template={file})" for file, label in FORMS) if repo_url else ""
    if email:
        return f"mail naar <{email}>." + (f" Je kunt ook een formulier op GitHub gebruiken: {forms}." if forms else "")
    if forms:
        return f"gebruik een formulier op GitHub: {forms}. Daar lezen de redacteuren mee."
    return text("de redactie heeft nog geen adres; lees op de pagina Bijdragen hoe je een wijziging voorstelt.")


def fill_in_editors_contact(markdown: str, email: str | None, repo_url: str | None) -> str:
    """Replace ``[[redactie]]`` with :func:`editors_contact`."""
    return markdown.replace(EDITORS_MARKER, editors_contact(email, repo_url)) if EDITORS_MARKER in markdown else markdown
