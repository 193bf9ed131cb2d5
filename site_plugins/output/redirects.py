"""URLs never break: every URL an entry was ever published at keeps working.

The build records the URL of each published entry by its permanent id in a ledger
(`published-urls.yml` beside mkdocs.yml, committed with the content). When a file is renamed or
its `slug:` changes, every old URL of that id becomes a small redirect page to the new one, with
`rel=canonical`, `noindex` and a plain link; redirect pages are listed nowhere (not in the
sitemap, lists or feeds). An old URL that another page now uses is left to that page."""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..catalog.catalog import Catalog
from ..common import urls, yamlio
from ..common.cachefiles import digest, read_json, write_atomic, write_json
from ..common.messages import problem
from ..common.problems import ContentError, Problem
from ..content.frontmatter import read_mapping
from .outputfiles import within

LEDGER = "published-urls.yml"
HEADER = "# URLs each entry has been published at, by permanent id. Written by the build; commit it with the content.\n"


# A URL of this site as the ledger records it: folders from the site root, no leading "/", no "..".
_URL = re.compile(r"^(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*/)*$")


def load_ledger(path: Path, display: str) -> tuple[dict[str, list[str]], list[Problem]]:
    """The ledger, validated: every id maps to a list of URLs of this site. A damaged ledger is a list
    of problems naming its lines (and an empty ledger), never a traceback."""
    parsed, data, problems = read_mapping(path, display)
    if parsed is None:
        return {}, problems
    ledger, wrong = _validated(data)
    for key, index in wrong:
        if index is None:
            problems.append(Problem(display, parsed.line((key,)), str(key), *problem("ledger.not_list")))
        else:
            problems.append(Problem(display, parsed.line((key, index)), f"{key}.{index + 1}", *problem("ledger.bad_url", url=data[key][index])))
    return ledger, problems


def _validated(data: dict) -> tuple[dict[str, list[str]], list[tuple[Any, int | None]]]:
    """The ledger's valid URLs by id, and where the others are: (id, None) for a value that is not a
    list of strings, (id, position) for a string that is not a URL of this site."""
    ledger: dict[str, list[str]] = {}
    wrong: list[tuple[Any, int | None]] = []
    for key, value in data.items():
        if not isinstance(value, list) or not all(isinstance(u, str) for u in value):
            wrong.append((key, None))
            continue
        ledger[str(key)] = [url for url in value if _URL.match(url) and not any(part in (".", "..") for part in url.split("/"))]
        wrong += [(key, index) for index, url in enumerate(value) if url not in ledger[str(key)]]
    return ledger, wrong


def load_kept(path: Path, display: str, cache: Path) -> tuple[dict[str, list[str]], list[Problem]]:
    """``load_ledger``, its result kept in ``cache`` (JSON, by the hash of the ledger's bytes and of its
    own content): parsing the YAML of 10,000 entries takes a second, its JSON milliseconds. Only a
    ledger without problems is kept; what the cache holds is validated again when read."""
    try:
        source = digest(path.read_bytes())
    except OSError:  # none yet, or unreadable: as load_ledger says
        return load_ledger(path, display)
    kept = read_json(cache)
    if isinstance(kept, dict) and kept.get("source") == source and isinstance(urls_kept := kept.get("urls"), dict):
        ledger, wrong = _validated(urls_kept)
        if not wrong and kept.get("digest") == digest(json.dumps(ledger, sort_keys=True).encode()):
            return ledger, []
    ledger, problems = load_ledger(path, display)
    if not problems:
        write_json(cache, {"source": source, "urls": ledger, "digest": digest(json.dumps(ledger, sort_keys=True).encode())})
    return ledger, problems


def kept_from(ledger: dict[str, list[str]], previous: dict[str, list[str]]) -> dict[str, list[str]]:
    """URLs an earlier build recorded (``previous``, the copy kept beside the caches) that the ledger
    no longer has: a deleted or truncated ledger would silently drop their redirects."""
    lost: dict[str, list[str]] = {}
    for entry_id, old_urls in previous.items():
        missing = [u for u in old_urls if u not in ledger.get(entry_id, [])]
        if missing:
            lost[entry_id] = missing
    return lost


def merged(ledger: dict[str, list[str]], extra: dict[str, list[str]]) -> dict[str, list[str]]:
    out = {k: list(v) for k, v in ledger.items()}
    for entry_id, more in extra.items():
        out.setdefault(entry_id, []).extend(u for u in more if u not in out[entry_id])
    return out


@dataclass
class Ledger:
    """The ledger a build uses: the file's URLs, plus those an earlier build recorded that the file
    lost (kept unless PORTAL_FORGET_URLS=1), saved to the file and to a copy beside the caches."""

    path: Path
    backup: Path
    urls: dict[str, list[str]]
    lost: dict[str, list[str]]
    copied: bool = False  # the file and its copy had the same bytes when read: the file is as the last build wrote it

    def save(self, catalog: Catalog) -> None:
        current = updated_ledger(self.urls, catalog)
        if self.copied and current == self.urls:  # no URL learnt (most builds): nothing to write (dumping is ~1 s at 10k entries)
            return
        save_ledger(self.path, current)
        save_ledger(self.backup, current)


def open_ledger(path: Path, backup: Path, display: str, forget: bool = False) -> Ledger:
    """The validated ledger (ContentError naming every bad line), with what it lost restored. Its
    parsed form is kept beside the copy (``load_kept``)."""
    urls_now, problems = load_kept(path, display, backup.with_name(f"{backup.name}.json"))
    if [p for p in problems if not p.warning]:
        raise ContentError(problems)
    copied = _same_bytes(path, backup)
    if copied:  # the usual case: the copy is the ledger, read once (it grows with every entry)
        previous = urls_now
    else:
        previous, _ = load_ledger(backup, str(backup))  # a damaged copy is only a copy: ignored
    lost = {} if forget else kept_from(urls_now, previous)
    return Ledger(path, backup, merged(urls_now, lost), lost, copied)


def _same_bytes(one: Path, other: Path) -> bool:
    try:
        return one.stat().st_size == other.stat().st_size and one.read_bytes() == other.read_bytes()
    except OSError:
        return False


def updated_ledger(ledger: dict[str, list[str]], catalog: Catalog) -> dict[str, list[str]]:
    """The ledger with the current URL of every published entry added (nothing is ever removed)."""
    out = {k: list(v) for k, v in ledger.items()}
    for entry in catalog.entries:
        known = out.setdefault(entry.id, [])
        if entry.url not in known:
            known.append(entry.url)
    return out


def save_ledger(path: Path, ledger: dict[str, list[str]]) -> None:
    text = HEADER + yamlio.dump(dict(sorted(ledger.items())), allow_unicode=True, default_flow_style=False)
    if not path.exists() or path.read_text("utf-8") != text:
        write_atomic(path, text.encode("utf-8"))


def redirects(ledger: dict[str, list[str]], catalog: Catalog, taken: set[str]) -> dict[str, str]:
    """old URL → current URL of the same entry, for old URLs no page uses now."""
    found: dict[str, str] = {}
    for entry_id, old_urls in ledger.items():
        entry = catalog.by_id.get(entry_id)
        if entry is None:
            continue  # unpublished for now (draft again, or deleted): its old URLs stay free
        for old in old_urls:
            if old != entry.url and old not in taken:
                found[old] = entry.url
    return found


def redirect_page(old: str, new: str, title: str, site_url: str) -> str:
    """A redirect that works from any host or folder: a relative link, and the canonical URL."""
    relative = posixpath.relpath(new.rstrip("/") or ".", old.rstrip("/") or ".") + "/"
    target, canonical, name = html.escape(relative), html.escape(site_url.rstrip("/") + "/" + new), html.escape(title)
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Đã chuyển: {name}</title>\n"
        f'<link rel="canonical" href="{canonical}">\n<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n'
        f'<body>\n<p>Trang này đã chuyển tới <a href="{target}">{name}</a>.</p>\n</body>\n</html>\n'
    )


def write_redirects(site_dir: Path, pages: dict[str, str], catalog: Catalog, site_url: str) -> int:
    by_url = {e.url: e for e in catalog.entries}
    count = 0
    for old, new in pages.items():
        target = within(site_dir, urls.output(old))
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(old, new, by_url[new].title, site_url), "utf-8")
        count += 1
    return count
