"""Stories (``content/verhalen/posts/``): the rules that only stories have.

Stories are rendered by Material's blog plugin. It reads the post files itself,
so the fields it needs (``date``, ``categories``, ``authors``, ``draft``) keep
its English names; :mod:`kennisbank.schema` checks them with Dutch messages
before mkdocs runs, so a bad story never reaches the plugin.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .fields import Context, convert_mapping
from .loading import Source, parse_yaml, read_text
from .markup import EXCERPT_SEPARATOR, rule_no_markup_in_fields
from .privacy import rule_private_contact
from .problems import Problem
from .records import Story
from .schema import SCHEMAS

BLOG_FOLDER = "verhalen"
POSTS_FOLDER = "posts"
AUTHORS_FILE = ".authors.yml"


def is_story(parts: tuple[str, ...]) -> bool:
    """True for a path (relative to the content folder) inside ``verhalen/posts/``."""
    return parts[:2] == (BLOG_FOLDER, POSTS_FOLDER) and len(parts) > 2


def rule_story_excerpt(source: Source) -> Iterator[tuple[int, str, str]]:
    """A story marks where its teaser ends; the overview page shows only that part."""
    if EXCERPT_SEPARATOR not in source.body:
        yield (source.body_line, "", f"het verhaal heeft geen regel '{EXCERPT_SEPARATOR}'; zet die na de eerste alinea "
               "(alleen de tekst daarboven staat in het overzicht van de verhalen)")


def authors_path(content: str) -> str:
    """The blog's authors file, relative to the repository root."""
    return f"{content}/{BLOG_FOLDER}/{AUTHORS_FILE}"


def load_authors(root: Path, content: str, roles: Iterable[str] = ()) -> tuple[tuple[str, ...], list[Problem]]:
    """The keys of the blog's authors file (empty when it does not exist).

    Material shows the names and descriptions on the site: the same HTML and privacy rules as every
    other text (``roles``: the role addresses that may be given).
    """
    path = authors_path(content)
    text, problems = read_text(root / path, root, required=False)
    if text is None:
        return (), problems
    data, lines, found = parse_yaml(text, path, 1)
    if data is not None and not found:
        source = Source(path, data, lines)
        found = [Problem(path, line, field, message)
                 for line, field, message in (*rule_no_markup_in_fields(source), *rule_private_contact(source, roles, where=""))]
    problems += found
    if found or data is None:
        return (), problems
    authors = data.get("authors")
    if not isinstance(authors, dict):
        return (), [*problems, Problem(path, 1, "authors",
                                       "moet een groep zijn met per auteur een sleutel (zoals 'redactie') en daaronder name, description en avatar")]
    return tuple(str(key) for key in authors), problems


def rule_story_authors(stories: Iterable[Story], known: tuple[str, ...], lines: dict[str, dict[str, int]], content: str) -> Iterator[Problem]:
    """Every author of a story is listed in the authors file (Material would stop with an English error)."""
    listing = f"; kies uit: {', '.join(known)}" if known else f"; voeg de auteur eerst toe aan {authors_path(content)}"
    for story in stories:
        for index, key in enumerate(story.authors):
            if key not in known:
                field = f"authors[{index}]"
                line = lines.get(story.path, {}).get(field, 1)
                yield Problem(story.path, line, field, f"'{key}' staat niet in {authors_path(content)}{listing}")


def rule_consent_before_publication(story: Story, line: int) -> Iterator[Problem]:
    """Consent must exist before a story about someone is published."""
    consent = story.consent
    if consent.identifiable and consent.date and consent.date > story.date:
        yield Problem(story.path, line, "toestemming.datum",
                      f"de toestemming ({consent.date.isoformat()}) is van na de publicatiedatum ({story.date.isoformat()}); "
                      "publiceer pas na de toestemming")


def story_records(sources: list[Source], root: Path, content: str, ctx: Context) -> tuple[list[Story], list[Problem]]:
    """Records for stories that passed their own checks, and the rules across stories and the authors file."""
    stories = [
        Story(slug=s.slug, path=s.path, doc_path=Path(s.path).relative_to(content).as_posix(), **convert_mapping(s.data, SCHEMAS["verhaal"], ctx))
        for s in sources
    ]
    authors, problems = load_authors(root, content, ctx.role_addresses)
    if not problems:  # with an authors file that cannot be read, every author would seem unknown
        problems += rule_story_authors(stories, authors, {s.path: s.lines for s in sources}, content)
    for story, source in zip(stories, sources, strict=True):
        problems += rule_consent_before_publication(story, source.line_of("toestemming.datum"))
    return stories, problems
