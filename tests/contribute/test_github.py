"""The GitHub set-up: workflows, issue forms, templates, CODEOWNERS, pre-commit and CONTRIBUTING.md.

The YAML files are validated against GitHub's schemas as vendored by the PyPI
package check-jsonschema, so no internet is needed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kennisbank.contribute.forms import FORMS, FORMS_FOLDER
from kennisbank.pages.shareimage import drawing_version
from kennisbank.pages.sharing import default_cache
from kennisbank.tools.cli import parser

from ..conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORM_FILES = sorted(p for p in (ROOT / FORMS_FOLDER).glob("*.yml") if p.name != "config.yml")
REPO = "https://github.com/kennisbank-sleutelpersonen/kennisbank"
SITE = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
BIN = Path(sys.executable).parent


def check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize(("schema", "files"), [
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.github-issue-forms", FORM_FILES),
    ("vendor.github-issue-config", [ROOT / FORMS_FOLDER / "config.yml"]),
], ids=["workflows", "issue-forms", "issue-config"])
def test_yaml_is_valid_for_github(schema, files):
    assert files
    result = check_jsonschema(schema, files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_itself_catches_a_broken_form(tmp_path):
    broken = tmp_path / "kapot.yml"
    broken.write_text("name: Kapot\ndescription: x\nbody:\n  - type: invoer\n    id: a\n", encoding="utf-8")
    assert check_jsonschema("vendor.github-issue-forms", [broken]).returncode != 0


def test_expected_workflows_exist():
    names = {p.stem for p in WORKFLOWS}
    assert {"controle", "publiceren", "links", "formulier"} <= names


def workflow(name: str) -> dict:
    data = yaml.safe_load((GITHUB / "workflows" / f"{name}.yml").read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key 'on' as true
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_pull_requests_are_checked_built_and_tested():
    data = workflow("controle")
    assert "pull_request" in data["on"]
    runs = [s.get("run", "") for s in steps(data)]
    assert ".venv/bin/kennisbank check" in runs
    assert ".venv/bin/kennisbank build" in runs
    assert "python3 dev.py test" in runs


def test_main_is_deployed_to_pages():
    data = workflow("publiceren")
    assert data["on"]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "").split("@")[0] for s in steps(data)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_deploys_keep_the_build_cache_keyed_on_the_drawing(monkeypatch):
    """The share images are cached between deploys; a change of the drawing code starts a new cache."""
    monkeypatch.delenv("KENNISBANK_CACHE", raising=False)
    data = workflow("publiceren")
    found = steps(data)
    names = [s.get("uses", "").split("@")[0] or s.get("name") for s in found]
    cache = next(s for s in found if s.get("uses", "").startswith("actions/cache@"))
    assert names.index("actions/cache") < names.index("Site bouwen (streng)")
    assert cache["with"]["path"] == default_cache(Path(".")).parent.as_posix()
    assert cache["with"]["key"].startswith("kennisbank-bouwcache-${{ steps.bouwcache.outputs.tekening }}-")
    assert cache["with"]["restore-keys"].strip() == "kennisbank-bouwcache-${{ steps.bouwcache.outputs.tekening }}-"
    key_step = next(s for s in found if s.get("id") == "bouwcache")
    snippet = re.search(r"python -c '([^']+)'", key_step["run"]).group(1)
    printed = subprocess.run([sys.executable, "-c", snippet], capture_output=True, text=True, check=True).stdout.strip()
    assert printed == drawing_version()


def test_link_check_is_weekly_and_opens_an_issue():
    data = workflow("links")
    assert "schedule" in data["on"]
    uses = [s.get("uses", "").split("@")[0] for s in steps(data)]
    assert "lycheeverse/lychee-action" in uses and "peter-evans/create-issue-from-file" in uses


def test_form_workflow_reacts_to_the_form_labels_and_opens_a_pull_request():
    text = (GITHUB / "workflows" / "formulier.yml").read_text(encoding="utf-8")
    for kind in ("praktijk", "programma"):
        for label in FORMS[kind].labels:
            assert f"'{label}'" in text
    data = workflow("formulier")
    assert data["on"]["issues"]["types"] == ["opened", "edited", "labeled"]
    uses = [s.get("uses", "").split("@")[0] for s in steps(data)]
    assert "peter-evans/create-pull-request" in uses


UNTRUSTED = re.compile(r"\$\{\{\s*github\.(event\.(issue|pull_request|comment|review|head_commit)|head_ref)")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_untrusted_text_in_shell_scripts(path):
    """Issue and pull-request text reaches a script only through an environment variable (no script injection)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for job in data["jobs"].values():
        for step in job.get("steps", []):
            run = step.get("run", "")
            bad = [m.group(0) for m in UNTRUSTED.finditer(run) if "number" not in run[m.end():m.end() + 20]]
            assert not bad, f"{path.name}: {step.get('name')}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_only_use_existing_commands(path):
    commands = set(parser()._subparsers._group_actions[0].choices)
    used = re.findall(r"kennisbank ([a-z-]+)", path.read_text(encoding="utf-8"))
    assert set(used) <= commands


def test_pre_commit_config_is_valid_and_runs_check_and_ruff():
    result = subprocess.run([str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: (repo["repo"], h) for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["ruff-check"][0] == "https://github.com/astral-sh/ruff-pre-commit"
    assert hooks["kennisbank-check"][0] == "local"
    assert hooks["kennisbank-check"][1]["entry"].endswith("kennisbank check")


def test_codeowners_and_pull_request_template():
    assert re.search(r"^\*\s+@kennisbank-sleutelpersonen/redactie$", (GITHUB / "CODEOWNERS").read_text(encoding="utf-8"), re.MULTILINE)
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", template, re.MULTILINE)) >= 5
    assert "kennisbank check" in template and "sleutelpersonen" in template


# --- CONTRIBUTING.md ---------------------------------------------------------------------------

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
LINKS = re.findall(r"\]\(([^)\s]+)\)", CONTRIBUTING)


def test_contributing_names_the_three_routes():
    for heading in ("### 1. Een formulier invullen", "### 2. In de webeditor van GitHub", "### 3. Op je eigen computer"):
        assert heading in CONTRIBUTING
    assert "kennisbank new" in CONTRIBUTING and "kennisbank check" in CONTRIBUTING


def test_contributing_links_to_content_model_and_style_guide():
    assert f"{SITE}bijdragen/inhoudsmodel/" in LINKS and f"{SITE}bijdragen/schrijfwijzer/" in LINKS


def test_contributing_site_links_exist(built_site):
    for url in (u for u in LINKS if u.startswith(SITE)):
        assert (built_site / url.removeprefix(SITE) / "index.html").exists(), url


def test_contributing_form_links_exist():
    forms = [u for u in LINKS if u.startswith(f"{REPO}/issues/new")]
    assert len(forms) == 3
    for url in forms:
        assert (ROOT / FORMS_FOLDER / re.search(r"template=([\w.-]+)", url).group(1)).is_file(), url


def test_contributing_repository_links_exist():
    for url in (u for u in LINKS if not u.startswith(("http://", "https://", "#"))):
        assert (ROOT / url).exists(), url
