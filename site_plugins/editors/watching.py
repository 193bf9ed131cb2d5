"""How the preview hears that an editor saved a file. MkDocs' server polls what it watches every half
second — a walk of every file of the content (~0.06 s at 10,000 entries, taken from the build's
interpreter) and a save noticed 0.25 s later on average; the system's own notices (inotify, FSEvents,
ReadDirectoryChangesW) replace the polling where they start. The server is MkDocs' (plugin.py hands
it over in on_serve); nothing here imports MkDocs."""

from __future__ import annotations

from typing import Any

from watchdog.events import FileAttribEvent, FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver


class NativeObserver(Observer):  # type: ignore[misc,valid-type]
    """The system's own notices of changed files (inotify, FSEvents, ReadDirectoryChangesW), started
    in on_serve to know they work: MkDocs starts its observer again when it serves. Only changes are
    heard: MkDocs rebuilds on any event, and the build's own reading of a file (opened, closed
    unwritten) would start another build after each."""

    CHANGES = [FileCreatedEvent, FileModifiedEvent, FileAttribEvent, FileClosedEvent, FileDeletedEvent, FileMovedEvent]

    def schedule(self, handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(handler, path, recursive=recursive, event_filter=event_filter or self.CHANGES, follow_symlink=follow_symlink)

    def start(self) -> None:
        if not self.is_alive():
            super().start()


def watch_natively(server: Any) -> str | None:
    """The server's watches moved to the system's notices; None, or why they could not start (the
    server then polls as MkDocs does)."""
    native = NativeObserver()
    observe_with(server, native)
    try:
        native.start()
        return None
    except OSError as exc:  # (the system's limit of watches reached, say): MkDocs' own polling
        native.stop()
        observe_with(server, PollingObserver(timeout=0.5))
        return str(exc)


def observe_with(server: Any, observer: Any) -> None:
    """The server's watches moved to ``observer`` (MkDocs 1.6 keeps them as path → how many asked; pinned)."""
    watched = dict(server._watched_paths)
    server._watched_paths.clear()
    server._watch_refs.clear()
    server.observer = observer
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
