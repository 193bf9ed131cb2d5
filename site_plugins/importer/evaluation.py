"""How well the importer reads a corpus of real documents: each source (.txt, .docx, .pdf) beside
a hand-checked `<name>.expected.yml` of its fields. Only the fields the expected file lists are
judged (a document copied from a web page may stop before its signature); a field counts as
right only when the imported value equals the expected one exactly. The corpus folder may carry
its own `_registry/` (the agencies its documents name). `portal import --evaluate DIR` prints
the accuracy per field and overall, and every miss."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..content.registries import Registries
from .importer import import_text
from .source import read_source

SOURCES = (".txt", ".docx", ".pdf")
FIELDS = ("type", "number", "issuers", "place", "issued", "year", "summary", "signers", "recipients", "cites", "tasks", "status")


@dataclass
class Report:
    documents: int = 0
    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)  # "file: field: expected … got …"

    @property
    def accuracy(self) -> float:
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else 0.0

    def lines(self) -> list[str]:
        out = [f"{'trường':<12} {'đúng':>5} / {'tổng':<5}"]
        for name in FIELDS:
            if self.total.get(name):
                out.append(f"{name:<12} {self.right.get(name, 0):>5} / {self.total[name]:<5} {self.right.get(name, 0) / self.total[name]:6.1%}")
        out.append(f"{'cộng':<12} {sum(self.right.values()):>5} / {sum(self.total.values()):<5} {self.accuracy:6.1%}  ({self.documents} văn bản)")
        return out


def evaluate(folder: Path, registries: Registries) -> Report:
    report = Report()
    for source in sorted(p for p in folder.iterdir() if p.suffix.lower() in SOURCES):
        expected_file = source.with_name(source.stem + ".expected.yml")
        if not expected_file.exists():
            continue
        expected = yaml.safe_load(expected_file.read_text("utf-8"))
        got = import_text(read_source(source), registries).front_matter
        got = yaml.safe_load(yaml.safe_dump(got, allow_unicode=True))  # dates as the YAML file writes them
        report.documents += 1
        for name in FIELDS:
            if name not in expected:
                continue
            report.total[name] = report.total.get(name, 0) + 1
            if expected.get(name) == got.get(name):
                report.right[name] = report.right.get(name, 0) + 1
            else:
                report.misses.append(f"{source.name}: {name}: cần {expected.get(name)!r}, đọc được {got.get(name)!r}")
    return report
