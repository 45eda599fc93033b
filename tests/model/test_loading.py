"""Reading bytes, front matter and YAML, with exact lines."""

import os
import tracemalloc

import pytest
import yaml

from kennisbank.model import loading
from kennisbank.model.loading import decode, parse_yaml, read_source, split_front_matter
from kennisbank.model.problems import Problem

from ..conftest import ROOT


def test_bom_is_reported_and_stripped():
    text, problems = decode(b"\xef\xbb\xbf---\na: 1\n---\n", "x.md")
    assert text == "---\na: 1\n---\n"
    assert [p.format() for p in problems] == [
        "x.md:1: het bestand begint met een BOM (byte order mark); sla het op als 'UTF-8' zonder BOM"
    ]


def test_crlf_is_reported_on_first_line_and_normalised():
    text, problems = decode(b"a: 1\r\nb: 2\r\n", "x.yml")
    assert text == "a: 1\nb: 2\n"
    assert [p.line for p in problems] == [1]
    assert "Windows-regeleinden" in problems[0].message


def test_non_utf8_gives_line_of_bad_byte():
    text, problems = decode(b"a: 1\nb: caf" + b"\xe9\n", "x.yml")
    assert text is None
    assert [p.format() for p in problems] == [
        "x.yml:2: dit is geen geldige UTF-8 (byte 0xe9); sla het bestand op als 'UTF-8'"
    ]


@pytest.mark.parametrize("raw", [b"", b"  \n\n"])
def test_empty_file(raw):
    assert [p.message for p in decode(raw, "x.md")[1]] == ["het bestand is leeg"]


def test_front_matter_split_gives_body_line():
    front, body, body_line, problems = split_front_matter("---\na: 1\nb: 2\n---\n\n# Titel\n", "x.md")
    assert (front, body, body_line, problems) == ("a: 1\nb: 2", "\n# Titel\n", 5, [])


def test_missing_and_unclosed_front_matter():
    assert "geen front matter" in split_front_matter("# Titel\n", "x.md")[3][0].message
    assert "niet afgesloten" in split_front_matter("---\na: 1\n", "x.md")[3][0].message


def test_yaml_lines_map_nested_fields():
    data, lines, problems = parse_yaml("a: 1\nb:\n  - x\n  - y\nc:\n  d: 2\n", "x.md", 2)
    assert problems == []
    assert data == {"a": 1, "b": ["x", "y"], "c": {"d": 2}}
    assert lines == {"": 2, "a": 2, "b": 3, "b[0]": 4, "b[1]": 5, "c": 6, "c.d": 7}


def test_dates_stay_text_and_no_is_not_false():
    data, _, _ = parse_yaml("d: 2024-02-30\nt: [no, nl]\nok: true\n", "x.yml", 1)
    assert data == {"d": "2024-02-30", "t": ["no", "nl"], "ok": True}


def test_duplicate_key_is_reported_at_second_occurrence():
    _, _, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "x.yml", 1)
    assert [p.format() for p in problems] == ["x.yml:3: a: dit veld staat er twee keer in; laat er één staan"]


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("a: 1\nb: c: d\n", 3, "dubbele punt"),
        ("a:\n\t- b\n", 3, "tabs"),
        ("a: [x, y\nb: 2\n", 3, "lijst"),
        ("a: 'open\nb: 2\n", 4, "aanhalingsteken"),
    ],
)
def test_malformed_yaml_points_at_the_right_file_line(text, line, hint):
    data, _, problems = parse_yaml(text, "x.md", 2)
    assert data is None
    assert problems[0].line == line
    assert hint in problems[0].message


def test_line_of_falls_back_to_parent(tmp_path):
    file = tmp_path / "x.yml"
    file.write_text("a:\n  b: 1\nlijst:\n  - x\n", encoding="utf-8")
    source, problems = read_source(file, tmp_path)
    assert problems == []
    assert source.line_of("a.b") == 2
    assert source.line_of("a.zzz") == 1
    assert source.line_of("lijst[0]") == 4
    assert source.line_of("lijst[7]") == 3
    assert source.line_of("nergens") == 1


def front_matters():
    """The YAML of every real source file and every invalid fixture, with its first line."""
    for path in sorted([*ROOT.glob("content/**/*.md"), *ROOT.glob("good_practices/*.md"), *ROOT.glob("programmas/*.yml"),
                        *ROOT.glob("tests/fixtures/invalid/**/*.md"), *ROOT.glob("tests/fixtures/invalid/**/*.y*ml")]):
        text = path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
        if path.suffix == ".md":
            front = split_front_matter(text, path.name)[0]
            if front is not None:
                yield pytest.param(front, 2, id=path.relative_to(ROOT).as_posix())
        else:
            yield pytest.param(text, 1, id=path.relative_to(ROOT).as_posix())


@pytest.mark.parametrize(("text", "first_line"), list(front_matters()))
def test_libyaml_and_pure_python_parsers_agree(text, first_line, monkeypatch):
    """The fast path (libyaml) gives the same data, lines and messages as the pure-Python parser."""
    assert yaml.__with_libyaml__, "PyYAML zonder libyaml: het snelle pad wordt niet getest"
    fast = parse_yaml(text, "x.md", first_line)
    monkeypatch.setattr(loading, "_FastLoader", loading._Loader)
    assert parse_yaml(text, "x.md", first_line) == fast


# --- what content has no use for is refused before anything is built (issue 13) ---------------

def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        name, previous = chr(97 + i), chr(96 + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    return "\n".join(lines) + "\n"


def test_nested_aliases_are_refused_before_they_expand():
    tracemalloc.start()
    data, _, problems = parse_yaml(billion_laughs(), "x.yml", 1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert data is None
    assert problems[0].format().startswith("x.yml:1: a: '&a' is in YAML een anker; bronbestanden gebruiken geen ankers (&) en verwijzingen (*)")
    assert peak < 5_000_000  # the expanded document would be 9^9 strings


@pytest.mark.parametrize(("text", "expected"), [
    ("a: [1, 2]\nb: *x\n", "x.yml:2: b: '*x' is in YAML een verwijzing naar een anker"),
    ("a:\n  b: &y 1\n", "x.yml:2: a.b: '&y' is in YAML een anker"),
    ("a: !!binary aGVsbG8=\n", "x.yml:1: a: '!!binary' is een YAML-label"),
    ("a: !!python/object/apply:os.system [ls]\n", "x.yml:1: a: '!!python/object/apply:os.system' is een YAML-label"),
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", "x.yml:1: a: de waarden staan hier meer dan 20 lagen diep in elkaar"),
    ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 60)), "x.yml:"),
    ("a: " + "9" * 5000 + "\n", "x.yml:1: a: dit getal is 5000 tekens lang"),
    ("a: 0x" + "f" * 100 + "\n", "x.yml:1: a: dit getal is 102 tekens lang"),
    ("null: x\n", "x.yml:1: hier staat een veld zonder naam"),
    ("~: x\n", "x.yml:1: hier staat een veld zonder naam"),
    ("12: x\n", "x.yml:1: '12' kan geen veldnaam zijn"),
    ("a:\n  true: x\n", "x.yml:2: a: 'true' kan geen veldnaam zijn"),
    ("? [a, b]\n: c\n", "x.yml:1: een lijst of groep kan geen veldnaam zijn"),
])
def test_yaml_that_content_has_no_use_for_gets_a_dutch_message(text, expected, monkeypatch):
    for loader in (loading._FastLoader, loading._Loader):  # the fast path and the pure-Python one
        monkeypatch.setattr(loading, "_FastLoader", loader)
        data, _, problems = parse_yaml(text, "x.yml", 1)
        assert data is None
        assert problems and problems[0].format().startswith(expected), problems


def test_quoted_values_and_ordinary_numbers_still_pass():
    data, _, problems = parse_yaml('a: "&anker *ster !uitroep"\nb: 12\nc: "123456789012345678901234567890123"\n', "x.yml", 1)
    assert problems == []
    assert data == {"a": "&anker *ster !uitroep", "b": 12, "c": "123456789012345678901234567890123"}


def test_a_file_over_the_limit_is_not_read(tmp_path):
    file = tmp_path / "groot.md"
    file.write_bytes(b"---\ntitel: x\n---\n" + b"a" * loading.MAX_BYTES)
    source, problems = read_source(file, tmp_path)
    assert source is None
    assert problems == [Problem("groot.md", 1, "", "het bestand is 1.0 MB; een bronbestand mag hoogstens 1 MB zijn. "
                                                   "Splits het op of haal er iets uit")]


@pytest.mark.parametrize(("lists", "refused"), [(19, False), (20, True)])  # with the mapping around them: 20 levels, then 21
def test_values_may_be_twenty_levels_deep_and_no_deeper(lists, refused):
    data, _, problems = parse_yaml("a: " + "[" * lists + "]" * lists + "\n", "x.yml", 1)
    assert (data is None, [p.format() for p in problems]) == (
        (True, ["x.yml:1: a: de waarden staan hier meer dan 20 lagen diep in elkaar; een bronbestand heeft er hoogstens drie nodig"])
        if refused else (False, []))


def test_a_refused_item_of_a_list_is_named_by_its_place():
    assert [(p.line, p.field) for p in parse_yaml("a:\n  - &x 1\n  - &y 2\n", "x.yml", 1)[2]] == [(2, "a[0]"), (3, "a[1]")]


@pytest.mark.parametrize("text", ["", "# alleen commentaar\n", "---\n"])
def test_yaml_without_fields_says_so(text):
    assert parse_yaml(text, "x.yml", 1) == (None, {}, [Problem("x.yml", 1, "", "er staan geen velden in; vul de velden in volgens het sjabloon")])


@pytest.mark.parametrize(("problem", "context", "expected"), [
    (None, None, "ongeldige YAML: iets is mis"),  # no problem of its own: the error's text
    ("found something", "while scanning a quoted scalar", "ongeldige YAML: een aanhalingsteken wordt niet gesloten"),  # the hint is in the context
    ("found unexpected end of stream", None, "ongeldige YAML: een aanhalingsteken of haakje wordt niet gesloten"),
    ("iets anders", None, "ongeldige YAML: iets anders"),
])
def test_yaml_errors_are_told_in_dutch(problem, context, expected):
    error = yaml.MarkedYAMLError(context=context, problem=problem)
    if problem is None and context is None:
        error = yaml.MarkedYAMLError(context=None, problem=None, note="iets is mis")
    assert loading._yaml_message(error) == expected


@pytest.mark.parametrize(("problem_line", "context_line", "expected"), [(4, None, 5), (None, 2, 3), (None, None, 1)])
def test_a_yaml_error_is_on_the_line_of_its_mark(problem_line, context_line, expected):
    mark = lambda line: yaml.Mark("x.yml", 0, line, 0, None, None) if line is not None else None  # noqa: E731
    error = yaml.MarkedYAMLError(problem_mark=mark(problem_line), context_mark=mark(context_line))
    assert loading._yaml_error_line(error) == expected


# --- read_text: a data file, read only when it is a plain file of sensible size -------------------------------

def test_a_missing_data_file_is_a_problem_only_when_it_is_required(tmp_path):
    (tmp_path / "data").mkdir()
    missing = tmp_path / "data" / "feiten.yml"
    assert loading.read_text(missing, tmp_path) == (None, [loading.Problem(
        "data/feiten.yml", 1, "", "dit bestand ontbreekt, en de kennisbank heeft het nodig; zet het terug, bijvoorbeeld met "
        "'git checkout -- data/feiten.yml'")])
    assert loading.read_text(missing, tmp_path, required=False) == (None, [])


def test_a_pipe_is_not_read(tmp_path):
    (tmp_path / "data").mkdir()
    pipe = tmp_path / "data" / "gemeenten.csv"
    os.mkfifo(pipe)
    assert loading.read_text(pipe, tmp_path) == (None, [loading.Problem("data/gemeenten.csv", 1, "", loading.NOT_A_FILE)])


def test_a_data_file_may_be_as_large_as_the_limit_and_no_larger(tmp_path):
    (tmp_path / "data").mkdir()
    file = tmp_path / "data" / "groot.yml"
    file.write_bytes(b"a" * loading.MAX_BYTES)
    assert loading.read_text(file, tmp_path) == ("a" * loading.MAX_BYTES, [])
    file.write_bytes(b"a" * (loading.MAX_BYTES + 1))
    assert loading.read_text(file, tmp_path) == (None, [loading.Problem(
        "data/groot.yml", 1, "", f"het bestand is 1.0 MB; een bestand mag hoogstens {loading.MAX_BYTES // 1_000_000} MB zijn. "
        "Splits het op of haal er iets uit")])
