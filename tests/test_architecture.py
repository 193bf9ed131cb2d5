"""The shape of the engine: stages import only the stages below them, plugin.py alone knows MkDocs,
nothing imports the adapter, and the catalog is the same after every stage has read it."""

from __future__ import annotations

import ast
import functools
import inspect
import pickle
from pathlib import Path

from helpers import ROOT

from site_plugins.bodies.fragments import plain_text
from site_plugins.media.media import Media
from site_plugins.output import search
from site_plugins.output.feeds import FeedSettings, FeedWriter
from site_plugins.views.dependencies import dependency_map
from site_plugins.views.listings import Listings
from site_plugins.views.page import Settings
from site_plugins.views.sharing import Site as SharingSite
from site_plugins.views.siteviews import SiteViews

PACKAGE = ROOT / "site_plugins"
# Each stage and what it may import (besides itself). The top — build.py, plugin.py, the CLI — may import every stage.
ALLOWED = {
    "common": set(),
    "content": {"common"},
    "catalog": {"common", "content"},
    "bodies": {"common", "content", "catalog"},
    "media": {"common", "content", "catalog"},
    "views": {"common", "content", "catalog", "media"},
    "output": {"common", "content", "catalog", "bodies", "media", "views"},
    "importer": {"common", "content"},
    "editors": {"common", "content"},
    "polls": {"common", "content"},  # the optional poll service, beside the build
    "partners": {"common", "content", "bodies"},  # `portal fetch-partners`, beside the build (bodies: the sanitiser)
}
TOP = {"build", "plugin", "__main__", "__init__"}


def stage_of(module: str) -> str:
    """'site_plugins.views.cards' → 'views'; 'site_plugins.build' → 'build'."""
    return module.split(".")[1] if module.count(".") >= 1 else module


def imports(path: Path, package: Path) -> list[tuple[str, int]]:
    """The site_plugins modules a file imports (relative imports resolved), with their lines."""
    parts = path.relative_to(package.parent).with_suffix("").parts
    here = list(parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            names = [f"{target}.{a.name}" for a in node.names]  # "from site_plugins import plugin" imports site_plugins.plugin
            found += [(n, node.lineno) for n in names if n.startswith("site_plugins")]
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("site_plugins")]
    return found


def violations(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        stage = stage_of(module)
        source = path.read_text("utf-8")
        if stage != "plugin" and ("import mkdocs" in source or "from mkdocs" in source):
            found.append(f"{module} imports MkDocs (only plugin.py may)")
        for target, line in imports(path, package):
            other = stage_of(target)
            if other == "plugin":
                found.append(f"{module}:{line} imports the MkDocs adapter")
            elif stage in ALLOWED and other != stage and other not in ALLOWED[stage]:
                found.append(f"{module}:{line} ({stage}) imports {target} ({other})")
    return found


def test_stages_import_only_what_lies_below_them():
    assert violations(PACKAGE) == []
    assert set(ALLOWED) | TOP >= {stage_of(".".join(p.relative_to(ROOT).with_suffix("").parts)) for p in PACKAGE.rglob("*.py")}


def test_the_rule_finds_an_import_that_runs_back_up(tmp_path):
    package = tmp_path / "site_plugins"
    for folder in ("content", "views"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "views" / "cards.py").write_text("X = 1\n")
    (package / "content" / "entries.py").write_text("from __future__ import annotations\n\nfrom ..views.cards import X\n")
    (package / "content" / "schema.py").write_text("from site_plugins import plugin\nimport mkdocs\n")
    assert violations(package) == [
        "site_plugins.content.entries:3 (content) imports site_plugins.views.cards.X (views)",
        "site_plugins.content.schema imports MkDocs (only plugin.py may)",
        "site_plugins.content.schema:1 imports the MkDocs adapter",
    ]


def test_the_catalog_is_the_same_after_every_stage_read_it(catalog, tmp_path):
    for entry in [*catalog.entries, *catalog.hidden]:  # what an entry computes once and keeps (its URL, id…): reading it is not a change
        for name in [n for n, kind in inspect.getmembers(type(entry)) if isinstance(kind, functools.cached_property)]:
            getattr(entry, name)
    before = pickle.dumps(vars(catalog))
    listings = Listings(catalog, "Trang")
    views = SiteViews(catalog, listings, Settings(site=SharingSite("https://example.vn/", "Trang", "Nhà xuất bản")), Media())
    dependency_map(views, listings, 50)
    writer = FeedWriter(catalog, FeedSettings("https://example.vn/", "example.vn,2024"), lambda e: "<p>Nội dung</p>")
    for listing in listings:
        writer.write(listing, tmp_path)
    search.records(catalog, lambda e: "<p>Nội dung</p>")
    plain_text("<h2>A</h2><p>B</p>")
    assert pickle.dumps(vars(catalog)) == before
