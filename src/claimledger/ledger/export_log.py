"""The exports a ledger remembers, and the mark `--since-last-export` starts from.

The mark is the last history entry every earlier change had committed by: every change to a claim
is a history entry, so "changed since the last export" is "has an entry after its mark", exact
whatever the clocks of the desk's machines say. Taking the mark waits for writers in flight
(SQLite: the write lock; PostgreSQL: a SHARE lock on the history, which waits for transactions
that are adding entries and is released at once), so no entry below it can still appear later.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.models import ExportLog, HistoryEntry, utcnow
from claimledger.records import ExportLogRecord


def history_mark(*, session: Session) -> int:
    """The last history entry now, with no earlier one still uncommitted (run it in a write
    transaction: SQLite's BEGIN IMMEDIATE already waits for the writer in flight)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text("LOCK TABLE history IN SHARE MODE"))
    return int(session.execute(sa.select(sa.func.max(col(HistoryEntry.id)))).scalar() or 0)


def log_export(
    fmt: str,
    filters: dict[str, Any],
    *,
    started_at: datetime,
    claims: int,
    mark: int,
    session: Session,
    user: str,
) -> ExportLogRecord:
    entry = ExportLog(
        format=fmt,
        filters=json.dumps(filters, sort_keys=True, ensure_ascii=False),
        user=user,
        started_at=started_at,
        finished_at=utcnow(),
        claims=claims,
        history_mark=mark,
    )
    session.add(entry)
    session.flush()
    return _record(entry)


def last_export(fmt: str, *, session: Session) -> ExportLogRecord | None:
    stmt = select(ExportLog).where(ExportLog.format == fmt).order_by(col(ExportLog.id).desc())
    found = session.exec(stmt.limit(1)).first()
    return None if found is None else _record(found)


def exports(*, session: Session, fmt: str | None = None) -> list[ExportLogRecord]:
    """Every export remembered, oldest first."""
    stmt = select(ExportLog).order_by(col(ExportLog.id))
    if fmt is not None:
        stmt = stmt.where(ExportLog.format == fmt)
    return [_record(e) for e in session.exec(stmt)]


def _record(e: ExportLog) -> ExportLogRecord:
    assert e.id is not None
    return ExportLogRecord(
        id=e.id,
        format=e.format,
        filters=json.loads(e.filters),
        user=e.user,
        started_at=e.started_at,
        finished_at=e.finished_at,
        claims=e.claims,
        history_mark=e.history_mark,
    )
