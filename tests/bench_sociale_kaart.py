"""Benchmark of the social map page at scale (not part of the test suite; run by hand).

    .venv/bin/python -m tests.bench_sociale_kaart 10000

Builds a scratch copy of the repository in a temporary folder with N synthetic programmes
(and no search index), serves it on 127.0.0.1, opens the map page in Chromium and prints:
the bytes the first load transfers (each response gzip-compressed, as a server would send
it), and how long a filter change takes until the list is redrawn (median of several).
Nothing is written to the real content folders.
"""

from __future__ import annotations

import contextlib
import gzip
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from kennisbank.model.gazetteer import load_gazetteer
from kennisbank.site.project import build_site

from .conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, copy_repo, serve_directory

WORDS = ("sleutelpersonen", "gezondheid", "nieuwkomers", "voorlichting", "buurt", "ouders", "jongeren", "vrouwen",
         "werk", "taal", "school", "zorg", "gemeente", "welzijn", "opvoeding", "geld", "wonen", "sport", "netwerk")


def synthetic_programme(n: int, rng: random.Random, names: list[str]) -> dict:
    """A schema-valid made-up programme (only ever written to a temporary folder)."""
    area = "landelijk" if n % 50 == 0 else rng.sample(names, rng.choice((1, 1, 1, 2, 3)))
    words = " ".join(rng.choice(WORDS) for _ in range(14))
    return {
        "naam": f"Programma {n} {rng.choice(WORDS)} {rng.choice(WORDS)}",
        "samenvatting": f"Voorbeeld {n}: {words}."[:160],
        "organisatie": f"Stichting {rng.choice(WORDS).title()} {n % 700}",
        "werkgebied": area,
        "themas": rng.sample(["werving", "begeleiding", "gezondheid", "inburgering", "beleid"], 2),
        "rollen": rng.sample(["adviseur", "verbinder", "helper", "tolk", "voorlichter"], 2),
        "talen": rng.sample(["ar", "ti", "so", "fa", "tr", "uk"], 2),
        "doelgroepen": rng.sample(["eritrees", "syrisch", "somalisch", "afghaans", "nieuwkomers"], 1),
        "vergoeding": rng.choice(["betaald", "vrijwilligersvergoeding", "gemengd", "onbekend"]),
        "hoe_inzetten": f"Neem contact op met de organisatie. {words}.",
        "bron": {"titel": "Synthetische bron", "datum": "2026-01-01", "document": "Benchmark"},
        "laatst_geverifieerd": "2026-06-01",
    }


def make_repo(target: Path, count: int) -> Path:
    """A scratch repository with ``count`` synthetic programmes (besides the real ones) and no search index."""
    repo = copy_repo(target)
    names = [m.name for m in load_gazetteer(ROOT / "data").municipalities]
    rng = random.Random(4)
    for n in range(count):
        text = yaml.safe_dump(synthetic_programme(n, rng, names), allow_unicode=True, sort_keys=False)
        (repo / "programmas" / f"programma-{n}.yml").write_text(text, encoding="utf-8")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - kennisbank\n", "  - kennisbank:\n      search_index: false\n"), encoding="utf-8")
    return repo


FILTER_JS = """async ([id, value]) => {
  const results = document.getElementById('kb-kaart-resultaten');
  const select = document.getElementById(id);
  const changed = new Promise((resolve) => new MutationObserver((_, o) => { o.disconnect(); resolve(); })
    .observe(results, {childList: true}));
  const start = performance.now();
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await changed;
  return performance.now() - start;
}"""


def measure(base: str) -> dict[str, float]:
    """First-load bytes (gzip) and filter times of the map page."""
    from playwright.sync_api import sync_playwright

    sizes: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()

        def record(response):
            with contextlib.suppress(Exception):  # redirects and aborted requests have no body
                sizes[response.url] = len(gzip.compress(response.body()))

        page.on("response", record)
        page.goto(base + "sociale-kaart/")
        page.wait_for_selector("#kb-kaart[data-klaar]")
        page.wait_for_load_state("networkidle")
        first_load = sum(sizes.values())
        biggest = sorted(sizes.items(), key=lambda kv: -kv[1])[:6]
        times = []
        before_filters = set(sizes)
        for value in ["gezondheid", "", "beleid", "", "werving", ""] * 3:
            times.append(page.evaluate(FILTER_JS, ["kb-thema", value]))
        start = time.perf_counter()
        page.fill("#kb-gemeente", "Utrecht")
        page.wait_for_function("document.getElementById('kb-kaart').dataset.gemeente === 'Utrecht'")
        town = (time.perf_counter() - start) * 1000
        later = sum(size for url, size in sizes.items() if url not in before_filters)
        browser.close()
    print("  filter times (ms):", " ".join(f"{t:.0f}" for t in times))
    for url, size in biggest:
        print(f"  {size / 1024:8.1f} KB  {url.removeprefix(base)}")
    return {"first_load_kb_gzip": first_load / 1024, "filter_ms_median": statistics.median(times),
            "filter_ms_max": max(times), "municipality_typed_ms": town,
            "fetched_after_first_load_kb_gzip": later / 1024}


def main(argv: list[str]) -> int:
    count = int(argv[1]) if len(argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        repo = make_repo(Path(tmp) / "repo", count)
        start = time.perf_counter()
        build_site(repo, Path(tmp) / "site")
        print(f"{count} programmes: build {time.perf_counter() - start:.1f} s")
        with serve_directory(Path(tmp) / "site") as base:
            for key, value in measure(base).items():
                print(f"{key}: {value:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
