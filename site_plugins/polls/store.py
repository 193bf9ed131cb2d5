"""Votes in SQLite: written ahead (WAL), ``synchronous=FULL``, committed before the service answers —
a vote acknowledged with a redirect survives the process being killed or the machine losing power.

No reader's address is ever stored: a vote carries an HMAC-SHA256 of the address under a secret
kept only in the process's memory and replaced every day (``Keys``), and even that key is erased once
the repeat-vote window has passed. After a restart or a new day, yesterday's keys cannot be tied to
anyone — not even by someone holding the database and today's secret."""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS votes (id INTEGER PRIMARY KEY, poll TEXT NOT NULL, client TEXT, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS votes_client ON votes (poll, client, at);
CREATE TABLE IF NOT EXISTS choices (vote INTEGER NOT NULL REFERENCES votes (id), poll TEXT NOT NULL, option TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS choices_poll ON choices (poll, option);
"""


class Keys:
    """The HMAC key of a client address: a fresh random secret each day (``today`` says which day),
    yesterday's kept so a window crossing midnight still finds a repeat vote."""

    def __init__(self, today: Callable[[], date]):
        self.today, self.lock = today, threading.Lock()
        self.secrets: dict[date, bytes] = {}

    def keys(self, address: str) -> list[str]:
        """The address's key today (first) and yesterday's, when the service ran then."""
        day = self.today()
        with self.lock:
            if day not in self.secrets:
                self.secrets = {d: s for d, s in self.secrets.items() if (day - d).days <= 1}
                self.secrets[day] = os.urandom(32)
            found = sorted(self.secrets.items(), reverse=True)
        return [hmac.new(secret, address.encode(), hashlib.sha256).hexdigest() for _, secret in found]


class Store:
    """The vote database: one connection, one writer at a time (SQLite's own rule)."""

    def __init__(self, path: Path):
        self.path = path
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)
        self.lock = threading.Lock()

    def vote(self, poll: str, keys: list[str], options: list[str], now: datetime, window: float) -> bool:
        """Record a vote unless one of these client keys voted on this poll within ``window`` seconds;
        committed (and synced) before returning True."""
        at = now.timestamp()
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                marks = ",".join("?" * len(keys))
                seen = self.db.execute(f"SELECT 1 FROM votes WHERE poll = ? AND client IN ({marks}) AND at > ? LIMIT 1", (poll, *keys, at - window)).fetchone()
                if seen:
                    self.db.execute("ROLLBACK")
                    return False
                self.db.execute("UPDATE votes SET client = NULL WHERE client IS NOT NULL AND at <= ?", (at - window,))  # keys past the window: erased
                vote = self.db.execute("INSERT INTO votes (poll, client, at) VALUES (?, ?, ?)", (poll, keys[0], at)).lastrowid
                self.db.executemany("INSERT INTO choices (vote, poll, option) VALUES (?, ?, ?)", [(vote, poll, o) for o in options])
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        return True

    def counts(self, poll: str) -> tuple[int, dict[str, int]]:
        """(votes, option → answers) of a poll."""
        with self.lock:
            voters = self.db.execute("SELECT count(*) FROM votes WHERE poll = ?", (poll,)).fetchone()[0]
            rows = self.db.execute("SELECT option, count(*) FROM choices WHERE poll = ? GROUP BY option", (poll,)).fetchall()
        return voters, dict(rows)

    def close(self) -> None:
        with self.lock:
            self.db.close()
