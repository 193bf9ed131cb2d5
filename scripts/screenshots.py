"""Screenshots of every kind of page at phone and desktop width, for reviewing the design
without serving the site.

    .venv/bin/python scripts/screenshots.py [--site site/] [--out screenshots/] [--full]

Serves the built site (build it first: `bash scripts/demo.sh build`) on 127.0.0.1 and opens
each page kind in Debian's headless Chromium at 360 px and 1280 px."""

from __future__ import annotations

import argparse
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]  # fmt: skip
WIDTHS = (360, 1280)
# One page of every kind, in the demo and in the tests' fixture site.
PAGE_KINDS = {
    "home": "",
    "news-list": "tin-tuc/",
    "column": "chuyen-muc/kinh-te-tap-the-htx/",
    "article": "tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/",
    "cooperative": "htx/htx-che-shan-tuyet-ban-xeo/",
    "cooperatives": "htx/",
    "document": "van-ban/145-kh-lmhtxvn-2021/",
    "document-stub": "van-ban/70-kl-tw/",
    "document-replaced": "van-ban/luat-hop-tac-xa-2012/",
    "document-updates": "van-ban/moi-cap-nhat/",
    "tasks": "van-ban/nhiem-vu/",
    "documents": "van-ban/",
    "events": "su-kien/",
    "event": "su-kien/giao-ban-bao-chi-quy-iv-lao-cai/",
    "event-kind": "su-kien/loai/tap-huan/",
    "agency": "co-quan/lien-minh-htx-viet-nam/",
    "agency-tree": "co-quan/",
    "province": "dia-phuong/ninh-binh/",
    "tag": "tu-khoa/ocop/",
    "archive": "luu-tru/2024/05/",
    "feeds": "feeds/",
    "open-data": "van-ban/du-lieu/",
    "statistics": "so-lieu/",
    "partner-news": "tin-dia-phuong/",
    "partner": "tin-dia-phuong/doi-tac/lao-cai/",
    "partner-health": "tin-dia-phuong/tinh-trang/",
    "poll": "khao-sat/ocop-huong-phat-trien/",
    "polls": "khao-sat/",
    "search": "tim-kiem/?q=h%E1%BB%A3p+t%C3%A1c+x%C3%A3+dak+lak",
    "404": "404.html",
}


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--full", action="store_true", help="whole pages, not only the first screen")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        print(f"{args.site}/index.html is missing: build the site first (bash scripts/demo.sh build)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    httpd, base = serve(args.site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 780})
                page = context.new_page()
                for kind, path in PAGE_KINDS.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    if args.full:  # let lazy images below the first screen load
                        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                        page.wait_for_load_state("networkidle")
                        page.evaluate("window.scrollTo(0, 0)")
                    target = args.out / f"{kind}-{width}.png"
                    page.screenshot(path=str(target), full_page=args.full)
                    print(target)
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
