"""Noticing edits during ``serve``: the operating system's file watcher instead of mkdocs' polling.

mkdocs' server looks at every watched file twice a second (watchdog's ``PollingObserver``). With
10,000 programmes that walk kept 43% of a core busy while nobody edited, in the same process as
the rebuild, so it slowed every rebuild too (one edit shown in 8.6 s instead of 5.4 s; see
BENCHMARK.md). The system's watcher (inotify on Linux, FSEvents on macOS, ReadDirectoryChanges
on Windows) costs nothing until a file changes.

That watcher also reports opening and reading a file, and every build reads all sources: only
real changes may start a rebuild. Where the system's watcher cannot start (for example when
all inotify instances of the user are taken), serve falls back to polling and says so.
"""

from __future__ import annotations

import logging
from pathlib import Path

from watchdog.events import FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.kennisbank")

#: The events that mean a source changed; not opening, reading or closing a file unchanged.
CHANGES = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent]

#: How often the fallback looks, as mkdocs does.
POLL_S = 0.5


class ChangeObserver(Observer):  # type: ignore[misc, valid-type]  # Observer is the platform's own class
    """The platform's file watcher, reporting only changes, with polling as the fallback."""

    def __init__(self) -> None:
        super().__init__()
        self.watched: list[tuple[FileSystemEventHandler, str, bool]] = []
        self.fallback: PollingObserver | None = None

    def schedule(self, event_handler: FileSystemEventHandler, path: str | Path, *, recursive: bool = False,
                 event_filter=None, follow_symlink: bool = False) -> ObservedWatch:
        """Watch ``path`` for changes only (``event_filter`` is always :data:`CHANGES`)."""
        self.watched.append((event_handler, str(path), recursive))
        return super().schedule(event_handler, path, recursive=recursive, event_filter=CHANGES, follow_symlink=follow_symlink)

    def start(self) -> None:
        """Start the system's watcher; if it cannot start, poll instead."""
        try:
            super().start()
        except OSError as error:
            log.warning("Het systeem kan de mappen niet volgen (%s). Serve kijkt nu zelf elke halve seconde of er iets "
                        "veranderde; dat kost meer tijd.", error)
            self.unschedule_all()
            self.fallback = PollingObserver(timeout=POLL_S)
            for handler, path, recursive in self.watched:
                self.fallback.schedule(handler, path, recursive=recursive)
            self.fallback.start()

    def stop(self) -> None:
        """Stop watching, whichever watcher runs."""
        if self.fallback is not None:
            self.fallback.stop()
        super().stop()

    def join(self, timeout: float | None = None) -> None:
        """Wait until the running watcher has stopped."""
        if self.fallback is not None:
            self.fallback.join(timeout)
        elif self.is_alive():
            super().join(timeout)
