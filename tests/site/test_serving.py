"""serve: while a source has errors every page shows them (Dutch, escaped, accessible); once fixed, the site is back."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from kennisbank.model.problems import Problem
from kennisbank.site.serving import BuildState, error_page


def test_error_page_lists_every_problem_escaped():
    state = BuildState(problems=[Problem("programmas/x.yml", 3, "naam", "'<script>alert(1)</script>' is fout"),
                                 Problem("good_practices/y.md", 1, "", "het bestand is leeg")])
    html = error_page(state, "Kennisbank")
    assert '<html lang="nl">' in html and "<title>De site heeft fouten" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.index("good_practices/y.md:1") < html.index("programmas/x.yml:3")
    assert "<code>naam</code>" in html and "2 fouten" in html


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(url: str, wanted, seconds: float = 120) -> tuple[int, str]:
    deadline, last = time.monotonic() + seconds, (0, "")
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if wanted(*last):
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} gaf niet wat nodig was: {last[0]} {last[1][:300]}")


def test_serve_shows_the_errors_then_the_site_once_fixed(scratch):
    broken = scratch / "good_practices" / "kapot.md"
    broken.write_text("---\ntitel: [\n---\n", encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).parent / "kennisbank"), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=scratch,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for page in ("", "praktijken/fsan/", "bestaat/niet/"):
            status, html = wait_for(f"http://127.0.0.1:{port}/{page}", lambda status, html: "kapot.md" in html)
            assert status == 503
            assert "good_practices/kapot.md:2" in html and "De site kan nu niet worden gebouwd" in html
            assert "Traceback" not in html and "/livereload/" in html  # the browser reloads by itself
        broken.unlink()
        status, html = wait_for(f"http://127.0.0.1:{port}/praktijken/fsan/", lambda status, html: status == 200)
        assert "kapot.md" not in html and "<title>" in html
        time.sleep(3)  # a build reads every source; reading must not start another build
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _, err = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert "Traceback" not in err
    assert err.count("De site wordt gebouwd") == 2  # at the start, and once after the fix
