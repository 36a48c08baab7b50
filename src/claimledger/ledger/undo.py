"""Taking back the last change: every action the desk takes returns `Change`s, and undo reverts them.

An undo is itself a change and goes into the history; the earlier entries stay, as a ledger's do.
An undo refuses to overwrite a claim someone else changed since, rather than silently losing work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from claimledger.errors import InvalidValue
from claimledger.ledger.queries import get_claim
from claimledger.ledger.review import record
from claimledger.models import Claim, Evidence

FIELDS = {
    "review_state": "review_state",
    "evidence_status": "evidence_status",
    "assignee": "assignee",
}


@dataclass(frozen=True)
class Change:
    """One change to one claim, with what it takes to revert it."""

    claim_id: int
    action: str  # review_state | evidence_status | assignee | note | evidence | created
    before: str | None = None
    after: str | None = None
    evidence_id: int | None = None

    def describe(self) -> str:
        if self.action in FIELDS:
            return f"{self.action.replace('_', ' ')} {self.before or '-'} -> {self.after or '-'}"
        return self.action

    def undone(self) -> str:
        """What reverting this change does, in a reviewer's words."""
        if self.action in FIELDS:
            return f"{self.action.replace('_', ' ')} back to {self.before or 'nobody'}"
        return {"created": "recorded claim removed", "evidence": "evidence removed"}.get(
            self.action, "note withdrawn"
        )


def revert(changes: Sequence[Change], *, session: Session, user: str) -> int:
    """Revert changes newest first; returns how many claims were touched."""
    touched: set[int] = set()
    for change in reversed(changes):
        _revert_one(change, session=session, user=user)
        touched.add(change.claim_id)
    return len(touched)


def _revert_one(change: Change, *, session: Session, user: str) -> None:
    if change.action == "created":
        claim = get_claim(change.claim_id, session=session)
        session.delete(claim)  # a span recorded by mistake: gone, with its own history
        session.flush()
        return
    claim = get_claim(change.claim_id, session=session)
    if change.action in FIELDS:
        _revert_field(claim, change, session=session, user=user)
    elif change.action == "evidence":
        found = session.get(Evidence, change.evidence_id) if change.evidence_id else None
        if found is None or found.claim_id != claim.id:
            raise InvalidValue(f"claim {claim.id}: that evidence is already gone")
        session.delete(found)
        record(claim, "undo", session=session, user=user, before=f"evidence {change.after}")
    elif change.action == "note":
        record(claim, "undo", session=session, user=user, before=f"note: {change.after}")
    else:
        raise InvalidValue(f"cannot undo {change.action}")


def _revert_field(claim: Claim, change: Change, *, session: Session, user: str) -> None:
    name = FIELDS[change.action]
    current = getattr(claim, name)
    if current != change.after:
        raise InvalidValue(
            f"claim {claim.id} changed since ({name.replace('_', ' ')} is now {current}): not undone"
        )
    setattr(claim, name, change.before)
    record(
        claim,
        change.action,
        session=session,
        user=user,
        before=change.after,
        after=change.before,
        note="undo",
    )
