"""The deploy manifest: one line per file of the built site, its SHA-256 and path, in the format of
`sha256sum` (``sha256sum -c manifest.sha256`` checks a copy). The build's output is byte-stable, so
an upload tool that compares it with the manifest of what is online sends only the files that
changed (docs/trien-khai.md): rsync and rclone do the same with ``--checksum``.

A file whose size, modification time and inode are those the previous build recorded (a page or a
picture linked from the previous site or the caches) keeps its recorded hash: an incremental build
hashes only what it wrote."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterator
from pathlib import Path

FILE = "manifest.sha256"

Known = dict[str, tuple[int, int, int, str]]  # site path → (size, mtime in ns, inode, SHA-256)


def sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files_under(folder: str, prefix: str = "") -> Iterator[tuple[str, os.DirEntry]]:
    """(path relative to the folder, its entry) of every regular file under it, links not followed."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from files_under(entry.path, f"{prefix}{entry.name}/")
            elif entry.is_file(follow_symlinks=False):
                yield f"{prefix}{entry.name}", entry


def write_manifest(out: Path, known: Known | None = None, linked: Collection[str] = ()) -> Known:
    """The manifest of every file under ``out`` (itself excepted), sorted by path; what it recorded.
    A file of ``linked`` (hard-linked from the previous site after its stamp was checked) is not
    looked at again: its stamp and hash are the ones ``known`` recorded."""
    known = known or {}
    found = {}
    for path, entry in files_under(str(out)):
        if path in linked and path in known:
            found[path] = known[path]
        elif path != FILE:
            stat = entry.stat(follow_symlinks=False)
            stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
            kept = known.get(path)
            found[path] = (*stamp, kept[3] if kept is not None and kept[:3] == stamp else sha256(Path(entry.path)))
    (out / FILE).write_text("".join(f"{found[path][3]}  {path}\n" for path in sorted(found, key=lambda p: p.split("/"))), "utf-8")
    return found
