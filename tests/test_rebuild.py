"""A normal `mkdocs build` into a folder an earlier build filled renders only what changed (its state
is kept beside the caches: output/buildstate.py), links the rest from the previous site, and what it
puts in place equals a clean build byte for byte; a change to the setup, a damaged state or a folder
changed by hand mean a whole build, said in the log."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, build_site, copy_content, shared_cache, site_config

from site_plugins.output.buildstate import read_state, state_path
from site_plugins.output.manifest import FILE as MANIFEST

ARTICLE = "tin-tuc/kim-son-giu-nghe-coi.md"
ARTICLE_ID = "tin-2024-05-29-kim-son-nghe-coi"
UNRELATED = "htx/htx-che-shan-tuyet-ban-xeo/index.html"  # a cooperative page that does not show the article
ALWAYS = {"404.html", "quan-tri/index.html"}  # written by every build: Material's 404 template, the editor's page (a data file)
INCREMENTAL = re.compile(r"dựng lại phần thay đổi: (\d+) trang")
LAZY = re.compile(r"(\d+) trang của bài, văn bản, HTX, sự kiện và (\d+) trang sau của danh sách không thể đổi")


class Sites:
    """A copy of the fixture content, its config, and the site folder builds go into one after another."""

    def __init__(self, tmp: Path, theme: bool = False):
        self.tmp, self.content = tmp, copy_content(tmp)
        self.config = site_config(tmp / "config", self.content)
        config = self.config.read_text("utf-8")
        assert "page_size: 10" in config
        self.config.write_text(config.replace("page_size: 10", "page_size: 3"), "utf-8")  # lists of many pages: their later pages wait
        if theme:  # a theme of its own, to change
            shutil.copytree(ROOT / "theme", tmp / "theme")
            self.config.write_text(self.config.read_text("utf-8").replace(f"custom_dir: {ROOT / 'theme'}", f"custom_dir: {tmp / 'theme'}"), "utf-8")
        self.site = tmp / "site"
        self.log = self.build()
        assert "portal: dựng lại" not in self.log  # the first build into the folder is a whole one, without a word

    def build(self, *flags: str, **env: str) -> str:
        result = build_site(self.site, self.config, flags=flags, **env)
        assert result.returncode == 0, result.stderr
        return result.stderr

    def edit(self, path: str, old: str, new: str) -> None:
        file = self.content / path
        text = file.read_text("utf-8")
        assert old in text, old
        file.write_text(text.replace(old, new, 1), "utf-8")

    def state(self):
        return read_state(state_path(shared_cache().parent, self.site))

    def assert_equals_a_clean_build(self, **env: str) -> None:
        clean = self.tmp / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        result = build_site(clean, self.config, **env)
        assert result.returncode == 0, result.stderr
        mine, theirs = outputs(self.site), outputs(clean)
        assert sorted(mine.keys() ^ theirs.keys()) == []
        assert sorted(path for path in mine if mine[path] != theirs[path]) == []
        # the search index is left out above: what it was made from, every entry's record, is compared
        # (a changed entry's record is made from its body rendered outside the engine: Build.begin_output)
        records = {i: record for i, (_, record) in self.state().records.items()}
        assert records == {i: record for i, (_, record) in read_state(state_path(shared_cache().parent, clean)).records.items()}


def outputs(site: Path) -> dict[str, bytes]:
    """Every file of the site but Pagefind's bundle (Pagefind names its files differently even between
    two clean builds of the same site: upstream Pagefind#638); the manifest without their lines."""
    found = {}
    for path in site.rglob("*"):
        name = path.relative_to(site).as_posix()
        if path.is_file() and not name.startswith("pagefind/"):
            data = path.read_bytes()
            if name == MANIFEST:
                data = b"".join(line for line in data.splitlines(keepends=True) if b"  pagefind/" not in line)
            found[name] = data
    return found


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*.html")}


def lazy(log: str, which: int = 1) -> int:
    """How many articles' pages (``which`` 1) or later pages of lists (2) the build did not make
    (views/incremental.py, ``unaffected``)."""
    found = LAZY.search(log)
    return int(found[which]) if found else 0


def rendered(log: str) -> int:
    found = INCREMENTAL.search(log)
    assert found, log
    return int(found[1])


@pytest.fixture()
def sites(tmp_path) -> Sites:
    return Sites(tmp_path)


def test_a_second_build_of_the_same_content_renders_nothing(sites):
    before = inodes(sites.site)
    assert rendered(sites.build()) == 0
    after = inodes(sites.site)
    assert sorted(path for path in after if before.get(path) != after[path]) == sorted(ALWAYS)  # every page linked, none written again
    sites.assert_equals_a_clean_build()
    replaced = list(sites.tmp.glob(".site.old-*"))  # the site this build replaced: the next build deletes it
    assert len(replaced) == 1 and (replaced[0] / "index.html").exists()
    sites.build()
    assert not replaced[0].exists() and len(list(sites.tmp.glob(".site.old-*"))) == 1


def test_a_title_edit_renders_what_the_dependency_map_names(sites):
    deps_before = sites.state().deps
    before = inodes(sites.site)
    sites.edit(ARTICLE, "title: ", "title: Sửa tiêu đề — ")
    log = sites.build()
    count, skipped = rendered(log), lazy(log)
    after = inodes(sites.site)
    written = {path for path in after if before.get(path) != after[path]} - ALWAYS
    own = set(sites.state().entry_pages.values())  # the entries' own pages: articles, documents, cooperatives, events
    assert 0 < skipped == len(own - written)  # every entry's page not written again was not even made
    later = {p for p in after if "/page/" in p}
    assert 0 < lazy(log, 2) <= len(later - written)  # nor were the later pages of lists not showing it
    named = (deps_before.pages_showing(ARTICLE_ID) | sites.state().deps.pages_showing(ARTICLE_ID)) & set(after)
    assert written == named and len(written) == count  # the article's page, the lists and pages showing it: nothing else
    assert 0 < count < len(after) / 4 and UNRELATED not in written
    sites.assert_equals_a_clean_build()


def test_a_body_edit_is_lazy_and_a_change_of_tags_is_not(sites):
    sites.edit(ARTICLE, "nghề cói đã gắn", "nghề cói truyền thống đã gắn")
    log = sites.build()
    assert rendered(log) > 0 and lazy(log) > 0
    sites.assert_equals_a_clean_build()
    sites.edit(ARTICLE, "tags: [ocop, htx-kieu-moi, thang-hanh-dong]", "tags: [ocop, thang-hanh-dong]")  # other articles' "Bài liên quan" may change
    log = sites.build()
    assert rendered(log) > 0 and lazy(log) == 0
    sites.assert_equals_a_clean_build()


@pytest.mark.parametrize(("now", "lazily"), [("2026-12-20T12:00", "articles"), ("2027-01-05T12:00", "")])
def test_a_later_day_equals_a_clean_build_of_that_day(sites, now, lazily):
    """By 20 December two events are over: their pages and lists change, and every document's,
    cooperative's and event's page is made again (their clock moved), but no article's page shows
    their state; by 5 January the poll an article's page shows has closed: every entry's page is made
    and compared."""
    own = sites.state().entry_pages
    sites.edit(ARTICLE, "title: ", "title: Sửa tiêu đề — ")
    log = sites.build(PORTAL_NOW=now)
    sites.assert_equals_a_clean_build(PORTAL_NOW=now)
    articles = sum(1 for path in own.values() if path.startswith("tin-tuc/"))  # the pages that may wait
    assert rendered(log) > 0 and (0 < lazy(log) < articles if lazily else lazy(log) == 0)


def test_adding_deleting_and_renaming_entries(sites):
    source = (sites.content / ARTICLE).read_text("utf-8")
    new = re.sub(r"^id: .*$", "id: bai-moi-them", source, count=1, flags=re.M).replace("title: ", "title: Bài mới — ", 1)
    (sites.content / "tin-tuc" / "bai-moi-them.md").write_text(new, "utf-8")
    assert rendered(sites.build()) > 0
    assert (sites.site / "tin-tuc" / "bai-moi-them" / "index.html").exists()
    sites.assert_equals_a_clean_build()

    (sites.content / "tin-tuc" / "bai-moi-them.md").unlink()
    rendered(sites.build())
    assert not (sites.site / "tin-tuc" / "bai-moi-them").exists()  # a deleted entry's page is not carried over
    sites.assert_equals_a_clean_build()

    (sites.content / ARTICLE).rename(sites.content / "tin-tuc" / "kim-son-giu-nghe-coi-truyen-thong.md")
    log = sites.build()
    rendered(log)
    assert "1 trang chuyển hướng từ địa chỉ cũ" in log
    assert (sites.site / "tin-tuc" / "kim-son-giu-nghe-coi-truyen-thong" / "index.html").exists()
    sites.assert_equals_a_clean_build()


def test_a_registry_or_config_change_rebuilds_everything(sites):
    sites.edit("_registry/tags.yml", "title: OCOP}", "title: OCOP — sản phẩm mỗi xã}")
    assert "dựng lại toàn bộ: mkdocs.yml, giao diện, danh mục" in sites.build()
    sites.assert_equals_a_clean_build()
    config = sites.config.read_text("utf-8")
    sites.config.write_text(config.replace("site_name: ", "site_name: Cổng tin — ", 1), "utf-8")
    assert "dựng lại toàn bộ" in sites.build()
    sites.assert_equals_a_clean_build()


def test_a_template_or_stylesheet_change_rebuilds_everything(tmp_path):
    sites = Sites(tmp_path, theme=True)
    templates = sorted((tmp_path / "theme").rglob("*.html"))
    main = next(p for p in templates if p.name == "main.html")
    main.write_text(main.read_text("utf-8").replace("</head>", "<meta name=x-test content=1></head>", 1) if "</head>" in main.read_text("utf-8")
                    else main.read_text("utf-8") + "\n{# changed #}\n", "utf-8")  # fmt: skip
    assert "dựng lại toàn bộ" in sites.build()
    sites.assert_equals_a_clean_build()
    stylesheet = next((tmp_path / "theme").rglob("*.css"))
    stylesheet.write_text(stylesheet.read_text("utf-8") + "\n.x-test{color:red}\n", "utf-8")
    assert "dựng lại toàn bộ" in sites.build()
    sites.assert_equals_a_clean_build()


def flipped(data: bytes) -> bytes:
    """One byte of the payload changed, the length kept (only the payload's hash tells)."""
    at = len(data) * 2 // 3
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "flipped"])
def test_a_damaged_state_means_a_whole_build(sites, damage):
    path = state_path(shared_cache().parent, sites.site)
    data = path.read_bytes()
    damaged = {"garbage": b"\x80\x04not a state at all", "truncated": data[: len(data) // 2], "empty": b"", "flipped": flipped(data)}
    path.write_bytes(damaged[damage])
    sites.edit(ARTICLE, "title: ", "title: Sửa tiêu đề — ")
    log = sites.build()
    assert "dựng lại toàn bộ: tệp trạng thái của lần dựng trước hỏng" in log and not INCREMENTAL.search(log)
    assert sites.state() is not None  # written anew
    sites.assert_equals_a_clean_build()


def test_a_site_folder_changed_by_hand_means_a_whole_build(sites):
    (sites.site / UNRELATED).write_text("sửa tay", "utf-8")
    sites.edit(ARTICLE, "title: ", "title: Sửa tiêu đề — ")
    log = sites.build()
    assert "dựng lại toàn bộ: thư mục" in log and UNRELATED in log
    sites.assert_equals_a_clean_build()


def test_clean_asks_for_a_whole_build(sites):
    assert "dựng lại toàn bộ: theo yêu cầu" in sites.build("--clean")
    assert "dựng lại toàn bộ: theo yêu cầu" in sites.build(PORTAL_FULL_BUILD="1")
    assert rendered(sites.build()) == 0


def test_a_site_a_ci_runner_restored_from_its_cache_builds_incrementally(sites):
    """A CI runner restores .cache/ and site/ into a fresh checkout: every file has a new inode and
    time, mkdocs.yml too. The pages to keep are recognised by their bytes (the state's SHA-256)."""
    restored = sites.tmp / "restored"
    shutil.copytree(sites.site, restored, copy_function=shutil.copyfile)  # new inodes, new times
    shutil.rmtree(sites.site)
    restored.rename(sites.site)
    os.utime(sites.config)
    sites.edit(ARTICLE, "title: ", "title: Sửa tiêu đề — ")
    count = rendered(sites.build())
    assert 0 < count < len(inodes(sites.site)) / 4
    sites.assert_equals_a_clean_build()


def test_a_damaged_cache_of_entries_read_means_reading_its_files_again(sites):
    from site_plugins.output.buildstate import PARTS, entries_part, entries_path

    cache = shared_cache().parent
    damaged = entries_part(str(sites.content / ARTICLE))  # the part of the article edited below, and another
    other = next(part for part in range(PARTS) if part != damaged and entries_path(cache, sites.content, part).exists())
    assert entries_path(cache, sites.content, damaged).exists()  # the first build kept the entries it parsed
    for part in (damaged, other):
        path = entries_path(cache, sites.content, part)
        path.write_bytes(path.read_bytes()[:-100])
    sites.edit(ARTICLE, "title: ", "title: Sửa tiêu đề — ")
    log = sites.build()
    assert log.count("bộ nhớ đệm các bài đã đọc hỏng") == 2 and rendered(log) > 0
    sites.assert_equals_a_clean_build()
    kept = [part for part in range(PARTS) if entries_path(cache, sites.content, part).exists()]
    stamps = {part: entries_path(cache, sites.content, part).stat().st_mtime_ns for part in kept}
    sites.edit(ARTICLE, "title: Sửa tiêu đề — ", "title: Sửa lại — ")
    assert rendered(sites.build()) > 0
    rewritten = [part for part in kept if entries_path(cache, sites.content, part).stat().st_mtime_ns != stamps[part]]
    assert rewritten == [damaged]  # one file parsed: its part written again, the others left as they are
