"""Caches that cannot lie: a file a cache hands back is checked against the size and hash
recorded when it was written. A damaged, missing or unreadable entry is discarded and made again
(the build reports it), never published. Files are written to a temporary name and renamed, so a
killed build or a second build at the same time never leaves half a file under the real name.

A file this process, or an earlier build whose stamps it was handed (``trust``), has read back
whole and found intact is trusted while its size, modification time and inode stay the same (the
preview rebuilds often; a day's edit at 10,000 articles would otherwise hash 7,000 cached feeds)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

Fingerprint = list  # [size in bytes, blake2b-128 of the bytes as hex]

_VERIFIED: dict[str, tuple[int, int, int]] = {}


def digest(*parts: object) -> str:
    """A BLAKE2 of values (each as text, or bytes as they are), one after the other: cache keys, the
    hashes builds compare (views/incremental.py, an entry's content_hash)."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def fingerprint(path: Path) -> Fingerprint:
    hasher = hashlib.blake2b(digest_size=16)
    size = 0
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            hasher.update(chunk)
            size += len(chunk)
    return [size, hasher.hexdigest()]


def matches(path: Path, expected: Any) -> bool:
    """Whether the file holds exactly the bytes ``expected`` (a fingerprint recorded at write time) describes."""
    if not isinstance(expected, list) or len(expected) != 2:
        return False
    try:
        stat = path.stat()
        stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
        if _VERIFIED.get(str(path)) == stamp:
            return True
        if stat.st_size != expected[0] or fingerprint(path) != expected:
            return False
    except OSError:
        return False
    _VERIFIED[str(path)] = stamp
    return True


def verified() -> dict[str, tuple[int, int, int]]:
    """The files verified so far and their stamps: a build keeps them for the next process (output/buildstate.py)."""
    return {path: stamp for path, stamp in _VERIFIED.items() if os.path.exists(path)}  # (cache entries pruned since: dropped)


def trust(stamps: dict[str, tuple[int, int, int]]) -> None:
    """Files an earlier process verified: trusted as its own while their size, time and inode stay the same."""
    for path, stamp in stamps.items():
        _VERIFIED.setdefault(path, stamp)


def prune_unused(folder: Path, used: set[str], keep_seconds: float = 3600) -> None:
    """Remove the entries of a cache folder no build has used for a while (a build running beside
    this one, into another output folder, may be using what this one did not); names starting with
    a dot are being written by a build."""
    if folder.is_dir():
        old = time.time() - keep_seconds
        for entry in folder.iterdir():
            if entry.name in used or entry.name.startswith("."):
                continue
            try:
                if entry.stat().st_mtime < old:
                    shutil.rmtree(entry, ignore_errors=True)
            except FileNotFoundError:
                pass  # removed meanwhile by another build


def read_json(path: Path) -> Any:
    """The JSON in a cache file, or None when it is missing, unreadable or not JSON."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


@contextmanager
def atomic(path: Path) -> Iterator[BinaryIO]:
    """A file written under a temporary name, renamed over ``path`` once closed whole (readers see
    the old or the new file whole; a failure leaves no temporary file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as file:
            yield file
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    with atomic(path) as file:
        file.write(data)


def write_json(path: Path, data: Any) -> None:
    write_atomic(path, json.dumps(data, sort_keys=True).encode("utf-8"))
