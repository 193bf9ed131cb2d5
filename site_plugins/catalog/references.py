"""References: every id written in the content points at something.

One problem, one message: a name written instead of an id gets the real id (accents, case and
abbreviations such as HTX/UBND ignored); a near miss gets "did you mean"; an id of an entry whose
own file is invalid is reported at that file, not again at every mention."""

from __future__ import annotations

import difflib
from typing import Any

from ..common.messages import problem, t
from ..common.problems import Problem
from ..common.vietnamese import name_key, slugify
from ..content.entries import ENTRY_TYPES
from ..content.registries import REGISTRY_FILES, Registries
from ..content.schema import PLACEHOLDERS
from .reading import Source

MAX_CHECKED = 500  # ids of one field checked at most (every list field is bounded lower: models.py)


def fold(text: str) -> str:
    """A name as a key that ignores accents, case, spacing and usual abbreviations (HTX, UBND…)."""
    return slugify(name_key(text))


class RefChecker:
    def __init__(self, registries: Registries, sources: list[Source]):
        entries = [s.entry for s in sources if s.entry is not None]
        self.tables: dict[str, Any] = {
            "agency": registries.agencies,
            "province": registries.provinces,
            "column": registries.columns,
            "campaign": registries.campaigns,
            "sector": registries.sectors,
            "tag": registries.tags,
            "cooperative": {e.id: e for e in entries if e.kind == "cooperative"},
            "document": {e.id: e for e in entries if e.kind == "document"},
            "article": {e.id: e for e in entries if e.kind == "article"},  # an event's news
        }
        # an entry whose file exists but is invalid is reported there, not again at every mention
        self.reported: dict[str, set[str]] = {s.kind: set() for s in sources}
        for source in sources:
            if source.entry is None and isinstance(source.parsed.data.get("id"), str):
                self.reported[source.kind].add(source.parsed.data["id"])
        self._names: dict[str, dict[str, tuple[str, str]]] = {}
        self.problems: list[Problem] = []

    def names(self, table: str) -> dict[str, tuple[str, str]]:
        """folded name → (id, name) for every name, short name, alias or number of an item."""
        if table not in self._names:
            found: dict[str, tuple[str, str]] = {}
            for item_id, item in self.tables[table].items():
                if table in ("cooperative", "document", "article"):
                    spellings, label = item.spellings(), item.title
                else:
                    spellings = [getattr(item, a) or "" for a in ("name", "short_name", "title") if hasattr(item, a)]
                    spellings += list(getattr(item, "aliases", []))
                    if table == "province":
                        spellings.append(item.name.removeprefix("Tỉnh ").removeprefix("Thành phố "))
                    label = getattr(item, "name", None) or getattr(item, "title", item_id)
                for spelling in spellings:
                    if spelling:
                        found.setdefault(fold(spelling), (item_id, label))
            self._names[table] = found
        return self._names[table]

    def check(self, table: str, value: Any, path: str, line: int, field: str) -> None:
        values = value if isinstance(value, (list, tuple)) else [value]
        if len(values) > MAX_CHECKED:
            return  # far over any list's bound: the schema reports the length, not thousands of unknown ids
        known = self.tables[table]
        for index, ref in enumerate(values):
            if ref is None or ref in known or ref in self.reported.get(table, ()) or ref in PLACEHOLDERS:  # placeholders: reported by the schema
                continue
            where = f"{field}.{index + 1}" if isinstance(value, (list, tuple)) else field
            self.problems.append(Problem(path, line, where, *problem("ref.unknown", what=t(f"what.{table}"), value=ref, fix=self._fix(table, ref))))

    def _fix(self, table: str, ref: Any) -> str:
        what, known = t(f"what.{table}"), self.tables[table]
        folded, names = fold(str(ref)), self.names(table)
        near_name = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.85)
        if folded in names and folded != ref:  # a name (any accents, case, HTX/UBND…) instead of the id
            return t("ref.by_name", id=names[folded][0], name=names[folded][1])
        if near_id := difflib.get_close_matches(str(ref), list(known), n=1, cutoff=0.6):
            return t("did_you_mean", value=near_id[0])  # a typo in the id
        if near_name:  # a name with a typo
            return t("ref.by_name", id=names[near_name[0]][0], name=names[near_name[0]][1])
        if table not in REGISTRY_FILES:
            return t("ref.entry", what=what)
        return t("ref.add", kind=table, file=REGISTRY_FILES[table], block=BLOCKS.get(table, "- {{id: {id}, title: …}}").format(id=ref))


# the block an editor adds for an unknown id, written out
BLOCKS = {
    "agency": "- {{id: {id}, name: …, level: tinh, kind: nha-nuoc, province: …}}",
    "province": "- {{id: {id}, name: Tỉnh …}}",
    "column": "- {{id: {id}, title: …, description: …}}",
    "campaign": "- {{id: {id}, title: …, description: …}}",
}


def check_registries(reg: Registries, refs: RefChecker) -> None:
    for agency in reg.agencies.values():
        path, line = reg.origins[("agencies", agency.id)]
        refs.check("agency", agency.parent, path, line, f"{agency.id}.parent")
        refs.check("province", agency.province, path, line, f"{agency.id}.province")
        refs.check("agency", [s.id for s in agency.successors], path, line, f"{agency.id}.successors")
    for province in reg.provinces.values():
        path, line = reg.origins[("provinces", province.id)]
        refs.check("province", [s.id for s in province.successors], path, line, f"{province.id}.successors")
    for column in reg.columns.values():
        path, line = reg.origins[("columns", column.id)]
        refs.check("column", column.parent, path, line, f"{column.id}.parent")
    for partner in reg.partners.values():
        path, line = reg.origins[("partners", partner.id)]
        refs.check("province", partner.province, path, line, f"{partner.id}.province")
        refs.check("agency", partner.agency, path, line, f"{partner.id}.agency")


def check_entry(source: Source, refs: RefChecker) -> None:
    """Ids in the front matter: the top-level ones on the raw front matter (checked even when the rest
    of the entry is invalid), those inside lists on the valid entry."""
    data, line = source.parsed.data, source.parsed.line
    for name, table in ENTRY_TYPES[source.kind].ref_fields.items():
        value = data.get(name)
        if isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            refs.check(table, value, source.path, line((name,)), name)
    if source.entry is not None:
        for ref in source.entry.nested_refs():
            refs.check(ref.table, ref.value, source.path, line(ref.at), ref.field)
