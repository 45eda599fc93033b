"""Mutation testing of the model package and the open-data exports with mutmut (not in the default test run: slow).

    .venv/bin/python scripts/mutation.py            # all mutants; prints the score and the survivors
    .venv/bin/python scripts/mutation.py --max-children 2
    .venv/bin/python scripts/mutation.py --max-children 2 "kennisbank.pages.exports*"    # one module

mutmut wants the package under src/, and our tests want the repository around them, so this
script lays out a work folder .mutation/ (git ignores it): src/kennisbank is a copy of the package,
and tests/, content and data are copied by mutmut itself (``also_copy``). Only the model package and
pages/exports.py are mutated; the tests that may kill a mutant are those in TESTS without the markers
``browser`` and ``site`` (they build the whole site: too slow per mutant). It fails when fewer than
MINIMUM of the mutants are killed. A later run reuses the results of mutants whose code did not change.

The survivors then run once more, each in a fresh process, against the tests of their own module (``tests/model/
test_gazetteer.py`` for ``model/gazetteer.py``; :data:`MORE_TESTS` adds a few). mutmut gives a mutant only the tests
during which its function ran in its first, measuring run. A function that runs while a module-scoped fixture is
made (the gazetteer, a catalogue) ran "during" the first test that uses the fixture, so mutmut never gives the
mutant the tests that check what it made; and a helper that runs only at import (``_contact`` and ``_id`` build the
tables of columns and HSDS fields) never runs as its mutant in mutmut's forks at all. A mutant that fails a test in
this round is killed; the round's results are in .mutation/tweede-ronde.json.
The last measurement, per module, and why each survivor left is harmless: MUTATION.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
MINIMUM = 0.90
TIMEOUT_MULTIPLIER = 2.0
#: Where the second round writes what it found, and the last random sample (in WORK).
SECOND_ROUND = "tweede-ronde.json"
SAMPLE = "steekproef.json"
#: A survivor whose own tests run longer than this in the second round counts as a timeout (killed), as in mutmut.
ROUND_TIMEOUT_S = 300
#: pytest's exit codes that kill a survivor in the second round (None: a timeout); see second_round.
KILLING_CODES = (1, 2, 3, 4, None)
#: Tests beyond a module's own that the second round gives its survivors: the parity of the gazetteer's rules in
#: Python and JavaScript.
MORE_TESTS = {"model.gazetteer": ["tests/javascript/test_parity.py"]}
MUTATED = ["src/kennisbank/model/*", "src/kennisbank/pages/exports.py"]
#: The tests of the mutated code: the model's, the exports', the parity of Python and JavaScript (which uses the gazetteer)
#: and the published JSON Schemas (made by the model's fields).
#: The whole suite would kill a few more mutants, at twenty times the time.
TESTS = ["tests/model", "tests/pages/test_exports.py", "tests/javascript/test_parity.py",
         "tests/tools/test_cli.py::test_schemas_on_disk_match_the_schema"]
#: Left out: they measure time or draw random input, so under mutmut's trampolines (several times slower) they fail
#: without a mutant, or kill one by chance; the default test run keeps them.
LEFT_OUT = ["tests/model/test_checks.py::test_a_hostile_file_of_1_mb_is_checked_in_bounded_time_and_memory",
            "tests/model/test_fuzz.py::test_check_survives_random_and_mutated_files"]


def also_copy() -> list[str]:
    """What the tests may read: every file and folder that git tracks at the top (scripts/ too, unmutated: tests read it)."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.splitlines()
    return sorted({path.split("/", 1)[0] for path in tracked} - {"tests", "pyproject.toml"})


def config() -> str:
    """pyproject.toml for the work folder: the project's own, with mutmut's settings added."""
    settings: dict[str, object] = {
        "source_paths": ["src"],
        "only_mutate": MUTATED,
        "also_copy": also_copy(),
        "pytest_add_cli_args_test_selection": TESTS,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-q", "-m", "not browser and not site",
                                *(f"--deselect={test}" for test in LEFT_OUT)],
        # A mutant that runs more than 2 × 2 times the CPU time of all its tests without a mutant counts as a timeout
        # (killed). mutmut's default, 15, lets a mutant that loops forever hold a core for over an hour here.
        "timeout_multiplier": TIMEOUT_MULTIPLIER,
    }
    lines = ["", "[tool.mutmut]", *(f"{key} = {json.dumps(value)}" for key, value in settings.items())]
    return (ROOT / "pyproject.toml").read_text(encoding="utf-8") + "\n".join(lines) + "\n"


def prepare() -> None:
    """Lay out .mutation/ afresh from the working tree, keeping mutmut's earlier results (mutants/)."""
    WORK.mkdir(exist_ok=True)
    for name in ["src", "tests", *also_copy()]:
        path = WORK / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    # Copied with a new time stamp: mutmut takes a source older than its mutants for unchanged (and keeps stale mutants).
    shutil.copytree(ROOT / "scripts" / "kennisbank", WORK / "src" / "kennisbank", ignore=shutil.ignore_patterns("__pycache__"),
                    copy_function=shutil.copy)
    shutil.copytree(ROOT / "tests", WORK / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    for name in also_copy():
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, WORK / name)
        elif source.exists():
            shutil.copy(source, WORK / name)
    (WORK / "pyproject.toml").write_text(config(), encoding="utf-8")
    # mutmut copies the package's other files (the page templates) into mutants/ only when they are missing there:
    # remove them, so that a later run tests today's templates with today's code.
    for path in (WORK / "mutants" / "src").rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".meta", ".spans"):
            path.unlink()


KILLED = ("killed", "timeout", "caught by type check")
SURVIVED = ("survived", "no tests")


NOT_CHECKED = "not checked"


def results() -> list[tuple[str, str]]:
    """(mutant name, status) of every mutant, from ``mutmut results``; the status of one not run yet is NOT_CHECKED."""
    done = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=WORK, capture_output=True,
                          text=True, check=True)
    return [(name, status) for name, status in (line.strip().rsplit(": ", 1) for line in done.stdout.splitlines() if ": " in line)]


def sample(names: list[str], size: int, seed: int) -> list[str]:
    """``size`` of ``names`` drawn at random (the same for the same seed), in their order.

    >>> sample(["a", "b", "c", "d"], 2, seed=1) == sample(["a", "b", "c", "d"], 2, seed=1)
    True
    >>> sample(["a", "b"], 5, seed=1)
    ['a', 'b']
    """
    chosen = set(random.Random(seed).sample(names, min(size, len(names))))
    return [name for name in names if name in chosen]


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson interval of a proportion.

    Written out here (six lines) rather than taken from statsmodels or scipy, which the project does not
    otherwise need.

    >>> [round(x, 3) for x in wilson(90, 100)]
    [0.826, 0.945]
    """
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return centre - half, centre + half


def per_module(found: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """(killed, checked) per module, from names like ``kennisbank.model.fields.x_slugify__mutmut_3``.

    >>> per_module([("kennisbank.model.fields.x_a__mutmut_1", "killed"), ("kennisbank.model.fields.xǁCǁb__mutmut_2", "survived")])
    {'kennisbank.model.fields': (1, 2)}
    """
    modules: dict[str, tuple[int, int]] = {}
    for name, status in found:
        module = name.rsplit(".", 1)[0]
        killed, total = modules.get(module, (0, 0))
        modules[module] = (killed + (status in KILLED), total + 1)
    return dict(sorted(modules.items()))


def own_tests(mutant: str) -> list[str]:
    """The tests of a mutant's own module, and :data:`MORE_TESTS` for it.

    >>> own_tests("kennisbank.model.gazetteer.x__rows__mutmut_3")
    ['tests/model/test_gazetteer.py', 'tests/javascript/test_parity.py']
    >>> own_tests("kennisbank.pages.exports.x_files__mutmut_12")
    ['tests/pages/test_exports.py']
    """
    package, module = mutant.split(".")[1:3]
    return [f"tests/{package}/test_{module}.py", *MORE_TESTS.get(f"{package}.{module}", [])]


def _own_tests_fail(tests: list[str], mutant: str | None) -> int | None:
    """pytest's exit code for ``tests`` with ``mutant`` active (None: none) in a fresh process; None after a timeout."""
    mutants = WORK / "mutants"
    env = {**os.environ, "PYTHONPATH": str(mutants / "src")}
    env.pop("MUTANT_UNDER_TEST", None)
    if mutant:
        env["MUTANT_UNDER_TEST"] = mutant
    try:
        return subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                               "-m", "not browser and not site", *(f"--deselect={test}" for test in LEFT_OUT), *tests],
                              cwd=mutants, env=env, capture_output=True, text=True, check=False, timeout=ROUND_TIMEOUT_S).returncode
    except subprocess.TimeoutExpired:
        return None


def _tests_hash() -> str:
    """A hash of the work folder's tests: the second round's earlier verdicts hold while it is the same."""
    digest = hashlib.sha256()
    for file in sorted((WORK / "mutants" / "tests").rglob("*.py")):
        digest.update(file.as_posix().encode() + file.read_bytes())
    return digest.hexdigest()[:16]


def _function_hashes() -> dict[str, str]:
    """mutmut's hash of every mutated function (its source), by mangled name."""
    stats = WORK / "mutants" / "mutmut-stats.json"
    return json.loads(stats.read_text(encoding="utf-8")).get("function_hashes", {}) if stats.exists() else {}


def second_round(survivors: list[str], workers: int = 1) -> dict[str, bool]:
    """Each survivor against its own module's tests in a fresh process: mutant name → killed (see the docstring).

    Killed: a test failed (1), the tests could not even be collected (2), pytest broke (3) or could not import a
    conftest (4: a mutant that breaks an import made at import time), or the tests ran past ROUND_TIMEOUT_S; each
    only when the same tests pass without the mutant, which is checked first. A verdict of an earlier round is kept
    while the tests and the mutant's function are the same (a survivor's only when its exit code was kept with it).
    ``workers`` survivors run at once (each is its own process, so threads only wait for them).
    """
    functions, tests_hash = _function_hashes(), _tests_hash()
    path = WORK / SECOND_ROUND
    earlier = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    earlier = earlier.get("verdicts", {}) if isinstance(earlier.get("verdicts"), dict) else {}
    keys = {name: f"{tests_hash}:{functions.get(name.rsplit('__mutmut_', 1)[0], '')}" for name in survivors}
    verdicts: dict[str, dict[str, object]] = {
        name: earlier[name] for name in survivors
        if earlier.get(name, {}).get("key") == keys[name] and (earlier[name].get("killed") or "code" in earlier[name])}
    todo = {name: tuple(test for test in own_tests(name) if (WORK / "mutants" / test).exists()) for name in survivors if name not in verdicts}
    clean: dict[tuple[str, ...], bool] = {}
    for tests in dict.fromkeys(todo.values()):
        clean[tests] = _own_tests_fail(list(tests), None) == 0
        if not clean[tests]:
            print(f"Let op: {' '.join(tests) or 'geen tests'} faalt al zonder mutant; de tweede ronde slaat die mutanten over.")
    for name in todo:
        if not clean[todo[name]]:
            verdicts[name] = {"key": keys[name], "killed": False, "code": 0}
    runnable = [name for name in todo if clean[todo[name]]]
    with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
        for name, code in zip(runnable, pool.map(lambda name: _own_tests_fail(list(todo[name]), name), runnable), strict=True):
            verdicts[name] = {"key": keys[name], "killed": code in KILLING_CODES, "code": code}
            # Written after every verdict: a round that is stopped keeps what it found.
            path.write_text(json.dumps({"verdicts": verdicts}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    path.write_text(json.dumps({"verdicts": verdicts}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return {name: bool(verdicts[name]["killed"]) for name in survivors}


def main(argv: list[str]) -> int:
    """Prepare the work folder, run mutmut, run the survivors once more (second round), print the score and the survivors."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--max-children", type=int, default=2)
    options.add_argument("--second-round-only", action="store_true",
                         help="run mutmut not again: only the second round over the survivors of the last run")
    options.add_argument("--sample", type=int, metavar="N",
                         help="run N of the mutants not yet checked, drawn at random (--seed), and estimate the score of all")
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("names", nargs="*", help="mutants to run (mutmut names, * allowed; they run again even if checked); "
                                                  "none: every mutant not yet checked")
    args = options.parse_args(argv)
    if not args.second_round_only:
        prepare()
        names = args.names
        if args.sample:
            remaining = sorted(name for name, status in results() if status == NOT_CHECKED)
            names = sample(remaining, args.sample, args.seed)
            (WORK / SAMPLE).write_text(json.dumps({"seed": args.seed, "names": names, "pool": remaining}, indent=1) + "\n",
                                       encoding="utf-8")
        mutmut = [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children)]
        subprocess.run([*mutmut, *names], cwd=WORK, check=False)
    everything = results()
    # Mutants not checked (a run over some names only, or one that was stopped) do not count.
    found = [(name, status) for name, status in everything if status != NOT_CHECKED]
    again = second_round([name for name, status in found if status in SURVIVED], workers=args.max_children)
    found = [(name, "killed" if again.get(name) else status) for name, status in found]
    for module, (dead, checked) in per_module(found).items():
        print(f"  {module}: {dead} van {checked} gedood ({dead / checked:.1%})")
    killed = sum(1 for _, status in found if status in KILLED)
    survivors = [name for name, status in found if status in SURVIVED]
    print(f"\n{killed} van {len(found)} mutanten gedood ({killed / max(len(found), 1):.1%}), "
          f"{sum(again.values())} van hen in de tweede ronde; overleefd: {len(survivors)}")
    for name in survivors:
        print(f"  {name}   (bekijk: cd .mutation && {Path(sys.executable).name} -m mutmut show {name})")
    if (WORK / SAMPLE).exists():
        print(estimate(found, json.loads((WORK / SAMPLE).read_text(encoding="utf-8")), len(everything) - len(found)))
    return 0 if found and killed / len(found) >= MINIMUM else 1


def estimate(found: list[tuple[str, str]], drawn: dict, left: int) -> str:
    """The score of every mutant, from those checked in full and a random sample of the rest (a stratified estimate).

    The mutants checked before the sample was drawn are known exactly; the sample stands for every mutant that
    was unchecked then (``drawn["pool"]``), also for those checked later. ``left``: how many are still unchecked now.

    >>> print(estimate([("a", "killed"), ("b", "survived"), ("c", "killed")], {"seed": 1, "names": ["c"], "pool": ["c", "d"]}, 1))
    <BLANKLINE>
    Steekproef: 1 van 1 gedood (100.0%, 95%: 20.7%–100.0%), getrokken uit 2 ongecontroleerde (seed 1; nu nog 1).
    Geschat over alle 4: 75.0% (95%: 35.3%–75.0%).
    """
    status, pool = dict(found), set(drawn["pool"])
    in_sample = [status[name] for name in drawn["names"] if name in status]
    killed_sample = sum(1 for s in in_sample if s in KILLED)
    share = killed_sample / max(len(in_sample), 1)
    low, high = wilson(killed_sample, len(in_sample))
    exact = sum(1 for name, s in found if name not in pool and s in KILLED)
    total = sum(1 for name, _ in found if name not in pool) + len(pool)
    rate = lambda p: (exact + p * len(pool)) / total  # noqa: E731
    return (f"\nSteekproef: {killed_sample} van {len(in_sample)} gedood ({share:.1%}, 95%: {low:.1%}–{high:.1%}), "
            f"getrokken uit {len(pool)} ongecontroleerde (seed {drawn['seed']}; nu nog {left}).\n"
            f"Geschat over alle {total}: {rate(share):.1%} (95%: {rate(low):.1%}–{rate(high):.1%}).")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
