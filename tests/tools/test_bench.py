"""The benchmark keeps working: a small run of every part. Timings are printed, never asserted."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest

from kennisbank.model.checks import Layout, check_all
from kennisbank.model.problems import errors
from kennisbank.tools import bench, cli
from kennisbank.tools.synthetic import make_repo

BUILD_KEYS = {"wall_s", "cpu_s", "startup_s", "loading_validation_s", "generation_s", "plugin_hooks_s", "mkdocs_s",
              "search_index_s", "own_s", "own_share", "search_index_share", "peak_rss_mb", "python_peak_rss_mb",
              "search_index_peak_rss_mb", "tree_peak_rss_mb", "tree_peak_pss_mb"}
POSITIVE = {
    "build": BUILD_KEYS - {"plugin_hooks_s"},
    "plain": {"plain_mkdocs_s", "ours_without_search_s", "ratio", "own_share_of_ours"},
    "site": {"bytes", "files", "pagefind_bytes", "html_pages", "html_bytes", "avg_html_bytes"},
    "map": {"transferred_bytes", "requests", "load_s"},
    "form": {"transferred_bytes", "requests", "after_check_bytes", "after_check_requests"},
    "search": {"transferred_bytes", "requests", "results", "first_result_ms", "search_ms", "warm_query_ms"},
    "search_rare": {"transferred_bytes", "requests", "results", "first_result_ms", "search_ms", "warm_query_ms"},
    "serve": {"startup_s", "rebuild_s", "rebuild_with_search_s", "rebuild_cpu_s"},
}


@pytest.fixture(scope="module")
def small_run(tmp_path_factory, root):
    """`kennisbank bench --sizes 50 --json …` on the real repository, browser and serve included."""
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    # A child process: the benchmark drives its own Playwright, which cannot run inside the
    # session's Playwright (the `browser` fixture) in the same thread.
    result = subprocess.run([sys.executable, "-m", "kennisbank.tools.cli", "bench", "--sizes", "50", "--json", str(out)],
                            cwd=root, capture_output=True, text=True, check=False)
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.browser
def test_small_run_writes_every_figure(small_run, capsys):
    with capsys.disabled():
        print("\n" + bench.table(small_run))
    assert set(small_run) == {"date", "versions", "sizes"}
    assert {"python", "cpus", "mkdocs", "mkdocs-material", "pagefind"} <= set(small_run["versions"])
    [size] = small_run["sizes"]
    assert (size["size"], size["programmes"], size["practices"]) == (50, 50, 10)
    for part, keys in POSITIVE.items():
        assert keys <= set(size[part]), part
        for key in keys:
            assert isinstance(size[part][key], (int, float)) and size[part][key] > 0, (part, key, size[part][key])
    assert size["build"]["missing_hooks"] == []
    assert 0 <= size["serve"]["idle_cpu_share"] < 1  # serve waits for edits without keeping a core busy
    assert set(size["build"]["cpu"]) == set(bench.split({}, 1.0))
    assert size["site"]["largest_pages"][0]["bytes"] > 0
    assert (size["search"]["query"], size["search_rare"]["query"]) == (bench.SEARCH_QUERY, bench.RARE_QUERY)
    assert list(size["typing"]) == [bench.WIDE_QUERY, bench.SEARCH_QUERY, bench.RARE_QUERY]
    for query, typed in size["typing"].items():
        assert typed["query"] == query and len(typed["runs_ms"]) == bench.TYPING_RUNS
        assert typed["first_result_ms"] > 0 and typed["transferred_bytes"] > 0 and typed["requests"] > 0
    assert size["typing"][bench.WIDE_QUERY]["results_shown"] > 0  # the first results, not only a status
    # The map may not have a filter yet: then the figure is missing with a note saying why.
    assert size["map"]["filter_ms"] is not None or size["map"]["note"]


def test_pss_divides_the_pages_that_a_forked_child_shares():
    """RSS counts memory shared after a fork in both processes; PSS counts it once, split between them."""
    shared = bytearray(200 * 1024 * 1024)  # touched, so resident, and shared with the child until either writes
    shared[::4096] = b"x" * len(shared[::4096])
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(reader)
        os.write(writer, b"1")
        time.sleep(30)
        os._exit(0)
    try:
        os.close(writer)
        assert os.read(reader, 1) == b"1"
        tree = bench.tree_pids(os.getpid())
        assert child in tree and tree[0] == os.getpid()
        rss, pss = sum(map(bench.rss, tree)), sum(map(bench.pss, tree))
        assert rss - pss > 150 * 1024 * 1024  # the 200 MB counted twice in RSS, once in PSS
        assert 0 < bench.pss(child) < bench.rss(child)
    finally:
        os.kill(child, 9)
        os.waitpid(child, 0)
        os.close(reader)


def test_table_has_a_row_per_figure_and_a_dash_when_missing():
    size = {"size": 10, "programmes": 10, "practices": 2, "site": {"html_pages": 5, "bytes": 1, "avg_html_bytes": 1, "largest_pages": []},
            "build": {"wall_s": 2.0, "cpu_s": 3.0, "missing_hooks": []}, "plain": {}, "map": {"note": "geen kaart"},
            "search": {}, "search_rare": {}, "serve": {}}
    text = bench.table({"sizes": [size]})
    lines = text.splitlines()
    assert lines[0] == "| Meting | 10 |"
    assert len([line for line in lines if line.startswith("| ")]) == len(bench.ROWS) + 2
    assert "| Bouwen, lege beeldcache: totaal (wand / CPU) | 2.0 s / 3.0 s |" in lines
    assert "| Kaart: filter toepassen | – |" in lines
    assert "- 10, map: geen kaart" in lines


def test_without_chromium_every_browser_figure_says_why_and_the_table_still_comes(tmp_path, monkeypatch):
    missing = tmp_path / "geen-chromium"
    monkeypatch.setattr(bench, "CHROMIUM", str(missing))
    figures = bench.measure_browser(tmp_path)
    assert figures["typing"] == {}
    for part in ("map", "form", "search", "search_rare"):
        assert figures[part] == {"note": f"{missing} ontbreekt"}, part
    size = {"size": 10, "programmes": 10, "practices": 2, "site": {"html_pages": 5, "bytes": 1, "avg_html_bytes": 1, "largest_pages": []},
            "build": {"wall_s": 2.0, "cpu_s": 3.0, "missing_hooks": []}, "plain": {}, "serve": {}, **figures}
    lines = bench.table({"sizes": [size]}).splitlines()
    assert f"- 10, map: {missing} ontbreekt" in lines and "| Zoekveld 'vrijwilligers': na laatste toets tot eerste resultaten | – |" in lines


def test_without_worksheets_the_guides_stay_valid_and_hold_none(tmp_path, root):
    repo = make_repo(root, tmp_path / "repo", 5)
    before = check_all(Layout(repo.root))
    sheets = sum(len(page.worksheets) for page in before.pages)
    assert sheets >= 5 and bench.without_worksheets(repo.root) == 2 * sheets
    after = check_all(Layout(repo.root))
    assert errors(after.problems) == [] and not any(page.worksheets for page in after.pages)
    assert len(after.pages) == len(before.pages)


def test_split_adds_up_our_steps_and_leaves_mkdocs_the_rest():
    parts = bench.split({"precheck": 1.0, "build_site": 4.5, "generation": 2.0, "plugin_hooks": 0.5, "share_images": 1.0, "search_index": 3.0,
                         "worksheet_files": 0.25, "sanitise": 0.25}, 12.0)
    assert parts["mkdocs_s"] == pytest.approx(4.5)
    assert parts["own_s"] == pytest.approx(5.0)
    assert (parts["share_images_s"], parts["worksheet_files_s"], parts["sanitise_s"]) == pytest.approx((1.0, 0.25, 0.25))
    assert parts["own_share"] == pytest.approx(5.0 / 12)
    assert parts["own_with_search_share"] == pytest.approx(8.0 / 12)
    assert parts["search_index_share"] == pytest.approx(0.25)


def test_timers_count_a_step_inside_another_for_the_inner_step_only():
    timers = bench.Timers()
    inner = timers.wrap("inner", lambda: time.sleep(0.05))

    def outer_work():
        time.sleep(0.02)
        inner()

    timers.wrap("outer", outer_work)()
    assert timers.seconds["inner"] == pytest.approx(0.05, abs=0.04)
    assert timers.seconds["outer"] == pytest.approx(0.02, abs=0.015)
    assert timers.seconds["outer"] < timers.seconds["inner"]


def test_local_server_compresses_text_like_a_real_one(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>hallo</p>" * 200, encoding="utf-8")
    (tmp_path / "b.pf_index").write_bytes(b"\x00\x01" * 50)
    with bench.serve_site(tmp_path) as base:
        request = urllib.request.Request(base + "a/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = response.read()
        assert len(body) < 200 and gzip.decompress(body).decode() == "<p>hallo</p>" * 200
        with urllib.request.urlopen(base + "b.pf_index") as response:
            assert response.headers["Content-Encoding"] is None and response.read() == b"\x00\x01" * 50
        with urllib.request.urlopen(base + bench.BLANK) as response:
            assert b"<title>leeg</title>" in response.read()


def test_sizes_must_be_numbers(root, capsys):
    cwd = os.getcwd()
    os.chdir(root)
    try:
        assert cli.main(["bench", "--sizes", "honderd"]) == 2
    finally:
        os.chdir(cwd)
    assert "--sizes: 'honderd' is geen lijst van getallen" in capsys.readouterr().err


def test_every_build_gets_a_new_folder_and_nothing_is_deleted_between_builds(tmp_path, monkeypatch):
    """Deleting a site just before the next build slowed that build (ext4 without a journal); see measure_builds."""
    made: list[tuple[str, str]] = []

    def fake_build(repo, site, cache):
        assert not site.exists(), site
        made.append(("site", site.name))
        site.mkdir()
        cache.mkdir(exist_ok=True)  # the warm builds reuse the first round's cache
        made.append(("cache", cache.name))
        seconds = 10.0 + len(made)
        return {"mkdocs_s": seconds, "own_s": 1.0, "in_process_s": seconds + 2, "cpu_s": seconds, "load_average": [0, 0]}

    def fake_plain(repo, work):
        assert not work.exists(), work
        made.append(("plain", work.name))
        work.mkdir()
        return {"plain_mkdocs_s": 10.0, "plain_mkdocs_cpu_s": 10.0, "load_average": [0, 0], "tree_peak_rss_mb": 1.0}

    monkeypatch.setattr(bench, "settle", lambda: made.append(("settle", "")))
    monkeypatch.setattr(bench, "measure_build", fake_build)
    monkeypatch.setattr(bench, "measure_plain", fake_plain)
    result = bench.measure_builds(tmp_path / "repo", tmp_path, 3, log=lambda line: None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache-1", "cache-2", "cache-3", "plain-1", "plain-2", "plain-3",
                                                          "site-1", "site-2", "site-3", "site-warm-1", "site-warm-2",
                                                          "site-warm-3"]
    assert [name for kind, name in made if kind == "cache"] == ["cache-1", "cache-1", "cache-1", "cache-2", "cache-3", "cache-1"]
    kinds = [kind for kind, _ in made if kind != "cache"]
    assert kinds[::2] == ["settle"] * 9 and "settle" not in kinds[1::2]  # right before each of the nine builds
    middle = result["plain"]["round"]
    assert result["site_dir"] == str(tmp_path / f"site-{middle + 1}")
    assert result["build"] is result["build_runs"][middle]
