"""Reader polls ("Khảo sát"): one YAML file a poll in ``content/khao-sat/<id>.yml``, validated like
the data files of figures — every problem at its file, line and field, never raised.

    question: Theo bạn, Chương trình OCOP nên phát triển theo hướng nào?
    options:                                   # two to twenty answers; the id is what a vote sends
      - {id: chat-luong, label: Nâng cao chất lượng, hạng sao}
      - {id: thi-truong, label: Mở rộng thị trường, thương mại điện tử}
    multiple: true                             # several answers (false, the default: one)
    max_choices: 2                             # with multiple: at most this many
    opens: 2024-06-01T08:00                    # Vietnam time
    closes: 2024-06-30T17:00
    articles: [ninh-binh-ky-ket-chuong-trinh-phoi-hop-tuyen-truyen]   # shown under these articles
    show_results: false                        # show the counts while the poll is open
    results:                                   # written by `portal poll-results <id>` once it closed
      exported: 2024-07-01T09:00
      voters: 120
      counts: {chat-luong: 70, thi-truong: 80}

The poll's id is the file's name; its page is ``/khao-sat/<id>/``. The same reader serves the
build and the optional poll service (``site_plugins/polls/``), so both accept the same polls."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import Field

from ..common.messages import problem
from ..common.problems import Problem
from ..common.vietnamese import slugify
from .schema import PlainText, Ref, Strict, VnDateTime, read_model_file

FOLDER = "khao-sat"  # content/khao-sat/: poll files, read by the build and the poll service, never published as they are
MAX_OPTIONS = 20
MAX_FILE = 100_000  # bytes of a poll file
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
State = Literal["upcoming", "open", "closed"]


class PollOption(Strict):
    id: PlainText
    label: PlainText


class PollResults(Strict):
    exported: VnDateTime  # when `portal poll-results` wrote them
    voters: int = Field(ge=0)  # votes received (one a reader; a multiple-choice vote counts once here)
    counts: dict[str, int]  # option id → answers


class PollFile(Strict):
    question: PlainText
    options: list[PollOption] = Field(min_length=2, max_length=MAX_OPTIONS)
    multiple: bool = False
    max_choices: int | None = Field(default=None, ge=1)
    opens: VnDateTime
    closes: VnDateTime
    articles: list[Ref] = Field(default=[], max_length=20)
    show_results: bool = False
    results: PollResults | None = None


@dataclass(frozen=True)
class Poll:
    id: str
    path: str  # as editors see it: content/khao-sat/x.yml
    data: PollFile
    lines: dict[str, int]  # top-level field → its line

    def line(self, field: str) -> int:
        return self.lines.get(field, 1)

    @property
    def limit(self) -> int:
        """How many options one vote may choose."""
        if not self.data.multiple:
            return 1
        return min(self.data.max_choices or len(self.data.options), len(self.data.options))

    @property
    def option_ids(self) -> list[str]:
        return [o.id for o in self.data.options]

    def state(self, now: datetime) -> State:
        if now < self.data.opens:
            return "upcoming"
        return "open" if now < self.data.closes else "closed"


def read_polls(content_dir: Path) -> tuple[dict[str, Poll], list[Problem]]:
    """Every poll of content/khao-sat/, validated; every problem listed, never raised."""
    folder = content_dir / FOLDER
    found: dict[str, Poll] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return found, problems
    for file in sorted(folder.glob("*.yml")):
        if file.is_symlink() and not file.resolve().is_relative_to(content_dir.resolve()):
            continue  # reported by content.tree.scan
        display = f"{content_dir.name}/{FOLDER}/{file.name}"
        poll = read_poll(file, display, problems)
        if poll is not None:
            found[poll.id] = poll
    return found, problems


def read_poll(file: Path, display: str, problems: list[Problem]) -> Poll | None:
    if not ID.match(file.stem):
        problems.append(Problem(display, 0, "", *problem("poll.id", name=file.name, slug=slugify(file.stem) or "khao-sat")))
        return None
    read = read_model_file(file, display, PollFile, MAX_FILE, "poll.not_fields", problems)
    if read is None:
        return None
    parsed, data = read
    before = len(problems)
    seen: dict[str, int] = {}
    for index, option in enumerate(data.options):
        line = parsed.line(("options", index))
        if not ID.match(option.id):
            problems.append(Problem(display, line, f"options.{index + 1}.id", *problem("poll.option_id", id=option.id, slug=slugify(option.id) or "y-kien")))
        elif option.id in seen:
            problems.append(Problem(display, line, f"options.{index + 1}.id", *problem("poll.option_twice", id=option.id, first=seen[option.id])))
        seen.setdefault(option.id, line)
    if data.max_choices is not None and not data.multiple:
        problems.append(Problem(display, parsed.line(("max_choices",)), "max_choices", *problem("poll.max_single")))
    if data.max_choices is not None and data.max_choices > len(data.options):
        problems.append(
            Problem(display, parsed.line(("max_choices",)), "max_choices", *problem("poll.max_over", max=data.max_choices, count=len(data.options)))
        )
    if data.closes <= data.opens:
        problems.append(Problem(display, parsed.line(("closes",)), "closes", *problem("poll.closes_before")))
    if data.results is not None:
        for key in data.results.counts:
            if key not in seen:
                problems.append(Problem(display, parsed.line(("results", "counts", key)), f"results.counts.{key}", *problem("poll.result_unknown", id=key)))
    if len(problems) > before:
        return None
    lines = {str(k[0]): v for k, v in parsed.lines.items() if len(k) == 1}
    return Poll(file.stem, display, data, lines)


def write_results(file: Path, exported: datetime, voters: int, counts: dict[str, int]) -> str:
    """The poll file with its ``results:`` block (replaced when there is one, else appended at the
    end); every other line kept as the editor wrote it. Returns the new text."""
    text = file.read_text(encoding="utf-8")
    kept: list[str] = []
    skipping = False
    for line in text.splitlines():
        if re.match(r"^results\s*:", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t", "#")) or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    block = [
        "results:  # written by `portal poll-results`: do not edit by hand",
        f"  exported: {exported.strftime('%Y-%m-%dT%H:%M')}",
        f"  voters: {voters}",
        "  counts:",
        *(f"    {key}: {value}" for key, value in counts.items()),
    ]
    new = "\n".join([*kept, *block]) + "\n"
    file.write_text(new, encoding="utf-8")
    return new
