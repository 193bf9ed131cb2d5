"""Editor-facing problems: ``path:line: field: what is wrong — what to write instead``."""

from __future__ import annotations

from dataclasses import dataclass

from .messages import t


def field_name(loc: tuple) -> str:
    """A field's place as an editor counts: "tags.2" is the second tag (lists counted from 1)."""
    return ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in loc)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    fix: str = ""
    warning: bool = False  # cleaned up automatically; reported, but the build goes on

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        fix = f" — {self.fix}" if self.fix else ""
        kind = f" {t('report.warning')}:" if self.warning else ""
        return f"{where}:{kind}{field} {self.message}{fix}"


class ContentError(Exception):
    """Raised once per build with every problem found, sorted by file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        head = t("report.head", count=len(self.problems))
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
