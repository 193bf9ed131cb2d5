"""Command line.

``portal check``  validates the content without building the site.
``portal import`` turns an official document (.txt, .docx) into a content/van-ban/ entry.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import Catalog
from .loading import load_catalog, resolve_now
from .problems import ContentError, Problem
from .sanitize import Sanitizer, body_warning


def body_warnings(catalog: Catalog) -> list[Problem]:
    """What the sanitiser will remove from each body when the site is built (the build says it too)."""
    import markdown

    sanitizer, found = Sanitizer(), []
    for entry in catalog.entries:
        html = markdown.markdown(entry.body, extensions=["attr_list", "tables", "md_in_html"])
        _, removed = sanitizer.check(html)
        if removed:
            found.append(body_warning(entry.path, removed))
    return found


def check(content: Path, now: str | None) -> int:
    try:
        catalog = load_catalog(content, resolve_now(now), preview=True)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for warning in [*catalog.warnings, *body_warnings(catalog)]:
        print(warning, file=sys.stderr)
    counts = {k: sum(e.kind == k for e in catalog.entries) for k in ("article", "cooperative", "document")}
    print(
        f"OK: {counts['article']} articles, {counts['cooperative']} cooperatives, {counts['document']} documents, "
        f"{len(catalog.registries.agencies)} agencies — no problems."
    )
    return 0


def import_document(source: Path, content: Path, force: bool) -> int:
    from .importer import IncompleteImport, import_file
    from .registries import load_registries

    registries, problems = load_registries(content)
    if [p for p in problems if not p.warning]:
        print("\n".join(str(p) for p in problems), file=sys.stderr)
        return 1
    try:
        imported, target = import_file(source, registries, content / "van-ban", force)
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except IncompleteImport as exc:
        print(f"error: {source}: nothing written — a document needs these and the text does not give them:", file=sys.stderr)
        for problem in exc.missing:
            print(f"  {problem}", file=sys.stderr)
        print("Add the issuing agency to content/_registry/agencies.yml if it is missing, or write the entry by hand.", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"error: cannot read {source}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    for warning in imported.warnings:
        print(f"{target}: warning: {warning}", file=sys.stderr)
    print("Check the fields against the original, then run 'portal check'.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portal", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate content/ and list every problem")
    p_check.add_argument("content", nargs="?", default="content", type=Path)
    p_check.add_argument("--now", help="treat this moment as now (YYYY-MM-DDTHH:MM)")
    p_import = sub.add_parser("import", help="import an official document (.txt or .docx) into content/van-ban/")
    p_import.add_argument("source", type=Path)
    p_import.add_argument("--content", default=Path("content"), type=Path)
    p_import.add_argument("--force", action="store_true", help="overwrite an existing entry")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.content, args.now)
    return import_document(args.source, args.content, args.force)


if __name__ == "__main__":
    sys.exit(main())
