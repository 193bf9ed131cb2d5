"""Reading the content folder: every Markdown file of a section, parsed and validated into an entry.

A file whose front matter parses is kept as a ``Source`` even when the schema refuses it, so that
its references are still checked (one report names every problem of the file). Files read by an
earlier build of this process (the preview's rebuilds) or kept from an earlier build on disk
(``known``/``learn``: output/buildstate.py) are reused while their size and modification time stay
the same; entries never change once read."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..common import urls
from ..common.problems import Problem
from ..content.entries import ENTRY_TYPES, AnyEntry
from ..content.frontmatter import MAX_BODY, Parsed, read_markdown
from ..content.schema import problems_from
from ..content.tree import inside


@dataclass
class Source:
    """One Markdown file whose front matter parsed, valid or not."""

    kind: str
    parsed: Parsed
    path: str
    entry: AnyEntry | None


_READ: dict[str, tuple[tuple, Source, list[Problem]]] = {}
_PARSED: list[str] = []  # files parsed (or gone) in this process: which of what is kept on disk is behind


def known(content_dir: Path) -> tuple[dict[str, tuple[tuple, Source, list[Problem]]], set[str]]:
    """The files of a content folder read so far, and those parsed (or gone) since ``learn``."""
    root = f"{content_dir}{os.sep}"
    return {k: v for k, v in _READ.items() if k.startswith(root)}, {k for k in _PARSED if k.startswith(root)}


def learn(read: dict[str, tuple[tuple, Source, list[Problem]]]) -> None:
    """Files an earlier process read (its stamps are checked as for this process's own)."""
    for key, value in read.items():
        _READ.setdefault(key, value)
    _PARSED.clear()


def read_entries(content_dir: Path, max_body: int = MAX_BODY) -> tuple[list[Source], list[Problem]]:
    sources: list[Source] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for section, kind in urls.SECTIONS.items():
        folder = content_dir / section
        if not folder.is_dir():
            continue
        for file in markdown_files(folder):
            status = file.lstat()  # (one call to the file system for a file that is no link)
            link = stat.S_ISLNK(status.st_mode)
            if not inside(file, content_dir, link):
                continue  # a link that leaves the content folder: reported by content.tree.scan
            seen.add(str(file))
            source, found = _read(file, file.stat() if link else status, content_dir, kind, max_body)
            problems += found
            if source is not None:
                sources.append(source)
    for gone in _READ.keys() - seen:
        if gone.startswith(f"{content_dir}{os.sep}"):  # (not a sibling folder whose name begins the same)
            del _READ[gone]
            _PARSED.append(gone)
    return sources, problems


def markdown_files(folder: Path) -> list[Path]:
    """Every name ending in .md under ``folder``, in path order, links to folders not followed: what
    ``sorted(folder.rglob("*.md"))`` gives, without hashing a Path per file (a large site has tens of
    thousands)."""
    found: list[tuple[list[str], str]] = []
    for root, dirs, names in os.walk(folder):
        relative = os.path.relpath(root, folder).split(os.sep) if root != str(folder) else []
        found += [([*relative, name], os.path.join(root, name)) for name in (*names, *dirs) if name.endswith(".md")]
    return [Path(path) for _, path in sorted(found)]


def _read(file: Path, status: os.stat_result, content_dir: Path, kind: str, max_body: int) -> tuple[Source | None, list[Problem]]:
    src_uri = file.relative_to(content_dir).as_posix()
    display = f"{content_dir.name}/{src_uri}"
    stamp = (status.st_mtime_ns, status.st_size, display, os.environ.get("PORTAL_LANG"), max_body)
    if (known := _READ.get(str(file))) is not None and known[0] == stamp:
        return known[1], known[2]
    parsed, found = read_markdown(file, display, max_body)
    if parsed is None:
        return None, found
    entry_type = ENTRY_TYPES[kind]
    entry = None
    try:
        data = entry_type.model.model_validate(parsed.data)
        entry = entry_type(data, display, src_uri, parsed.body, parsed)  # type: ignore[arg-type]
    except ValidationError as exc:
        found += problems_from(exc, entry_type.model, parsed, display)
    source = Source(kind, parsed, display, entry)
    _READ[str(file)] = (stamp, source, found)
    _PARSED.append(str(file))
    return source, found
