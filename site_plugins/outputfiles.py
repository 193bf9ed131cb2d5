"""Putting cached files into the built site: a hard link where the cache and the site share a
file system (no bytes copied: social cards and image renditions are most of a large site's
output), a copy otherwise. Cached files are named by content and never written again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def link_or_copy(source: str | Path, target: str | Path) -> None:
    Path(target).unlink(missing_ok=True)  # a link onto an old file would leave the old content
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def link_tree(source: Path, target: Path, ignore: tuple[str, ...] = ()) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*ignore), copy_function=lambda s, d: link_or_copy(s, d), dirs_exist_ok=True)
