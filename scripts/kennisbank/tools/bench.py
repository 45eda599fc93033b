"""``kennisbank bench``: how fast and how big the site is at 100, 1,000 and 10,000 entries.

Per size it writes a synthetic repository (:mod:`kennisbank.synthetic`) into a
temporary folder and measures:

- the whole ``kennisbank build`` in a child process: wall time, peak memory, and
  the split into loading + validation, generation, our per-page hooks, mkdocs and
  search indexing (timers put around the plugin's steps inside that child);
- a plain ``mkdocs build`` of the same generated Markdown without our plugin,
  in another child, to show what our own steps add;
- the site on disk: size, HTML bytes per page, the largest pages;
- in Chromium (Playwright): what the social map transfers on first load (gzip)
  and how long a filter takes, what the contribution form (bijdragen/aanmelden/) transfers on first
  load and after its first check (when Ajv and the schemas are loaded too), and what one search query transfers through
  Pagefind's own JavaScript API and how long its first result takes;
- while ``kennisbank serve`` runs: how long a rebuild after editing one good
  practice takes until the served page shows the change.

It prints the figures and writes them as JSON. It never asserts on them: speed
goals are read from the output, not tested. A figure that cannot be measured
(no browser, no filter on the map page yet, no search index) is ``null`` with a
note saying why.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import gzip
import importlib
import json
import os
import platform
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

from ..model.checks import GUIDES_FOLDER
from ..model.worksheets import find_markers
from ..site import parallel, project
from .synthetic import make_repo

DEFAULT_SIZES = (100, 1000, 10000)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
WIDE_QUERY = "sleutelpersonen"  # on nearly every page: the heaviest query
SEARCH_QUERY = "vrijwilligers"  # on about half of the pages
RARE_QUERY = "Zoetermeer"  # a municipality: on a few pages, like most real queries
#: Time between two keys when the benchmark types a query: a quick typist (slower typing
#: gives the search more time to get ready, so this is the harder case).
TYPING_MS = 120
#: Each typed query is measured this many times, each in a fresh browser context; the median counts.
TYPING_RUNS = 3
MAP_PATH = "sociale-kaart/"
FORM_PATH = "bijdragen/aanmelden/"
SERVE_TIMEOUT_S = 1800.0
IDLE_S = 5.0  # how long serve is watched doing nothing, for the CPU it uses meanwhile
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".geojson", ".map"}
MB = 1024 * 1024


# --- timing inside the build child ----------------------------------------------------

def cpu_seconds() -> float:
    """CPU time of this process and of the children it has waited for (Pagefind)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Timers:
    """Wall and CPU seconds spent per named step, summed over calls.

    Time in a step that is timed inside another one (``generate`` inside the plugin's
    ``on_config``) counts for the inner step only, so the steps add up. CPU time is kept too
    because wall time on a busy machine says more about the machine than about the build.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._inner: list[list[float]] = []  # per running step: wall and CPU of the steps inside it

    def wrap(self, name: str, function: Callable) -> Callable:
        """``function``, adding its run time to step ``name``."""

        @functools.wraps(function)
        def timed(*args, **kwargs):
            start, cpu = time.perf_counter(), cpu_seconds()
            self._inner.append([0.0, 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                wall, used = time.perf_counter() - start, cpu_seconds() - cpu
                inner_wall, inner_cpu = self._inner.pop()
                self.seconds[name] = self.seconds.get(name, 0.0) + wall - inner_wall
                self.cpu[name] = self.cpu.get(name, 0.0) + used - inner_cpu
                if self._inner:
                    self._inner[-1][0] += wall
                    self._inner[-1][1] += used

        return timed


#: The plugin's hooks: our code that mkdocs calls, per build or per page.
PLUGIN_HOOKS = ("on_config", "on_files", "on_nav", "on_page_markdown", "on_page_content", "on_page_context", "on_env",
                "on_post_page", "on_post_build")

#: (module, attribute, step): the functions timed in the build child. They are the
#: architecture's named steps, so their names are stable; a missing one is reported.
#: A plugin hook that does not exist is not missing: the plugin just does not use it.
HOOKS = (
    ("kennisbank.site.project", "run_check", "precheck"),
    ("kennisbank.site.project", "build_site", "build_site"),
    ("kennisbank.site.project", "pregenerate", "generation"),  # in two processes on a large site (parallel.pregenerate)
    ("kennisbank.site.plugin", "check_all", "validation"),
    ("kennisbank.site.plugin", "generate_all", "generation"),
    ("kennisbank.pages.worksheets", "downloads", "worksheet_files"),  # the worksheets' ODT and DOCX files (pandoc)
    ("kennisbank.site.sanitise", "clean", "sanitise"),  # nh3 inside every Markdown conversion of mkdocs
    ("kennisbank.site.plugin", "run_pagefind", "search_index"),
    ("kennisbank.site.publicity", "write_images", "share_images"),
    *(("kennisbank.site.plugin.KennisbankPlugin", hook, "plugin_hooks") for hook in PLUGIN_HOOKS),
)


def install_timers(timers: Timers) -> list[str]:
    """Put timers around :data:`HOOKS`; return the hooks that were not found."""
    missing = []
    for module_name, attribute, step in HOOKS:
        owner: Any
        if module_name.endswith(".KennisbankPlugin"):
            owner = importlib.import_module(module_name.rsplit(".", 1)[0]).KennisbankPlugin
            if attribute not in vars(owner):
                continue
        else:
            owner = importlib.import_module(module_name)
        if not hasattr(owner, attribute):
            missing.append(f"{module_name}.{attribute}")
            continue
        setattr(owner, attribute, timers.wrap(step, getattr(owner, attribute)))
    return missing


def install_helper_timers(timers: Timers) -> None:
    """Count the work of the processes that render a share of the pages (site/parallel.py) too.

    A helper is a fork: it inherits the timers, starts them from zero, and at its end writes
    them next to its report. When the parent has waited for it, its whole CPU time is the
    parent's (in ``parallel.finish``); the helper's own steps move to their names, and what
    is left of it (rendering) counts for mkdocs. Wall time is the parent's: a helper runs
    beside it.
    """
    os.register_at_fork(after_in_child=lambda: (timers.seconds.clear(), timers.cpu.clear()))
    write_report, finish = parallel.write_report, timers.wrap("render_helpers", parallel.finish)

    def reporting(share, files, *rest) -> None:
        write_report(share, files, *rest)
        share.report.with_suffix(".timers.json").write_text(json.dumps(timers.cpu), encoding="utf-8")

    def finishing(share, files, log_level, *rest) -> None:
        reports = [helper.report.with_suffix(".timers.json") for helper, _ in share.helpers]
        finish(share, files, log_level, *rest)
        for report in reports:
            for step, cpu in json.loads(report.read_text(encoding="utf-8")).items():
                timers.cpu[step] = timers.cpu.get(step, 0.0) + cpu
                timers.cpu["render_helpers"] -= cpu

    parallel.write_report, parallel.finish = reporting, finishing


def child_build(repo: Path, site: Path, out: Path) -> int:
    """Run ``kennisbank build`` on ``repo`` with timers; write the timings to ``out``."""
    timers = Timers()
    missing = install_timers(timers)
    install_helper_timers(timers)
    os.chdir(repo)
    start, cpu = time.perf_counter(), cpu_seconds()
    with contextlib.redirect_stdout(sys.stderr):
        code = project.check_and_build(repo, site, strict=False)
    total, total_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    out.write_text(json.dumps({
        "exit_code": code, "in_process_s": total, "in_process_cpu_s": total_cpu, "steps": timers.seconds, "steps_cpu": timers.cpu,
        "missing_hooks": missing, "python_peak_kb": own.ru_maxrss, "subprocess_peak_kb": children.ru_maxrss,
    }))
    return code


def child_plain(repo: Path, work: Path, out: Path) -> int:
    """Build the already-generated Markdown with plain mkdocs; write its time to ``out``."""
    docs, site = work / "docs", work / "site"
    project.write_plain_docs(repo, docs)
    cpu = cpu_seconds()
    seconds = project.build_plain(repo, docs, site)
    out.write_text(json.dumps({"mkdocs_s": seconds, "mkdocs_cpu_s": cpu_seconds() - cpu,
                               "python_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
    return 0


def run_child(*args: str, env: dict[str, str] | None = None) -> tuple[float, Any, dict[str, Any], tuple[float, float]]:
    """Run ``python -m kennisbank.tools.bench <args>``; return wall seconds, its rusage, its JSON output and its memory
    peaks (RSS, PSS; MB)."""
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "kennisbank.tools.bench", *args, str(out)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(process.pid)
    stderr_lines: list[str] = []
    reader = threading.Thread(target=lambda: stderr_lines.extend(process.stderr), daemon=True)
    reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    peak = memory.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    reader.join(timeout=5)
    try:
        result = json.loads(out.read_text() or "{}")
    finally:
        out.unlink(missing_ok=True)
    if process.returncode != 0:
        tail = "".join(stderr_lines[-30:])
        raise RuntimeError(f"kennisbank.tools.bench {args[0]} faalde (code {process.returncode}):\n{tail}")
    return wall, usage, result, peak


# --- the measurements per size ---------------------------------------------------------

def split(steps: dict[str, float], total: float) -> dict[str, float]:
    """The build's parts from the timed steps; mkdocs is what is left of ``build_site`` (:class:`Timers`
    already took the steps inside it out).

    ``share_images_s`` is the wait for the share images after mkdocs has rendered (wall), or
    all the drawing in the worker processes (CPU): they are drawn while mkdocs renders.
    """
    search, images = steps.get("search_index", 0.0), steps.get("share_images", 0.0)
    loading = steps.get("precheck", 0.0) + steps.get("validation", 0.0)
    generation, hooks = steps.get("generation", 0.0), steps.get("plugin_hooks", 0.0)
    documents, sanitise = steps.get("worksheet_files", 0.0), steps.get("sanitise", 0.0)
    own = loading + generation + documents + hooks + sanitise + images
    return {
        "loading_validation_s": loading,
        "generation_s": generation,
        "worksheet_files_s": documents,
        "plugin_hooks_s": hooks,
        "sanitise_s": sanitise,
        "share_images_s": images,
        "mkdocs_s": steps.get("build_site", 0.0) + steps.get("render_helpers", 0.0),
        "render_helpers_s": steps.get("render_helpers", 0.0),
        "search_index_s": search,
        "own_s": own,
        "own_share": own / total,
        "own_with_search_share": (own + search) / total,
        "search_index_share": search / total,
    }


class TreeMemory:
    """The peaks of the summed memory of a process and everything it started, sampled.

    The rusage peaks of a process and of its largest child only bound the truth when they
    run one after the other; the image workers and Pagefind run beside the build.

    Two sums: resident memory (RSS) counts a page that forked render processes share with
    the main process once in every process, so it overstates what the build uses; the
    proportional share (PSS, Linux's ``smaps_rollup``) divides each shared page among the
    processes that share it, so its sum is the memory the machine gives the build.
    """

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval, self.peak, self.peak_pss = pid, interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            processes = tree_pids(self.pid)
            self.peak = max(self.peak, sum(map(rss, processes)))
            self.peak_pss = max(self.peak_pss, sum(map(pss, processes)))

    def stop(self) -> tuple[float, float]:
        """Stop sampling; the peaks of RSS and PSS in MB."""
        self._stop.set()
        self._thread.join()
        return self.peak / MB, self.peak_pss / MB


def tree_pids(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc; only ``pid`` elsewhere)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def rss(pid: int) -> int:
    """Resident bytes of one process (0 when gone or not on Linux)."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def pss(pid: int) -> int:
    """Proportional set size of one process in bytes (0 when gone or not on Linux)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def measure_build(repo: Path, site: Path, cache: Path) -> dict[str, Any]:
    """Wall time, CPU time, peak memory and the split of one full build, with share images cached in ``cache``."""
    load_before = os.getloadavg()[0]
    wall, usage, child, (tree_mb, tree_pss_mb) = run_child("child-build", str(repo), str(site), env={"KENNISBANK_CACHE": str(cache)})
    cpu = usage.ru_utime + usage.ru_stime
    python_mb, search_mb = child["python_peak_kb"] / 1024, child["subprocess_peak_kb"] / 1024
    return {
        "wall_s": wall,
        "in_process_s": child["in_process_s"],
        "in_process_cpu_s": child["in_process_cpu_s"],
        "startup_s": wall - child["in_process_s"],  # interpreter start, imports, and freeing everything at exit
        **split(child["steps"], wall),
        "cpu_s": cpu,
        "cpu": split(child["steps_cpu"], cpu),
        "peak_rss_mb": python_mb + search_mb,  # upper bound when they run one after the other
        "python_peak_rss_mb": python_mb,
        "search_index_peak_rss_mb": search_mb,
        "tree_peak_rss_mb": tree_mb,
        "tree_peak_pss_mb": tree_pss_mb,
        "load_average": [load_before, os.getloadavg()[0]],
        "missing_hooks": child["missing_hooks"],
    }


def measure_plain(repo: Path, work: Path) -> dict[str, Any]:
    """A plain mkdocs build of the generated Markdown (written first, not timed)."""
    load_before = os.getloadavg()[0]
    _, _, child, (tree_mb, tree_pss_mb) = run_child("child-plain", str(repo), str(work))
    return {"plain_mkdocs_s": child["mkdocs_s"], "plain_mkdocs_cpu_s": child["mkdocs_cpu_s"], "tree_peak_rss_mb": tree_mb,
            "tree_peak_pss_mb": tree_pss_mb,
            "load_average": [load_before, os.getloadavg()[0]]}


def compare(build: dict[str, Any], plain: dict[str, Any]) -> dict[str, Any]:
    """What our build adds to a plain mkdocs build of the same Markdown, measured right after it."""
    ours = build["mkdocs_s"] + build["own_s"]
    total = build["in_process_s"]  # everything, search index included; without the interpreter's start
    return {
        "plain_mkdocs_s": plain["plain_mkdocs_s"],
        "plain_mkdocs_cpu_s": plain["plain_mkdocs_cpu_s"],
        "ours_without_search_s": ours,
        "ours_total_s": total,
        "ratio": ours / plain["plain_mkdocs_s"],
        "ratio_total": total / plain["plain_mkdocs_s"],
        "ratio_cpu": build["cpu_s"] / plain["plain_mkdocs_cpu_s"],
        "own_share_of_ours": build["own_s"] / ours,
    }


def median_run(runs: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """The run with the median ``key`` (the lower middle one of an even number)."""
    return sorted(runs, key=lambda run: run[key])[(len(runs) - 1) // 2]


def measure_site(site: Path) -> dict[str, Any]:
    """Size on disk, HTML bytes per page, and the largest pages."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in files
             if p.suffix == ".html" and "pagefind" not in p.relative_to(site).parts]
    pages.sort(reverse=True)
    html_bytes = sum(size for size, _ in pages)
    return {
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "pagefind_bytes": sum(p.stat().st_size for p in files if "pagefind" in p.relative_to(site).parts),
        "html_pages": len(pages),
        "html_bytes": html_bytes,
        "avg_html_bytes": html_bytes / max(len(pages), 1),
        "largest_pages": [{"path": path, "bytes": size} for size, path in pages[:3]],
    }


# --- a local server that compresses like a real one -------------------------------------

BLANK = "__bench__/leeg.html"


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves the site, gzip-compressing text files when the browser accepts it."""

    cache: ClassVar[dict[tuple[str, float], bytes]] = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.lstrip("/").split("?")[0] == BLANK:
            return self._send(b"<!doctype html><html lang='nl'><title>leeg</title></html>", "text/html", compress=False)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the slash
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        key = (str(path), path.stat().st_mtime)
        if key not in self.cache:
            self.cache[key] = gzip.compress(path.read_bytes(), compresslevel=6)
        return self._send(self.cache[key], self.guess_type(str(path)), compress=True)

    def _send(self, body: bytes, content_type: str, compress: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_site(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 with gzip; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# --- in Chromium ----------------------------------------------------------------------

class Transfer:
    """Counts response bytes as transferred (compressed body plus headers)."""

    def __init__(self, page) -> None:
        self.finished: list[Any] = []
        page.on("requestfinished", lambda request: self.finished.append(request))

    def reset(self) -> None:
        self.finished.clear()

    def total(self) -> tuple[int, int]:
        """(bytes, number of requests) since the last reset."""
        total = 0
        for request in list(self.finished):
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return total, len(self.finished)


#: Times one filter change: choose another option (or type a municipality), then wait for
#: the page to change and for the next frame to be painted.
FILTER_JS = """
async () => {
  const main = document.querySelector('article') || document.body;
  const select = [...main.querySelectorAll('select')].find(s => s.options.length > 1 && !s.disabled);
  const input = main.querySelector('input[type=search], input[list], input[type=text]');
  const control = select || input;
  if (!control) return {note: 'geen filter (select of zoekveld) op de kaartpagina gevonden'};
  const changed = new Promise(resolve => {
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(true); });
    observer.observe(main, {subtree: true, childList: true, attributes: true, characterData: true});
    setTimeout(() => { observer.disconnect(); resolve(false); }, 3000);
  });
  const start = performance.now();
  if (select) { select.selectedIndex = 1; } else { input.value = 'Utrecht'; }
  control.dispatchEvent(new Event('input', {bubbles: true}));
  control.dispatchEvent(new Event('change', {bubbles: true}));
  const didChange = await changed;
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const ms = performance.now() - start;
  const what = control.tagName.toLowerCase() + (control.id ? '#' + control.id : control.name ? '[name=' + control.name + ']' : '');
  return didChange ? {ms, control: what} : {control: what, note: 'de filter veranderde niets op de pagina binnen 3 s'};
}
"""

#: One cold query through the site's own search module (zoeken.js: Pagefind with every part
#: of the index, word-list pages left out), without typing: load it, search, load the first results.
SEARCH_JS = """
async (query) => {
  const start = performance.now();
  const search = await import('/assets/javascripts/zoeken.js');
  await search.loadEngine();
  const searchStart = performance.now();
  const found = await search.find(query, {});
  const first = await Promise.all(found.results.slice(0, 5).map(r => r.data()));
  const end = performance.now();
  const warmStart = performance.now();
  const again = await search.find(query.slice(0, -1), {});
  if (again.results.length) await again.results[0].data();
  return {results: found.results.length, first_titles: first.map(d => d.meta && d.meta.title),
          cold_ms: end - start, search_ms: end - searchStart, warm_ms: performance.now() - warmStart};
}
"""


#: Watches the search box in the header: when the last key was typed, and when the outcome
#: for exactly what is in the box was on screen (the status names the query: the first
#: results, or that there are none).
TYPING_WATCH_JS = """
() => {
  const form = document.querySelector('[data-kb-zoekveld]');
  const input = form && form.querySelector('input');
  if (!input) return false;
  window.__kb = {last: null, found: null};
  input.addEventListener('input', () => { window.__kb.last = performance.now(); window.__kb.found = null; });
  new MutationObserver(() => {
    const status = form.querySelector('[data-kb-status]').textContent;
    if (window.__kb.last !== null && window.__kb.found === null && form.querySelector('[data-kb-lijst] li')
        && status.includes('\u201c' + input.value.trim() + '\u201d')) window.__kb.found = performance.now();
  }).observe(form, {subtree: true, childList: true, characterData: true});
  return true;
}
"""


def measure_typing(browser, base: str, query: str) -> dict[str, Any]:
    """Type ``query`` in the header search box like a person: ms from the last key to the first results.

    Each run opens the home page in a fresh context (nothing cached), presses ``/`` and types
    with :data:`TYPING_MS` between keys. Bytes are everything the search fetched in that time.
    """
    runs = []
    for _ in range(TYPING_RUNS):
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(base, wait_until="networkidle")
            if not page.evaluate(TYPING_WATCH_JS):
                return {"note": "geen zoekveld in de kop van de startpagina"}
            transfer = Transfer(page)
            page.keyboard.press("/")
            page.wait_for_timeout(300)  # the moment between choosing search and typing
            page.keyboard.type(query, delay=TYPING_MS)
            page.wait_for_function("() => window.__kb.found !== null", timeout=30_000)
            ms = page.evaluate("() => window.__kb.found - window.__kb.last")
            shown = page.locator("[data-kb-lijst] li").count()
            page.wait_for_load_state("networkidle")
            transferred, requests = transfer.total()
            runs.append({"ms": ms, "transferred_bytes": transferred, "requests": requests, "shown": shown})
        finally:
            context.close()
    middle = sorted(runs, key=lambda run: run["ms"])[len(runs) // 2]
    return {"query": query, "typing_ms": TYPING_MS, "runs_ms": [run["ms"] for run in runs],
            "first_result_ms": middle["ms"], "transferred_bytes": middle["transferred_bytes"], "requests": middle["requests"],
            "results_shown": middle["shown"]}


def skipped(note: str) -> dict[str, Any]:
    """The browser figures when they cannot be measured: each part says why; no query was typed."""
    return {**{part: {"note": note} for part in BROWSER_PARTS}, "typing": {}}


def measure_browser(site: Path) -> dict[str, Any]:
    """The map page and one search query in Chromium; skips with a note what it cannot measure."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return skipped("Playwright is niet geïnstalleerd (python3 dev.py test installeert het)")
    if not Path(CHROMIUM).exists():
        return skipped(f"{CHROMIUM} ontbreekt")
    with serve_site(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return {"map": measure_map(browser, base, site),
                    "form": measure_form(browser, base, site),
                    "typing": {query: measure_typing(browser, base, query) for query in (WIDE_QUERY, SEARCH_QUERY, RARE_QUERY)},
                    "search": measure_search(browser, base, site, SEARCH_QUERY),
                    "search_rare": measure_search(browser, base, site, RARE_QUERY)}
        finally:
            browser.close()


#: What measure_browser returns, each with a "note" when it could not be measured.
BROWSER_PARTS = ("map", "form", "typing", "search", "search_rare")


def measure_map(browser, base: str, site: Path) -> dict[str, Any]:
    """Bytes the map page transfers on first load, and the time one filter change takes."""
    if not (site / MAP_PATH / "index.html").exists():
        return {"note": f"{MAP_PATH} bestaat niet in de site"}
    context = browser.new_context()
    try:
        page = context.new_page()
        transfer = Transfer(page)
        start = time.perf_counter()
        page.goto(base + MAP_PATH, wait_until="networkidle")
        load_s = time.perf_counter() - start
        transferred, requests = transfer.total()
        result: dict[str, Any] = {"transferred_bytes": transferred, "requests": requests, "load_s": load_s, "filter_ms": None}
        found = page.evaluate(FILTER_JS)
        if "ms" in found:
            result["filter_ms"] = found["ms"]
        else:
            result["note"] = found["note"]
        result["filter_control"] = found.get("control")
        return result
    finally:
        context.close()


def measure_form(browser, base: str, site: Path) -> dict[str, Any]:
    """Bytes the contribution form transfers on first load, and in all once it has checked the (empty) form."""
    if not (site / FORM_PATH / "index.html").exists():
        return {"note": f"{FORM_PATH} bestaat niet in de site"}
    context = browser.new_context()
    try:
        page = context.new_page()
        transfer = Transfer(page)
        page.goto(base + FORM_PATH, wait_until="networkidle")
        transferred, requests = transfer.total()
        page.click("#kb-aanmelden-formulier button[type=submit]")
        page.wait_for_selector("#kb-aanmelden-fouten:not([hidden])")
        page.wait_for_load_state("networkidle")
        checked, checked_requests = transfer.total()
        return {"transferred_bytes": transferred, "requests": requests, "after_check_bytes": checked, "after_check_requests": checked_requests}
    finally:
        context.close()


def measure_search(browser, base: str, site: Path, query: str) -> dict[str, Any]:
    """One query through Pagefind's JS API (as zoeken.js calls it) from a blank page: bytes and time to the first results."""
    if not (site / "pagefind" / "pagefind.js").exists():
        return {"note": "pagefind/pagefind.js ontbreekt: de site heeft geen zoekindex"}
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + BLANK)
        transfer = Transfer(page)
        found = page.evaluate(SEARCH_JS, query)
        page.wait_for_load_state("networkidle")
        transferred, requests = transfer.total()
        return {"query": query, "transferred_bytes": transferred, "requests": requests, "results": found["results"],
                "first_result_ms": found["cold_ms"], "search_ms": found["search_ms"], "warm_query_ms": found["warm_ms"]}
    finally:
        context.close()


# --- rebuild while serving ------------------------------------------------------------

def free_port() -> int:
    """A TCP port that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    """The text at ``url``, or None when it is not there (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(condition: Callable[[], bool], timeout: float, interval: float = 0.05) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(interval)
    return False


def process_cpu(pid: int) -> float | None:
    """CPU seconds of a running process and its waited-for children (Linux /proc), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime, stime, cutime, cstime




def used(before: float | None, after: float | None) -> float | None:
    """CPU seconds between two readings of :func:`process_cpu`, or None if either failed."""
    return after - before if before is not None and after is not None else None


def measure_serve(repo: Path, practice: Path) -> dict[str, Any]:
    """Start ``kennisbank serve``, edit one good practice, and time until the served page shows it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"  # kennisbank serve serves at the root, not under site_url's path
    url, index_url = f"{base}praktijken/{practice.stem}/", f"{base}pagefind/pagefind-entry.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "kennisbank.tools.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                   cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            if not wait_for(lambda: process.poll() is None and fetch(url) is not None, SERVE_TIMEOUT_S, 0.2):
                log.seek(0)
                raise RuntimeError("kennisbank serve startte niet:\n" + log.read().decode(errors="replace")[-3000:])
            startup = time.perf_counter() - start
            # The search index follows the pages (it is made after they are served): wait for it too.
            wait_for(lambda: fetch(index_url) is not None, SERVE_TIMEOUT_S, 0.2)
            startup_with_search = time.perf_counter() - start
            time.sleep(1.5)  # let the file watcher take its first snapshot
            idle_start, idle_cpu = time.perf_counter(), process_cpu(process.pid)
            time.sleep(IDLE_S)
            idle_end = process_cpu(process.pid)
            idle_used = used(idle_cpu, idle_end)
            idle = idle_used / (time.perf_counter() - idle_start) if idle_used is not None else None
            marker = f"Benchmarkmarkering {int(time.time() * 1000)}"
            index_before = fetch(index_url)
            edited, cpu = time.perf_counter(), process_cpu(process.pid)
            practice.write_text(practice.read_text(encoding="utf-8").rstrip("\n") + f"\n- {marker}.\n", encoding="utf-8")
            if not wait_for(lambda: marker in (fetch(url) or ""), SERVE_TIMEOUT_S, 0.05):
                return {"startup_s": startup, "rebuild_s": None, "note": "de pagina veranderde niet na de wijziging"}
            result = {"startup_s": startup, "startup_with_search_s": startup_with_search, "idle_cpu_share": idle,
                      "rebuild_s": time.perf_counter() - edited}
            shown = process_cpu(process.pid)
            result["rebuild_cpu_s"] = used(cpu, shown)
            # mkdocs' server holds pages back until a rebuild is complete; the search index follows
            # after that, in the background. Its own change says when it caught up.
            if index_before is not None and wait_for(lambda: fetch(index_url) not in (None, index_before), SERVE_TIMEOUT_S, 0.05):
                result["rebuild_with_search_s"] = time.perf_counter() - edited
                after = process_cpu(process.pid)
                result["rebuild_with_search_cpu_s"] = used(cpu, after)
            else:
                result["note"] = "de zoekindex veranderde niet na de wijziging"
            return result
        finally:
            stop(process)


def stop(process: subprocess.Popen) -> None:
    """End a process we started in its own session, with everything it started.

    First as Ctrl+C does, so that mkdocs and the plugin remove their temporary folders.
    """
    for sig, wait in ((signal.SIGINT, 30), (signal.SIGTERM, 10), (signal.SIGKILL, None)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


# --- one size, all sizes ----------------------------------------------------------------

def without_worksheets(repo: Path) -> int:
    """Take the worksheet markers out of the guides of a synthetic repository; return how many lines went.

    The marked text stays in its guide, so the build differs only by the worksheets: no worksheet
    pages, no ODT or DOCX files, no links to them (``kennisbank bench --no-werkbladen``).
    """
    removed = 0
    for guide in sorted((repo / "content" / GUIDES_FOLDER).glob("*.md")):
        lines = guide.read_text(encoding="utf-8").split("\n")
        markers = {marker.index for marker in find_markers("\n".join(lines))}
        if markers:
            guide.write_text("\n".join(line for index, line in enumerate(lines) if index not in markers), encoding="utf-8")
            removed += len(markers)
    return removed


def measure_builds(repo: Path, folder: Path, rounds: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Our build with an empty image cache (cold) and with a full one (warm), and a plain mkdocs build, interleaved.

    Each round builds all three one after the other, alternating the order (plain, cold, warm;
    then warm, cold, plain), so that a busy moment of the machine hits every kind alike. Each
    round's cold build is compared with the plain build next to it. The table shows the round
    with the median ratio; every round is in the JSON.

    Every build writes into a new folder (:func:`build_folder`), and nothing is deleted until
    the whole run is over (:func:`run`). On ext4 without a journal, as on the benchmark machine,
    the kernel skips every recently deleted inode when it makes a new file: after the previous
    site (40,000 files at 10,000 programmes) was deleted, the next build spent about 25 s of
    CPU more in the kernel, and more so the more files it makes. Our build also replaced the
    previous site and deleted it inside its own timing, which the plain build never did. What a
    build deletes itself (our build: its temporary folders for the search index) would still
    slow the build after it, so each build waits until the disk has settled (:func:`settle`).
    """
    cold: list[dict[str, Any]] = []
    warm: list[dict[str, Any]] = []
    plain: list[dict[str, Any]] = []
    compared: list[dict[str, Any]] = []
    for number in range(rounds):
        order = ("plain", "cold", "warm") if number % 2 == 0 else ("warm", "cold", "plain")
        for kind in order:
            log(f"[{folder.name}] ronde {number + 1}/{rounds}: {kind} …")
            settle()
            if kind == "plain":
                plain.append(measure_plain(repo, build_folder(folder, "plain", number)))
            elif kind == "cold":  # a new, empty image cache
                cold.append(measure_build(repo, build_folder(folder, "site", number), build_folder(folder, "cache", number)))
            else:  # the cache that the first round's cold build filled
                warm.append(measure_build(repo, build_folder(folder, "site-warm", number), build_folder(folder, "cache", 0)))
        compared.append({**compare(cold[-1], plain[-1]), "round": number, "warm_total_s": warm[-1]["in_process_s"],
                         "ratio_warm_total": warm[-1]["in_process_s"] / plain[-1]["plain_mkdocs_s"],
                         "plain_load_average": plain[-1]["load_average"], "plain_tree_peak_rss_mb": plain[-1]["tree_peak_rss_mb"]})
    middle = median_run(compared, "ratio_total")["round"]  # every figure of the table from this one round
    return {"build": cold[middle], "warm": warm[middle], "plain": {**compared[middle], "rounds": compared},
            "build_runs": cold, "warm_runs": warm, "site_dir": str(build_folder(folder, "site", middle))}


#: How long ext4 treats a deleted inode as recently deleted once its block is written (RECENTCY_MIN in fs/ext4/ialloc.c).
RECENTLY_DELETED_S = 5.0


def settle() -> None:
    """Wait until files that the previous build deleted no longer slow the next one down (see :func:`measure_builds`).

    ext4 without a journal skips a deleted inode for 5 s after its block was written, and for 5 minutes while
    that block is still dirty: so first write everything out, then wait.
    """
    os.sync()
    time.sleep(RECENTLY_DELETED_S + 1)


def build_folder(folder: Path, kind: str, number: int) -> Path:
    """The folder of one build (or image cache) of one round: new in every round, see :func:`measure_builds`."""
    return folder / f"{kind}-{number + 1}"


def measure_size(source_root: Path, size: int, work: Path, browser: bool, serve: bool, log: Callable[[str], None],
                 rounds: int = 1, worksheets: bool = True) -> dict[str, Any]:
    """Every figure for one size."""
    folder = work / f"n{size}"
    start = time.perf_counter()
    repo = make_repo(source_root, folder / "repo", size)
    if not worksheets:
        without_worksheets(repo.root)
    result: dict[str, Any] = {
        "size": size, "programmes": len(repo.programmes), "practices": len(repo.practices), "synthetic_guides": len(repo.guides),
        "synthesis_s": time.perf_counter() - start, "worksheets": worksheets,
    }
    log(f"[{size}] bouwen, en een gewone mkdocs-bouw ter vergelijking …")
    result.update(measure_builds(repo.root, folder, rounds, log))
    site = Path(result.pop("site_dir"))
    result["site"] = measure_site(site)
    if browser:
        log(f"[{size}] in Chromium …")
        result.update(measure_browser(site))
    else:
        result.update(skipped("overgeslagen (--no-browser)"))
    if serve:
        log(f"[{size}] kennisbank serve en één wijziging …")
        result["serve"] = measure_serve(repo.root, repo.practices[len(repo.practices) // 2] if repo.practices else repo.programmes[0])
    else:
        result["serve"] = {"note": "overgeslagen (--no-serve)"}
    return result


def versions() -> dict[str, str]:
    """Versions of the tools that do the work, and the machine."""
    found = {"python": platform.python_version(), "cpus": str(os.cpu_count()), "machine": platform.platform()}
    for package in ("mkdocs", "mkdocs-material", "pagefind", "markdown", "jinja2", "pyyaml"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            found[package] = metadata.version(package)
    return found


def run(source_root: Path, sizes: list[int], browser: bool = True, serve: bool = True, keep: Path | None = None,
        log: Callable[[str], None] = print, rounds: int = 1, worksheets: bool = True) -> dict[str, Any]:
    """Measure every size; return all figures."""
    work = keep or Path(tempfile.mkdtemp(prefix="kennisbank-bench-"))
    try:
        results = [measure_size(source_root, size, work, browser, serve, log, rounds, worksheets) for size in sizes]
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return {"date": dt.datetime.now().isoformat(timespec="seconds"), "versions": versions(), "sizes": results}


# --- the table ----------------------------------------------------------------------

def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def _kb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1024:,.0f} KB" if value < 10 * MB else f"{value / MB:,.0f} MB"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} ms"


def _pair(wall: float | None, cpu: float | None) -> str:
    return f"{_seconds(wall)} / {_seconds(cpu)}"


def _step(result: dict[str, Any], key: str) -> str:
    """One step of the cold build: wall / CPU."""
    return _pair(result["build"][key], result["build"]["cpu"][key])


def _shares(result: dict[str, Any], key: str) -> str:
    return f"{_percent(result['build'][key])} / {_percent(result['build']['cpu'][key])}"


def _load(result: dict[str, Any]) -> str:
    """The load average before and after each build: ours with an empty cache, plain mkdocs, ours with a full cache."""
    loads = [result["build"]["load_average"], result["warm"]["load_average"], result["plain"]["plain_load_average"]]
    return ", ".join(f"{a:.1f} → {b:.1f}" for a, b in loads) + " (leeg, vol, gewoon)"


def _typed(query: str, key: str, show: Callable[[float | None], str], result: dict[str, Any]) -> str:
    """One figure of a query typed in the search box."""
    return show(result["typing"][query].get(key))


ROWS: tuple[tuple[str, Callable[[dict[str, Any]], str]], ...] = (
    ("Programma's / praktijken", lambda r: f"{r['programmes']:,} / {r['practices']:,}"),
    ("HTML-pagina's", lambda r: f"{r['site']['html_pages']:,}"),
    ("Werkbladen", lambda r: "aan" if r.get("worksheets", True) else "uit (--no-werkbladen)"),
    ("Bouwen, lege beeldcache: totaal (wand / CPU)", lambda r: _pair(r["build"]["wall_s"], r["build"]["cpu_s"])),
    ("  Python starten en afsluiten", lambda r: _pair(r["build"]["startup_s"], r["build"]["cpu_s"] - r["build"]["in_process_cpu_s"])),
    ("  inlezen + controleren", lambda r: _step(r, "loading_validation_s")),
    ("  pagina's maken", lambda r: _step(r, "generation_s")),
    ("  werkbladen als ODT en DOCX (pandoc)", lambda r: _step(r, "worksheet_files_s")),
    ("  plugin-haken (per bouw en per pagina)", lambda r: _step(r, "plugin_hooks_s")),
    ("  HTML opschonen (nh3, in elke Markdown-omzetting)", lambda r: _step(r, "sanitise_s")),
    ("  deelafbeeldingen (wand: wachten na het renderen; CPU: al het tekenen)", lambda r: _step(r, "share_images_s")),
    ("  mkdocs zelf", lambda r: _step(r, "mkdocs_s")),
    ("  zoekindex (Pagefind)", lambda r: _step(r, "search_index_s")),
    ("Eigen stappen zonder zoekindex, deel van totaal (wand / CPU)", lambda r: _shares(r, "own_share")),
    ("Eigen stappen met zoekindex, deel van totaal (wand / CPU)", lambda r: _shares(r, "own_with_search_share")),
    ("Zoekindex, deel van totaal (wand / CPU)", lambda r: _shares(r, "search_index_share")),
    ("Bouwen, volle beeldcache: totaal (wand / CPU)", lambda r: _pair(r["warm"]["wall_s"], r["warm"]["cpu_s"])),
    ("Piekgeheugen, alle processen samen (PSS: gedeelde pagina's één keer)",
     lambda r: _kb(max(r["build"]["tree_peak_pss_mb"], r["warm"]["tree_peak_pss_mb"]) * MB)),
    ("Piekgeheugen, alle processen samen (RSS: gedeelde pagina's per proces)",
     lambda r: _kb(max(r["build"]["tree_peak_rss_mb"], r["warm"]["tree_peak_rss_mb"]) * MB)),
    ("Piekgeheugen (Python + Pagefind)", lambda r: _kb(r["build"]["peak_rss_mb"] * MB)),
    ("Gewone mkdocs-bouw, zelfde Markdown (wand / CPU)", lambda r: _pair(r["plain"]["plain_mkdocs_s"], r["plain"]["plain_mkdocs_cpu_s"])),
    ("Onze bouw ÷ gewone bouw: alles, lege beeldcache", lambda r: f"{r['plain']['ratio_total']:.2f}×"),
    ("Onze bouw ÷ gewone bouw: alles, volle beeldcache", lambda r: f"{r['plain']['ratio_warm_total']:.2f}×"),
    ("Onze bouw ÷ gewone bouw: zonder zoekindex, lege beeldcache", lambda r: f"{r['plain']['ratio']:.2f}×"),
    ("Onze bouw ÷ gewone bouw: CPU, lege beeldcache", lambda r: f"{r['plain']['ratio_cpu']:.2f}×"),
    ("Site op schijf", lambda r: _kb(r["site"]["bytes"])),
    ("HTML per pagina, gemiddeld", lambda r: _kb(r["site"]["avg_html_bytes"])),
    ("Grootste pagina", lambda r: f"{_kb(r['site']['largest_pages'][0]['bytes'])} {r['site']['largest_pages'][0]['path']}"),
    ("Kaart: overdracht eerste keer (gzip)", lambda r: _kb(r["map"].get("transferred_bytes"))),
    ("Kaart: filter toepassen", lambda r: _ms(r["map"].get("filter_ms"))),
    ("Aanmeldformulier: overdracht eerste keer (gzip)", lambda r: _kb(r["form"].get("transferred_bytes"))),
    ("Aanmeldformulier: overdracht na de eerste controle, alles samen (gzip)", lambda r: _kb(r["form"].get("after_check_bytes"))),
    *((f"Zoekveld '{q}': na laatste toets tot eerste resultaten", functools.partial(_typed, q, "first_result_ms", _ms))
      for q in (WIDE_QUERY, SEARCH_QUERY, RARE_QUERY)),
    *((f"Zoekveld '{q}': overdracht voor de vraag", functools.partial(_typed, q, "transferred_bytes", _kb))
      for q in (WIDE_QUERY, SEARCH_QUERY, RARE_QUERY)),
    (f"Pagefind-API '{SEARCH_QUERY}' vanaf lege pagina: overdracht", lambda r: _kb(r["search"].get("transferred_bytes"))),
    (f"Pagefind-API '{SEARCH_QUERY}' vanaf lege pagina: resultaten (koud)", lambda r: _ms(r["search"].get("first_result_ms"))),
    (f"Pagefind-API '{SEARCH_QUERY}': idem, Pagefind al geladen", lambda r: _ms(r["search"].get("search_ms"))),
    (f"Pagefind-API '{SEARCH_QUERY}': volgende vraag (warm)", lambda r: _ms(r["search"].get("warm_query_ms"))),
    (f"Pagefind-API '{RARE_QUERY}' vanaf lege pagina: overdracht", lambda r: _kb(r["search_rare"].get("transferred_bytes"))),
    (f"Pagefind-API '{RARE_QUERY}' vanaf lege pagina: resultaten (koud)", lambda r: _ms(r["search_rare"].get("first_result_ms"))),
    ("Serve: opstarten (pagina's / zoekindex erbij)",
     lambda r: f"{_seconds(r['serve'].get('startup_s'))} / {_seconds(r['serve'].get('startup_with_search_s'))}"),
    ("Serve: CPU-gebruik zonder wijzigingen (deel van één kern)", lambda r: _percent(r["serve"].get("idle_cpu_share"))),
    ("Serve: één wijziging tot de pagina hem toont (wand / CPU)", lambda r: _pair(r["serve"].get("rebuild_s"), r["serve"].get("rebuild_cpu_s"))),
    ("Serve: één wijziging tot de zoekindex bij is (wand / CPU)",
     lambda r: _pair(r["serve"].get("rebuild_with_search_s"), r["serve"].get("rebuild_with_search_cpu_s"))),
    ("Belasting machine (load average) bij bouwen", lambda r: _load(r)),
)


def table(results: dict[str, Any]) -> str:
    """The figures as a Markdown table, one column per size, and the notes below it."""
    sizes = results["sizes"]
    header = ["Meting", *(f"{r['size']:,}" for r in sizes)]
    rows = [header, ["---"] * len(header)]
    for label, cell in ROWS:
        rows.append([label, *(_safe(cell, r) for r in sizes)])
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    for r in sizes:
        for part in ("map", "form", "search", "search_rare", "serve"):
            if r.get(part, {}).get("note"):
                lines.append(f"- {r['size']:,}, {part}: {r[part]['note']}")
        for query, typed in r.get("typing", {}).items():
            if typed.get("note"):
                lines.append(f"- {r['size']:,}, zoekveld '{query}': {typed['note']}")
        rounds = r.get("plain", {}).get("rounds", [])
        if len(rounds) > 1:
            ratios = ", ".join(f"{x['ratio_total']:.2f}× / {x['ratio_warm_total']:.2f}×" for x in rounds)
            lines.append(f"- {r['size']:,}: alle {len(rounds)} rondes, onze bouw ÷ gewone bouw (lege / volle beeldcache): {ratios}")
        if r["build"]["missing_hooks"]:
            lines.append(f"- {r['size']:,}: niet gemeten, functie ontbreekt: {', '.join(r['build']['missing_hooks'])}")
    return "\n".join(lines)


def _safe(cell: Callable[[dict[str, Any]], str], result: dict[str, Any]) -> str:
    try:
        return cell(result)
    except (KeyError, TypeError, IndexError):
        return "–"


# --- command line ------------------------------------------------------------------------

def add_parser(sub) -> None:
    """Add ``kennisbank bench`` to the CLI's subcommands."""
    bench = sub.add_parser("bench", help="meet bouwtijd, geheugen, paginagrootte, kaart en zoeken bij 100 tot 10.000 items")
    bench.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                       help="aantallen programma's, met komma's (standaard 100,1000,10000); praktijken: een vijfde daarvan")
    bench.add_argument("--json", type=Path, help="schrijf alle metingen ook als JSON naar dit bestand")
    bench.add_argument("--browser", action=argparse.BooleanOptionalAction, default=True, help="meet kaart en zoeken in Chromium")
    bench.add_argument("--serve", action=argparse.BooleanOptionalAction, default=True, help="meet de herbouw tijdens kennisbank serve")
    bench.add_argument("--werkbladen", action=argparse.BooleanOptionalAction, default=True,
                       help="bouw met de werkbladen (standaard); --no-werkbladen haalt hun markeringen uit de gidsen, om hun kosten te meten")
    bench.add_argument("--keep", type=Path, help="bewaar de synthetische mappen en sites hier (standaard: tijdelijk, daarna weg)")
    bench.add_argument("--rounds", type=int, default=1,
                       help="zo vaak bouwen: elke ronde onze bouw met lege en met volle cache en een gewone mkdocs-bouw, door elkaar (standaard 1)")
    bench.set_defaults(run=cmd_bench)


def cmd_bench(root: Path, args: argparse.Namespace) -> int:
    """Run the benchmark for the CLI."""
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        print(f"--sizes: '{args.sizes}' is geen lijst van getallen, zoals 100,1000,10000", file=sys.stderr)
        return 2
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    results = run(root, sizes, browser=args.browser, serve=args.serve, keep=args.keep,
                  log=lambda m: print(m, file=sys.stderr, flush=True), rounds=max(1, args.rounds), worksheets=args.werkbladen)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nAlle metingen staan in {args.json}.")
    return 0


def child_main(argv: list[str]) -> int:
    """``python -m kennisbank.tools.bench child-build|child-plain …``: the measured child processes."""
    kind, *paths = argv
    if kind == "child-build":
        repo, site, out = map(Path, paths)
        return child_build(repo, site, out)
    if kind == "child-plain":
        repo, work, out = map(Path, paths)
        return child_plain(repo, work, out)
    raise SystemExit(f"onbekend: {kind}")


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
