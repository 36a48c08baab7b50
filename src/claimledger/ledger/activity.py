"""What changed in the ledger since a point in its history: how a desk sees each other's work.

The history table's ids only grow, so "since id N" is one indexed range read, however large the
ledger. On SQLite ids are taken under the write lock, so they come in commit order.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col

from claimledger.models import HistoryEntry
from claimledger.records import Activity


def latest_change(*, session: Session) -> int:
    return int(session.execute(sa.select(sa.func.max(col(HistoryEntry.id)))).scalar() or 0)


def changes_since(
    after_id: int, *, session: Session, not_ids: frozenset[int] = frozenset(), limit: int = 5000
) -> Activity:
    """Claims changed after history id `after_id`; `users` leaves out entries listed in `not_ids`
    (the caller's own writes), so a change made under the same name elsewhere still counts."""
    stmt = (
        sa.select(col(HistoryEntry.id), col(HistoryEntry.claim_id), col(HistoryEntry.user))
        .where(col(HistoryEntry.id) > after_id)
        .order_by(col(HistoryEntry.id))
        .limit(limit)
    )
    last, claims, users = after_id, set(), set()
    for hid, claim_id, user in session.execute(stmt):
        last = max(last, int(hid))
        if int(hid) not in not_ids:
            claims.add(int(claim_id))
            users.add(str(user))
    return Activity(last, frozenset(claims), frozenset(users))
