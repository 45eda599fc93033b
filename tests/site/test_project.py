"""Building never replaces the project or its sources, and a killed build leaves nothing behind for long."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kennisbank.site import project, searchindex

from ..conftest import run_cli


@pytest.mark.parametrize("site_dir", [".", "..", "content", "content/site", "good_practices", "programmas", "data", "overrides",
                                      "scripts", ".git", "mkdocs.yml", "tests"])
def test_build_refuses_a_site_dir_that_would_replace_sources(site_dir, scratch, capsys):
    (scratch / "scripts").mkdir()
    (scratch / ".git").mkdir()
    (scratch / "tests").mkdir()
    (scratch / "tests" / "test_x.py").write_text("x = 1\n", encoding="utf-8")
    before = sorted(p.relative_to(scratch.parent).as_posix() for p in scratch.parent.rglob("*"))
    assert run_cli(scratch, "build", "--site-dir", site_dir) == 1
    assert "--site-dir: " in capsys.readouterr().err
    assert sorted(p.relative_to(scratch.parent).as_posix() for p in scratch.parent.rglob("*")) == before


def test_stale_staging_of_a_dead_build_is_removed_and_a_running_ones_kept(tmp_path):
    target = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    pid = int(dead.stdout)
    stale = [tmp_path / f".site.new-{pid}-abc", tmp_path / f"site.old-{pid}", tmp_path / f".zoekindex-{pid}-x", tmp_path / ".site.new-oud",
             tmp_path / f".site.new-{pid}-abc.deel-1-xyz"]  # a render helper's folder (parallel.py)
    running = tmp_path / f".site.new-{os.getpid()}-abc"
    for folder in [*stale, running]:
        (folder / "a").mkdir(parents=True)
    copies = searchindex.Seen.writing_copies(target)  # the short copies for the search index of a build that runs
    assert sorted(project.remove_stale_staging(target)) == sorted(stale)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, copies.folder.name])


def test_a_killed_build_leaves_no_staging_after_the_next_build(scratch):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.Popen([str(Path(sys.executable).parent / "kennisbank"), "build"], cwd=scratch, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(scratch.glob(".site.new-*")) and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.05)
    assert build.poll() is None, "the build ended before it could be killed"
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert list(scratch.glob(".site.new-*"))  # left behind by the kill
    assert run_cli(scratch, "build") == 0
    assert [p.name for p in scratch.iterdir() if p.name.startswith((".site", "site.", ".zoekindex"))] == []


def test_a_build_runs_the_garbage_collector_less_often_and_restores_it(monkeypatch):
    before = gc.get_threshold()
    seen = []
    monkeypatch.setattr(project, "_check_and_build", lambda root, site_dir, strict: seen.append(gc.get_threshold()) or 0)
    assert project.check_and_build(Path("."), "site", strict=False) == 0
    assert seen == [project.BUILD_GC_THRESHOLDS] and gc.get_threshold() == before

    def failing(root, site_dir, strict):
        raise KeyboardInterrupt
    monkeypatch.setattr(project, "_check_and_build", failing)
    with pytest.raises(KeyboardInterrupt):
        project.check_and_build(Path("."), "site", strict=False)
    assert gc.get_threshold() == before
