#!/usr/bin/env python3
"""Make the vendored browser bundles of the form page (bijdragen/aanmelden/) from npm registry packages.

    python3 scripts/vendor_js.py

The site loads nothing from npm at build time or in the browser: this script is run by hand when a
package is updated, and its output is committed under overrides/assets/vendor/. It installs the pinned
versions below into a temporary folder (npm), bundles each entry with esbuild (also from npm) into one
minified ES module, and copies the licence of every package that ends up in a bundle.

Why bundles instead of the packages' own files: Ajv and libphonenumber-js ship CommonJS or many small
ES modules; a browser without a build step needs one self-contained module per library.
To update: change a version here, run the script, run the tests (tests/javascript/ compares the rules
with Python), and update the versions in overrides/assets/vendor/README.md.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "overrides" / "assets" / "vendor"
ESBUILD = "esbuild@0.28.2"

#: folder under vendor/ -> (packages to install, entry module source, output file, packages whose licence goes along)
BUNDLES = {
    "ajv": (["ajv@8.20.0", "ajv-formats@3.0.1"],
            'export { default as Ajv2020 } from "ajv/dist/2020.js";\nexport { default as addFormats } from "ajv-formats";\n',
            "ajv2020.js", ["ajv", "ajv-formats", "fast-deep-equal", "fast-uri", "json-schema-traverse"]),
    "libphonenumber-js": (["libphonenumber-js@1.13.16"],
                          'export { findNumbers } from "libphonenumber-js/mobile";\n',
                          "mobiel.js", ["libphonenumber-js"]),
    "entities": (["entities@9.0.0"], 'export { decodeHTML } from "entities";\n', "entities.js", ["entities"]),
}


def licence_file(package: Path) -> Path:
    """The licence file of an installed package."""
    for name in ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "license", "license.md"):
        if (package / name).exists():
            return package / name
    raise SystemExit(f"geen licentiebestand in {package}")


def main() -> None:
    """Install, bundle and copy every bundle in BUNDLES."""
    with tempfile.TemporaryDirectory(prefix="kennisbank-vendor-") as scratch:
        work = Path(scratch)
        (work / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        packages = [p for spec in BUNDLES.values() for p in spec[0]] + [ESBUILD]
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts=false", *packages], cwd=work, check=True)
        for folder, (_, entry, output, licensed) in BUNDLES.items():
            (work / f"{folder}-entry.js").write_text(entry, encoding="utf-8")
            target = VENDOR / folder
            target.mkdir(parents=True, exist_ok=True)
            subprocess.run([str(work / "node_modules" / ".bin" / "esbuild"), f"{folder}-entry.js", "--bundle", "--format=esm",
                            "--minify", "--legal-comments=none", "--target=es2020", f"--outfile={target / output}"], cwd=work, check=True)
            notes = []
            for name in licensed:
                package = work / "node_modules" / name
                version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
                notes.append(f"=== {name} {version} ===\n\n{licence_file(package).read_text(encoding='utf-8').strip()}\n")
            (target / "LICENCES.txt").write_text("\n".join(notes), encoding="utf-8")
            print(f"{target / output}: {(target / output).stat().st_size:,} bytes")
    if shutil.which("git"):
        subprocess.run(["git", "status", "--short", str(VENDOR)], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
