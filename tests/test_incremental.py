"""The editors' preview rebuilds only what changed (`mkdocs serve --dirty`), and what it writes
equals a clean build byte for byte: after a title edit, a date that moves an article to another
archive month, a new entry and a deleted one."""

from __future__ import annotations

import gzip
import logging
import os
import re
import shutil
from pathlib import Path

import pytest
from helpers import CONTENT, NOW, SITE_URL, build_site, site_config

from site_plugins.build import settle_preview
from site_plugins.output.manifest import FILE as MANIFEST

ARTICLE = "tin-tuc/kim-son-giu-nghe-coi.md"


class Preview:
    """The builds `mkdocs serve --dirty` makes, in this process (as its rebuilds are), into one folder."""

    def __init__(self, tmp: Path):
        self.content = tmp / "content"
        shutil.copytree(CONTENT, self.content)
        self.config = site_config(tmp / "preview-config", self.content)
        self.site = tmp / "preview-site"

    def build(self, caplog) -> str:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        caplog.clear()
        config = load_config(str(self.config), site_dir=str(self.site))
        config.plugins.on_startup(command="serve", dirty=True)
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
            settle_preview()  # its feeds and state follow its pages in the background
        return caplog.text


@pytest.fixture()
def preview(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("PORTAL_NOW", NOW)
    monkeypatch.setenv("SITE_URL", SITE_URL)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    p = Preview(tmp_path)
    log = p.build(caplog)
    assert "dựng lại phần thay đổi" not in log  # the first build renders everything
    return p


def outputs(site: Path) -> dict[str, bytes]:
    """Every file but Pagefind's bundle: the search index is rebuilt whole on every build, and
    Pagefind names its chunks differently even between two clean builds of the same site."""
    found = {}
    for path in site.rglob("*"):
        if path.is_file() and not path.relative_to(site).as_posix().startswith("pagefind/") and path.name != MANIFEST:  # the preview is never uploaded
            data = path.read_bytes()
            found[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data  # the gzip header holds a time
    return found


def assert_equals_a_clean_build(preview: Preview, tmp_path: Path) -> None:
    clean = tmp_path / "clean-site"
    result = build_site(clean, preview.config)
    assert result.returncode == 0, result.stderr
    mine, theirs = outputs(preview.site), outputs(clean)
    assert sorted(mine.keys() - theirs.keys()) == [] and sorted(theirs.keys() - mine.keys()) == []
    differing = sorted(path for path in mine if mine[path] != theirs[path])
    assert differing == []


def rendered(log: str) -> tuple[int, int]:
    found = re.search(r"dựng lại phần thay đổi: (\d+) trang, (\d+) tệp nguồn tin", log)
    assert found, log
    return int(found[1]), int(found[2])


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_title_edit(preview, tmp_path, caplog):
    edit(preview.content / ARTICLE, "title: ", "title: Sửa tiêu đề — ")
    pages, feeds = rendered(preview.build(caplog))
    assert 0 < pages < 60 and 0 < feeds < 60  # of about 190 pages and 450 feed files
    assert_equals_a_clean_build(preview, tmp_path)


def test_a_date_that_moves_the_article_to_another_month(preview, tmp_path, caplog):
    text = (preview.content / ARTICLE).read_text("utf-8")
    date = re.search(r"^date: (\S+)", text, re.M)[1]
    edit(preview.content / ARTICLE, f"date: {date}", "date: 2023-02-14T09:00")
    pages, _ = rendered(preview.build(caplog))
    assert pages < 120
    assert_equals_a_clean_build(preview, tmp_path)


def test_adding_and_deleting_an_entry(preview, tmp_path, caplog):
    source = (preview.content / ARTICLE).read_text("utf-8")
    new = re.sub(r"^id: .*$", "id: bai-moi-them", source, count=1, flags=re.M).replace("title: ", "title: Bài mới — ", 1)
    (preview.content / "tin-tuc" / "bai-moi-them.md").write_text(new, "utf-8")
    rendered(preview.build(caplog))
    assert (preview.site / "tin-tuc" / "bai-moi-them" / "index.html").exists()
    assert_equals_a_clean_build(preview, tmp_path)
    os.remove(preview.content / "tin-tuc" / "bai-moi-them.md")
    rendered(preview.build(caplog))
    assert not (preview.site / "tin-tuc" / "bai-moi-them" / "index.html").exists()
    shutil.rmtree(tmp_path / "clean-site")
    assert_equals_a_clean_build(preview, tmp_path)


def test_a_new_cover_picture(preview, tmp_path, caplog):
    """A picture new to the site, saved as an article's cover: its renditions and the article's new card
    are published into the preview's folder beside what its earlier saves published there."""
    from PIL import Image

    with Image.open(preview.content / "anh" / "coi-kim-son.jpg") as image:
        image.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(preview.content / "anh" / "coi-kim-son-moi.jpg", quality=80)
    edit(preview.content / ARTICLE, "../anh/coi-kim-son.jpg", "../anh/coi-kim-son-moi.jpg")
    rendered(preview.build(caplog))
    assert_equals_a_clean_build(preview, tmp_path)


def test_the_preview_leaves_the_event_revisions_alone(preview, tmp_path, caplog):
    """`mkdocs serve` puts its own address into every URL: were its calendars recorded, every event's
    SEQUENCE would rise and the committed event-revisions.yml change on each preview."""
    from site_plugins.output.revisions import REVISIONS

    revisions = preview.config.parent / REVISIONS
    assert not revisions.exists()  # a fresh site: only a real build writes it
    result = build_site(tmp_path / "real", preview.config)
    assert result.returncode == 0, result.stderr
    recorded = revisions.read_text("utf-8")
    assert "sequence: 0" in recorded
    preview.build(caplog)
    assert revisions.read_text("utf-8") == recorded


def test_the_clock_of_documents_cooperatives_and_events_moves_with_what_their_pages_show():
    """Their pages wait only while ``registry_clock`` stands still (test_rebuild: events that end);
    here each other thing that "now" decides on them moves it: a document's legal status or a coming
    event of its history, a task's state, a cooperative's address."""
    from dataclasses import replace

    from site_plugins.catalog.loading import load_catalog
    from site_plugins.content.schema import parse_datetime
    from site_plugins.views.incremental import registry_clock

    catalog = load_catalog(CONTENT, parse_datetime(NOW))
    before = registry_clock(catalog)
    assert registry_clock(catalog) == before  # the same day, the same clock
    document_id, state = next((i, s) for i, s in catalog.legal.items() if s.events)
    catalog.legal[document_id] = replace(state, status="het-hieu-luc" if state.status != "het-hieu-luc" else "con-hieu-luc")
    assert registry_clock(catalog) != before
    catalog.legal[document_id] = replace(state, events=[replace(e, when=catalog.now.replace(year=catalog.now.year + 1)) for e in state.events])
    assert registry_clock(catalog) != before  # an event of its history still ahead
    catalog.legal[document_id] = state
    assert registry_clock(catalog) == before
    task = catalog.tasks[0]
    catalog.tasks[0] = replace(task, status="qua-han" if task.status != "qua-han" else "dang-thuc-hien")
    assert registry_clock(catalog) != before
    catalog.tasks[0] = task
    cooperative = next(e for e in catalog.entries if e.kind == "cooperative")
    old = cooperative.data
    cooperative.data = old.model_copy(update={"commune": "Xã Không Có"})  # its address as the page prints it
    assert registry_clock(catalog) != before
    cooperative.data = old
    assert registry_clock(catalog) == before


def test_a_failure_after_the_preview_served_its_pages_is_said_and_the_next_save_builds_everything(preview, caplog, monkeypatch):
    """The preview writes feeds, calendars and redirects in the background once its pages are served:
    a failure there has no engine to stop, so it is told to the editor, and the next save, which
    cannot trust what that build left, builds the whole site."""
    from site_plugins.build import Build

    def full_disk(self, out):
        raise OSError(28, "No space left on device", str(out / "tin-tuc" / "feed_rss_created.xml"))

    edit(preview.content / ARTICLE, "title: ", "title: Sửa tiêu đề — ")
    with monkeypatch.context() as patched:
        patched.setattr(Build, "_write_lists", full_disk)
        log = preview.build(caplog)
    assert "không ghi được" in log and "feed_rss_created.xml" in log and "No space left on device" in log, log
    log = preview.build(caplog)
    assert "dựng lại phần thay đổi" not in log  # a whole build
