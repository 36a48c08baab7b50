"""What changed in the ledger since a point in its history: how a desk sees each other's work.

The history table's ids only grow, so "since id N" is one indexed range read, however large the
ledger, and works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col

from claimledger.models import HistoryEntry


@dataclass(frozen=True)
class Activity:
    last_id: int
    """The newest history id seen: pass it back next time."""
    claim_ids: frozenset[int]
    users: frozenset[str]


def latest_change(*, session: Session) -> int:
    return int(session.execute(sa.select(sa.func.max(col(HistoryEntry.id)))).scalar() or 0)


def changes_since(
    after_id: int, *, session: Session, not_by: str | None = None, limit: int = 5000
) -> Activity:
    """Claims changed after history id `after_id`, leaving out one user's own changes."""
    stmt = (
        sa.select(col(HistoryEntry.id), col(HistoryEntry.claim_id), col(HistoryEntry.user))
        .where(col(HistoryEntry.id) > after_id)
        .order_by(col(HistoryEntry.id))
        .limit(limit)
    )
    last, claims, users = after_id, set(), set()
    for hid, claim_id, user in session.execute(stmt):
        last = max(last, int(hid))
        if user != not_by:
            claims.add(int(claim_id))
            users.add(str(user))
    return Activity(last, frozenset(claims), frozenset(users))
