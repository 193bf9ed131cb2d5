"""Command line: ``portal check`` validates the content without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import load_catalog, resolve_now
from .problems import ContentError


def check(content: Path, now: str | None) -> int:
    try:
        catalog = load_catalog(content, resolve_now(now), preview=True)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for warning in catalog.warnings:
        print(warning, file=sys.stderr)
    counts = {k: sum(e.kind == k for e in catalog.entries) for k in ("article", "cooperative", "document")}
    print(f"OK: {counts['article']} articles, {counts['cooperative']} cooperatives, {counts['document']} documents, "
          f"{len(catalog.registries.agencies)} agencies — no problems.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portal", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate content/ and list every problem")
    p_check.add_argument("content", nargs="?", default="content", type=Path)
    p_check.add_argument("--now", help="treat this moment as now (YYYY-MM-DDTHH:MM)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.content, args.now)
    return 2


if __name__ == "__main__":
    sys.exit(main())
