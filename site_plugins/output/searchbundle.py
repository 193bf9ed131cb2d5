"""The search bundle in shards: one Pagefind index per section and period, merged in the browser.

The primary index, at the bundle's root (``pagefind/pagefind.js``, the script the search page
imports, and its WebAssembly), holds what a first query searches: agencies, provinces, cooperatives,
documents, events and the newest months of articles until they hold ``RECENT`` articles. The older
articles are indexed by year (``pagefind/tin-tuc-2021/``; the year the primary reaches into keeps its
older months there), listed in ``pagefind/shards.json`` with the newest month each holds, which the
page adds with Pagefind's ``mergeIndex`` when the reader asks, when the year filter names it, or when
the recent records find nothing (theme/assets/search.js). Months, not years, bound the primary: it is
indexed again whenever a recent record changes (a day's edit waits for it), and it holds about
``RECENT`` articles whatever a year's volume; a year's shard changes when a month leaves the primary.
Every record carries its filters, so a filter works across the indexes merged (Pagefind adds up
their counts). Why one recent index and not one per section: each merged index costs a first query
the index chunks of every query word (50–130 kB each, however small the index: measured on the
benchmark's corpus); a first query downloads what the recent records hold, not the archive.

A shard's index is kept between builds outside the output folder (beside the image cache), by a
hash of its records as indexed and of the indexer's settings, and linked into the site: a build
indexes only the shards whose records changed, one after the other, so the indexer's memory is
that of the largest shard. Every reused file is checked against the fingerprint recorded when it was
made (a damaged shard is indexed anew and reported); folders no build has used for an hour go.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from pagefind_bin import get_executable  # the pinned binary itself: `python -m pagefind` costs an interpreter and asyncio first

from ..common import urls
from ..common.cachefiles import digest, fingerprint, matches, prune_unused, read_json, write_json
from .outputfiles import link_or_copy
from .search import LANGUAGE, Record, record_html

BUNDLE = urls.SEARCH_BUNDLE
MANIFEST = "shards.json"  # the merged shards, for the search page's script
RECENT = 500  # the newest months of articles searched first hold at least this many (all of them when fewer)
SETTINGS = ["--force-language", LANGUAGE]
CODE = Path(__file__).read_bytes() + Path(__file__).with_name("search.py").read_bytes()  # new code indexes anew
MERGED = ("pagefind-entry.json", "index/", "fragment/", "filter/", ".pf_meta")  # what a merged shard needs (no scripts, no wasm)


@dataclass
class Shard:
    section: str  # a section's URL segment ("tin-tuc"); "" for agencies and provinces
    year: int | None
    records: list[Record]
    recent: bool = True
    newest: str = ""  # the newest month an older shard holds ("2025-08"), for the search page's note

    @property
    def name(self) -> str:
        return self.section if self.year is None else f"{self.section}-{self.year}"


def shards(records: list[Record], recent: int = RECENT) -> list[Shard]:
    """The primary shard first: agencies, provinces, every section without dates and the newest months
    of a section split by month, until they hold ``recent`` of its records; then the rest of such a
    section by year, newest first. One index for what a first query searches: every index merged
    costs the chunks of each query word (~50–130 kB each, whatever the size of the index)."""
    months: dict[tuple[str, tuple[int, int]], list[Record]] = {}
    primary = Shard("", None, [])
    for record in records:
        if record.period is None:
            primary.records.append(record)
        else:
            months.setdefault((record.section, record.period), []).append(record)
    older: dict[tuple[str, int], Shard] = {}
    held: dict[str, int] = {}
    for (section, (year, month)), found in sorted(months.items(), key=lambda item: (item[0][0], tuple(-x for x in item[0][1]))):
        if held.get(section, 0) < recent:
            primary.records.extend(found)
        else:  # months newest first: a year's shard is made with its newest month
            older.setdefault((section, year), Shard(section, year, [], recent=False, newest=f"{year}-{month:02d}")).records.extend(found)
        held[section] = held.get(section, 0) + len(found)
    return [primary, *older.values()]


@dataclass
class Indexed:
    records: int = 0
    shards: int = 0
    made: list[tuple[str, int, float, float]] = field(default_factory=list)  # shards indexed: name, records, seconds, indexer's peak MB
    damaged: list[str] = field(default_factory=list)


class ShardCache:
    """Each shard's Pagefind files, in a folder named by the hash of its records and settings."""

    SEAL = "seal.json"

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()
        self.result = Indexed()

    def place(self, shard: Shard, target: Path, primary: bool) -> None:
        """The shard's files linked into ``target`` (made first when no build has made them)."""
        pages = sorted((r.url, record_html(r)) for r in shard.records)
        key = digest(CODE, version("pagefind"), SETTINGS, primary, shard.name, *(part for page in pages for part in page))
        folder = self.folder / key
        self.used.add(key)
        seal = self._sealed(folder)
        if seal is None:
            if folder.exists():
                self.result.damaged.append(f"{folder.name} ({BUNDLE}/{shard.name})")
                shutil.rmtree(folder, ignore_errors=True)
            seal = self._make(shard, pages, folder, primary)
        else:
            os.utime(folder)  # in use: another build's prune leaves it
        for path in seal:
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(folder / path, target / path)

    def _sealed(self, folder: Path) -> dict | None:
        """The folder's seal when every file it names is there with the bytes it recorded."""
        seal = read_json(folder / self.SEAL)
        return seal if isinstance(seal, dict) and seal and all(matches(folder / path, expected) for path, expected in seal.items()) else None

    def _make(self, shard: Shard, pages: list[tuple[str, str]], folder: Path, primary: bool) -> dict:
        started = time.perf_counter()
        temporary = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
        shutil.rmtree(temporary, ignore_errors=True)
        peak = run_pagefind(pages, temporary)
        files = sorted(p for p in temporary.rglob("*") if p.is_file())
        for path in files:  # a merged shard uses the primary's scripts and WebAssembly
            relative = path.relative_to(temporary).as_posix()
            if not primary and not any(relative.startswith(x) or relative.endswith(x) for x in MERGED):
                path.unlink()
        seal = {p.relative_to(temporary).as_posix(): fingerprint(p) for p in files if p.exists()}
        write_json(temporary / self.SEAL, seal)
        try:
            temporary.rename(folder)
        except OSError:  # another build made the same shard meanwhile: its files, whose names differ from ours (Pagefind#638)
            shutil.rmtree(temporary, ignore_errors=True)
            theirs = self._sealed(folder)
            if theirs is None:
                raise RuntimeError(f"search shard {folder} made by another build is unreadable") from None
            seal = theirs
        self.result.made.append((shard.name or "(chính)", len(pages), time.perf_counter() - started, peak))
        return seal

    def prune(self, keep_seconds: float = 3600) -> None:
        prune_unused(self.folder, self.used, keep_seconds)


def run_pagefind(pages: list[tuple[str, str]], output: Path) -> float:
    """Index the pages with Pagefind's own indexer (the binary of the pinned `pagefind[bin]` package;
    nothing is downloaded) into ``output``; the indexer's peak memory in MB. The records are written
    as small HTML files at their URLs in a scratch folder: the CLI is fast on files, while Pagefind's
    Python service API answers about ten records a second."""
    memory = Path("/dev/shm")  # the scratch files are small and many: in memory where the system offers it
    with tempfile.TemporaryDirectory(prefix="portal-search-", dir=memory if memory.is_dir() else None) as scratch:
        for url, page in pages:
            target = Path(scratch, url.strip("/"), "index.html")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, "utf-8")
        command = [str(get_executable()), "--site", scratch, "--output-path", str(output), *SETTINGS, "--silent"]
        with tempfile.TemporaryFile() as log:
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
            peak = 0
            while process.poll() is None:
                peak = max(peak, _high_water(process.pid))
                time.sleep(0.05)
            if process.returncode != 0:
                log.seek(0)
                raise RuntimeError(f"Pagefind failed ({process.returncode}): {log.read().decode('utf-8', 'replace')}")
    return peak / 1024


def _high_water(pid: int) -> int:
    """The indexer's peak resident memory so far in kB (0 where /proc does not tell). Not the wait's
    ru_maxrss: a child started by fork and exec inherits there the resident size of the build that
    started it (600–800 MB at 10,000 articles), whatever the indexer itself used."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) if found else 0


def write_index(records: list[Record], site_dir: Path, cache: Path, recent: int = RECENT) -> Indexed:
    """The bundle into site_dir/pagefind/: the primary shard at its root, the others in their folders,
    and the list of the merged ones (``shards.json``); shards are made in ``cache`` or reused from it."""
    bundle = site_dir / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # its files are named by content: old ones would stay
    store = ShardCache(cache)
    made = shards(records, recent)
    for number, shard in enumerate(made):
        store.place(shard, bundle if number == 0 else bundle / shard.name, primary=number == 0)
    merged = [{"path": f"{s.name}/", "year": s.year, "newest": s.newest, "records": len(s.records), "recent": s.recent} for s in made[1:]]
    (bundle / MANIFEST).write_text(json.dumps({"shards": merged}, ensure_ascii=False), "utf-8")
    store.prune()
    store.result.records, store.result.shards = len(records), len(made)
    return store.result
