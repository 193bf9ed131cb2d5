"""The engine's templates compiled once and kept between builds (Jinja's bytecode cache), checked as
every cache of the portal is (cachefiles.py): a file whose BLAKE2 is not the one written with it is
compiled again from its template, never run. Jinja itself checks the template's source and its own
version; the folder is one per version of the portal's code and packages (build.py)."""

from __future__ import annotations

import hashlib
from contextlib import suppress
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from .cachefiles import write_atomic

CHECK = 32  # bytes of BLAKE2b before the bytecode


class CheckedBytecodeCache(BytecodeCache):
    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.bytecode"

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            data = self._path(bucket).read_bytes()
        except OSError:
            return  # not compiled yet (or unreadable): Jinja compiles it
        if hashlib.blake2b(data[CHECK:], digest_size=CHECK).digest() == data[:CHECK]:
            bucket.bytecode_from_string(data[CHECK:])

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        with suppress(OSError):  # a cache: the next build compiles the template again
            write_atomic(self._path(bucket), hashlib.blake2b(code, digest_size=CHECK).digest() + code)
