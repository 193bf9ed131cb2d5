"""Each event's revision as calendars publish it (iCalendar's SEQUENCE), raised on every change.

Calendar programs keep an event they have seen and replace it only by a copy with a higher
SEQUENCE. The build keeps, by the event's permanent id, the revision it last published and a
digest of what it published (`event-revisions.yml` beside mkdocs.yml, committed with the content,
like the URL ledger). When what an event's calendar entry says changes (its time, place, status,
title…), its revision goes up by one; two builds of the same content give the same revision, so the
same bytes. Nothing is ever removed: an event that comes back continues from its last revision. The
ledger is validated like content and copied beside the caches, so its loss is noticed and repaired
(the higher revision of the file and the copy wins)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..common import yamlio
from ..common.cachefiles import write_atomic
from ..common.messages import problem
from ..common.problems import ContentError, Problem
from ..content.frontmatter import read_mapping

REVISIONS = "event-revisions.yml"
HEADER = (
    "# The revision (iCalendar SEQUENCE) of each event as calendars publish it, by permanent id, and a digest of what\n"
    "# they publish: a change raises the revision. Written by the build; commit it with the content.\n"
)
_DIGEST = re.compile(r"^[0-9a-f]{8,64}$")


@dataclass(frozen=True)
class Revision:
    sequence: int
    digest: str


def load_revisions(path: Path, display: str) -> tuple[dict[str, Revision], list[Problem]]:
    """The ledger, validated: a damaged line is a problem naming it (and the event starts again at 0),
    never a traceback."""
    parsed, data, problems = read_mapping(path, display)
    if parsed is None:
        return {}, problems
    found: dict[str, Revision] = {}
    for key, value in data.items():
        sequence = value.get("sequence") if isinstance(value, dict) else None
        digest = value.get("digest") if isinstance(value, dict) else None
        if (isinstance(value, dict) and set(value) == {"sequence", "digest"} and isinstance(sequence, int) and not isinstance(sequence, bool)
                and sequence >= 0 and isinstance(digest, str) and _DIGEST.match(digest)):  # fmt: skip
            found[str(key)] = Revision(sequence, digest)
        else:
            problems.append(Problem(display, parsed.line((key,)), str(key), *problem("revisions.bad", id=key)))
    return found, problems


def revised(known: dict[str, Revision], digests: dict[str, str]) -> dict[str, Revision]:
    """The ledger after this build: a new event at revision 0, a changed one a revision higher, the others
    (and events not published now) as they were."""
    out = dict(known)
    for event_id, digest in digests.items():
        before = known.get(event_id)
        if before is None:
            out[event_id] = Revision(0, digest)
        elif before.digest != digest:
            out[event_id] = Revision(before.sequence + 1, digest)
    return out


def higher(ledger: dict[str, Revision], copy: dict[str, Revision]) -> dict[str, Revision]:
    """The file's revisions, with those of the copy beside the caches where the copy is ahead (a
    ledger deleted, truncated or taken from an older commit would publish lower revisions, which
    calendar programs ignore)."""
    out = dict(ledger)
    for event_id, revision in copy.items():
        if event_id not in out or revision.sequence > out[event_id].sequence:
            out[event_id] = revision
    return out


def save_revisions(path: Path, revisions: dict[str, Revision]) -> None:
    data = {k: {"sequence": v.sequence, "digest": v.digest} for k, v in sorted(revisions.items())}
    text = HEADER + yamlio.dump(data, allow_unicode=True, default_flow_style=None, sort_keys=False, width=200)
    if not path.exists() or path.read_text("utf-8") != text:
        write_atomic(path, text.encode("utf-8"))


@dataclass
class Revisions:
    """The ledger a build uses (the file's, with its copy's where that is ahead) and, once the
    calendars are made, what it saves."""

    path: Path
    backup: Path
    known: dict[str, Revision]
    current: dict[str, Revision] | None = None

    def settle(self, digests: dict[str, str]) -> dict[str, int]:
        """Event id → its SEQUENCE for these digests of what the calendars publish."""
        self.current = revised(self.known, digests)
        return {event_id: self.current[event_id].sequence for event_id in digests}

    def save(self) -> None:
        if self.current is not None:
            save_revisions(self.path, self.current)
            save_revisions(self.backup, self.current)


def open_revisions(path: Path, backup: Path, display: str) -> Revisions:
    """The validated ledger (ContentError naming every bad line), with its copy's revisions where ahead."""
    known, problems = load_revisions(path, display)
    if [p for p in problems if not p.warning]:
        raise ContentError(problems)
    copy, _ = load_revisions(backup, str(backup))  # a damaged copy is only a copy: ignored
    return Revisions(path, backup, higher(known, copy))
