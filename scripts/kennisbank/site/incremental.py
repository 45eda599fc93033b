"""Fast rebuilds while serving: only the pages whose Markdown changed are rendered again.

mkdocs can skip pages in a "dirty" build: a page is rendered again only when its
source file is newer than its HTML. Generated pages have no source file, so
mkdocs would render all of them on every change. :class:`ServeCache` gives each
generated page a file in a temporary folder and rewrites that file only when the
page's Markdown differs from the last build. Editing one good practice then
renders its page and the overview pages whose text changed, not the whole site.

Dirty builds alone can leave stale pages behind: a changed page title or theme
shows in every page's navigation, a removed entry leaves its old HTML, and the
payment table in a guide is made from all practices. So anything beyond the
generated pages (hand-written content, theme overrides, mkdocs.yml, the set of
generated pages, the practices' payment data) is fingerprinted, and when the
fingerprint changes the site folder is emptied first: a full rebuild.

Between two rebuilds with the same fingerprint (on the same day), an unchanged generated page
that is not in the menu keeps its mkdocs ``File``, and with it its ``Page``: mkdocs would make
both anew for every one of 14,000 pages at 10,000 programmes (about 1.2 s of CPU per edit,
BENCHMARK.md), only to skip them as unchanged. Such a page has no menu links, and all that
``Page`` takes from the config (the site's address, the edit links) is in the fingerprint.
Then, unless a page in the menu changed too, the theme's own pages (the 404 page and the
sitemap, made from the menu, every page's address and the date) are those of the last build.

mkdocs also makes a new Jinja environment for every build, which compiles the theme's templates
again; :class:`TemplateCache` keeps them compiled from one rebuild to the next.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.structure.files import File
from mkdocs.utils import clean_directory

from ..model.checks import Catalogue
from ..pages.common import Generated


def tree_state(paths: Iterable[Path]) -> list[tuple[str, int, int]]:
    """(path, size, mtime in ns) of every file under the given files and folders."""
    found = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            stat = file.stat()
            found.append((file.as_posix(), stat.st_size, stat.st_mtime_ns))
    return found


def fingerprint(watched: Iterable[Path], catalogue: Catalogue, doc_paths: Iterable[str]) -> str:
    """A hash of everything a dirty build cannot follow (see the module's docstring)."""
    digest = hashlib.sha256()
    digest.update(repr(tree_state(watched)).encode())
    digest.update(repr(sorted(doc_paths)).encode())
    payments = sorted((p.slug, p.title, p.organisation, p.payment, p.keyperson_count) for p in catalogue.practices)
    digest.update(repr(payments).encode())
    return digest.hexdigest()


class TemplateCache(BytecodeCache):
    """Compiled templates in memory, for the next environment (Jinja's own cache interface).

    Jinja stores a checksum of each template's source with its code, so a changed template is compiled anew.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class ServeCache:
    """Generated pages as files that change only when their Markdown changes."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kennisbank-serve-"))
        self.contents: dict[str, str] = {}
        self.last_fingerprint: str | None = None
        self.last_day: dt.date | None = None
        #: The File (and through it the Page) of each generated page in the last build.
        self.files: dict[str, File] = {}
        #: The pages in the last build's menu: their Page has menu links, so they are always made anew.
        self.in_nav: frozenset[str] = frozenset()
        self.reusing = False
        self.menu_changed = False  # whether a page in the menu was rewritten in this build
        self.templates = TemplateCache()

    def file(self, config, generated: Generated) -> File:
        """An mkdocs File for a generated page, backed by a file rewritten only on change.

        The last build's File when the page did not change and :meth:`prepare` allowed it.
        """
        doc = generated.doc_path
        unchanged = self.contents.get(doc) == generated.content
        kept = self.files.get(doc)
        if unchanged and self.reusing and kept is not None and doc not in self.in_nav:
            return kept
        path = self.folder / doc
        if not unchanged:
            self.menu_changed = self.menu_changed or doc in self.in_nav
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(generated.content, encoding="utf-8")
            self.contents[doc] = generated.content
        self.files[doc] = File.generated(config, doc, abs_src_path=str(path))
        return self.files[doc]

    def prepare(self, site_dir: str, current: str, today: dt.date | None = None) -> bool:
        """Empty ``site_dir`` when the fingerprint changed (a full rebuild); say whether it did.

        Call it before :meth:`file`: unchanged pages keep their File only when neither the
        fingerprint nor the date (the pages' build date, in the sitemap) changed.
        """
        today = today or dt.date.today()
        changed = current != self.last_fingerprint
        if changed and self.last_fingerprint is not None:
            clean_directory(site_dir)
        self.reusing = not changed and today == self.last_day
        self.menu_changed = False
        self.last_fingerprint, self.last_day = current, today
        return changed

    def keeps_theme_pages(self) -> bool:
        """Whether the last build's 404 page and sitemap still hold (call it after :meth:`file` for every page)."""
        return self.reusing and not self.menu_changed

    def remember_nav(self, doc_paths) -> None:
        """The pages in this build's menu (see :attr:`in_nav`)."""
        self.in_nav = frozenset(doc_paths)

    def close(self) -> None:
        """Remove the temporary folder."""
        shutil.rmtree(self.folder, ignore_errors=True)
