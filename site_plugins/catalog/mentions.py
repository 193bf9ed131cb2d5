"""Mentions of documents in entry texts: "Kết luận số 70-KL/TW", "Nghị quyết 134/NQ-CP" — which
document of the citation graph each one means.

The body linker (bodies/autolink.py) turns mentions into links while a page is rendered, with the
rules written here; the catalog reads the same mentions once beforehand (``text_mentions``), so the
page of a document cited but not published here can list the articles that mention it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..common.docnumbers import number_key

if TYPE_CHECKING:
    from ..content.entries import AnyEntry
    from ..content.registries import Registries
    from .graph import CitationGraph, Target


def agency_names(registries: Registries) -> dict[str, list[str]]:
    """agency id → its names as they follow a number in text ("của UBND tỉnh Lào Cai"), lowercased."""
    return {a.id: [n.lower() for n in (a.name, a.short_name, *a.aliases) if n] for a in registries.agencies.values()}


def choose(candidates: list[Target], after: str, names: dict[str, list[str]], provinces: set[str], agencies: set[str]) -> list[Target]:
    """Narrow the documents a number names with the mention's context: the issuer named after it
    (``after``: the text that follows the number), a year right after it, then the provinces and
    agencies of the page it is on."""
    following = after[:120].lower()
    year = re.match(r"^[^.;]{0,40}?(?:năm|/)\s*((?:19|20)\d\d)\b", after)
    for keep in (lambda c: any(n in following for a in c.issuers for n in names.get(a, [])),
                 lambda c: year is not None and c.year == int(year[1]),
                 lambda c: bool(c.provinces & provinces),
                 lambda c: bool(set(c.issuers) & agencies)):  # fmt: skip
        narrowed = [c for c in candidates if keep(c)]
        if len(candidates) > 1 and narrowed:
            candidates = narrowed
    return candidates


def text_mentions(
    graph: CitationGraph, entries: Iterable[AnyEntry], names: dict[str, list[str]], context: Callable[[AnyEntry], tuple[set[str], set[str]]]
) -> dict[str, list[AnyEntry]]:
    """Node key of a document → the entries whose text mentions it (each once, in the given order),
    chosen as the linker chooses; a mention that stays ambiguous counts for none."""
    links = graph.links()
    node_of = {node.url: node for node in graph.nodes.values()}
    found: dict[str, list[AnyEntry]] = defaultdict(list)
    for entry in entries:
        if not entry.mentions:
            continue
        provinces, agencies = context(entry)
        seen: set[str] = set()
        for number, after in entry.mentions:
            candidates = choose(links.get(number_key(number), []), after, names, provinces, agencies)
            node = node_of.get(candidates[0].path) if len(candidates) == 1 else None
            if node is not None and node.key not in seen and node.entry is not entry:
                seen.add(node.key)
                found[node.key].append(entry)
    return dict(found)
