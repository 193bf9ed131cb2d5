"""The newsroom editor (Decap CMS at /quan-tri/) driven in Chromium against its local backend
(decap-server, on loopback), as an editor with only a browser would: an article with a cover
photo, a cooperative profile and a document written and published through the interface land as
files `portal check` accepts and the build shows; a required field left empty is refused by the
editor; a value it cannot judge is named by `portal check`; no request leaves the machine. And the
editor's configuration is the schema's: a field without its Vietnamese label fails here."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time

import pytest
from helpers import CONTENT, ROOT, Site, build_site, serve_folder, site_config

from site_plugins.content.registries import load_registries
from site_plugins.editors.cms import COLLECTIONS, LABELS, REGISTRIES, bundle, config

SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
NODE = shutil.which("node")


def test_every_field_of_the_schema_is_in_the_editor_with_a_vietnamese_label():
    settings = config(load_registries(CONTENT)[0])
    for (name, model, *_), collection in zip([*COLLECTIONS, *REGISTRIES], settings["collections"], strict=True):
        assert collection["name"] == name
        assert [f["name"] for f in collection["fields"]] == [*model.model_fields, *(["body"] if collection["extension"] == "md" else [])]
        required = {f["name"] for f in collection["fields"] if f["required"]}
        assert required == {n for n, info in model.model_fields.items() if info.is_required() and n != "id"}  # id: made on save
    names = {n for _, model, *_ in [*COLLECTIONS, *REGISTRIES] for n in _all_fields(model)}
    assert names <= set(LABELS), sorted(names - set(LABELS))
    agency = next(f for f in settings["collections"][0]["fields"] if f["name"] == "agency")
    assert {"label": "Liên minh Hợp tác xã Việt Nam", "value": "lien-minh-htx-viet-nam"} in agency["options"]  # fed from the registry
    agencies = next(c for c in settings["collections"] if c["name"] == "co-quan")
    assert agencies["folder"] == "content/_registry/agencies" and agencies["format"] == "yml"  # one file an item: the list file is never rewritten
    parent = next(f for f in agencies["fields"] if f["name"] == "parent")
    assert {"label": "Liên minh Hợp tác xã Việt Nam", "value": "lien-minh-htx-viet-nam"} in parent["options"]  # an agency's parent: an agency


def test_the_interface_is_vietnamese_throughout():
    """Every string of Decap's English locale (read from the pinned bundle) has its Vietnamese."""
    import json
    import sys

    complete = _flat(json.loads((ROOT / "site_plugins" / "editors" / "newsroom" / "vi.json").read_text("utf-8")))
    assert all(isinstance(v, str) and v.strip() for v in complete.values())
    if bundle(ROOT) is None:
        pytest.skip("the Decap bundle is not installed (bash scripts/test.sh installs it)")
    sys.path.insert(0, str(ROOT / "scripts"))
    import cms_locale

    english = _flat(cms_locale.locale(bundle(ROOT).read_text("utf-8"), '"Login with GitHub"'))
    assert len(english) > 200 and set(english) <= set(complete)


def _all_fields(model) -> set[str]:
    from site_plugins.editors.cms import _unwrap

    found = set(model.model_fields)
    for info in model.model_fields.values():
        inner, _ = _unwrap(info.annotation)
        if isinstance(inner, type) and hasattr(inner, "model_fields"):
            found |= _all_fields(inner)
    return found


def _flat(data: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in data.items():
        out.update(_flat(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}": value})
    return out


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory, browser):
    """A copy of the fixture site built with the editor, served, with decap-server writing into it."""
    if NODE is None or not SERVER.exists() or bundle(ROOT) is None:
        if os.environ.get("CI") == "true":
            raise RuntimeError("CI=true but node, decap-server or the Decap bundle is missing: scripts/_venv.sh installs them")
        pytest.skip("the newsroom editor is not installed (bash scripts/test.sh installs it)")
    repo = tmp_path_factory.mktemp("newsroom")
    shutil.copytree(CONTENT, repo / "content")
    configuration = site_config(repo / "config", repo / "content")
    result = build_site(repo / "site", configuration)
    assert result.returncode == 0, result.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = repo / "site" / "quan-tri" / "config.yml"
    settings.write_text(settings.read_text("utf-8").replace("127.0.0.1:8081", f"127.0.0.1:{port}"), "utf-8")
    env = {**os.environ, "BIND_HOST": "127.0.0.1", "PORT": str(port), "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "warn"}
    server = subprocess.Popen([NODE, str(SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    try:
        with serve_folder(repo / "site") as base:
            yield base, repo, configuration
    finally:
        server.terminate()
        server.communicate(timeout=10)


def _editor(browser, base: str, outside: list[str]):
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, timezone_id="Asia/Ho_Chi_Minh")
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.on("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?": yes
    page.goto(base + "quan-tri/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Bài viết").first.wait_for()
    return page


def _choose(page, label: str, option: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.click()
    box.fill(option)
    page.keyboard.press("Enter")


def _date(page) -> None:
    """The first date of the form, as the picker writes it (the site is built at a fixed "now")."""
    picker = page.locator("input[type=datetime-local], input[type=date]").first
    picker.fill("2026-11-20T08:00" if picker.get_attribute("type") == "datetime-local" else "2026-11-20")


def _publish(page) -> None:
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_text("Công bố ngay").click()
    page.get_by_text("Đã công bố").first.wait_for(timeout=15000)


def _new(page, base: str, collection: str, texts: dict[str, str], summary: str) -> None:
    """Open a new entry of the collection and fill its texts, summary and date."""
    page.goto(base + f"quan-tri/#/collections/{collection}/new")
    for label, text in texts.items():
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_label("Tóm tắt (sapo) / trích yếu", exact=True).fill(summary)
    _date(page)


def test_an_editor_writes_an_article_a_cooperative_and_a_document_in_the_browser(newsroom, browser, tmp_path):
    base, repo, configuration = newsroom
    outside: list[str] = []
    page = _editor(browser, base, outside)

    _new(page, base, "tin-tuc", {"Tiêu đề": "Hợp tác xã Đồng Tâm đổi mới đào tạo"}, "Lớp đào tạo cho cán bộ quản lý hợp tác xã.")
    _choose(page, "Chuyên mục", "Hợp tác xã kiểu mới")
    _choose(page, "Cơ quan", "Liên minh Hợp tác xã Việt Nam")
    page.get_by_role("button", name="Chọn một ảnh").first.click()
    from PIL import Image

    Image.new("RGB", (1200, 675), (40, 120, 60)).save(tmp_path / "lop-dao-tao.jpg", quality=85)
    page.locator("input[type=file]").first.set_input_files(str(tmp_path / "lop-dao-tao.jpg"))
    page.get_by_role("button", name="Dùng mục đã chọn").click(timeout=15000)
    page.get_by_label("Mô tả ảnh").fill("Học viên trong lớp đào tạo")
    _publish(page)

    _new(page, base, "htx", {"Tên": "Hợp tác xã Chè Suối Giàng"}, "Hợp tác xã chè Shan tuyết cổ thụ.")
    _choose(page, "Tỉnh, thành phố", "Tỉnh Lào Cai")
    _choose(page, "Lĩnh vực", "Nông nghiệp")
    _publish(page)

    page.goto(base + "quan-tri/#/collections/van-ban/new")
    _choose(page, "Loại văn bản", "Kế hoạch")
    page.get_by_label("Số, ký hiệu").fill("27/KH-LMHTXVN")
    _choose(page, "Cơ quan ban hành", "Liên minh Hợp tác xã Việt Nam")
    page.get_by_label("Tóm tắt (sapo) / trích yếu", exact=True).fill("Tuyên truyền phát triển kinh tế tập thể năm 2027")
    _date(page)
    _publish(page)

    page.goto(base + "quan-tri/#/collections/co-quan/new")  # a registry item, without writing YAML
    page.get_by_label("Tên", exact=True).fill("Liên minh Hợp tác xã tỉnh Lạng Sơn")
    _choose(page, "Cấp", "Tỉnh, thành phố")
    _choose(page, "Loại hình", "Liên minh Hợp tác xã")
    _choose(page, "Tỉnh, thành phố (không bắt buộc)", "Tỉnh Lạng Sơn")
    _publish(page)
    page.close()

    agency = repo / "content" / "_registry" / "agencies" / "lien-minh-hop-tac-xa-tinh-lang-son.yml"
    assert "id: lien-minh-hop-tac-xa-tinh-lang-son\n" in agency.read_text("utf-8")  # the id `portal new agency` would give
    assert "id: htx-hop-tac-xa-che-suoi-giang" in (repo / "content" / "htx" / "hop-tac-xa-che-suoi-giang.md").read_text("utf-8")
    article = repo / "content" / "tin-tuc" / "hop-tac-xa-dong-tam-doi-moi-dao-tao.md"  # the portal's slug rule: đ → d
    assert "id: tin-" in article.read_text("utf-8") and (repo / "content" / "anh" / "lop-dao-tao.jpg").exists()
    assert (repo / "content" / "htx" / "hop-tac-xa-che-suoi-giang.md").exists()
    check = subprocess.run([".venv/bin/python", "-m", "site_plugins", "check", str(repo / "content")], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    result = build_site(repo / "after", configuration)
    assert result.returncode == 0, result.stderr
    site = Site(repo / "after")
    assert "Hợp tác xã Đồng Tâm đổi mới đào tạo" in site.text("tin-tuc/hop-tac-xa-dong-tam-doi-moi-dao-tao/index.html")
    assert "Hợp tác xã Chè Suối Giàng" in site.text("htx/hop-tac-xa-che-suoi-giang/index.html")
    assert "Liên minh Hợp tác xã tỉnh Lạng Sơn" in site.text("co-quan/lien-minh-hop-tac-xa-tinh-lang-son/index.html")
    registry = site.text("van-ban/index.html")
    assert "27/KH-LMHTXVN" in registry and "Tuyên truyền phát triển kinh tế tập thể năm 2027" in registry
    assert outside == []  # nothing requested from any other host, through login, lists, edits, upload and publishing


def test_a_mistake_is_refused_by_the_editor_or_named_by_the_check(newsroom, browser):
    base, repo, _ = newsroom
    outside: list[str] = []
    page = _editor(browser, base, outside)
    page.goto(base + "quan-tri/#/collections/tin-tuc/new")
    page.get_by_label("Tóm tắt (sapo) / trích yếu", exact=True).fill("Không có tiêu đề.")
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_text("Công bố ngay").click()
    page.get_by_text("bắt buộc phải điền", exact=False).first.wait_for(timeout=10000)  # the editor refuses: required fields
    before = sorted(p.name for p in (repo / "content" / "tin-tuc").iterdir())
    page.close()

    page = _editor(browser, base, outside)  # a fresh page: the refused form is left behind
    page.goto(base + "quan-tri/#/collections/van-ban/new")
    _choose(page, "Loại văn bản", "Kế hoạch")
    page.get_by_label("Số, ký hiệu").fill("145 KH LMHTXVN")  # a number the editor cannot judge
    _choose(page, "Cơ quan ban hành", "Liên minh Hợp tác xã Việt Nam")
    page.get_by_label("Tóm tắt (sapo) / trích yếu", exact=True).fill("Văn bản có số viết sai")
    _date(page)
    _publish(page)
    page.close()
    assert sorted(p.name for p in (repo / "content" / "tin-tuc").iterdir()) == before  # nothing written for the refused one
    check = subprocess.run([".venv/bin/python", "-m", "site_plugins", "check", str(repo / "content")], cwd=ROOT, capture_output=True, text=True,
                           env={**os.environ, "PORTAL_LANG": "vi"})  # fmt: skip
    assert check.returncode == 1
    assert "van-ban/van-ban-co-so-viet-sai.md:4: number: '145 KH LMHTXVN' không phải số, ký hiệu văn bản" in check.stderr
    (repo / "content" / "van-ban" / "van-ban-co-so-viet-sai.md").unlink()
    assert outside == []


def test_the_editor_is_no_page_of_the_site(site):
    """Served from the site's own files, but listed nowhere: no sitemap entry, no search record,
    no edit links in production, and robots told to stay out."""
    assert site.exists("quan-tri/index.html") and site.exists("quan-tri/config.yml")
    assert "quan-tri" not in site.text("sitemap.xml") and "quan-tri" not in site.text("feed.xml")
    assert "noindex" in site.text("quan-tri/index.html")
    assert "quan-tri/#/collections" not in site.text("tin-tuc/kim-son-giu-nghe-coi/index.html")
