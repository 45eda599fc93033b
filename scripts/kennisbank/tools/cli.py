"""The ``kennisbank`` command: check, build, serve, new, schemas, from-issue, forms, bench.

Usage:
    kennisbank check [--strict]
    kennisbank build [--strict] [--site-dir site]
    kennisbank serve [--dev-addr 127.0.0.1:8000]
    kennisbank new praktijk|programma|gids "Titel"
    kennisbank schemas
    kennisbank leesbaarheid [FILE ...]
    kennisbank from-issue FILE [--kind praktijk|programma] [--output DIR]
    kennisbank forms
    kennisbank bench [--sizes 100,1000,10000] [--json out.json] [--no-browser] [--no-serve]

Each command is a small function that hands its arguments to the package that does the work.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path

from ..contribute.forms import FORMS_FOLDER, form_files
from ..contribute.from_issue import FOLDERS, convert_file, outcome
from ..contribute.new import NEW_KINDS, new_path, render_template, shortened_notice
from ..model.checks import make_context
from ..model.schema import SCHEMAS
from ..pages.contentmodel import schema_json
from ..site.project import check_and_build, find_root, layout_of, run_check, serve, site_address
from . import readability
from .bench import add_parser as add_bench_parser

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner is not ours to show


def cmd_check(root: Path, args: argparse.Namespace) -> int:
    """Check every source file; 1 when there are errors (or warnings, with --strict)."""
    _, ok = run_check(layout_of(root), args.strict)
    return 0 if ok else 1


def cmd_build(root: Path, args: argparse.Namespace) -> int:
    """Check and build the site; the previous site stays when anything fails."""
    return check_and_build(root, args.site_dir, args.strict)


def cmd_serve(root: Path, args: argparse.Namespace) -> int:
    """Build, serve and rebuild on every change."""
    serve(root, args.dev_addr)
    return 0


def cmd_new(root: Path, args: argparse.Namespace) -> int:
    """Write a new source file from its template."""
    layout = layout_of(root)
    path = new_path(layout, args.kind, args.title)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_template(args.kind, args.title, dt.date.today()), encoding="utf-8")
    except OSError as error:
        print(f"{path.relative_to(root)}: het bestand kan niet worden geschreven ({error.strerror}); kies een andere titel of map", file=sys.stderr)
        return 1
    notice = shortened_notice(path, root, args.title, args.kind)
    if notice:
        print(notice)
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
    layout = layout_of(root)
    found = [*sorted(layout.folder("content").rglob("*.md")), *sorted(layout.folder("practices").rglob("*.md"))]
    paths = args.paths or [os.path.relpath(p) for p in found]
    readability.print_report(readability.report(paths))
    return 0


def cmd_from_issue(root: Path, args: argparse.Namespace) -> int:
    """Turn a submitted issue form into a new source file, or say what to fix."""
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
    ctx = make_context(layout_of(root))
    folder = root / FORMS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    files = form_files(ctx.vocab, site_address(root))
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
    add_bench_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kennisbank`` console script."""
    args = parser().parse_args(argv)
    root = find_root(Path.cwd())
    return args.run(root, args)


if __name__ == "__main__":
    sys.exit(main())
