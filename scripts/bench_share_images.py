"""Benchmark: what share images cost per 1,000 pages, cold (drawn) and warm (from the cache).

    .venv/bin/python scripts/bench_share_images.py [--pages 1000] [--workers 1 2]

Prints seconds per 1,000 pages. Synthetic titles, written to a temporary folder
that is removed afterwards. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from kennisbank.sharing import ShareCard, write_images

WORDS = ("sleutelpersonen", "werving", "begeleiding", "gemeente", "intervisie", "waardering", "vertrouwen", "netwerk", "grenzen", "training")


def cards(count: int, salt: str) -> list[tuple[str, ShareCard]]:
    """Pages with titles of 3 to 12 words, all different."""
    jobs = []
    for n in range(count):
        words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(3 + n % 10)]
        title = f"{' '.join(words).capitalize()} {n} {salt}"
        jobs.append((f"assets/delen/p{n}/index.png", ShareCard(title, "Gids", "Kennisbank Sleutelpersonen", "example.org/kennisbank")))
    return jobs


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, os.cpu_count() or 2])
    args = parser.parse_args()
    per = 1000 / args.pages
    print(f"{args.pages} pagina's, {os.cpu_count()} kernen")
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as folder:
            base = Path(folder)
            jobs = cards(args.pages, f"w{workers}")
            start, cpu = time.perf_counter(), time.process_time()
            cold = write_images(jobs, base / "site1", base / "cache", workers=workers)
            cold_s, cold_cpu = time.perf_counter() - start, time.process_time() - cpu
            start, cpu = time.perf_counter(), time.process_time()
            warm = write_images(jobs, base / "site2", base / "cache", workers=workers)
            warm_s, warm_cpu = time.perf_counter() - start, time.process_time() - cpu
            size = sum(p.stat().st_size for p in (base / "cache").glob("*.png")) / len(jobs) / 1024
            print(f"workers={workers}: koud {cold_s * per:6.1f} s per 1000 (cpu {cold_cpu * per:5.1f} s; {cold.drawn} getekend), "
                  f"warm {warm_s * per:5.2f} s per 1000 (cpu {warm_cpu * per:4.2f} s; {warm.cached} uit cache), "
                  f"gemiddeld {size:.0f} KiB per afbeelding")


if __name__ == "__main__":
    main()
