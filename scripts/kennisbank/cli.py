"""The ``kennisbank`` command: check, build, serve, new, schemas.

Usage:
    kennisbank check [--strict]
    kennisbank build [--strict]
    kennisbank serve [--dev-addr 127.0.0.1:8000]
    kennisbank new praktijk|programma|gids "Titel"
    kennisbank schemas
    kennisbank from-issue FILE [--kind praktijk|programma] [--output DIR]
    kennisbank forms
    kennisbank bench [--sizes 100,1000,10000] [--json out.json] [--no-browser] [--no-serve]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

from .checks import Catalogue, Layout, check_all, make_context, slugify
from .generate import schema_json
from .problems import errors, report, warnings
from .schema import SCHEMAS

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner is not ours to show

CONFIG = "mkdocs.yml"
NEW_KINDS = {"praktijk": ("practices", ".md"), "programma": ("programmes", ".yml"), "gids": ("content", ".md")}


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` with a mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / CONFIG).exists():
            return folder
    raise SystemExit(f"Geen {CONFIG} gevonden in {start} of een map daarboven.")


def layout_of(root: Path) -> Layout:
    """Read folder names from mkdocs.yml (docs_dir and the plugin's options)."""
    from mkdocs.config import load_config

    config = load_config(str(root / CONFIG))
    plugin = config.plugins["kennisbank"].config
    content = Path(config.docs_dir).relative_to(root.resolve()).as_posix()
    return Layout(root, content, plugin.practices_dir, plugin.programmes_dir, plugin.data_dir)


def run_check(layout: Layout, strict: bool) -> tuple[Catalogue, bool]:
    """Check everything, print the report, and say whether it may be built."""
    catalogue = check_all(layout)
    print(report(catalogue.problems))
    failed = bool(errors(catalogue.problems)) or (strict and bool(warnings(catalogue.problems)))
    return catalogue, not failed


def cmd_check(root: Path, args: argparse.Namespace) -> int:
    _, ok = run_check(layout_of(root), args.strict)
    return 0 if ok else 1


def show_mkdocs_log(level: int = logging.WARNING) -> None:
    """Print mkdocs' own messages (broken links, rebuilds) as mkdocs' CLI would."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(min(logger.getEffectiveLevel(), level))
    if not any(getattr(h, "kennisbank", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler.setLevel(level)
        handler.kennisbank = True
        logger.addHandler(handler)


def build_site(root: Path, site_dir: Path, catalogue: Catalogue | None = None) -> None:
    """Build into ``site_dir`` with mkdocs in strict mode (raises on any failure).

    ``catalogue``: the sources as just checked, handed to the plugin so it need not read them again.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    show_mkdocs_log()
    config = load_config(str(root / CONFIG), site_dir=str(site_dir), strict=True)
    if catalogue is not None:
        config.plugins["kennisbank"].preloaded = catalogue
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new``; the old site is removed only after the swap."""
    old = None
    if target.exists():
        old = target.with_name(f"{target.name}.old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def cmd_build(root: Path, args: argparse.Namespace) -> int:
    layout = layout_of(root)
    catalogue, ok = run_check(layout, args.strict)
    if not ok:
        print("De site is niet gebouwd; de vorige versie in site/ is ongewijzigd.", file=sys.stderr)
        return 1
    target = root / args.site_dir
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        build_site(root, staging, catalogue)
    except BaseException as error:  # mkdocs raises Abort (a SystemExit) on strict warnings
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Bouwen mislukt: {error}", file=sys.stderr)
        print("De site is niet gebouwd; de vorige versie in site/ is ongewijzigd.", file=sys.stderr)
        if isinstance(error, KeyboardInterrupt):
            raise
        return 1
    swap_in(staging, target)
    print(f"Site gebouwd in {target.relative_to(root) if target.is_relative_to(root) else target}/.")
    return 0


def cmd_serve(root: Path, args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    run_check(layout_of(root), strict=False)
    show_mkdocs_log(logging.INFO)
    watch = [str(root / "overrides")] if (root / "overrides").exists() else []
    # Serve at the root of the dev address, not under site_url's path (/kennisbank/).
    # Dirty builds render only changed pages; the plugin makes them exact (kennisbank.incremental).
    logging.getLogger("mkdocs.commands.build").addFilter(lambda record: "'dirty' build" not in record.getMessage())
    serve(config_file=str(root / CONFIG), livereload=True, watch=watch, dev_addr=args.dev_addr,
          site_url=f"http://{args.dev_addr}/", build_type="dirty")
    return 0


def render_template(kind: str, title: str, today: dt.date) -> str:
    """The text of a new file of one kind, with its title and today's date."""
    suffix = NEW_KINDS[kind][1]
    text = resources.files("kennisbank").joinpath(f"templates/{kind}{suffix}").read_text(encoding="utf-8")
    return (text.replace("{titel_yaml}", json.dumps(title, ensure_ascii=False))
                .replace("{titel}", title).replace("{vandaag}", today.isoformat()))


def new_path(layout: Layout, kind: str, title: str) -> Path:
    """A free file name for a new entry, derived from its title."""
    folder_name, suffix = NEW_KINDS[kind]
    folder = layout.folder(folder_name) / ("gidsen" if kind == "gids" else "")
    base = slugify(title) or kind
    candidate, n = folder / f"{base}{suffix}", 2
    while candidate.exists():
        candidate, n = folder / f"{base}-{n}{suffix}", n + 1
    return candidate


def cmd_new(root: Path, args: argparse.Namespace) -> int:
    layout = layout_of(root)
    path = new_path(layout, args.kind, args.title)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_template(args.kind, args.title, dt.date.today()), encoding="utf-8")
    print(f"Nieuw bestand: {path.relative_to(root)}")
    print("Vervang elke 'VUL IN' en controleer daarna met: kennisbank check")
    return 0


def cmd_schemas(root: Path, args: argparse.Namespace) -> int:
    """Write the JSON Schemas that editors use to ``schemas/``."""
    layout = layout_of(root)
    ctx = make_context(layout)
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    for kind in SCHEMAS:
        (folder / f"{kind}.schema.json").write_text(schema_json(kind, ctx), encoding="utf-8")
    print(f"{len(SCHEMAS)} schema's geschreven naar schemas/.")
    return 0


def cmd_readability(root: Path, args: argparse.Namespace) -> int:
    """Print readability figures per Dutch page; informative, never a failure."""
    from . import readability

    layout = layout_of(root)
    found = [*sorted(layout.folder("content").rglob("*.md")), *sorted(layout.folder("practices").rglob("*.md"))]
    paths = args.paths or [os.path.relpath(p) for p in found]
    readability.print_report(readability.report(paths))
    return 0


def cmd_from_issue(root: Path, args: argparse.Namespace) -> int:
    """Turn a submitted issue form into a new source file, or say what to fix."""
    import dataclasses

    from .from_issue import FOLDERS, convert_file, outcome

    layout = layout_of(root)
    result = convert_file(args.file, layout.folder("data"), dt.date.today(), args.kind)
    if result.problems:
        print(outcome(result))
        return 1
    if args.output:
        layout = dataclasses.replace(layout, **{FOLDERS[result.kind]: str(args.output.resolve())})
    path = new_path(layout, result.kind, result.title)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(result.text, encoding="utf-8")
    print(outcome(result, path.relative_to(root) if path.is_relative_to(root) else path))
    return 0


def cmd_forms(root: Path, args: argparse.Namespace) -> int:
    """Write the GitHub issue forms to ``.github/ISSUE_TEMPLATE/``."""
    from mkdocs.config import load_config

    from .forms import FORMS_FOLDER, form_files

    ctx = make_context(layout_of(root))
    folder = root / FORMS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    files = form_files(ctx.vocab, load_config(str(root / CONFIG)).site_url or "")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    print(f"{len(files)} formulieren geschreven naar {FORMS_FOLDER}/.")
    return 0


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    p = argparse.ArgumentParser(prog="kennisbank", description="Controleer, bouw en bekijk de Kennisbank Sleutelpersonen.")
    sub = p.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="controleer alle bronbestanden")
    check.add_argument("--strict", action="store_true", help="laat ook waarschuwingen falen")
    check.set_defaults(run=cmd_check)
    build = sub.add_parser("build", help="controleer en bouw de site in site/")
    build.add_argument("--strict", action="store_true", help="laat ook waarschuwingen falen")
    build.add_argument("--site-dir", default="site", help="waar de site komt (standaard: site)")
    build.set_defaults(run=cmd_build)
    serve = sub.add_parser("serve", help="bouw, bekijk en herbouw bij elke wijziging")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="adres en poort (standaard 127.0.0.1:8000)")
    serve.set_defaults(run=cmd_serve)
    new = sub.add_parser("new", help="maak een nieuw bestand uit een sjabloon")
    new.add_argument("kind", choices=sorted(NEW_KINDS), help="soort bestand")
    new.add_argument("title", help="titel of naam")
    new.set_defaults(run=cmd_new)
    schemas = sub.add_parser("schemas", help="schrijf de JSON Schema's voor editors naar schemas/")
    schemas.set_defaults(run=cmd_schemas)
    leesbaarheid = sub.add_parser("leesbaarheid", help="toon per pagina de leesbaarheid (zinslengte, Flesch-Douma)")
    leesbaarheid.add_argument("paths", nargs="*", type=Path, help="bestanden (standaard: alles in content/)")
    leesbaarheid.set_defaults(run=cmd_readability)
    from_issue = sub.add_parser("from-issue", help="maak een bronbestand uit een ingevuld GitHub-formulier")
    from_issue.add_argument("file", help="bestand met de tekst van het issue (Markdown), of - voor standaardinvoer")
    from_issue.add_argument("--kind", choices=["praktijk", "programma"], help="soort formulier (standaard: uit de tekst afgeleid)")
    from_issue.add_argument("--output", type=Path, help="map voor het nieuwe bestand (standaard good_practices/ of programmas/)")
    from_issue.set_defaults(run=cmd_from_issue)
    forms = sub.add_parser("forms", help="schrijf de GitHub-formulieren naar .github/ISSUE_TEMPLATE/")
    forms.set_defaults(run=cmd_forms)
    from .bench import add_parser as add_bench_parser  # kennisbank bench: its own module

    add_bench_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kennisbank`` console script."""
    args = parser().parse_args(argv)
    root = find_root(Path.cwd())
    return args.run(root, args)


if __name__ == "__main__":
    sys.exit(main())
