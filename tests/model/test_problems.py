from kennisbank.model.problems import Problem, Severity, errors, report, warnings


def test_format_with_and_without_field():
    assert Problem("a.md", 6, "werkgebied[0]", "fout").format() == "a.md:6: werkgebied[0]: fout"
    assert Problem("a.md", 1, "", "leeg").format() == "a.md:1: leeg"


def test_report_lists_errors_then_warnings_then_counts():
    problems = [
        Problem("b.md", 2, "x", "oud", Severity.WARNING),
        Problem("a.md", 9, "y", "kapot"),
        Problem("a.md", 3, "z", "ook kapot"),
    ]
    assert report(problems) == (
        "a.md:3: z: ook kapot\n"
        "a.md:9: y: kapot\n"
        "\n"
        "Waarschuwingen:\n"
        "b.md:2: x: oud\n"
        "\n"
        "2 fouten, 1 waarschuwing."
    )


def test_report_without_problems():
    assert report([]) == "0 fouten, 0 waarschuwingen."


def test_errors_and_warnings_split():
    w = Problem("a", 1, "", "w", Severity.WARNING)
    e = Problem("a", 1, "", "e")
    assert errors([w, e]) == [e]
    assert warnings([w, e]) == [w]


def test_report_with_one_error_and_one_warning_counts_in_the_singular():
    problems = [Problem("a.md", 1, "", "kapot"), Problem("a.md", 2, "", "oud", Severity.WARNING)]
    assert report(problems) == "a.md:1: kapot\n\nWaarschuwingen:\na.md:2: oud\n\n1 fout, 1 waarschuwing."


def test_report_with_errors_only():
    assert report([Problem("b.md", 4, "x", "weg"), Problem("a.md", 2, "", "kapot")]) == "a.md:2: kapot\nb.md:4: x: weg\n\n2 fouten, 0 waarschuwingen."
