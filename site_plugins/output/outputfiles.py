"""The output folder: what may be written there, by whom, and when it becomes the site.

- Nothing is written outside it: every path made from data is checked with ``within`` first.
- One build at a time: a build holds a lock beside the folder (``Staging``); a second build into
  the same folder stops with a message instead of mixing its files into the first one's.
- A build writes into a fresh folder beside the output (``.site.partial-<pid>``) and the finished
  site replaces the old one only when the build succeeded: a killed or failed build leaves the
  previous site as it was, never a half-written one that looks complete. The replaced site is
  moved aside (``.site.old-…``) and deleted by the next build while it reads the content (tens of
  thousands of files take seconds to delete; nobody waits for them).
- Cached files go in by hard link where the cache and the site share a file system (no bytes
  copied: social cards and image renditions are most of a large site's output), a copy otherwise."""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

from ..content.tree import inside


class OutsideOutput(Exception):
    """A path that would be written outside the output folder."""


def within(out_dir: Path, relative: str, link: bool | None = None) -> Path:
    """``out_dir / relative``, refused when it would land outside ``out_dir`` ("../", an absolute path, a
    link; ``link``: whether the file is a symbolic link, when the caller knows it)."""
    target = out_dir / relative
    if os.path.isabs(relative) or not inside(target, out_dir, link):
        raise OutsideOutput(str(target))
    return target


def absent(out_dir: Path, relative: str) -> Path | None:
    """``within(out_dir, relative)`` when nothing is there yet, else None (one call to the file system
    for a file that is there and no link: a build asks this of every rendition and card)."""
    try:
        status: os.stat_result | None = os.lstat(out_dir / relative)
    except FileNotFoundError:
        status = None
    link = status is not None and stat.S_ISLNK(status.st_mode)
    target = within(out_dir, relative, link)
    return target if status is None or (link and not target.exists()) else None


def plain_relative(relative: str) -> bool:
    """A path that stays inside whatever folder it is joined to, by its text alone: not absolute, no
    "..", no backslash (for paths the build itself recorded, between folders it made)."""
    parts = relative.split("/")
    return bool(relative) and not relative.startswith("/") and "\\" not in relative and ".." not in parts and "" not in parts


def link_or_copy(source: str | Path, target: str | Path) -> None:
    Path(target).unlink(missing_ok=True)  # a link onto an old file would leave the old content
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def link_tree(source: Path, target: Path, ignore: tuple[str, ...] = ()) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*ignore), copy_function=lambda s, d: link_or_copy(s, d), dirs_exist_ok=True)


class Busy(Exception):
    """Another build holds the output folder."""


# Deletes the folders (or files) it is given, read-only folders made writable first; what is left, the
# next build deletes. Run as a process of its own, beside the build: a thread would take the build's
# interpreter lock for each of the tens of thousands of files of a site (the build measurably slower).
_REMOVER = """
import os, shutil, stat, sys

def writable(function, path, _excinfo):
    os.chmod(os.path.dirname(path), stat.S_IRWXU)
    if os.path.lexists(path) and not os.path.islink(path):
        os.chmod(path, stat.S_IRWXU)
    function(path)

for folder in sys.argv[1:]:
    try:
        if os.path.isdir(folder) and not os.path.islink(folder):
            shutil.rmtree(folder, onerror=writable)
        else:
            os.unlink(folder)
    except OSError:
        pass
"""


def _remover(paths: list[Path]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _REMOVER, *map(str, paths)], stdin=subprocess.DEVNULL)


class Staging:
    """A build's output written beside ``target`` and put in place whole when the build succeeded."""

    def __init__(self, target: Path):
        self.target = target
        self.lock_path = target.with_name(f".{target.name}.lock")
        self.partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
        self._lock: int | None = None
        self._clearing: subprocess.Popen | None = None

    def begin(self, keep: bool = False) -> Path:
        """Take the lock, clear what killed builds left, and return the folder to build into (with
        the current site's files linked into it when ``keep``: `mkdocs build --dirty`)."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise Busy(str(self.target)) from None
        self._lock = handle
        if stale := list(self.target.parent.glob(f".{self.target.name}.partial-*")):  # of killed builds: we hold the lock
            _remover(stale).wait()
        if replaced := list(self.target.parent.glob(f".{self.target.name}.old-*")):  # sites earlier builds replaced
            self._clearing = _remover(replaced)  # waited for in release(): no build leaves a process behind
        if keep and self.target.is_dir():
            link_tree(self.target, self.partial)
        self.partial.mkdir(exist_ok=True)
        return self.partial

    def commit(self) -> None:
        """The new site in place of the old one (two renames: the site is never half-written)."""
        old = self.target.with_name(f".{self.target.name}.old-{os.getpid()}-{time.time_ns()}")
        if self.target.exists() or self.target.is_symlink():
            os.rename(self.target, old)
        os.rename(self.partial, self.target)
        if old.is_symlink() or (old.exists() and not old.is_dir()):
            old.unlink()  # the next build deletes a replaced folder (begin)

    def abort(self) -> None:
        shutil.rmtree(self.partial, ignore_errors=True)

    def finish(self, succeeded: bool) -> None:
        """The new site in place when the build succeeded, else dropped; the lock released either way."""
        try:
            self.commit() if succeeded else self.abort()
        finally:
            self.release()

    def release(self) -> None:
        if self._clearing is not None:
            self._clearing.wait()
            self._clearing = None
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the lock
            self._lock = None
