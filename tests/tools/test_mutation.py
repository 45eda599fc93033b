"""scripts/mutation.py, the thin layer around mutmut: its settings, its score per module, its work folder."""

from __future__ import annotations

import doctest
import importlib.util
import json
import subprocess
import sys
import tomllib

import pytest

from ..conftest import ROOT

_spec = importlib.util.spec_from_file_location("mutation", ROOT / "scripts" / "mutation.py")
mutation = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mutation)


def test_the_settings_mutate_the_model_and_the_exports_with_their_tests():
    settings = tomllib.loads(mutation.config())["tool"]["mutmut"]
    assert settings["only_mutate"] == ["src/kennisbank/model/*", "src/kennisbank/pages/exports.py"]
    assert settings["pytest_add_cli_args_test_selection"] == mutation.TESTS
    assert "not browser and not site" in settings["pytest_add_cli_args"]
    assert {f"--deselect={test}" for test in mutation.LEFT_OUT} <= set(settings["pytest_add_cli_args"])
    assert settings["timeout_multiplier"] == mutation.TIMEOUT_MULTIPLIER


def test_every_selected_test_exists():
    assert [t for t in mutation.TESTS + mutation.LEFT_OUT if not (ROOT / t.split("::")[0]).exists()] == []


def test_the_score_per_module_counts_killed_timeouts_and_type_checks_as_killed():
    found = [("kennisbank.model.fields.x_a__mutmut_1", "killed"), ("kennisbank.model.fields.x_a__mutmut_2", "timeout"),
             ("kennisbank.model.fields.xǁFieldǁcheck__mutmut_3", "survived"), ("kennisbank.pages.exports.x_b__mutmut_1", "no tests"),
             ("kennisbank.pages.exports.x_b__mutmut_2", "caught by type check")]
    assert mutation.per_module(found) == {"kennisbank.model.fields": (2, 3), "kennisbank.pages.exports": (1, 2)}


def test_the_work_folder_is_ignored_by_git():
    assert "/.mutation/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_every_mutated_module_has_its_own_tests_for_the_second_round():
    modules = [*(ROOT / "scripts" / "kennisbank" / "model").glob("[!_]*.py"), ROOT / "scripts" / "kennisbank" / "pages" / "exports.py"]
    names = [f"kennisbank.{m.parent.name}.{m.stem}.x_f__mutmut_1" for m in modules]
    missing = [test for name in names for test in mutation.own_tests(name) if not (ROOT / test).exists()]
    assert len(names) >= 14 and missing == []


def test_the_examples_in_the_script_hold():
    """sample(), wilson(), estimate(), own_tests() and per_module() show their results in their docstrings."""
    result = doctest.testmod(mutation)
    assert result.attempted >= 7 and result.failed == 0


@pytest.mark.parametrize("workers", [1, 2])
def test_the_second_round_kills_on_a_failure_a_broken_collection_or_a_timeout(tmp_path, monkeypatch, workers):
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    (tmp_path / "mutants" / "tests" / "model").mkdir(parents=True)
    (tmp_path / "mutants" / "tests" / "model" / "test_fields.py").write_text("", encoding="utf-8")
    codes = {None: 0, "m.model.fields.x_a__mutmut_1": 1, "m.model.fields.x_a__mutmut_2": 2, "m.model.fields.x_a__mutmut_3": 0,
             "m.model.fields.x_a__mutmut_4": None, "m.model.fields.x_a__mutmut_5": 5, "m.model.fields.x_a__mutmut_6": 4}
    monkeypatch.setattr(mutation, "_own_tests_fail", lambda tests, mutant: codes[mutant])
    found = mutation.second_round([name for name in codes if name], workers=workers)
    assert found == {"m.model.fields.x_a__mutmut_1": True, "m.model.fields.x_a__mutmut_2": True, "m.model.fields.x_a__mutmut_3": False,
                     "m.model.fields.x_a__mutmut_4": True, "m.model.fields.x_a__mutmut_5": False, "m.model.fields.x_a__mutmut_6": True}
    # A second run keeps the verdicts while tests and functions are the same, and runs again after a test changed.
    monkeypatch.setattr(mutation, "_own_tests_fail", lambda tests, mutant: pytest.fail("ran again"))
    assert mutation.second_round([name for name in codes if name]) == found
    (tmp_path / "mutants" / "tests" / "model" / "test_fields.py").write_text("# changed\n", encoding="utf-8")
    monkeypatch.setattr(mutation, "_own_tests_fail", lambda tests, mutant: 0)
    assert mutation.second_round(["m.model.fields.x_a__mutmut_1"]) == {"m.model.fields.x_a__mutmut_1": False}


def test_the_second_round_kills_nothing_when_the_tests_fail_without_a_mutant(tmp_path, monkeypatch):
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    monkeypatch.setattr(mutation, "_own_tests_fail", lambda tests, mutant: 1)
    assert mutation.second_round(["m.model.fields.x_a__mutmut_1"]) == {"m.model.fields.x_a__mutmut_1": False}


def test_the_script_runs_as_a_command():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "mutation.py"), "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "--sample" in done.stdout and "--second-round-only" in done.stdout


def test_a_survivor_judged_without_its_exit_code_is_judged_again(tmp_path, monkeypatch):
    """Verdicts of an older round kept no exit code; a survivor among them may be killed by today's rules (code 4)."""
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    (tmp_path / "mutants" / "tests" / "model").mkdir(parents=True)
    (tmp_path / "mutants" / "tests" / "model" / "test_fields.py").write_text("", encoding="utf-8")
    key = f"{mutation._tests_hash()}:"
    (tmp_path / mutation.SECOND_ROUND).write_text(json.dumps({"verdicts": {
        "m.model.fields.x_a__mutmut_1": {"key": key, "killed": False},
        "m.model.fields.x_a__mutmut_2": {"key": key, "killed": True}}}), encoding="utf-8")
    monkeypatch.setattr(mutation, "_own_tests_fail", lambda tests, mutant: 4 if mutant else 0)
    assert mutation.second_round(["m.model.fields.x_a__mutmut_1", "m.model.fields.x_a__mutmut_2"]) == {
        "m.model.fields.x_a__mutmut_1": True, "m.model.fields.x_a__mutmut_2": True}
