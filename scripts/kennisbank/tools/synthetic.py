"""Synthetic but schema-valid content for benchmarks, written into a throw-away folder.

:func:`make_repo` copies what a build needs from the real repository (mkdocs.yml,
``data/``, ``overrides/``, ``schemas/`` and the real ``content/``, good practices
and programmes, so the real pages build too) into a target folder and adds
generated programmes, good practices and a few guides to that copy. It refuses
to write into the repository it copies from, so the real content folders never
see synthetic data.

The text is Dutch-ish: sentences assembled from a small word bank, with about the
length of the real entries. Names are marked as fictional ("Fictief …"), web
addresses use the reserved ``.example`` domain, and nothing here describes a real
organisation or person. Everything is drawn from one seeded random generator, so
the same seed and date give the same files.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..model.gazetteer import PROVINCES, load_gazetteer
from ..model.schema import PRACTICE_SECTIONS
from ..model.vocabulary import load_vocabularies

COPIED = ("mkdocs.yml", "data", "overrides", "schemas", "content", "good_practices", "programmas")
SYNTHETIC_PREFIX = "fictief"
GUIDES_FOLDER = "gidsen"

# --- a small Dutch word bank ---------------------------------------------------

SUBJECTS = (
    "De sleutelpersoon", "Het team", "De coördinator", "Een vrijwilliger", "De gemeente", "De begeleider",
    "De organisatie", "Een nieuwe sleutelpersoon", "De groep sleutelpersonen", "De projectleider",
    "Een ervaren sleutelpersoon", "De GGD-medewerker", "Het wijkteam", "De trainer",
)
VERBS = (
    "bespreekt", "organiseert", "begeleidt", "ondersteunt", "plant", "evalueert", "verbetert", "deelt",
    "bewaakt", "regelt", "zoekt", "volgt", "start", "versterkt", "noteert",
)
OBJECTS = (
    "de verwachtingen", "een vast overleg", "de intervisie", "de training", "een huisbezoek",
    "de voorlichting", "het eerste gesprek", "de vrijwilligersvergoeding", "de reiskosten",
    "een bijeenkomst in de buurt", "het contact met de school", "de afspraken over bereikbaarheid",
    "een groepsgesprek", "het taakprofiel", "de signalen uit de gemeenschap", "de werving",
)
ADVERBIALS = (
    "elke maand", "samen met de gemeente", "in de eigen taal", "na elke bijeenkomst", "met een vaste contactpersoon",
    "op een rustige plek", "in kleine groepen", "binnen het wijkteam", "aan het begin van het jaar",
    "met hulp van een tolk", "zonder veel papierwerk", "in overleg met de huisarts", "bij mensen thuis",
)
REASONS = (
    "Zo blijft het vertrouwen goed.", "Dat voorkomt overbelasting.", "Zo weten beide kanten wat ze kunnen verwachten.",
    "Dat werkt beter dan een folder.", "Zo groeit de groep langzaam.", "Nieuwkomers voelen zich dan serieus genomen.",
    "Zo houdt de sleutelpersoon zijn grenzen in het oog.", "Dat maakt de drempel lager.",
    "Zo leert de organisatie van de gemeenschap.", "Daardoor komen vragen eerder op tafel.",
)
ADJECTIVES = ("Samen", "Brug", "Thuis", "Verbinding", "Welkom", "Nieuw", "Open", "Sterk", "Dichtbij", "Vertrouwd")
ORG_KINDS = ("Fictieve stichting", "Fictief welzijnswerk", "Fictief wijkteam", "Fictieve vereniging", "Fictief zorgnetwerk")
PROGRAMME_KINDS = ("Sleutelpersonen", "Voorlichters", "Cultuurverbinders", "Brugfiguren", "Wijkverbinders")
LANGUAGES = ("ar", "ti", "so", "fa", "ps", "ku", "tr", "uk", "ru", "am", "en", "fr", "nl")
SOURCE = {"url": "https://bron.voorbeeld.example/synthetisch", "titel": "Synthetische testgegevens",
          "uitgever": "Benchmark van de kennisbank", "document": "Gemaakt door kennisbank bench; geen echte bron"}


@dataclass(frozen=True)
class SyntheticRepo:
    """What :func:`make_repo` wrote: the root, and the synthetic files per kind."""

    root: Path
    programmes: tuple[Path, ...]
    practices: tuple[Path, ...]
    guides: tuple[Path, ...]


def sentence(rng: random.Random) -> str:
    """One Dutch-ish sentence of ten to twenty words."""
    main = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ADVERBIALS)}."
    return main if rng.random() < 0.5 else f"{main} {rng.choice(REASONS)}"


def paragraph(rng: random.Random, sentences: tuple[int, int] = (3, 5)) -> str:
    """A paragraph of a few sentences, wrapped at about 80 characters like the real files."""
    words = " ".join(sentence(rng) for _ in range(rng.randint(*sentences))).split()
    lines, line = [], ""
    for word in words:
        if line and len(line) + len(word) > 79:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def summary(rng: random.Random) -> str:
    """A summary of at most 160 characters."""
    text = sentence(rng)
    return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "."


def yaml_text(value: str) -> str:
    """A YAML scalar that is always read back as this exact text."""
    return json.dumps(value, ensure_ascii=False)


def yaml_list(items: list[str]) -> str:
    """A flow-style YAML list of texts."""
    return "[" + ", ".join(yaml_text(i) for i in items) + "]"


class Writer:
    """Draws synthetic entries from one seeded generator and the real vocabularies."""

    def __init__(self, root: Path, seed: int, today: dt.date):
        self.rng = random.Random(seed)
        self.today = today
        vocab = load_vocabularies(root / "data" / "vocabulaire.yml")
        self.vocab = {name: list(vocab.keys(name)) for name in vocab.lists}
        self.municipalities = sorted(m.name for m in load_gazetteer(root / "data").municipalities)

    def pick(self, vocabulary: str, low: int, high: int) -> list[str]:
        """A few distinct keys of one vocabulary."""
        keys = self.vocab[vocabulary]
        return self.rng.sample(keys, self.rng.randint(low, min(high, len(keys))))

    def area(self) -> list[str]:
        """Mostly one to three municipalities; sometimes a province or the whole country."""
        roll = self.rng.random()
        if roll < 0.03:
            return ["landelijk"]
        if roll < 0.10:
            return [self.rng.choice(PROVINCES)]
        return self.rng.sample(self.municipalities, self.rng.randint(1, 3))

    def verified(self) -> str:
        """A check date within the last year, so no entry is stale."""
        return (self.today - dt.timedelta(days=self.rng.randint(0, 300))).isoformat()

    def source(self, indent: str, published: dt.date) -> list[str]:
        """One entry of ``bronnen``: the synthetic source, published on a day and read since."""
        read = published + dt.timedelta(days=self.rng.randint(0, (self.today - published).days))
        fields = {**SOURCE, "datum": published.isoformat(), "geraadpleegd": read.isoformat()}
        return [f"{indent}{'-' if i == 0 else ' '} {k}: {yaml_text(v)}" for i, (k, v) in enumerate(fields.items())]

    def status(self, published: dt.date) -> list[str]:
        """A status the source allows ('lopend' only with a source of the last 24 months), sometimes a start year."""
        recent = (self.today - published).days < 700
        lines = [f"status: {self.rng.choice(('lopend', 'onbekend') if recent else ('onbekend', 'afgerond'))}"]
        if self.rng.random() < 0.5:
            lines += ["periode:", f"  start: {self.rng.randint(2004, published.year)}"]
        return lines

    def shared_fields(self, area: list[str]) -> list[str]:
        published = self.today - dt.timedelta(days=self.rng.randint(301, 900))
        return [
            f"werkgebied: {yaml_list(area)}",
            f"themas: {yaml_list(self.pick('themas', 1, 4))}",
            f"rollen: {yaml_list(self.pick('rollen', 1, 3))}",
            f"doelgroepen: {yaml_list(self.pick('doelgroepen', 1, 3))}",
            f"talen: {yaml_list(self.rng.sample(LANGUAGES, self.rng.randint(1, 3)))}",
            f"vergoeding: {self.rng.choice(self.vocab['vergoeding'])}",
            *self.status(published),
            "bronnen:",
            *self.source("  ", published),
            f"laatst_geverifieerd: {self.verified()}",
        ]

    def organisation(self, area: list[str]) -> str:
        place = area[0] if area[0] != "landelijk" else "Nederland"
        return f"{self.rng.choice(ORG_KINDS)} {self.rng.choice(ADJECTIVES)} {place}"

    def programme(self, number: int) -> tuple[str, str]:
        """(slug, YAML text) of one programme."""
        area = self.area()
        name = f"{self.rng.choice(PROGRAMME_KINDS)} {self.rng.choice(ADJECTIVES).lower()} {number}"
        slug = f"{SYNTHETIC_PREFIX}-programma-{number:05d}"
        how = paragraph(self.rng, (2, 4)).replace("\n", " ")
        lines = [
            f"naam: {yaml_text(name)}",
            f"samenvatting: {yaml_text(summary(self.rng))}",
            f"organisatie: {yaml_text(self.organisation(area))}",
            f"website: {yaml_text(f'https://programma-{number}.voorbeeld.example/')}",
            *self.shared_fields(area),
            f"hoe_inzetten: {yaml_text(how)}",
            "contact:",
            f"  email: {yaml_text(f'info@programma-{number}.voorbeeld.example')}",
        ]
        return slug, "\n".join(lines) + "\n"

    def practice(self, number: int, programme: str | None) -> tuple[str, str]:
        """(slug, Markdown text) of one good practice with every required section."""
        area = self.area()
        title = f"Fictieve praktijk {self.rng.choice(ADJECTIVES).lower()} {number}"
        slug = f"{SYNTHETIC_PREFIX}-praktijk-{number:05d}"
        fields = [
            f"titel: {yaml_text(title)}",
            f"samenvatting: {yaml_text(summary(self.rng))}",
            f"organisatie: {yaml_text(self.organisation(area))}",
            *self.shared_fields(area),
            f"aantal_sleutelpersonen: {self.rng.randint(2, 120)}",
            f"sinds: {self.rng.randint(2004, self.today.year)}",
        ]
        if programme:
            fields.append(f"programma: {programme}")
        body = [f"# {title}", "", paragraph(self.rng)]
        for section in PRACTICE_SECTIONS:
            body += ["", f"## {section}", ""]
            if section == "Lessen":
                body += [f"- {sentence(self.rng)}" for _ in range(self.rng.randint(2, 4))]
            else:
                body.append(paragraph(self.rng, (2, 4)))
        return slug, "---\n" + "\n".join(fields) + "\n---\n\n" + "\n".join(body) + "\n"

    def guide(self, number: int) -> tuple[str, str]:
        """(slug, Markdown text) of one guide with an 'In het kort' box and its source."""
        title = f"Fictieve gids {number}: {self.rng.choice(OBJECTS)}"
        slug = f"{SYNTHETIC_PREFIX}-gids-{number:03d}"
        fields = [
            f"titel: {yaml_text(title)}",
            f"samenvatting: {yaml_text(summary(self.rng))}",
            f"doelgroep: {yaml_list(self.pick('doelgroep_gids', 1, 3))}",
            f"themas: {yaml_list(self.pick('themas', 1, 4))}",
            f"laatst_herzien: {self.verified()}",
            "bronnen:",
            *self.source("  ", dt.date.fromisoformat(self.verified())),
        ]
        body = [f"# {title}", "", '!!! abstract "In het kort"', ""]
        body += [f"    - {sentence(self.rng)}" for _ in range(4)]
        for index in range(1, 6):
            body += ["", f"## Stap {index}", "", paragraph(self.rng, (4, 7)), "", paragraph(self.rng, (3, 5))]
        return slug, "---\n" + "\n".join(fields) + "\n---\n\n" + "\n".join(body) + "\n"


def copy_base(source_root: Path, target: Path) -> None:
    """Copy what a build needs from the real repository into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = source_root / name
        if source.is_dir():
            shutil.copytree(source, target / name, dirs_exist_ok=True)
        elif source.exists():
            shutil.copy(source, target / name)


def make_repo(source_root: Path, target: Path, programmes: int, practices: int | None = None, guides: int = 3,
              seed: int = 8, today: dt.date | None = None) -> SyntheticRepo:
    """Write a repository copy with ``programmes`` synthetic programmes into ``target``.

    ``practices`` defaults to one good practice per five programmes (10,000 → 2,000);
    every second practice belongs to a programme. Refuses a target inside
    ``source_root``'s source folders or equal to it.
    """
    source_root, target = source_root.resolve(), target.resolve()
    if target == source_root or any(target.is_relative_to(source_root / name) for name in COPIED):
        raise ValueError(f"{target}: synthetische inhoud hoort niet in de echte bronmappen")
    practices = programmes // 5 if practices is None else practices
    copy_base(source_root, target)
    writer = Writer(target, seed, today or dt.date.today())
    written: dict[str, list[Path]] = {"programmes": [], "practices": [], "guides": []}
    slugs = []
    for number in range(1, programmes + 1):
        slug, text = writer.programme(number)
        slugs.append(slug)
        written["programmes"].append(_write(target / "programmas" / f"{slug}.yml", text))
    for number in range(1, practices + 1):
        programme = writer.rng.choice(slugs) if slugs and number % 2 == 0 else None
        slug, text = writer.practice(number, programme)
        written["practices"].append(_write(target / "good_practices" / f"{slug}.md", text))
    for number in range(1, guides + 1):
        slug, text = writer.guide(number)
        written["guides"].append(_write(target / "content" / GUIDES_FOLDER / f"{slug}.md", text))
    return SyntheticRepo(target, tuple(written["programmes"]), tuple(written["practices"]), tuple(written["guides"]))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
