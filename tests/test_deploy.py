"""The deploy manifest (manifest.sha256, `sha256sum` format): every file of the site with its hash,
and the same manifest from a second build of the same content — an upload after a rebuild with no
change sends nothing but Pagefind's filter and metadata indexes, which Pagefind itself writes in a
different order each run (Pagefind/pagefind#638: fragments are stable since 1.3, "other files will
still change, such as the filter/metadata indexes") — docs/trien-khai.md."""

from __future__ import annotations

import hashlib
import re

from helpers import Site, build_site

from site_plugins.output.manifest import FILE


def manifest(site: Site) -> dict[str, str]:
    lines = (site.root / FILE).read_text("utf-8").splitlines()
    return {path: digest for digest, path in (line.split("  ", 1) for line in lines)}


def test_the_manifest_names_every_file_with_its_hash(site):
    listed = manifest(site)
    files = {p.relative_to(site.root).as_posix() for p in site.root.rglob("*") if p.is_file() and p.name != FILE}
    assert set(listed) == files and len(files) > 1000
    for path in ("index.html", "feeds.opml", "assets/stylesheets/portal-material.css", "sitemap.xml"):
        assert listed[path] == hashlib.sha256((site.root / path).read_bytes()).hexdigest()


def test_a_second_build_of_the_same_content_changes_no_file(site, tmp_path):
    result = build_site(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    again, first = manifest(Site(tmp_path / "again")), manifest(site)
    differ = sorted((again.keys() ^ first.keys()) | {path for path in first.keys() & again.keys() if first[path] != again[path]})
    unstable = re.compile(r"pagefind/(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")
    assert [path for path in differ if not unstable.match(path)] == []
    assert len(differ) < 0.02 * len(first)  # a rebuild re-sends a few small search files, not the site
