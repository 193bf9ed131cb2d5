"""How well the importer reads a corpus of real documents: each source (.txt, .docx, .pdf) beside
a hand-checked `<name>.expected.yml` of its fields. Only the fields the expected file lists are
judged (a document copied from a web page may stop before its signature).

Agencies are judged by name, not by registry id: the expected file says "Ủy ban nhân dân huyện
Bắc Hà", and the importer is right if the agency it chose — from the site's registry, the
national one or proposed from the header — bears that name (its province part aside). A wrong
issuer is a miss, whatever registry it came from. A document the importer refuses, or writes
without a required field, counts as a miss on every field it lists.

Lists are judged item by item on the keys the expected item gives (a signer's name, position,
capacity…); cited documents as a set, each once; tasks in order, as many as the expected file
lists ("text_start" compares the start of a task's text).

The corpus keeps a held-out part in `held-out/`: documents scored but never used to tune the
rules. `portal import --evaluate DIR` prints the accuracy of each part and of the whole, and the
misses of the tuning part only (`--show-held-out` shows the others too)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..common.vietnamese import name_key
from ..content.national import national
from ..content.registries import Registries
from .header import NotADocument
from .importer import Imported, import_text
from .source import read_source

SOURCES = (".txt", ".docx", ".pdf")
FIELDS = ("type", "number", "issuers", "place", "issued", "year", "summary", "signers", "recipients", "cites", "tasks", "status")
HELD_OUT = "held-out"


@dataclass
class Report:
    documents: int = 0
    written: int = 0  # documents the importer wrote an entry for
    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)  # "file: field: expected … got …"

    @property
    def accuracy(self) -> float:
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else 0.0

    def count(self, name: str, right: bool) -> None:
        self.total[name] = self.total.get(name, 0) + 1
        self.right[name] = self.right.get(name, 0) + int(right)

    def __add__(self, other: Report) -> Report:
        both = Report(self.documents + other.documents, self.written + other.written, misses=self.misses + other.misses)
        for name in FIELDS:
            for mine, theirs, into in ((self.right, other.right, both.right), (self.total, other.total, both.total)):
                if name in mine or name in theirs:
                    into[name] = mine.get(name, 0) + theirs.get(name, 0)
        return both

    def lines(self, title: str = "") -> list[str]:
        out = [f"{title or 'trường':<12} {'đúng':>5} / {'tổng':<5}"]
        for name in FIELDS:
            if self.total.get(name):
                out.append(f"{name:<12} {self.right.get(name, 0):>5} / {self.total[name]:<5} {self.right.get(name, 0) / self.total[name]:6.1%}")
        out.append(
            f"{'cộng':<12} {sum(self.right.values()):>5} / {sum(self.total.values()):<5} {self.accuracy:6.1%}  "
            f"({self.documents} văn bản, {self.written} ghi được)"
        )
        return out


@dataclass
class Evaluation:
    tuning: Report
    held_out: Report

    @property
    def whole(self) -> Report:
        return self.tuning + self.held_out


def evaluate_corpus(folder: Path, registries: Registries, read: Callable[[Path], str] = read_source) -> Evaluation:
    """The tuning part (the folder) and the held-out part (its `held-out/`), scored apart."""
    held_out = folder / HELD_OUT
    return Evaluation(evaluate(folder, registries, read), evaluate(held_out, registries, read) if held_out.is_dir() else Report())


def evaluate(folder: Path, registries: Registries, read: Callable[[Path], str] = read_source) -> Report:
    report = Report()
    for source in sorted(p for p in folder.iterdir() if p.suffix.lower() in SOURCES):
        expected_file = source.with_name(source.stem + ".expected.yml")
        if not expected_file.exists():
            continue
        expected = yaml.safe_load(expected_file.read_text("utf-8"))
        report.documents += 1
        try:
            imported: Imported | None = import_text(read(source), registries, source.name)
        except NotADocument:
            imported = None
        if imported is None or imported.missing:
            for name in (n for n in FIELDS if n in expected):
                report.count(name, False)
                report.misses.append(f"{source.name}: {name}: không ghi được văn bản")
            continue
        report.written += 1
        got = yaml.safe_load(yaml.safe_dump(imported.front_matter, allow_unicode=True))  # dates as the YAML file writes them
        judge = Judge(registries, imported)
        for name in (n for n in FIELDS if n in expected):
            right = judge.field(name, expected[name], got.get(name))
            report.count(name, right)
            if not right:
                report.misses.append(f"{source.name}: {name}: cần {expected[name]!r}, đọc được {judge.shown(name, got.get(name))!r}")
    return report


class Judge:
    """Compares one imported entry with its expected fields, agencies by name."""

    def __init__(self, registries: Registries, imported: Imported):
        shipped = national()
        self.agencies: dict[str, dict] = {}
        self.known: dict[str, list[dict]] = {}  # every registry's version of an agency: the names of each count
        for agency in (*(a.model_dump() for a in (*shipped.agencies.values(), *registries.agencies.values())), *imported.agencies):
            self.agencies[agency["id"]] = agency
            self.known.setdefault(agency["id"], []).append(agency)
        self.province_names = {p.id: p.name for p in (*shipped.provinces.values(), *registries.provinces.values())}
        self.province_names.update({p["id"]: p["name"] for p in imported.provinces})

    def names(self, agency_id: str) -> set[str]:
        """Every key an agency is known by, with and without its province ("… tỉnh Lào Cai")."""
        versions = self.known.get(agency_id)
        if not versions:
            return {name_key(agency_id)}
        names = {name_key(n) for agency in versions for n in (agency.get("name"), agency.get("short_name"), *(agency.get("aliases") or [])) if n}
        province = self.province_names.get(versions[-1].get("province") or "")
        if province:
            place = name_key(re.sub(r"^(Tỉnh|Thành phố)\s+", "", province))
            names |= {re.sub(rf"\s+(tỉnh |thành phố |tp )?{re.escape(place)}$", "", n) for n in names}
        return names

    def same_agency(self, expected_name: str, agency_id: object) -> bool:
        return name_key(str(expected_name)) in self.names(str(agency_id))

    def agencies_match(self, expected: list, got: object) -> bool:
        got = got or []
        return isinstance(got, list) and len(expected) == len(got) and all(self.same_agency(e, g) for e, g in zip(expected, got, strict=True))

    def item_matches(self, expected: dict, got: dict) -> bool:
        for key, value in expected.items():
            if key in ("agency", "issuer"):
                if not self.same_agency(value, got.get(key)):
                    return False
            elif key in ("lead", "partners"):
                if not self.agencies_match(value, got.get(key)):
                    return False
            elif key == "text_start":
                if not str(got.get("text", "")).startswith(str(value)):
                    return False
            elif got.get(key) != value:
                return False
        return True

    def field(self, name: str, expected: object, got: object) -> bool:
        if name not in ("issuers", "signers", "cites", "tasks"):
            return expected == got
        if not isinstance(expected, list):
            return False
        found: list = list(got) if isinstance(got, list) else []
        if name == "issuers":
            return self.agencies_match(expected, found)
        if name == "signers":
            return len(expected) == len(found) and all(self.item_matches(e, g) for e, g in zip(expected, found, strict=True))
        if name == "tasks":  # as many as the expected file lists, in order
            return len(found) >= len(expected) and all(self.item_matches(e, g) for e, g in zip(expected, found, strict=False))
        if len(expected) != len(found):
            return False
        for item in expected:  # citations: a set, each expected one once, whatever the order
            match = next((g for g in found if _cited(g) == _cited(item) and self.item_matches(item, g)), None)
            if match is None:
                return False
            found.remove(match)
        return True

    def shown(self, name: str, got: object) -> object:
        """The imported value as the expected file writes it: agencies by name."""
        if name == "issuers" and isinstance(got, list):
            return [self.agencies.get(a, {}).get("name", a) for a in got]
        return got


def _cited(item: dict) -> str:
    return str(item.get("number") or name_key(str(item.get("title", ""))))
