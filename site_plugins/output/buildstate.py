"""The state a normal build leaves for the next build into the same output folder.

After a build whose site was put in place, the state file holds that build's ``Snapshot``
(views/incremental.py: entry hashes, page-data hashes, the dependency map, body HTML and search
records, the classes of every page) and what the output folder held: for each file its size,
modification time, inode and SHA-256 (the deploy manifest reuses the hashes of files that did not
change). The next build into the same folder renders only the pages its plan names and links the
other pages from the old folder into the new one, after checking that each file it links is still
the file the state describes. A state that cannot be read, was written by another version of the
portal, or does not match the folder is set aside with a message: the build is then a whole one.

Like Sphinx's ``environment.pickle``, the state is a pickle in the build's own cache folder (as
trusted as the virtual environment beside it); a header with a version and a BLAKE2 of the payload
refuses a damaged or foreign file before anything is unpickled."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

from ..common.cachefiles import atomic, digest
from ..views.incremental import Snapshot, code_digest
from .manifest import Known, sha256
from .outputfiles import OutsideOutput, link_or_copy, plain_relative

MAGIC = b"htx-portal build state 3\n"
CHECK = 64  # hex digits of the payload's BLAKE2b (32 bytes)
FOLDER = "builds"
T = TypeVar("T")


class Damaged(Exception):
    """A state file that is not one this version wrote whole."""


def state_path(cache_root: Path, output: Path) -> Path:
    """Where the state of builds into ``output`` is kept (one file per output folder)."""
    return cache_root / FOLDER / f"{digest(output.resolve())[:16]}.pickle"


def write_state(path: Path, snapshot: Snapshot) -> None:
    write_checked(path, snapshot)


def read_state(path: Path) -> Snapshot | None:
    """The state of the last build into this folder; None when there is none; Damaged when unusable."""
    return read_checked(path, Snapshot)


PARTS = 16  # the entries read are kept in parts, by their file's path: a day's edit rewrites one part, not all


def entries_path(cache_root: Path, content_dir: Path, part: int) -> Path:
    """Where a part of the entries read from a content folder is kept (catalog/reading.py): a new
    process parses only the files that changed since."""
    return cache_root / FOLDER / f"{_entries_stem(content_dir)}-{part:02d}.pickle"


def _entries_stem(content_dir: Path) -> str:
    return f"entries-{digest(content_dir.resolve())[:16]}"


def entries_part(path: str) -> int:
    """The part a file's entry is kept in."""
    return zlib.crc32(path.encode("utf-8", "surrogateescape")) % PARTS


def read_entries(cache_root: Path, content_dir: Path) -> tuple[dict, list[str]]:
    """The entries kept from a content folder, and the parts found damaged (their files are parsed again)."""
    kept: dict = {}
    damaged = []
    for part in range(PARTS):
        try:
            kept.update(read_checked(entries_path(cache_root, content_dir, part), dict) or {})
        except Damaged as exc:
            damaged.append(str(exc))
    return kept, damaged


def write_entries(cache_root: Path, content_dir: Path, read: dict, parsed: Iterable[str]) -> None:
    """The parts of ``read`` that hold a file ``parsed`` (or gone) since they were read back."""
    parts: dict[int, dict] = {part: {} for part in {entries_part(path) for path in parsed}}
    for path, value in read.items():
        if (part := entries_part(path)) in parts:
            parts[part][path] = value
    for part, entries in parts.items():
        write_checked(entries_path(cache_root, content_dir, part), entries)
    (cache_root / FOLDER / f"{_entries_stem(content_dir)}.pickle").unlink(missing_ok=True)  # kept whole before 2026-12-06


def verified_path(cache_root: Path) -> Path:
    """Where the stamps of the cache files builds verified are kept (common/cachefiles.py)."""
    return cache_root / FOLDER / "verified.pickle"


class _Hashing:
    """A file the pickler writes into that hashes what passes (the payload is never whole in memory)."""

    def __init__(self, file: BinaryIO):
        self.file, self.hash = file, hashlib.blake2b(digest_size=32)

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        return self.file.write(data)


def write_checked(path: Path, value: object) -> None:
    """A pickle under a header: the format's magic, the portal's code digest, a BLAKE2 of the payload.
    Streamed into a temporary file renamed over ``path``: an 86 MB state at 10,000 articles held twice
    in memory (the payload, then the header joined to it) was the peak of a whole build."""
    with atomic(path) as file:
        file.write(MAGIC + code_digest().encode() + b"\n")
        at = file.tell()
        file.write(b"0" * CHECK + b"\n")
        hashing = _Hashing(file)
        pickle.dump(value, hashing, protocol=pickle.HIGHEST_PROTOCOL)
        file.seek(at)
        file.write(hashing.hash.hexdigest().encode())


def read_checked(path: Path, kind: type[T]) -> T | None:
    """What ``write_checked`` wrote, when this version wrote it whole; None when there is no file.
    The payload is hashed in chunks, then unpickled from the same open file."""
    try:
        file = path.open("rb")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise Damaged(str(exc)) from None
    with file:
        try:
            head, code, check = file.readline(len(MAGIC)), file.readline(200), file.readline(CHECK + 1)
            if head != MAGIC or code != code_digest().encode() + b"\n" or _payload_hash(file) != check.rstrip(b"\n"):
                raise Damaged(path.name)
            file.seek(len(head) + len(code) + len(check))
            value = _unpickled(file)
        except OSError as exc:
            raise Damaged(str(exc)) from None
        except Damaged:
            raise
        except Exception as exc:  # a class renamed since: any failure to unpickle means "not ours"
            raise Damaged(f"{path.name}: {exc}") from None
    if not isinstance(value, kind):
        raise Damaged(path.name)
    return value


def _unpickled(file: BinaryIO) -> object:
    """Unpickling makes millions of objects and no garbage: the collector, which would walk the
    build's heap again and again meanwhile, waits."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(file)
    finally:
        if collecting:
            gc.enable()


def _payload_hash(file: BinaryIO) -> bytes:
    hashed = hashlib.blake2b(digest_size=32)
    while chunk := file.read(1 << 20):
        hashed.update(chunk)
    return hashed.hexdigest().encode()


def stamp(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def changed_files(folder: Path, files: Known, paths: Iterable[str]) -> list[str]:
    """Of ``paths``, those whose file in ``folder`` is missing or not the one the state recorded. A
    file whose size, time or inode differ (a folder a CI runner restored from its cache) is compared
    by its SHA-256; when the bytes are the recorded ones, ``files`` learns its new stamp."""
    changed = []
    for path in sorted(paths):
        recorded = files.get(path)
        try:
            now = stamp(folder / path)
            if recorded is not None and now != recorded[:3] and now[0] == recorded[0] and sha256(folder / path) == recorded[3]:
                files[path] = recorded = (*now, recorded[3])
            if recorded is None or now != recorded[:3]:
                changed.append(path)
        except OSError:
            changed.append(path)
    return changed


def link_kept(old: Path, new: Path, paths: Iterable[str]) -> set[str]:
    """The files of the previous site this build does not write again, linked into the new one (as
    plain strings and one mkdir per folder: ~36,000 files at 10,000 articles); those hard-linked (the
    same inode: the stamp ``changed_files`` checked), not copied."""
    linked, made, old_root, new_root = set(), {""}, f"{old}/", f"{new}/"
    for path in paths:
        if not plain_relative(path):  # recorded by an earlier build, from a site URL: never, unless the state was forged
            raise OutsideOutput(path)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(new_root + folder, exist_ok=True)
            made.add(folder)
        try:
            os.link(old_root + path, new_root + path)  # the new folder is this build's own: nothing to replace
            linked.add(path)
        except OSError:
            link_or_copy(old_root + path, new_root + path)
    return linked
