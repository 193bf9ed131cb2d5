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
    root = f"{content_dir}{os.sep}"
    for section, kind in urls.SECTIONS.items():
        folder = content_dir / section
        if not folder.is_dir():
            continue
        cut = len(str(folder)) + 1
        for path, status in markdown_files(str(folder)):
            link = stat.S_ISLNK(status.st_mode)
            if not inside(path, content_dir, link):
                continue  # a link that leaves the content folder: reported by content.tree.scan
            seen.add(path)
            src_uri = f"{section}/{path[cut:].replace(os.sep, '/')}"
            source, found = _read(path, src_uri, os.stat(path) if link else status, content_dir, kind, max_body)
            problems += found
            if source is not None:
                sources.append(source)
    for gone in _READ.keys() - seen:
        if gone.startswith(root):  # (not a sibling folder whose name begins the same)
            del _READ[gone]
            _PARSED.append(gone)
    return sources, problems


def markdown_files(folder: str) -> list[tuple[str, os.stat_result]]:
    """Every name ending in .md under ``folder``, in path order (as ``sorted(folder.rglob("*.md"))``),
    links to folders not followed, with its own status (of a link: the link's). Strings, not Paths: a
    large site has tens of thousands of files, and the preview asks at every save."""
    found: list[tuple[tuple[str, ...], os.DirEntry]] = []
    folders: list[tuple[str, tuple[str, ...]]] = [(folder, ())]
    while folders:
        here, relative = folders.pop()
        with os.scandir(here) as names:
            for name in names:
                if name.name.endswith(".md"):
                    found.append(((*relative, name.name), name))
                if name.is_dir(follow_symlinks=False):
                    folders.append((name.path, (*relative, name.name)))
    found.sort(key=lambda item: item[0])
    return [(name.path, name.stat(follow_symlinks=False)) for _, name in found]


def _read(file: str, src_uri: str, status: os.stat_result, content_dir: Path, kind: str, max_body: int) -> tuple[Source | None, list[Problem]]:
    display = f"{content_dir.name}/{src_uri}"
    stamp = (status.st_mtime_ns, status.st_size, display, os.environ.get("PORTAL_LANG"), max_body)
    if (known := _READ.get(file)) is not None and known[0] == stamp:
        return known[1], known[2]
    parsed, found = read_markdown(Path(file), display, max_body)
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
    _READ[file] = (stamp, source, found)
    _PARSED.append(file)
    return source, found
