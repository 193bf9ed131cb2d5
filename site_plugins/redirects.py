"""URLs never break: every URL an entry was ever published at keeps working.

The build records the URL of each published entry by its permanent id in a ledger
(`published-urls.yml` beside mkdocs.yml, committed with the content). When a file is renamed or
its `slug:` changes, every old URL of that id becomes a small redirect page to the new one, with
`rel=canonical`, `noindex` and a plain link; redirect pages are listed nowhere (not in the
sitemap, lists or feeds). An old URL that another page now uses is left to that page."""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

import yaml

from . import urls
from .catalog import Catalog

LEDGER = "published-urls.yml"
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
HEADER = "# URLs each entry has been published at, by permanent id. Written by the build; commit it with the content.\n"


def load_ledger(path: Path) -> dict[str, list[str]]:
    if not path.exists():
        return {}
    data = yaml.load(path.read_text("utf-8"), Loader=SAFE_LOADER) or {}  # libyaml: the ledger grows with the site
    return {str(k): [str(u) for u in v] for k, v in data.items()}


def updated_ledger(ledger: dict[str, list[str]], catalog: Catalog) -> dict[str, list[str]]:
    """The ledger with the current URL of every published entry added (nothing is ever removed)."""
    out = {k: list(v) for k, v in ledger.items()}
    for entry in catalog.entries:
        known = out.setdefault(entry.id, [])
        if entry.url not in known:
            known.append(entry.url)
    return out


def save_ledger(path: Path, ledger: dict[str, list[str]]) -> None:
    text = HEADER + yaml.dump(dict(sorted(ledger.items())), Dumper=SAFE_DUMPER, allow_unicode=True, default_flow_style=False)
    if not path.exists() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")


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
        target = site_dir / urls.output(old)
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(old, new, by_url[new].title, site_url), "utf-8")
        count += 1
    return count
