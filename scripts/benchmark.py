"""Build a synthetic national-size corpus and measure the build.

    .venv/bin/python scripts/benchmark.py --articles 10000 --documents 2000 --cooperatives 500

Writes the corpus to .bench/ (git-ignored), then measures: loading and validating the catalog
alone (the plugin's own core), building the views and feeds, and a full `mkdocs build` (wall
time, peak memory of the build process, pages written, output size). Record the figures with
the machine in docs/BENCHMARK.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from site_plugins.feeds import FeedSettings, FeedWriter  # noqa: E402
from site_plugins.listings import Listings  # noqa: E402
from site_plugins.loading import load_catalog  # noqa: E402
from site_plugins.pictures import Pipeline  # noqa: E402
from site_plugins.schema import parse_datetime  # noqa: E402
from site_plugins.views import SiteViews  # noqa: E402

WORDS = (
    "hợp tác xã kinh tế tập thể thành viên liên kết sản xuất tiêu thụ nông sản chuỗi giá trị tỉnh huyện xã "
    "tuyên truyền chính sách pháp luật đổi mới phát triển nâng cao hiệu quả sản phẩm OCOP thị trường vốn "
    "tín dụng đào tạo cán bộ quản lý chuyển đổi số thương mại điện tử doanh thu lợi nhuận hỗ trợ nhà nước"
).split()
NOW = "2026-11-25T12:00"


def text(rng: random.Random, words: int) -> str:
    sentences, left = [], words
    while left > 0:
        n = min(left, rng.randint(12, 24))
        sentence = " ".join(rng.choice(WORDS) for _ in range(n))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        left -= n
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs)


def make_corpus(target: Path, articles: int, documents: int, cooperatives: int, words: int) -> None:
    import yaml

    rng = random.Random(2024)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "content" / "_registry", target / "_registry")
    shutil.copytree(ROOT / "content" / "anh", target / "anh")
    reg = {
        name: [item["id"] for item in yaml.safe_load((target / "_registry" / f"{name}.yml").read_text("utf-8"))]
        for name in ("agencies", "provinces", "columns", "tags", "sectors")
    }
    images = sorted(p.name for p in (target / "anh").iterdir())
    for folder in ("tin-tuc", "van-ban", "htx"):
        (target / folder).mkdir(parents=True)

    def when(i: int) -> str:
        day = 1 + (i * 7919) % (365 * 6)
        return time.strftime("%Y-%m-%dT%H:%M", time.gmtime(1577836800 + day * 86400 + (i % 12) * 3600))

    for i in range(cooperatives):
        fm = {
            "id": f"htx-bench-{i}",
            "name": f"Hợp tác xã thử nghiệm số {i}",
            "summary": text(rng, 20),
            "date": when(i)[:10],
            "province": rng.choice(reg["provinces"]),
            "sectors": rng.sample(reg["sectors"], 2),
            "illustrative": True,
            "ocop": [{"product": "Sản phẩm", "stars": rng.randint(3, 5), "year": 2023}],
        }
        (target / "htx" / f"htx-bench-{i}.md").write_text(f"---\n{yaml.safe_dump(fm, allow_unicode=True)}---\n\n{text(rng, 150)}\n", "utf-8")
    for i in range(documents):
        year = 2018 + i % 8
        fm = {
            "id": f"kh-bench-{i}",
            "type": "Kế hoạch",
            "number": f"{i + 1}/KH-LMHTXVN",
            "issuers": [rng.choice(reg["agencies"])],
            "issued": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "summary": text(rng, 25),
            "cites": [{"number": f"{rng.randint(1, max(1, i))}/KH-LMHTXVN", "relation": "can-cu"}, {"number": "70-KL/TW", "relation": "lien-quan"}],
        }
        (target / "van-ban" / f"kh-bench-{i}.md").write_text(
            f"---\n{yaml.safe_dump(fm, allow_unicode=True)}---\n\nCăn cứ Kết luận số 70-KL/TW.\n\n{text(rng, words // 2)}\n", "utf-8"
        )
    for i in range(articles):
        fm = {
            "id": f"tin-bench-{i}",
            "title": f"Tin thử nghiệm {i}: " + text(rng, 10).rstrip("."),
            "summary": text(rng, 30),
            "date": when(i),
            "column": rng.choice(reg["columns"]),
            "agency": rng.choice(reg["agencies"]),
            "provinces": [rng.choice(reg["provinces"])],
            "tags": rng.sample(reg["tags"], 2),
            "authors": ["Phóng viên"],
        }
        if documents:
            fm["documents"] = [f"kh-bench-{rng.randrange(documents)}"]
        if i % 3 == 0:
            fm["cover"] = {"src": f"../anh/{rng.choice(images)}", "alt": "Ảnh minh họa"}
        body = f"Theo Kế hoạch số {rng.randint(1, max(1, documents))}/KH-LMHTXVN, {text(rng, words)}"
        (target / "tin-tuc" / f"tin-bench-{i}.md").write_text(f"---\n{yaml.safe_dump(fm, allow_unicode=True)}---\n\n{body}\n", "utf-8")


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--cooperatives", type=int, default=100)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--photos", type=int, default=40, help="phone-size photos for the image timing (cold and warm cache)")
    args = parser.parse_args()
    bench = ROOT / ".bench"
    corpus, site = bench / "content", bench / "site"
    make_corpus(corpus, args.articles, args.documents, args.cooperatives, args.words)

    started = time.perf_counter()
    catalog = load_catalog(corpus, parse_datetime(NOW))
    t_catalog = time.perf_counter() - started
    started = time.perf_counter()
    specs = Listings(catalog, "Bench")
    views = SiteViews(catalog, specs)
    t_views = time.perf_counter() - started
    started = time.perf_counter()
    writer = FeedWriter(catalog, FeedSettings("https://example.vn/", "example.vn,2024"), lambda e: e.body)
    for spec in specs:
        writer.write(spec, bench / "feeds-only")
    t_feeds = time.perf_counter() - started

    config = bench / "mkdocs.yml"
    config.write_text(
        (ROOT / "mkdocs.yml")
        .read_text("utf-8")
        .replace("docs_dir: content", f"docs_dir: {corpus}")
        .replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
        .replace("page_size: 10", "page_size: 20"),
        "utf-8",
    )  # the demo shows pagination with 10; 20 is the default
    env = {**os.environ, "PORTAL_NOW": NOW, "NO_MKDOCS_2_WARNING": "1"}
    shutil.rmtree(bench / ".cache", ignore_errors=True)  # cold: images and social cards made anew
    timings = []
    for _ in ("cold", "warm"):
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], env=env,
                                capture_output=True, text=True)  # fmt: skip
        timings.append(time.perf_counter() - started)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
    t_build, t_warm = timings
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    pages = sum(1 for _ in site.rglob("*.html"))
    entries = len(catalog.entries)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"corpus: {args.articles} articles, {args.documents} documents, {args.cooperatives} cooperatives, ~{args.words} words each")
    print(f"catalog load + validation (core):   {t_catalog:7.2f} s  ({entries / t_catalog:,.0f} entries/s)")
    print(f"views + listings (core):             {t_views:7.2f} s  ({len(views.pages):,} generated pages, {len(specs.all):,} lists)")
    print(f"feeds written, 3 formats (core):     {t_feeds:7.2f} s  ({3 * len(specs.all):,} files)")
    print(f"full mkdocs build, cold cache:       {t_build:7.2f} s  ({pages:,} HTML pages, {size_of(site) / 1e6:,.0f} MB, peak RSS {peak:,.0f} MB)")
    print(f"full mkdocs build, warm cache:       {t_warm:7.2f} s  (images and social cards reused)")
    print(
        f"largest page: {max(p.stat().st_size for p in site.rglob('*.html')) / 1e3:,.0f} kB; "
        f"search index: {(site / 'search' / 'search_index.json').stat().st_size / 1e6:,.1f} MB"
    )
    cold, warm = time_images(bench, args.photos)
    print(
        f"images, {args.photos} photos 3000×2000 → AVIF/WebP/JPEG ×3 widths ({os.cpu_count()} processes): "
        f"cold cache {cold:.1f} s ({cold / max(1, args.photos):.2f} s/photo), warm cache {warm:.2f} s"
    )
    return 0


def time_images(bench: Path, count: int) -> tuple[float, float]:
    """The image pipeline on phone-size photos: once with an empty cache, once with it full."""
    from PIL import Image

    folder = bench / "photos"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "anh").mkdir(parents=True)
    for i in range(count):
        noise = Image.effect_noise((3000, 2000), 30 + i % 20)
        Image.merge("RGB", (noise, noise.rotate(90, expand=False), noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT))).save(
            folder / "anh" / f"anh-{i}.jpg", quality=90)  # fmt: skip
    sources = [f"anh/anh-{i}.jpg" for i in range(count)]
    started = time.perf_counter()
    Pipeline(folder, folder / "cache").run(sources)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    pipeline = Pipeline(folder, folder / "cache")
    pipeline.run(sources)
    assert pipeline.encoded == 0
    return cold, time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
