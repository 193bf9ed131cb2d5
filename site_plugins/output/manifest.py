"""The deploy manifest: one line per file of the built site, its SHA-256 and path, in the format of
`sha256sum` (``sha256sum -c manifest.sha256`` checks a copy). The build's output is byte-stable, so
an upload tool that compares it with the manifest of what is online sends only the files that
changed (docs/trien-khai.md): rsync and rclone do the same with ``--checksum``."""

from __future__ import annotations

import hashlib
from pathlib import Path

FILE = "manifest.sha256"


def write_manifest(out: Path) -> int:
    """The manifest of every file under ``out`` (itself excepted), sorted by path; how many files."""
    lines = []
    for file in sorted(out.rglob("*")):
        if file.is_file() and not file.is_symlink() and file.name != FILE:
            digest = hashlib.sha256()
            with file.open("rb") as stream:
                for block in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(block)
            lines.append(f"{digest.hexdigest()}  {file.relative_to(out).as_posix()}\n")
    (out / FILE).write_text("".join(lines), "utf-8")
    return len(lines)
