"""One action on one or many claims, as the desk applies it: each claim on its own, none blocking the rest.

A claim the workflow refuses (say, verifying an unread one) is skipped with its reason; the others
are changed. What changed comes back as `Change`s so the caller can offer an undo.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlmodel import Session

from claimledger.errors import InvalidValue, LedgerError
from claimledger.ledger import review
from claimledger.ledger.queries import get_claim
from claimledger.ledger.undo import Change

ACTIONS = ("review_state", "evidence_status", "assignee", "note")


@dataclass
class Outcome:
    changes: list[Change] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self, what: str) -> str:
        claims = len({c.claim_id for c in self.changes})
        text = f"{what}: {claims} claim{'s' if claims != 1 else ''} changed"
        if self.skipped:
            text += f", {len(self.skipped)} skipped ({self.skipped[0]})"
        return text


def apply(
    claim_ids: Iterable[int],
    action: str,
    value: str | None,
    *,
    session: Session,
    user: str,
    note: str | None = None,
) -> Outcome:
    """Set a field (or add a note) on each claim; a claim the rules refuse is skipped, not fatal."""
    if action not in ACTIONS:
        raise InvalidValue(f"unknown action {action!r}")
    outcome = Outcome()
    for claim_id in claim_ids:
        try:
            change = _apply_one(claim_id, action, value, session=session, user=user, note=note)
        except LedgerError as exc:
            outcome.skipped.append(str(exc))
            continue
        if change is not None:
            outcome.changes.append(change)
    session.flush()
    return outcome


def _apply_one(
    claim_id: int, action: str, value: str | None, *, session: Session, user: str, note: str | None
) -> Change | None:
    if action == "note":
        review.add_note(claim_id, value or "", session=session, user=user)
        return Change(claim_id, "note", after=(value or "").strip())
    claim = get_claim(claim_id, session=session)
    before = getattr(claim, action)
    if action == "review_state":
        review.set_review_state(claim_id, value or "", session=session, user=user, note=note)
    elif action == "evidence_status":
        review.set_evidence_status(claim_id, value or "", session=session, user=user, note=note)
    else:
        review.assign(claim_id, value, session=session, user=user)
    after = getattr(claim, action)
    return None if after == before else Change(claim_id, action, before=before, after=after)
