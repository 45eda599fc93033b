"""serve notices edits through the system's file watcher: every real change, never a file being read."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from kennisbank.site import watching
from kennisbank.site.serving import ErrorPageServer
from kennisbank.site.watching import ChangeObserver


class Recorder(FileSystemEventHandler):
    """Keeps the paths of the file events it gets, as mkdocs' handler would rebuild on each."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.arrived = threading.Event()

    def on_any_event(self, event) -> None:
        if not event.is_directory:
            self.paths += [event.src_path, event.dest_path]  # dest_path: where a moved file went, else ""
            self.arrived.set()

    def wait(self, seconds: float = 5) -> list[str]:
        """The paths so far, after the first one arrived or ``seconds`` passed; then start afresh."""
        self.arrived.wait(seconds)
        time.sleep(0.3)  # a change can come as more than one event
        found, self.paths = self.paths, []
        self.arrived.clear()
        return found


@pytest.fixture
def watched(tmp_path: Path):
    folder, single = tmp_path / "map", tmp_path / "mkdocs.yml"
    folder.mkdir()
    (folder / "a.md").write_text("a", encoding="utf-8")
    single.write_text("site_name: x\n", encoding="utf-8")
    recorder, observer = Recorder(), ChangeObserver()
    observer.schedule(recorder, str(folder), recursive=True)
    observer.schedule(recorder, str(single), recursive=True)
    observer.start()
    time.sleep(0.3)
    yield folder, single, recorder, observer
    observer.stop()
    observer.join(5)


@pytest.mark.parametrize("change", ["nieuw", "wijzig", "hernoem", "wis", "bestand"])
def test_every_change_is_reported(watched, change):
    folder, single, recorder, _ = watched
    target = {"nieuw": folder / "b.md", "bestand": single}.get(change, folder / "a.md")
    if change == "nieuw":
        target.write_text("b", encoding="utf-8")
    elif change in ("wijzig", "bestand"):
        with target.open("a", encoding="utf-8") as file:
            file.write("meer\n")
    elif change == "hernoem":  # how many editors save: a new file moved over the old one
        (folder / ".a.md.tmp").write_text("nieuw", encoding="utf-8")
        (folder / ".a.md.tmp").replace(target)
    else:
        target.unlink()
    assert str(target) in recorder.wait()


def test_reading_a_file_is_no_change(watched):
    folder, single, recorder, _ = watched
    for path in (folder / "a.md", single):
        path.read_text(encoding="utf-8")
        path.stat()
    assert recorder.wait(1) == []


def test_the_system_watcher_is_used_where_it_works(watched):
    observer = watched[3]
    assert observer.fallback is None and not isinstance(observer, PollingObserver) and observer.is_alive()


def test_polling_takes_over_when_the_system_watcher_cannot_start(tmp_path, monkeypatch, caplog):
    def refuse(self):
        raise OSError(24, "inotify instance limit reached")

    monkeypatch.setattr(watching.Observer, "start", refuse)
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    recorder, observer = Recorder(), ChangeObserver()
    observer.schedule(recorder, str(tmp_path), recursive=True)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.kennisbank"):
        observer.start()
    try:
        assert isinstance(observer.fallback, PollingObserver)
        assert caplog.messages == ["Het systeem kan de mappen niet volgen ([Errno 24] inotify instance limit reached). Serve kijkt "
                                   "nu zelf elke halve seconde of er iets veranderde; dat kost meer tijd."]
        time.sleep(0.6)  # the polling observer's first look
        (tmp_path / "a.md").write_text("anders", encoding="utf-8")
        assert str(tmp_path / "a.md") in recorder.wait()
    finally:
        observer.stop()
        observer.join(5)
    assert not observer.fallback.is_alive()


def test_serve_watches_with_the_change_observer(tmp_path):
    server = ErrorPageServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        assert isinstance(server.observer, ChangeObserver)
    finally:
        server.server_close()
