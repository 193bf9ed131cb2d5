"""Build a synthetic national-size corpus and measure the portal against bare Material.

    .venv/bin/python scripts/benchmark.py                      # 1,000 and 10,000 articles
    .venv/bin/python scripts/benchmark.py --sizes 50000        # one size

For each size it writes the corpus to .bench/ (git-ignored) and builds, in one run on the same
Markdown: (a) a bare Material site (same markdown_extensions, `font: false`, search on, a nav
of one page) and (b) the full portal (feeds, social cards, images, Pagefind), once with an empty
cache and then warm (a whole build: PORTAL_FULL_BUILD=1), alternately with (a) and with (c) a
day's edit: one article's title changed, then a normal `mkdocs build` into the same folder (the
incremental build). It prints the times, their ratios to (a), peak memory (the build and its
children, Pagefind included), pages, output size, the bytes headless Chromium fetches for a first
search query, the edit-to-served time of the preview, and the growth between sizes. Record the figures with the
machine in docs/BENCHMARK.md.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


NOW = "2026-11-25T12:00"


class Prose:
    """Vietnamese filler with the word frequencies of real text: a chain of which word follows
    which, learnt from the bodies of the demo content (articles, profiles, official documents).
    A search index is as large as its most common words are frequent: a small vocabulary where
    every word is on every page would be the worst case, not a portal."""

    def __init__(self, content: Path):
        self.follows: dict[str, list[str]] = {}
        for path in sorted(content.glob("*/*.md")):
            body = path.read_text("utf-8").split("---", 2)[-1]
            words = re.findall(r"[^\W\d_]+(?:[.,;:])?", body)
            for one, two in itertools.pairwise(words):
                self.follows.setdefault(one, []).append(two)
        self.starts = sorted(w for w in self.follows if w[:1].isupper() and w[-1:].isalpha())

    def text(self, rng: random.Random, words: int) -> str:
        out: list[str] = []
        word = rng.choice(self.starts)
        while len(out) < words:
            out.append(word)
            following = self.follows.get(word)
            word = rng.choice(following) if following and not word.endswith(".") else rng.choice(self.starts)
        paragraphs = [" ".join(out[i : i + 100]) for i in range(0, len(out), 100)]
        return "\n\n".join(paragraphs).rstrip(",;:.") + "."


PROSE = Prose(ROOT / "content")


def text(rng: random.Random, words: int) -> str:
    return PROSE.text(rng, words)


def make_corpus(target: Path, articles: int, documents: int, cooperatives: int, words: int) -> None:
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


def configs(bench: Path, corpus: Path) -> tuple[Path, Path]:
    """(a) bare Material on the same Markdown: the same markdown_extensions, `font: false`, search
    on, a nav of one page; (b) the portal: the project's own mkdocs.yml (page size 20)."""
    bare, portal = bench / "bare.yml", bench / "portal.yml"
    extensions = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").split("markdown_extensions:", 1)[1].split("\n\n", 1)[0])
    bare.write_text(yaml.safe_dump({
        "site_name": "Bare", "site_url": "https://example.vn/", "docs_dir": str(corpus),
        "theme": {"name": "material", "language": "vi", "font": False}, "plugins": ["search"],
        "markdown_extensions": extensions, "nav": [{"Tin": "tin-tuc/tin-bench-0.md"}],
        "validation": {"omitted_files": "ignore", "unrecognized_links": "ignore"},
    }, allow_unicode=True), "utf-8")  # fmt: skip
    portal.write_text(
        (ROOT / "mkdocs.yml")
        .read_text("utf-8")
        .replace("docs_dir: content", f"docs_dir: {corpus}")
        .replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
        .replace("page_size: 10", "page_size: 20"),
        "utf-8",
    )  # the demo shows pagination with 10; 20 is the default
    return bare, portal


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants now (Pagefind runs as a child of the build)."""
    parents, rss = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(stat.parent.name)
        parents[pid], rss[pid] = int(fields[1]), int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += [child for child, parent in parents.items() if parent == pid]
    return total


def build(config: Path, site: Path, log_file: Path | None = None, **env_extra: str) -> tuple[float, float]:
    """One `mkdocs build` in its own process: (wall seconds, peak MB of the sum of its and its
    children's resident memory, sampled every 0.1 s);
    its output in ``log_file`` (by default beside the configuration)."""
    env = {**os.environ, "PORTAL_NOW": NOW, "NO_MKDOCS_2_WARNING": "1", **env_extra}
    log_file = log_file or config.with_suffix(".log")
    with open(log_file, "w") as log:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], env=env, stdout=log, stderr=log)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.1)
        seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"build failed ({config.name}): see {log_file}")
    return seconds, peak / 2**20


DATE_LINE = re.compile(r"^date: ['\"]?(\S+?)['\"]?$", re.M)  # as make_corpus writes it (ISO: compared as text)


def newest_article(corpus: Path) -> Path:
    """The newest article: on the home page and at the head of every list it is in."""
    return max(corpus.glob("tin-tuc/*.md"), key=lambda p: DATE_LINE.search(p.read_text("utf-8"))[1])  # type: ignore[index]


def retitle(article: Path, marker: str) -> None:
    """The article's title with ``marker`` in front (inside its quotes)."""
    text = article.read_text("utf-8")
    changed = re.sub(r"^title: (['\"])", lambda m: f"title: {m[1]}{marker} ", text, count=1, flags=re.M)
    assert changed != text, article
    article.write_text(changed, "utf-8")


def days_edit(corpus: Path) -> None:
    """A day's edit: one article's title changed."""
    retitle(newest_article(corpus), f"Sửa lúc {time.time_ns()}:")


QUERIES = ("hop tac xa", "dak lak", "145/KH-LMHTXVN")  # the three most common words; a place; a document number


def first_query_bytes(site: Path, queries: tuple[str, ...] = QUERIES) -> dict[str, tuple[int, int]]:
    """For each query, in a fresh browser: the bytes fetched from the search bundle from opening
    /tim-kiem/?q=… until its results show (headless Chromium, a plain static server: no compression
    beyond Pagefind's own), and the result count."""
    sys.path.insert(0, str(ROOT / "tests"))
    from urllib.parse import quote

    from helpers import CHROMIUM, CHROMIUM_ARGS, serve_folder
    from playwright.sync_api import sync_playwright

    found: dict[str, tuple[int, int]] = {}
    with serve_folder(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()  # an empty cache
            page = context.new_page()
            fetched: list[int] = []
            page.on("response", lambda r, fetched=fetched: fetched.append(len(r.body())) if "/pagefind/" in r.url else None)
            page.goto(f"{base}tim-kiem/?q={quote(query)}")
            page.wait_for_function("document.querySelectorAll('.portal-result').length > 0", timeout=300_000)  # slow at 50k
            page.wait_for_load_state("networkidle")
            count = int(page.locator("[data-portal-search-status]").inner_text().split()[0])
            found[query] = (sum(fetched), count)
            context.close()
        browser.close()
    return found


SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000}  # 400 ms, 400 kbit/s
PAINTED = ("", "tin-tuc/kim-son-giu-nghe-coi/", "van-ban/")  # the home page, an article, the document registry


def first_paint(bench: Path, repeat: int = 3) -> list[tuple[str, str, float, float]]:
    """The demo site built once; for each page, its first contentful paint in headless Chromium
    on an emulated slow 3G link (400 ms, 400 kbit/s, empty cache), from a plain static server and
    from one that gzips (as nginx's `gzip on`): the page as built, and the same page as the build
    made it before the stylesheet was cut and the scripts deferred — Material's whole stylesheet
    linked, the scripts blocking — written beside it (the baseline, same run). Median of ``repeat``."""
    sys.path.insert(0, str(ROOT / "tests"))
    from helpers import CHROMIUM, CHROMIUM_ARGS, serve_folder
    from playwright.sync_api import sync_playwright

    site = bench / "first-paint"
    shutil.rmtree(site, ignore_errors=True)
    build(ROOT / "mkdocs.yml", site, bench / "first-paint.log")
    whole = next(site.glob("assets/stylesheets/main.*.min.css")).name
    for path in PAINTED:
        page = site / path / "index.html"
        html = page.read_text("utf-8").replace("portal-material.css", whole).replace(" defer></script>", "></script>")
        (site / path / "baseline.html").write_text(html, "utf-8")
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for gzip_on in (False, True):
            with serve_folder(site, gzip_on=gzip_on) as base:
                for path in PAINTED:
                    times = {}
                    for name in ("baseline.html", "index.html"):
                        measured = []
                        for _ in range(repeat):
                            context = browser.new_context(viewport={"width": 360, "height": 740})
                            page = context.new_page()
                            cdp = context.new_cdp_session(page)
                            cdp.send("Network.enable")
                            cdp.send("Network.emulateNetworkConditions", SLOW_3G)
                            page.goto(f"{base}{path}{name}", wait_until="load", timeout=120_000)
                            measured.append(page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime") / 1000)
                            context.close()
                        times[name] = statistics.median(measured)
                    rows.append(("gzip" if gzip_on else "plain", path or "/", times["baseline.html"], times["index.html"]))
        browser.close()
    return rows


def edit_to_served(bench: Path, config: Path, corpus: Path) -> float:
    """The editors' preview (`mkdocs serve --dirty`, as scripts/demo.sh runs it): once it serves the
    site, change one article's title and time until the server returns the new title both on the
    article's page and on the news list."""
    import urllib.request

    def get(url: str) -> str:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    port = 8765
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "PORTAL_NOW": NOW, "NO_MKDOCS_2_WARNING": "1"}
    log = open(bench / "serve.log", "w")  # noqa: SIM115 (closed below)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    try:
        while "tin-bench-" not in get(base + "tin-tuc/"):
            if server.poll() is not None:
                sys.exit(f"mkdocs serve stopped: see {bench / 'serve.log'}")
            time.sleep(0.5)
        while "Pagefind" not in (bench / "serve.log").read_text("utf-8"):  # the first build's search index is written
            time.sleep(0.5)  # (in the background: an edit before it would share the CPU with it)
        time.sleep(2)  # the watcher settles
        newest = newest_article(corpus)
        marker = f"Tiêu đề vừa sửa {time.time_ns()}"
        started = time.perf_counter()
        retitle(newest, marker)
        page = base + "tin-tuc/" + newest.stem + "/"
        while not (marker in get(page) and marker in get(base + "tin-tuc/")):
            if time.perf_counter() - started > 600:
                sys.exit(f"the edit was not served within 10 minutes: see {bench / 'serve.log'}")
            time.sleep(0.05)
        return time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


@dataclass
class Row:
    articles: int
    entries: int
    bare: float
    bare_peak: float
    cold: float
    warm: float | None
    peak: float
    pages: int
    output: int
    queries: dict[str, tuple[int, int]]
    edit: float | None = None
    day: float | None = None  # a day's edit: one title changed, then `mkdocs build` into the same folder
    day_peak: float | None = None


def measure(bench: Path, articles: int, documents: int, cooperatives: int, words: int, repeat: int, preview: bool, reuse: bool = False) -> Row:
    corpus = bench / "content"
    if not reuse:
        make_corpus(corpus, articles, documents, cooperatives, words)
    bare_yml, portal_yml = configs(bench, corpus)
    if not reuse:
        shutil.rmtree(bench / ".cache", ignore_errors=True)  # cold: images and social cards made anew
        (bench / "published-urls.yml").unlink(missing_ok=True)
    if not reuse:
        shutil.rmtree(bench / "site", ignore_errors=True)
    cold, cold_peak = build(portal_yml, bench / "site", PORTAL_FULL_BUILD="1")  # with --reuse: a warm build
    print(f"  (b) portal build, {'warm (--reuse)' if reuse else 'cold'} cache: {cold:.1f} s, peak {cold_peak:,.0f} MB", flush=True)
    bare_runs, warm_runs, day_runs = [], [], []
    for _ in range(repeat):  # alternately, so that all see the same machine
        bare_runs.append(build(bare_yml, bench / "bare-site"))
        warm_runs.append(build(portal_yml, bench / "site", PORTAL_FULL_BUILD="1"))  # a whole build, every cache warm
        days_edit(corpus)
        day_runs.append(build(portal_yml, bench / "site", bench / "day.log"))  # incremental: the state of the build before
        print(f"  bare {bare_runs[-1][0]:.1f} s, warm {warm_runs[-1][0]:.1f} s, day's edit {day_runs[-1][0]:.1f} s", flush=True)
    if not bare_runs:  # --repeat 0: the cold portal build and one bare build only
        bare_runs.append(build(bare_yml, bench / "bare-site"))
    print(f"  (a) bare Material build: {bare_runs[0][0]:.1f} s, peak {bare_runs[0][1]:,.0f} MB", flush=True)
    site = bench / "site"
    queries = first_query_bytes(site)
    edit = edit_to_served(bench, portal_yml, corpus) if preview else None
    entries = articles + documents + cooperatives
    return Row(articles, entries, statistics.median(t for t, _ in bare_runs), max(m for _, m in bare_runs), cold,
               statistics.median(t for t, _ in warm_runs) if warm_runs else None, max([cold_peak] + [m for _, m in warm_runs]),
               sum(1 for _ in site.rglob("*.html")), size_of(site), queries, edit,
               statistics.median(t for t, _ in day_runs) if day_runs else None, max((m for _, m in day_runs), default=None))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="numbers of articles, comma-separated (documents: 1/5, cooperatives: 1/20, at least 100)")
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=1,
                        help="bare and warm portal builds per size, alternately (the median is shown); 0: the cold build and one bare build only")  # fmt: skip
    parser.add_argument("--reuse", action="store_true", help="keep the corpus and cache of the last run (one size): the first portal build is then warm")
    parser.add_argument("--no-preview", action="store_true", help="skip the edit-to-served timing of the preview")
    parser.add_argument("--photos", type=int, default=0, help="phone-size photos for the image timing (cold and warm cache); 0: skip")
    parser.add_argument("--first-paint", action="store_true", help="only the first paint of the demo's pages on emulated slow 3G, against the baseline")
    args = parser.parse_args()
    bench = ROOT / ".bench"
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB, Python {platform.python_version()}, {platform.platform()}")
    if args.first_paint:
        bench.mkdir(exist_ok=True)
        print("first contentful paint, 360 px, emulated slow 3G (400 ms, 400 kbit/s), median of 3: baseline → now")
        for server, path, before, after in first_paint(bench):
            print(f"  {server:5} {path:32} {before:5.2f} s → {after:5.2f} s   ratio {after / before:.2f}")
        return 0
    rows = []
    for articles in (int(x) for x in args.sizes.split(",")):
        documents, cooperatives = articles // 5, max(100, articles // 20)
        print(f"\n{articles:,} articles …", flush=True)
        row = measure(bench, articles, documents, cooperatives, args.words, args.repeat, not args.no_preview, args.reuse)
        rows.append(row)
        print(f"\n{articles:,} articles, {documents:,} documents, {cooperatives:,} cooperatives (~{args.words} words each)")
        print(f"  (a) bare Material build:          {row.bare:7.1f} s   peak {row.bare_peak:6,.0f} MB")
        if row.warm is not None:
            print(f"  (b) portal build, warm cache:     {row.warm:7.1f} s   peak {row.peak:6,.0f} MB (cold or warm)  ratio (b)/(a) {row.warm / row.bare:.2f}")
        else:
            print(f"  (b) portal build: one only (--repeat 0)   peak {row.peak:6,.0f} MB")
        made = "warm: --reuse" if args.reuse else "every image and social card made"
        print(f"      portal build, {'warm' if args.reuse else 'cold'} cache:     {row.cold:7.1f} s   ({made})     ratio = {row.cold / row.bare:.2f}")
        if row.day is not None:
            print(f"  (c) a day's edit (one title), then build: {row.day:7.1f} s   peak {row.day_peak:6,.0f} MB   ratio (c)/(a) {row.day / row.bare:.2f}")
        print(f"  output: {row.pages:,} HTML pages, {row.output / 1e6:,.0f} MB")
        for query, (fetched, results) in row.queries.items():
            print(f"  search «{query}»: {results:,} results, {fetched / 1e3:,.0f} kB fetched by a first query")
        if row.edit is not None:
            print(f"  preview (mkdocs serve --dirty): a title saved → served on its page and the news list in {row.edit:.1f} s")
        sys.stdout.flush()
    for small, large in itertools.pairwise(rows):
        factor = large.articles / small.articles
        warm = f"warm build ×{large.warm / small.warm:.1f}, " if large.warm and small.warm else ""
        print(f"\ngrowth {small.articles:,} → {large.articles:,} articles (×{factor:g}): {warm}"
              f"cold ×{large.cold / small.cold:.1f}, bare ×{large.bare / small.bare:.1f}, peak memory ×{large.peak / small.peak:.1f}"
              + (f", day's edit ×{large.day / small.day:.1f}" if large.day and small.day else ""))  # fmt: skip
    if args.photos:
        cold, warm = time_images(bench, args.photos)
        print(
            f"images, {args.photos} photos 3000×2000 → AVIF/WebP/JPEG ×3 widths ({os.cpu_count()} processes): "
            f"cold cache {cold:.1f} s ({cold / max(1, args.photos):.2f} s/photo), warm cache {warm:.2f} s"
        )
    return 0


def memory_gib() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


def time_images(bench: Path, count: int) -> tuple[float, float]:
    """The image pipeline on phone-size photos: once with an empty cache, once with it full."""
    from PIL import Image

    from site_plugins.media.pictures import Pipeline

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
