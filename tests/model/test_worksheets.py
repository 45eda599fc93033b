"""Marked parts of guides: what counts as the part, its footnotes, and what counts as room to fill in.

The mistakes in markers are tested with the invalid fixtures (tests/fixtures/invalid/content/gidsen/werkblad-*.md,
exact messages in expected.yml); these tests cover what a correct marker yields.
"""

from __future__ import annotations

import pytest

from kennisbank.model.checks import check_all
from kennisbank.model.worksheets import find_markers, has_room_to_fill_in, read_worksheets

from ..conftest import TODAY

#: The worksheets issue 17 asks for, by name, with the guide each comes from.
REQUIRED = {
    "functieprofiel": "content/gidsen/functieprofiel.md",
    "eerste-gesprek": "content/gidsen/eerste-gesprek.md",
    "ontwikkelingsplan": "content/gidsen/deskundigheid.md",
    "intervisie": "content/gidsen/begeleiding-en-intervisie.md",
    "zes-rollen": "content/gidsen/zes-rollen.md",
}


def test_the_guides_mark_the_required_worksheets(layout):
    catalogue = check_all(layout, today=TODAY)
    found = {sheet.name: page.path for page in catalogue.pages for sheet in page.worksheets}
    assert found == REQUIRED


@pytest.mark.parametrize(("name", "path"), REQUIRED.items())
def test_each_marked_part_is_the_text_between_its_two_lines(root, name, path):
    lines = (root / path).read_text(encoding="utf-8").split("\n")
    sheet = next(s for s in read_worksheets("\n".join(lines), 1)[0] if s.name == name)
    assert lines[sheet.line - 1].startswith(f"/// werkblad: {name} ")
    end = lines.index("///", sheet.line)
    assert sheet.body == "\n".join(lines[sheet.line: end]).strip("\n")
    assert sheet.title and has_room_to_fill_in(sheet.body)


BODY = """# Gids

Tekst met een bron.[^a]

/// werkblad: lijst "Een lijst"
- [ ] Eerste punt, uit de bron.[^b]
- [ ] Tweede punt.
///

```markdown
/// werkblad: voorbeeld "Zo ziet het eruit"
///
```

[^a]: Bron A.
[^b]: Bron B,
    op twee regels.
"""


def test_a_part_keeps_only_its_own_footnotes_and_its_file_line():
    sheets, problems = read_worksheets(BODY, body_line=10)
    assert problems == []
    assert [(s.name, s.title, s.line) for s in sheets] == [("lijst", "Een lijst", 14)]
    assert sheets[0].body == "- [ ] Eerste punt, uit de bron.[^b]\n- [ ] Tweede punt."
    assert sheets[0].notes == ("[^b]: Bron B,\n    op twee regels.",)


def test_markers_in_a_code_block_are_text():
    assert [m.index for m in find_markers(BODY)] == [4, 7]


@pytest.mark.parametrize("fence", ["~~~", "  ```"])
def test_markers_in_any_code_block_are_text_and_an_indented_marker_is_text_too(fence):
    body = f'{fence}\n/// werkblad: x "X"\n{fence.strip()}\n  ///\n/// werkblad: lijst "Een lijst"\n- [ ] Vak.\n///'
    assert [m.index for m in find_markers(body)] == [4, 6]


@pytest.mark.parametrize(("line", "name", "title"), [
    ('/// werkblad: eerste-gesprek "Checklist voor het eerste gesprek"', "eerste-gesprek", "Checklist voor het eerste gesprek"),
    ('///werkblad:pop "Plan"', "pop", "Plan"),
    ('/// werkblad: Eerste Gesprek "Checklist"', "Eerste Gesprek", "Checklist"),
    ("/// werkblad: pop Plan", "pop", None),
    ('/// werkblad: pop "Plan', "pop", None),
    ("/// werkblad:", "", None),
])
def test_name_and_title_of_an_opening_line(line, name, title):
    (marker,) = find_markers(line)
    assert (marker.keyword, marker.name, marker.title) == ("werkblad", name, title)


@pytest.mark.parametrize(("text", "room"), [
    ("Naam: ______", True),
    ("- [ ] Besproken.", True),
    ("* [ ] Besproken.", True),
    ("- [x] Al gedaan.", False),
    ("| Vraag | Antwoord |\n| --- | --- |\n| Wat? |  |", True),
    ("| Vraag | Antwoord |\n| --- | --- |\n| Wat? | Dit |", False),
    ("| Vraag | Antwoord |\n|:---|---:|\n| Wat? | Dit \\| dat |", False),
    ("Een gewone zin met een_woord.", False),
])
def test_room_to_fill_in(text, room):
    assert has_room_to_fill_in(text) is room


def test_a_stray_closing_line_is_reported_and_the_worksheets_after_it_are_still_read():
    sheets, problems = read_worksheets('///\n\n/// werkblad: lijst "Een lijst"\n- [ ] Een vakje.\n///', body_line=5)
    assert [s.name for s in sheets] == ["lijst"]
    assert [(line, message.split(";")[0]) for line, _, message in problems] == [
        (5, "deze regel '///' sluit een werkblad, maar er is hier geen werkblad open")]


def test_a_name_without_a_letter_or_digit_gets_an_example_name():
    _, problems = read_worksheets('/// werkblad: ‽‽ "Titel"\n- [ ] Een vakje.\n///', body_line=1)
    assert problems == [(1, "werkblad", "de naam '‽‽' mag alleen kleine letters, cijfers en streepjes bevatten; "
                                        "schrijf bijvoorbeeld 'eerste-gesprek'")]


def test_a_note_may_go_on_on_lines_indented_with_a_tab_and_a_part_keeps_its_indenting():
    body = '/// werkblad: lijst "Een lijst"\n    - [ ] Ingesprongen.[^a]\n- [ ] Vak X\n///\n\n[^a]: Eerste regel,\n\tmet een tab verder.\nGeen deel.'
    sheets, problems = read_worksheets(body, body_line=1)
    assert problems == []
    assert sheets[0].body == "    - [ ] Ingesprongen.[^a]\n- [ ] Vak X"
    assert sheets[0].notes == ("[^a]: Eerste regel,\n\tmet een tab verder.",)


@pytest.mark.parametrize(("body", "message"), [
    ("/// werkblad:\n///", "het werkblad '…' is leeg"),
    ("/// werkblad:\n- [ ] Een vakje.", "het werkblad '…' wordt niet gesloten"),
])
def test_a_worksheet_without_a_name_is_called_an_ellipsis(body, message):
    _, problems = read_worksheets(body, body_line=1)
    assert [m.split(";")[0] for _, _, m in problems][-1] == message
