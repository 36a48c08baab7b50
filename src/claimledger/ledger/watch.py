"""Told when the ledger changes, by the database itself: no polling of tables, nothing missed.

- SQLite: `PRAGMA data_version` on a connection of the watcher's own moves whenever another
  connection commits; then the history read since the last id seen says what changed (on SQLite
  history ids are taken under the write lock, so they come in commit order).
- PostgreSQL: a trigger sends `NOTIFY claimledger` with each history entry (migration 0005),
  delivered at commit to a connection that LISTENs. History ids there are taken before commit and
  may commit out of order, so the notifications themselves say which claims changed.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Engine

from claimledger.db import sqlite_path
from claimledger.records import Activity

if TYPE_CHECKING:
    import psycopg

CHANNEL = "claimledger"
POLL = 0.1
"""Seconds between two looks at SQLite's change counter (a look costs microseconds)."""

Since = Callable[[int], Activity]
"""changes_since(history id) -> what changed after it (the service's own read)."""


class Watcher:
    """Waits for other people's changes; `changes()` returns them, or None when nothing came."""

    def __init__(self, engine: Engine, since: Since, latest: int, own: set[int]) -> None:
        self.engine = engine
        self.since = since
        self.last = latest
        self.own = own
        self._sqlite: sqlite3.Connection | None = None
        self._version: int | None = None
        self._pg: psycopg.Connection[Any] | None = None
        self._seen = latest
        path = sqlite_path(engine.url.render_as_string(hide_password=False))
        if engine.dialect.name == "sqlite" and path is not None:
            self._sqlite = sqlite3.connect(path, check_same_thread=False)
            self._version = self._data_version()
        elif engine.dialect.name == "postgresql":
            self._pg = self._listen()

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
        if self._pg is not None:
            self._pg.close()

    def changes(self, timeout: float) -> Activity | None:
        """Block up to `timeout` seconds for a change committed by anyone but this process."""
        if self._pg is not None:
            return self._notified(timeout)
        deadline = time.monotonic() + timeout
        while True:
            if self._sqlite is None or self._data_version() != self._version:
                self._version = self._data_version() if self._sqlite is not None else None
                found = self.since(self.last)
                self.last = max(self.last, found.last_id)
                if found.claim_ids:
                    return found
            if time.monotonic() >= deadline:
                return None
            time.sleep(min(POLL, max(0.0, deadline - time.monotonic())))

    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _listen(self) -> psycopg.Connection[Any]:
        import psycopg

        url = self.engine.url.set(drivername="postgresql")
        conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _notified(self, timeout: float) -> Activity | None:
        claims: set[int] = set()
        users: set[str] = set()
        conn = self._pg
        assert conn is not None
        # wait for the first notification, then take whatever else has already arrived
        for wait, stop in ((timeout, 1), (0.05, None)):
            for note in conn.notifies(timeout=wait, stop_after=stop):
                history_id, claim_id, user = note.payload.split(" ", 2)
                self.last = max(self.last, int(history_id))
                if int(history_id) not in self.own:
                    claims.add(int(claim_id))
                    users.add(user)
            if not claims and stop == 1 and self.last == self._seen:
                return None
            self._seen = self.last
        if not claims:
            return None
        return Activity(self.last, frozenset(claims), frozenset(users))
