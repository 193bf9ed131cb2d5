"""`portal poll-results <id>`: a closed poll's counts, from the service's database into the poll's
own file (``results:``), so the next build shows them as a static table and chart."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..common.messages import t
from ..common.problems import ContentError
from ..common.vietnamese import short_date
from ..content.polls import FOLDER, read_polls, write_results
from .store import Store


def export_results(content_dir: Path, database: Path, poll_id: str, now: datetime) -> tuple[Path, int]:
    """Write the poll's results into content/khao-sat/<id>.yml; (the file, votes). ValueError: no such
    poll, or not closed yet; ContentError: the poll files have problems."""
    polls, problems = read_polls(content_dir)
    if [p for p in problems if not p.warning]:
        raise ContentError(problems)
    poll = polls.get(poll_id)
    if poll is None:
        raise ValueError(t("poll.unknown", id=poll_id, ids=", ".join(polls) or "—"))
    if poll.state(now) != "closed":
        raise ValueError(t("poll.not_closed", id=poll_id, closes=short_date(poll.data.closes)))
    if not database.is_file():
        raise ValueError(t("poll.no_database", path=database))
    store = Store(database)
    try:
        voters, counts = store.counts(poll.id)
    finally:
        store.close()
    file = content_dir / FOLDER / f"{poll.id}.yml"
    write_results(file, now, voters, {o: counts.get(o, 0) for o in poll.option_ids})
    return file, voters
