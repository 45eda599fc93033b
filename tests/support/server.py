"""A built site served on 127.0.0.1 like GitHub Pages serves it, and a browser page that records what goes wrong."""

from __future__ import annotations

import contextlib
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .repo import SITE_PATH


class _Pages(SimpleHTTPRequestHandler):
    """Like GitHub Pages: the site also answers under its own path (/kennisbank/, which the 404 page uses for
    its links), and a missing page gets 404.html with status 404."""

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        prefix = SITE_PATH.rstrip("/")
        if path == prefix or path.startswith(prefix + "/"):
            path = path[len(prefix):] or "/"
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists() or self.command not in ("GET", "HEAD"):
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)
        return None


@contextlib.contextmanager
def serve_directory(directory: Path):
    """Serve a folder on 127.0.0.1 for as long as the ``with`` block runs; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Pages, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def watched_page(context, base_url: str):
    """A new page in ``context`` with ``foreign_requests`` and ``console_errors`` lists to assert on."""
    page = context.new_page()
    page.foreign_requests = []
    page.console_errors = []
    page.on("request", lambda r: None if r.url.startswith((base_url, "data:", "blob:")) else page.foreign_requests.append(r.url))
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    return page
