"""Command line (messages from the catalogue: Vietnamese, or English with PORTAL_LANG=en).

``portal check``  validates the content without building the site, and names every entry that is not published.
``portal import`` turns an official document (.txt, .docx) into a content/van-ban/ entry.
``portal new``    writes a skeleton entry with a fresh id and every required field.
``portal fetch-partners`` reads the partner portals' feeds into the committed snapshot the build shows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .bodies.sanitize import Sanitizer, body_warning
from .catalog.catalog import Catalog
from .catalog.loading import load_catalog, resolve_now
from .common.messages import t
from .common.problems import ContentError, Problem
from .output.redirects import LEDGER, load_ledger
from .output.revisions import REVISIONS, load_revisions


def body_warnings(catalog: Catalog) -> list[Problem]:
    """What the build will say of each body: HTML the sanitiser removes, document mentions it
    cannot tie to one document."""
    import markdown

    from .bodies.autolink import DocumentLinks, mention_warnings
    from .catalog.mentions import agency_names

    sanitizer, found = Sanitizer(), []
    links = DocumentLinks()
    links.links, links.names = catalog.graph.links(), agency_names(catalog.registries)
    for entry in catalog.entries:
        links.set_page(entry.url, *catalog.context_of(entry))
        html = markdown.markdown(entry.body, extensions=["attr_list", "tables", "md_in_html", links])
        _, removed = sanitizer.check(html)
        if removed:
            found.append(body_warning(entry.path, removed))
        found += mention_warnings(entry, links)
    return found


def check(content: Path, now: str | None) -> int:
    try:
        catalog = load_catalog(content, resolve_now(now), preview=True)
        ledger = content.parent / LEDGER  # beside mkdocs.yml, as the build reads it
        problems = load_ledger(ledger, str(ledger))[1]
        revisions = content.parent / REVISIONS  # the events' calendar revisions, beside it
        problems += load_revisions(revisions, str(revisions))[1]
        if problems:
            raise ContentError(problems)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for warning in [*catalog.warnings, *body_warnings(catalog)]:
        print(warning, file=sys.stderr)
    for note in catalog.unpublished:  # nothing vanishes silently
        print(note)
    counts = {k: sum(e.kind == k for e in catalog.entries) for k in ("article", "cooperative", "document", "event")}
    print(t("check.ok", articles=counts["article"], cooperatives=counts["cooperative"], documents=counts["document"], events=counts["event"],
            agencies=len(catalog.registries.agencies)))  # fmt: skip
    return 0


def evaluate_corpus(folder: Path, content: Path, show_held_out: bool) -> int:
    """Per-field accuracy of the importer on a folder of documents with expected fields: the
    tuning part, the held-out part (its held-out/) and the whole, against the site's registry."""
    from .content.registries import load_registries
    from .importer.evaluation import evaluate_corpus as score

    result = score(folder, load_registries(content)[0])
    for title, report in (("", result.tuning), ("held-out", result.held_out), ("toàn bộ", result.whole)):
        if report.documents:
            print("\n".join(report.lines(title)))
    for miss in result.tuning.misses + (result.held_out.misses if show_held_out else []):
        print(f"  sai: {miss}")
    return 0 if result.whole.documents else 1


def import_document(source: Path, content: Path, force: bool) -> int:
    from .content.registries import load_registries
    from .importer.header import NotADocument
    from .importer.importer import IncompleteImport, import_file

    registries, problems = load_registries(content)
    if [p for p in problems if not p.warning]:
        print("\n".join(str(p) for p in problems), file=sys.stderr)
        return 1
    try:
        imported, target = import_file(source, registries, content / "van-ban", force)
    except NotADocument as exc:
        print(t("import.refused", source=source, reason=exc), file=sys.stderr)
        return 1
    except FileExistsError as exc:
        print(t("import.exists", target=exc.args[0]), file=sys.stderr)
        return 1
    except IncompleteImport as exc:
        print(t("import.incomplete", source=source), file=sys.stderr)
        for missing in exc.missing:
            print(f"  {missing}", file=sys.stderr)
        print(t("import.incomplete.fix"), file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(t("import.unreadable", source=source, error=exc), file=sys.stderr)
        return 1
    print(t("import.wrote", target=target))
    for agency in imported.agencies:
        print(t("import.agency_added", name=agency["name"], id=agency["id"], proposed=t("import.proposed") if agency.get("review") else ""))
    for warning in imported.warnings:
        print(t("import.warning", target=target, text=warning), file=sys.stderr)
    print(t("import.review"))
    return 0


def new(kind: str, title: str, content: Path, province: str | None = None, code: str | None = None) -> int:
    from .editors.newentry import write_skeleton
    from .editors.newitem import KINDS, ItemExists, new_item

    if kind in KINDS:
        from .content.registries import load_registries

        try:
            added = new_item(kind, title, content, load_registries(content)[0], province, code)
        except ItemExists as exc:
            print(t("new.item_exists", id=exc.args[0]), file=sys.stderr)
            return 1
        print(t("new.item_wrote", id=added.items[0]["id"], file=added.file))
        for item in added.items[1:]:
            print(t("new.item_also", id=item["id"], name=item.get("name") or item.get("title")))
        return 0

    try:
        target = write_skeleton(kind, title, content, resolve_now())
    except FileExistsError as exc:
        print(t("new.exists", target=exc.args[0]), file=sys.stderr)
        return 1
    print(t("new.wrote", target=target))
    return 0


def fetch_partners(content: Path) -> int:
    """The partners' feeds read once (beside the build: the build itself never uses the network)."""
    from .catalog.loading import resolve_now
    from .content.registries import load_registries
    from .partners.refresh import fetch_partners as refresh

    registries, problems = load_registries(content)
    if errors := [p for p in problems if not p.warning]:
        print("\n".join(str(p) for p in errors), file=sys.stderr)
        return 1
    if not registries.partners:
        print(t("partners.none", file=content / "_registry" / "partners.yml"), file=sys.stderr)
        return 1
    try:
        written, outcomes = refresh(content, registries.partners, resolve_now())
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    for outcome in outcomes:
        print(outcome.line())
    print(t("partners.wrote", file=written))
    return 0


def poll_server(content: Path, database: Path, site_url: str, host: str, port: int, trust_proxy: bool, window: float, rate: int) -> int:
    """The optional poll service (site_plugins/polls/server.py) until interrupted."""
    from .polls.server import Settings, serve

    try:
        settings = Settings(content, database, site_url, window=window, rate=rate, trust_proxy=trust_proxy)
        serve(settings, host, port, ready=lambda s: print(t("poll.serving", host=host, port=s.server_address[1], count=len(s.service.polls)), flush=True))
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


def poll_results(poll_id: str, content: Path, database: Path, now: str | None) -> int:
    """A closed poll's counts written into its file (site_plugins/polls/export.py)."""
    from .polls.export import export_results

    try:
        file, voters = export_results(content, database, poll_id, resolve_now(now))
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(t("poll.exported", voters=voters, path=file))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portal", description=t("cli.description"))
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help=t("cli.check"), description=t("cli.check"))
    p_check.add_argument("content", nargs="?", default="content", type=Path)
    p_check.add_argument("--now", help=t("cli.now"))
    p_import = sub.add_parser("import", help=t("cli.import"), description=t("cli.import"))
    p_import.add_argument("source", type=Path)
    p_import.add_argument("--evaluate", action="store_true", help=t("cli.evaluate"))
    p_import.add_argument("--show-held-out", action="store_true", help=t("cli.show_held_out"))
    p_import.add_argument("--content", default=Path("content"), type=Path)
    p_import.add_argument("--force", action="store_true", help=t("cli.force"))
    p_new = sub.add_parser("new", help=t("cli.new"), description=t("cli.new"))
    p_new.add_argument("kind", choices=["article", "cooperative", "document", "event", "agency", "tag", "sector", "province", "column"])
    p_new.add_argument("title", help=t("cli.title"))
    p_new.add_argument("--content", default=Path("content"), type=Path)
    p_new.add_argument("--province", help=t("cli.province"))
    p_new.add_argument("--code", help=t("cli.code"))
    p_cms = sub.add_parser("cms", help=t("cli.cms"), description=t("cli.cms"))
    p_cms.add_argument("--content", default=Path("content"), type=Path)
    p_guide = sub.add_parser("guide", help=t("cli.guide"), description=t("cli.guide"))
    p_guide.add_argument("path", nargs="?", default=Path("docs/huong-dan-bien-tap.md"), type=Path)
    p_fetch = sub.add_parser("fetch-partners", help=t("cli.fetch_partners"), description=t("cli.fetch_partners"))
    p_fetch.add_argument("--content", default=Path("content"), type=Path)
    p_poll = sub.add_parser("poll-server", help=t("cli.poll_server"), description=t("cli.poll_server"))
    p_poll.add_argument("--content", default=Path("content"), type=Path)
    p_poll.add_argument("--db", default=Path("khao-sat.sqlite3"), type=Path)
    p_poll.add_argument("--site-url", required=True, help="địa chỉ cổng (https://…/): chỉ chuyển hướng về đây")
    p_poll.add_argument("--host", default="127.0.0.1")
    p_poll.add_argument("--port", default=8765, type=int)
    p_poll.add_argument("--trust-proxy", action="store_true", help="đọc X-Forwarded-For từ proxy ở 127.0.0.1")
    p_poll.add_argument("--window", default=24 * 3600, type=float, help="số giây trước khi một địa chỉ được bình chọn lại")
    p_poll.add_argument("--rate", default=20, type=int, help="số yêu cầu tối đa một phút của một địa chỉ")
    p_results = sub.add_parser("poll-results", help=t("cli.poll_results"), description=t("cli.poll_results"))
    p_results.add_argument("poll")
    p_results.add_argument("--content", default=Path("content"), type=Path)
    p_results.add_argument("--db", default=Path("khao-sat.sqlite3"), type=Path)
    p_results.add_argument("--now", help=t("cli.now"))
    args = parser.parse_args(argv)
    if args.command == "poll-server":
        return poll_server(args.content, args.db, args.site_url, args.host, args.port, args.trust_proxy, args.window, args.rate)
    if args.command == "poll-results":
        return poll_results(args.poll, args.content, args.db, args.now)
    if args.command == "fetch-partners":
        return fetch_partners(args.content)
    if args.command == "guide":
        from .editors.fieldtables import refresh

        print(t("guide.changed" if refresh(args.path) else "guide.same", path=args.path))
        return 0
    if args.command == "cms":
        import yaml

        from .content.registries import load_registries
        from .editors.cms import config

        print(yaml.safe_dump(config(load_registries(args.content)[0]), allow_unicode=True, sort_keys=False, width=200), end="")
        return 0
    if args.command == "check":
        return check(args.content, args.now)
    if args.command == "new":
        return new(args.kind, args.title, args.content, args.province, args.code)
    return evaluate_corpus(args.source, args.content, args.show_held_out) if args.evaluate else import_document(args.source, args.content, args.force)


if __name__ == "__main__":
    sys.exit(main())
