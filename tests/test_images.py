"""Images: no metadata leaves the site, phone photos come out upright, renditions are cached, bad
input is reported in the usual form; pages share well (og/twitter/JSON-LD/Dublin Core)."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
from pathlib import Path

import pytest
from helpers import CONTENT, NOW, SITE_URL, Site, build_site, site_config
from PIL import Image, ImageDraw

from site_plugins.catalog.loading import load_catalog
from site_plugins.common.problems import ContentError
from site_plugins.content.schema import parse_datetime
from site_plugins.media.pictures import Rendition

ARTICLE = "tin-tuc/kim-son-giu-nghe-coi.md"


def phone_photo(path: Path, size=(1200, 900)) -> None:
    """A JPEG as a phone writes it: GPS position, camera, owner, time, and 'rotate 90°' in EXIF."""
    noise = Image.effect_noise(size, 40)  # a photo has many colours (a flat picture would be kept as PNG)
    image = Image.merge("RGB", (noise.point(lambda v: 140 + v // 3), noise.point(lambda v: v // 3), noise.point(lambda v: v // 4)))
    image.paste((30, 90, 230), (0, 0, size[0] // 4, size[1]))  # a blue band on the left: shows the rotation
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x013B], exif[0x0132] = "Phonemaker", "Model X", "Nguyễn Văn A", "2026:11:20 08:15:00"
    exif[0xA431] = "SERIAL-123"
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    exif.get_ifd(0x8825).update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 50.0, 10.0)})  # GPS
    image.save(path, "JPEG", exif=exif, quality=90)


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory) -> tuple[Site, Path, object]:
    root = tmp_path_factory.mktemp("photos")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    phone_photo(content / "anh/dien-thoai.jpg")
    article = content / ARTICLE
    text = article.read_text("utf-8")
    text = text.replace("cover: {src: ../anh/coi-kim-son.jpg, alt: Sản phẩm cói mỹ nghệ}", "cover: {src: ../anh/dien-thoai.jpg, alt: Ảnh chụp bằng điện thoại}")
    article.write_text(text + "\n![Ảnh trong bài](../anh/dien-thoai.jpg)\n", "utf-8")
    config = site_config(root / "config", content, private_cache=True)  # what the cache does is under test here
    first = build_site(root / "site", config)
    assert first.returncode == 0, first.stderr
    second = build_site(root / "again", config)
    return Site(root / "site"), content, (first, second)


def test_no_published_image_carries_metadata(photo_site):
    site, content, _ = photo_site
    images = [p for p in site.root.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".avif")]
    assert len(images) > 20
    for path in images:
        with Image.open(path) as image:
            assert not image.getexif(), path  # no EXIF at all: GPS, camera, serial, owner, time
            assert not image.info.get("icc_profile") and not image.info.get("xmp") and "exif" not in image.info, path
    uploads = {p.read_bytes() for p in (content / "anh").iterdir()}
    assert not [p for p in images if p.read_bytes() in uploads]  # the upload itself is never copied
    with Image.open(site.path("anh/dien-thoai.jpg")) as served:  # its own URL serves the cleaned image
        assert served.size == (900, 1200) and not served.getexif()


def test_a_rotated_phone_photo_comes_out_upright(photo_site):
    site, _, _ = photo_site
    renditions = sorted(p for p in site.root.glob("img/*/dien-thoai-*.jpg") if p.stem.rsplit("-", 1)[1].isdigit())
    assert [Image.open(p).size for p in renditions] == [(480, 640), (900, 1200)]  # 900×1200 portrait, never upscaled to 1600
    with Image.open(renditions[-1]) as image:
        assert image.getpixel((450, 20))[2] > 150  # the blue band is now at the top: turned upright


def test_the_second_build_encodes_nothing(photo_site):
    _, _, (first, second) = photo_site
    assert "portal: ảnh: 8 ảnh xử lý mới, 0 ảnh dùng lại" in first.stderr
    assert "portal: ảnh: 0 ảnh xử lý mới, 8 ảnh dùng lại" in second.stderr


def test_pages_use_responsive_pictures(photo_site):
    site, _, _ = photo_site
    page = site.html("tin-tuc/kim-son-giu-nghe-coi/")
    cover = page.xpath("//figure[@class='portal-cover']//img")[0]
    assert cover.get("width") == "900" and cover.get("height") == "1200" and cover.get("decoding") == "async"
    assert not cover.get("loading")  # the cover is on the first screen
    body = page.xpath("//div[@class='portal-body']//picture")
    assert body and [s.get("type") for s in body[0].xpath("source")] == ["image/avif", "image/webp"]
    assert body[0].xpath("img/@loading") == ["lazy"]
    card = site.html("tin-tuc/").xpath("//article[contains(@class,'portal-card')]//img")[0]
    assert card.get("src").endswith("-480.jpg") and card.get("loading") == "lazy"  # lists use the small size


def test_a_rendition_reaches_the_templates_with_every_field():
    rendition = Rendition("img/k/a-480.webp", 480, 320, "image/webp", 1234)
    assert rendition.data() == dataclasses.asdict(rendition)  # a field added to Rendition is not left out


def _check(tmp_path, change, **kwargs) -> list[str]:
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(CONTENT, content)
    change(content)
    with pytest.raises(ContentError) as caught:
        load_catalog(content, parse_datetime(NOW), **kwargs)
    return [str(p).split(": ", 1)[1] for p in caught.value.problems if not p.warning]


def test_bad_images_are_reported(tmp_path):
    def broken(content: Path) -> None:
        (content / "anh/hong.jpg").write_bytes(b"not a picture")
        Image.new("RGB", (64, 64)).save(content / "anh/anh.bmp", "BMP")
        article = content / ARTICLE
        text = article.read_text("utf-8").replace("cover: {src: ../anh/coi-kim-son.jpg, alt: Sản phẩm cói mỹ nghệ}", "cover: {src: ../anh/hong.jpg, alt: Hỏng}")
        article.write_text(text + "\n![Ảnh](../anh/anh.bmp)\n\n![Ảnh](../anh/coi-kim.jpg)\n", "utf-8")
        other = content / "tin-tuc/nho-phuoc-thuan-vietgap.md"
        other.write_text(other.read_text("utf-8").replace(", alt: Vườn nho}", "}", 1), "utf-8")

    problems = _check(tmp_path, broken)
    assert "cover.src: '../anh/hong.jpg' không đọc được thành ảnh (UnidentifiedImageError) — xuất lại ảnh dạng JPEG hoặc PNG" in problems
    assert "body: '../anh/anh.bmp' là ảnh BMP — dùng JPEG, PNG hoặc WebP" in problems
    assert "body: '../anh/coi-kim.jpg' không có tệp này (đã tìm content/anh/coi-kim.jpg) — có phải là '../anh/coi-kim-son.jpg'?" in problems
    assert any(p.startswith("cover.alt: ảnh thiếu mô tả (alt)") for p in problems)


def test_a_decompression_bomb_is_refused(tmp_path):
    def bomb(content: Path) -> None:
        Image.new("RGB", (3000, 2000)).save(content / "anh/lon.png", "PNG")  # 6 Mpx: over the limit set below
        article = content / ARTICLE
        article.write_text(
            article.read_text("utf-8").replace("cover: {src: ../anh/coi-kim-son.jpg, alt: Sản phẩm cói mỹ nghệ}", "cover: {src: ../anh/lon.png, alt: Lớn}"),
            "utf-8",
        )

    problems = _check(tmp_path, bomb, max_pixels=5_000_000)
    assert "cover.src: '../anh/lon.png' quá lớn (3000×2000 điểm ảnh, giới hạn 5.000.000) — thu nhỏ ảnh trước khi đưa lên" in problems


def test_a_body_image_without_alt_is_a_warning(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    article = content / ARTICLE
    article.write_text(article.read_text("utf-8") + "\n![](../anh/coi-kim-son.jpg)\n", "utf-8")
    catalog = load_catalog(content, parse_datetime(NOW))
    assert [str(w).split(": ", 1)[1] for w in catalog.warnings if "thiếu mô tả" in str(w)] == [
        "cảnh báo: body: ảnh '../anh/coi-kim-son.jpg' trong nội dung thiếu mô tả — viết ![mô tả ảnh](../anh/coi-kim-son.jpg)"]  # fmt: skip


def test_graphics_stay_png(tmp_path):
    from site_plugins.media.pictures import Pipeline

    (tmp_path / "anh").mkdir()
    chart = Image.new("P", (800, 400), 0)
    chart.putpalette([255, 255, 255, 11, 81, 48] + [0] * 762)
    chart.paste(1, (100, 100, 300, 300))
    chart.save(tmp_path / "anh/bieu-do.png")
    picture = Pipeline(tmp_path, tmp_path / "cache").run(["anh/bieu-do.png"])["anh/bieu-do.png"]
    assert picture.fallback == "png" and [r.width for r in picture.of("png")] == [480, 800]
    with Image.open(io.BytesIO((tmp_path / "cache" / picture.key / "bieu-do-800.png").read_bytes())) as image:
        assert image.size == (800, 400) and not image.getexif()
    assert json.loads((tmp_path / "cache" / picture.key / "meta.json").read_text())["fallback"] == "png"


def test_every_entry_and_agency_page_shares_well(site):
    """og/twitter tags, absolute, with a 1200×630 card; JSON-LD parsed with its required properties; Dublin Core."""
    checked = 0
    for page_path in site.html_pages():
        page = site.html(page_path.relative_to(site.root).as_posix())
        kinds = page.xpath("//script[@type='application/ld+json']/text()")
        if not kinds:
            continue
        checked += 1
        data = json.loads(kinds[0])
        meta = {m.get("property") or m.get("name"): m.get("content") for m in page.xpath("//meta[@property or @name]")}
        for name in ("og:title", "og:description", "og:url", "og:image", "og:type", "twitter:card", "DC.title", "DC.identifier"):
            assert meta.get(name), f"{page_path}: {name}"
        assert meta["og:locale"] == "vi_VN" and meta["twitter:card"] == "summary_large_image"
        assert meta["og:url"].startswith(SITE_URL) and meta["og:image"].startswith(SITE_URL + "img/chia-se/")
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630") and meta["og:image:alt"]
        assert site.path(meta["og:image"][len(SITE_URL) :]).exists()
        kind = data["@type"]
        required = {"NewsArticle": ("headline", "image", "datePublished", "dateModified", "author", "publisher"),
                    "Legislation": ("name", "legislationType", "legislationLegalForce", "legislationPassedBy"),
                    "Organization": ("name", "url", "address"),
                    "GovernmentOrganization": ("name", "url"),
                    "Event": ("name", "startDate", "eventStatus", "location", "organizer")}[kind]  # fmt: skip
        assert all(data.get(p) for p in required), f"{page_path}: {kind}"
        if kind == "NewsArticle":
            assert meta["og:type"] == "article" and meta["article:published_time"].endswith("+07:00")
            assert data["datePublished"].endswith("+07:00") and all(u.startswith(SITE_URL) for u in data["image"])
    assert checked >= 17 + 7 + 6 + 6 + 60  # every article, cooperative, document, event and agency page of the fixture
    plan = json.loads(site.html("van-ban/145-kh-lmhtxvn-2021/").xpath("//script[@type='application/ld+json']/text()")[0])
    assert plan["legislationIdentifier"] == "145/KH-LMHTXVN" and plan["legislationDate"] == "2021-03-22"
    law = json.loads(site.html("van-ban/luat-hop-tac-xa-2023/").xpath("//script[@type='application/ld+json']/text()")[0])
    assert law["legislationChanges"][0]["url"] == SITE_URL + "van-ban/luat-hop-tac-xa-2012/"  # 2023 replaces 2012
    article = json.loads(site.html("tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/").xpath("//script[@type='application/ld+json']/text()")[0])
    assert [u.rsplit("-", 1)[1] for u in article["image"]] == ["16x9.jpg", "4x3.jpg", "1x1.jpg"]
    union = json.loads(site.html("co-quan/lien-minh-htx-viet-nam/").xpath("//script[@type='application/ld+json']/text()")[0])
    assert union["@type"] == "GovernmentOrganization" and len(union["subOrganization"]) == 7


def test_a_social_card_has_every_glyph_and_its_text(tmp_path):
    from fontTools.ttLib import TTFont

    from site_plugins.media import socialcards

    title = "Hưởng ứng Tháng hành động vì hợp tác xã năm 2024 — Ước tính đạt 1.500 tỷ đồng"
    cmap = TTFont(str(socialcards.BOLD)).getBestCmap()
    assert [c for c in set(title) if ord(c) not in cmap] == []  # NFC, precomposed: ử, ộ, ạ, ỷ… all in the font
    card = socialcards.draw(socialcards.Card(title, "Thời sự", None, "Kinh tế tập thể, Hợp tác xã", None))
    assert card.size == (1200, 630)
    text_area = card.crop((60, 100, 1140, 500)).convert("L")
    lo, hi = text_area.getextrema()
    assert hi - lo > 150 and text_area.point(lambda v: 255 if v > 200 else 0).histogram()[255] > 10_000  # white letters drawn
    _, lines = socialcards.fit_title(ImageDraw.Draw(card), title, 1080, 370)
    assert " ".join(lines) == title  # wrapped, not cut


CARD_BUDGET = {".png": 32 * 1024, ".jpg": 64 * 1024}  # bytes: a card without a photo, a card with one (socialcards.py says why)


def test_social_cards_stay_within_their_byte_budget(site):
    """Every card of the fixture site: ~30 kB at most without a photo, and one with a photo stays a JPEG
    within its own budget (the site's 5 GB of cards at 50,000 articles was what this changed)."""
    cards = sorted((site.root / "img/chia-se").iterdir())
    assert len(cards) >= 17 + 7 + 6 + 6 + 60 and {card.suffix for card in cards} == {".png", ".jpg"}
    over = [f"{card.name}: {card.stat().st_size} bytes" for card in cards if card.stat().st_size > CARD_BUDGET[card.suffix]]
    assert over == []
    for card in cards:
        with Image.open(card) as image:  # what share targets reliably show: no WebP, no AVIF
            assert (image.format, image.size) == ({".png": "PNG", ".jpg": "JPEG"}[card.suffix], (1200, 630)), card.name


def _cover(tmp_path: Path) -> Path:
    """A processed rendition as pictures.py leaves it: in a folder named by its upload's hash."""
    cover = tmp_path / "renditions/0123456789abcdef0123/ruong-lua-960.jpg"
    cover.parent.mkdir(parents=True)
    gradient = Image.linear_gradient("L").resize((960, 640))
    Image.merge("RGB", (gradient, gradient.point(lambda v: 255 - v), gradient.point(lambda v: v // 2))).save(cover, "JPEG", quality=85)
    return cover


def test_a_card_without_a_photo_is_the_picture_drawn(tmp_path):
    """Its few colours kept to within half a step of the palette, on every edge of every letter, in
    the site's colours or any others; a card with a photo is a JPEG."""
    from PIL import ImageChops

    from site_plugins.media import socialcards

    title = "Triển khai Hướng dẫn số 164-HD/BTGTW ngày 08/12/2020 của Ban Tuyên giáo Trung ương về tuyên truyền Kết luận số 70-KL/TW"
    cards = [socialcards.Card(title, "Văn bản", "Kế hoạch 145/KH-LMHTXVN", "Kinh tế tập thể, Hợp tác xã", None),
             socialcards.Card("Hợp tác xã Đồng Tâm", "Hợp tác xã", None, "Liên minh HTX tỉnh", None, brand="#1a3d8b", accent="#ffffff"),
             socialcards.Card(title, "Mô hình hay", None, "Kinh tế tập thể, Hợp tác xã", _cover(tmp_path))]  # fmt: skip
    paths, _ = socialcards.render_all(cards, tmp_path / "social")
    assert [p.suffix for p in paths] == [".png", ".png", ".jpg"]
    for card, path in zip(cards[:2], paths[:2], strict=True):
        with Image.open(path) as saved:
            assert saved.format == "PNG" and saved.mode == "P"
            difference = ImageChops.difference(socialcards.draw(card), saved.convert("RGB"))
        assert max(high for _, high in difference.getextrema()) <= 12, path.name  # half a step, (255 - 11) / 15 / 2 ≈ 8, + Pillow's 6-bit lookup
        assert path.stat().st_size < CARD_BUDGET[".png"]
    with Image.open(paths[2]) as saved:
        assert saved.format == "JPEG" and saved.size == (1200, 630)


def test_a_card_is_drawn_again_only_when_what_it_shows_or_its_encoding_changes(tmp_path, monkeypatch):
    from dataclasses import replace

    from site_plugins.media import socialcards

    drawn: list[str] = []
    draw = socialcards.draw
    monkeypatch.setattr(socialcards, "draw", lambda card: drawn.append(card.title) or draw(card))
    cards = [socialcards.Card("Tiêu đề một", "Tin tức", None, "Trang", None), socialcards.Card("Tiêu đề hai", "Tin tức", None, "Trang", _cover(tmp_path))]
    first, _ = socialcards.render_all(cards, tmp_path / "social")
    assert drawn == ["Tiêu đề một", "Tiêu đề hai"]
    drawn.clear()
    assert socialcards.render_all(cards, tmp_path / "social")[0] == first and drawn == []  # nothing changed: nothing drawn
    socialcards.render_all([replace(cards[0], kicker="Thời sự"), cards[1]], tmp_path / "social")
    assert drawn == ["Tiêu đề một"]  # what it shows changed
    drawn.clear()
    monkeypatch.setitem(socialcards.JPEG, "quality", 75)
    again, _ = socialcards.render_all(cards, tmp_path / "social")
    assert drawn == ["Tiêu đề hai"] and again[0] == first[0] and again[1] != first[1]  # the JPEG's settings changed
    drawn.clear()
    monkeypatch.setitem(socialcards.PNG, "compress_level", 9)
    monkeypatch.setattr(socialcards, "PNG_STEPS", 8)
    socialcards.render_all(cards, tmp_path / "social")
    assert drawn == ["Tiêu đề một"]  # the PNG's settings changed


def test_home_page_weight_on_a_phone(site, browser):
    from helpers import serve_folder

    with serve_folder(site.root) as base:
        context = browser.new_context(viewport={"width": 360, "height": 780})
        page = context.new_page()
        sizes: list[int] = []
        page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]))
        page.goto(base)
        page.wait_for_load_state("networkidle")
        context.close()
    assert 0 < sum(sizes) < 500_000, f"{sum(sizes):,} bytes on first load"
