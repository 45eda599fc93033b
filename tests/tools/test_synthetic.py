"""Synthetic content for benchmarks: valid, realistic, repeatable, and never in the real folders."""

from __future__ import annotations

import statistics

import pytest

from kennisbank.model.checks import Layout, check_all
from kennisbank.model.problems import Severity
from kennisbank.tools.synthetic import make_repo

from ..conftest import TODAY


@pytest.fixture(scope="module")
def repo(tmp_path_factory, root):
    return make_repo(root, tmp_path_factory.mktemp("syn") / "repo", 40, today=TODAY)


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_counts_and_proportions(repo):
    assert (len(repo.programmes), len(repo.practices), len(repo.guides)) == (40, 8, 3)
    assert all(p.exists() for p in (*repo.programmes, *repo.practices, *repo.guides))


def test_everything_it_writes_is_valid(repo):
    catalogue = check_all(Layout(repo.root), today=TODAY)
    assert [p.format() for p in catalogue.problems if p.severity is Severity.ERROR] == []
    synthetic = [p for p in catalogue.problems if "fictief" in p.path]
    assert synthetic == []  # not even a warning: every entry was checked within the last year
    slugs = {p.slug for p in catalogue.programmes} | {p.slug for p in catalogue.practices} | {p.slug for p in catalogue.pages}
    assert {p.stem for p in (*repo.programmes, *repo.practices, *repo.guides)} <= slugs


def test_real_content_is_copied_too(repo, root):
    for name in ("content/index.md", "good_practices/fsan.md", "programmas/fsan-vrouwenbesnijdenis.yml", "mkdocs.yml", "data/gemeenten.csv"):
        assert (repo.root / name).read_bytes() == (root / name).read_bytes()


def test_entries_work_in_real_municipalities_and_link_to_programmes(repo):
    catalogue = check_all(Layout(repo.root), today=TODAY)
    synthetic = [p for p in catalogue.programmes if p.slug.startswith("fictief")]
    municipalities = {m for p in synthetic for m in p.area.municipalities}
    assert len(municipalities) > 20
    assert {p.programme for p in catalogue.practices if p.slug.startswith("fictief") and p.programme} <= {p.slug for p in synthetic}


def test_practices_are_about_as_long_as_the_real_ones(repo, root):
    real = statistics.mean(len(p.read_text(encoding="utf-8")) for p in (root / "good_practices").glob("*.md"))
    fake = statistics.mean(len(p.read_text(encoding="utf-8")) for p in repo.practices)
    assert 0.5 * real < fake < 2 * real


def test_same_seed_same_files(tmp_path, root):
    first = make_repo(root, tmp_path / "a", 15, today=TODAY)
    second = make_repo(root, tmp_path / "b", 15, today=TODAY)
    third = make_repo(root, tmp_path / "c", 15, seed=9, today=TODAY)
    assert snapshot(first.root) == snapshot(second.root)
    assert snapshot(first.root) != snapshot(third.root)


@pytest.mark.parametrize("inside", [".", "content", "good_practices/extra", "programmas"])
def test_never_writes_into_the_real_folders(root, inside):
    before = sorted(p.name for p in (root / "good_practices").iterdir())
    with pytest.raises(ValueError, match="niet in de echte bronmappen"):
        make_repo(root, root / inside, 3)
    assert sorted(p.name for p in (root / "good_practices").iterdir()) == before
