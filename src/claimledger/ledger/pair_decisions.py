"""A person's decision about a pair of claims (a match, a conflict), told in both histories."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlmodel import Session

from claimledger.errors import StaleEdit
from claimledger.ledger.review import record
from claimledger.models import Claim
from claimledger.vocab import HistoryAction


def record_on_both(
    claim_id: int,
    other_id: int,
    action: HistoryAction,
    *,
    session: Session,
    user: str,
    before: str,
    decided: str,
    note: str | None = None,
) -> None:
    """Each claim's history says "`decided` with claim N" (the other one).

    The claims are locked in id order, so two people deciding about the same pair never wait on
    each other."""
    for mine, theirs in sorted([(claim_id, other_id), (other_id, claim_id)]):
        claim = session.get(Claim, mine, with_for_update=True, populate_existing=True)
        if claim is not None:
            record(
                claim,
                action,
                session=session,
                user=user,
                before=before,
                after=f"{decided} with claim {theirs}",
                note=note,
            )


class _Decided(Protocol):
    status: str
    decided_by: str | None
    decided_at: datetime | None


def stale_decision(kind: str, pair_id: int, pair: _Decided, claim_id: int) -> StaleEdit:
    """What to tell someone deciding a pair that another person decided since they saw it."""
    when = f" at {pair.decided_at:%Y-%m-%d %H:%M}" if pair.decided_at else ""
    who = f" by {pair.decided_by}" if pair.decided_by else ""
    return StaleEdit(
        f"{kind} {pair_id} was {pair.status}{who}{when} since you saw it; nothing changed",
        claim_id,
    )
