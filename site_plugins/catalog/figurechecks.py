"""Checks of figures: what the data files of content/so-lieu/ point at (a province of the registry,
a document on the site), and the figures bodies embed with a line ``{{ so-lieu: <id> }}`` — an
id that names no figure is an error at its line, with the ids there are."""

from __future__ import annotations

from ..common.problems import Problem
from ..content.datasets import BUILT_IN, Dataset, unknown_figure
from ..content.entries import AnyEntry
from .references import RefChecker


def check_datasets(datasets: dict[str, Dataset], refs: RefChecker) -> None:
    """Provinces and documents named in data files exist (reported by ``refs``, like entries' references)."""
    for dataset in datasets.values():
        refs.check("document", dataset.data.document, dataset.path, dataset.line("document"), "document")
        for row in dataset.rows:
            refs.check("province", row.province, dataset.path, row.line, f"rows.{row.index + 1}.province")


def check_embedded(entries: list[AnyEntry], datasets: dict[str, Dataset]) -> list[Problem]:
    """Every figure a body embeds exists: one of the site's own (BUILT_IN) or a data file's."""
    known = [*BUILT_IN, *datasets]
    problems = []
    for entry in entries:
        for figure_id, line in entry.figures:
            if figure_id not in known:
                problems.append(Problem(entry.path, line, "body", *unknown_figure(figure_id, known)))
    return problems
