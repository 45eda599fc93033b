"""Benchmark: what one share image costs, drawn and encoded in different ways, and per 1,000 pages.

    .venv/bin/python scripts/bench_share_images.py [--pages 300] [--workers 1 2]

Prints CPU milliseconds and kilobytes per image for each way of making the same picture
(the ideas of BENCHMARK.md, "Deelafbeeldingen"), then seconds per 1,000 pages for
:func:`write_images`, cold (drawn) and warm (from the cache). Synthetic titles, written to a
temporary folder that is removed afterwards. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from kennisbank.pages import shareimage
from kennisbank.pages.shareimage import ShareCard, band, draw, palette_image, png, render, template
from kennisbank.pages.sharing import write_images

WORDS = ("sleutelpersonen", "werving", "begeleiding", "gemeente", "intervisie", "waardering", "vertrouwen", "netwerk", "grenzen", "training")
SITE, ADDRESS = "Kennisbank Sleutelpersonen", "kennisbank-sleutelpersonen.github.io/kennisbank"


def cards(count: int, salt: str) -> list[ShareCard]:
    """Pages with titles of 3 to 12 words, all different."""
    found = []
    for n in range(count):
        words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(3 + n % 10)]
        found.append(ShareCard(f"{' '.join(words).capitalize()} {n} {salt}", "Gids", SITE, ADDRESS))
    return found


def pillow(image: Image.Image, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", **options)
    return buffer.getvalue()


def decoded(card: ShareCard) -> Image.Image:
    """The picture of render() as a Pillow palette image, to try Pillow's encoder on it."""
    image = Image.open(io.BytesIO(render(card)))
    image.load()
    return image


def with_pillow(**options) -> tuple[Callable[[ShareCard], object], Callable[[ShareCard, object], bytes]]:
    """Draw the band as render() does, then let Pillow encode the whole picture (decoding it first is not timed)."""
    return decoded, lambda card, image: (band(card), pillow(image, **options))[1]


def plain(make: Callable[[ShareCard], bytes]) -> tuple[Callable[[ShareCard], object], Callable[[ShareCard, object], bytes]]:
    return (lambda card: None), (lambda card, _: make(card))


NOW = "nu: maskers + gedeeld palet, alleen de band gecomprimeerd, niveau {}"
VARIANTS = {
    "voor: RGB tekenen, elk beeld kwantiseren (32 kleuren), Pillow niveau 6":
        plain(lambda c: pillow(draw(c).quantize(32, method=Image.Quantize.FASTOCTREE), compress_level=6)),
    "RGB tekenen, niet kwantiseren, Pillow niveau 6": plain(lambda c: pillow(draw(c), compress_level=6)),
    "RGB tekenen, niet kwantiseren, Pillow niveau 1": plain(lambda c: pillow(draw(c), compress_level=1)),
    "RGB tekenen, één gedeeld palet, Pillow niveau 6":
        plain(lambda c: pillow(draw(c).quantize(palette=palette_image(), dither=Image.Dither.NONE), compress_level=6)),
    "maskers + gedeeld palet, Pillow niveau 6": with_pillow(compress_level=6),
    "maskers + gedeeld palet, Pillow niveau 6, optimize": with_pillow(compress_level=6, optimize=True),
    "maskers + gedeeld palet, Pillow niveau 3": with_pillow(compress_level=3),
    "maskers + gedeeld palet, Pillow niveau 1": with_pillow(compress_level=1),
    **{NOW.format(level): plain(lambda c, level=level: png(band(c), template(c.site_name, c.address), level)) for level in (1, 3, 6, 9)},
}


def per_image(variant, sample: list[ShareCard]) -> tuple[float, float]:
    """CPU milliseconds and kilobytes per image."""
    prepare, make = variant
    prepared = [prepare(card) for card in sample]
    make(sample[0], prepared[0])
    start = time.process_time()
    sizes = [len(make(card, ready)) for card, ready in zip(sample, prepared, strict=True)]
    return (time.process_time() - start) / len(sample) * 1000, sum(sizes) / len(sizes) / 1024


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, os.cpu_count() or 2])
    args = parser.parse_args()
    sample = cards(args.pages, "proef")
    print(f"{args.pages} beelden, {os.cpu_count()} kernen, belasting {os.getloadavg()[0]:.1f}\n")
    print("| Manier | CPU per beeld | Grootte per beeld |\n| --- | --- | --- |")
    for name, variant in VARIANTS.items():
        ms, kb = per_image(variant, sample)
        print(f"| {name} | {ms:.1f} ms | {kb:.1f} KB |")
    assert render(sample[1]) == VARIANTS[NOW.format(shareimage.COMPRESS_LEVEL)][1](sample[1], None)
    per = 1000 / args.pages
    print()
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as folder:
            base = Path(folder)
            jobs = [(f"assets/delen/p{n}/index.png", card) for n, card in enumerate(cards(args.pages, f"w{workers}"))]
            start, cpu = time.perf_counter(), time.process_time()
            cold = write_images(jobs, base / "site1", base / "cache", workers=workers)
            cold_s = time.perf_counter() - start
            start, cpu = time.perf_counter(), time.process_time()
            warm = write_images(jobs, base / "site2", base / "cache", workers=workers)
            warm_s, warm_cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"workers={workers}: koud {cold_s * per:6.1f} s per 1000 (tekenen: cpu {cold.cpu_s * per:5.1f} s; {cold.drawn} getekend), "
                  f"warm {warm_s * per:5.2f} s per 1000 (cpu {warm_cpu * per:4.2f} s; {warm.cached} uit cache)")


if __name__ == "__main__":
    main()
