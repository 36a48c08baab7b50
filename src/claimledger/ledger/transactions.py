"""Every transaction the product runs: reads, and writes that check their rules under the write lock.

A write is a function of a session. It runs inside one transaction that holds the write lock from
its first statement (BEGIN IMMEDIATE on SQLite; on PostgreSQL the rows it changes are locked with
SELECT ... FOR UPDATE), so what it reads is what it replaces. A lock held by someone else is waited
for within a bound, retrying; past it the caller gets `LedgerBusy`, one line, nothing changed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from claimledger.db import write_engine
from claimledger.errors import LedgerBusy, LedgerError

T = TypeVar("T")

DEFAULT_WAIT = 30.0
"""Seconds a change waits for another writer before it gives up (CLAIMLEDGER_BUSY_WAIT)."""

# PostgreSQL: lock_not_available, deadlock_detected, serialization_failure
_PG_RETRY = {"55P03", "40P01", "40001"}


def is_busy(exc: DBAPIError) -> bool:
    """A lock someone else holds (worth waiting for), as opposed to a broken ledger."""
    code = getattr(exc.orig, "sqlstate", None)
    if code in _PG_RETRY:
        return True
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text


def one_line(exc: DBAPIError) -> LedgerError:
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
    return LedgerError(f"the ledger did not answer: {reason}")


class Transactions:
    """Opens every session the product uses; nothing else in the code base does."""

    def __init__(self, engine: Engine, *, wait: float = DEFAULT_WAIT) -> None:
        self.engine = engine
        self.writer = write_engine(engine)
        self.wait = wait
        self.postgres = engine.dialect.name == "postgresql"
        self.written: set[int] = set()
        """History ids this process wrote: its own changes, told apart from a colleague's."""

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction: a consistent snapshot, never a lock (WAL, MVCC)."""
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
                session.rollback()
        except DBAPIError as exc:
            raise one_line(exc) from exc

    def write(self, work: Callable[[Session], T]) -> T:
        """Run `work` in one write transaction, retrying while another writer holds the lock.

        `work` may run more than once: it must do nothing but database work.
        """
        deadline = time.monotonic() + self.wait
        delay = 0.02
        while True:
            try:
                with Session(self.writer, expire_on_commit=False) as session:
                    with session.begin():
                        if self.postgres:
                            session.execute(sa.text("SET LOCAL lock_timeout = '500ms'"))
                        result = work(session)
                        session.flush()
                        # known as ours before anyone can see them (a watcher reads right after
                        # the commit); ids of a write that then fails are never seen anyway
                        self._remember(session)
                    return result
            except DBAPIError as exc:
                if not is_busy(exc):
                    raise one_line(exc) from exc
                if time.monotonic() + delay > deadline:
                    raise LedgerBusy(self._busy_message()) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.25)

    def _remember(self, session: Session) -> None:
        entries = session.info.pop("history", [])
        if len(self.written) > 10_000:
            self.written.clear()
        self.written.update(e.id for e in entries if e.id is not None)

    def _busy_message(self) -> str:
        what = self._holder() if self.postgres else None
        held = f" ({what})" if what else " (another claimledger, or a program, is writing)"
        return (
            f"the ledger is busy: its write lock was held for more than {self.wait:g} s{held}; "
            "nothing was changed, try again"
        )

    def _holder(self) -> str | None:
        """On PostgreSQL, who holds the oldest open transaction on this database."""
        query = sa.text(
            "SELECT application_name, usename, state, "
            "extract(epoch FROM now() - xact_start) AS secs FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND xact_start IS NOT NULL ORDER BY xact_start LIMIT 1"
        )
        try:
            with self.engine.connect() as conn:
                row = conn.execute(query).first()
        except DBAPIError:
            return None
        if row is None:
            return None
        app, user, state, secs = row
        return f"held by {app or 'a client'} as {user}, {state}, for {float(secs or 0):.0f} s"
