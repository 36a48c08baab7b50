"""Taking back the last change: every action the desk takes returns `Change`s, and undo reverts them.

An undo is itself a change and goes into the history; the earlier entries stay, as a ledger's do.
An undo refuses to overwrite a claim someone else changed since, rather than silently losing work:
the claim must still be at the version the change left it at.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from claimledger.errors import InvalidValue
from claimledger.ledger.review import lock_claim, record
from claimledger.models import Claim, Evidence
from claimledger.records import Change
from claimledger.vocab import FIELD_ACTIONS, HistoryAction

BESIDE = frozenset({HistoryAction.LINK_STATE, HistoryAction.OUTLET_VERDICT})
"""Changes since that do not stand in an undo's way: a link's state re-checked, or the verdicts
its page carries (the fetch that follows adding evidence records them)."""


def revert(changes: Sequence[Change], *, session: Session, user: str) -> int:
    """Revert changes newest first; returns how many claims were touched."""
    touched: set[int] = set()
    # A claim changed twice in this batch is at the version of its last change.
    last: dict[int, int | None] = {}
    for change in changes:
        last[change.claim_id] = change.version
    for change in reversed(changes):
        _revert_one(change, last, session=session, user=user)
        touched.add(change.claim_id)
    return len(touched)


def _revert_one(
    change: Change, last: dict[int, int | None], *, session: Session, user: str
) -> None:
    claim = lock_claim(
        change.claim_id,
        session=session,
        expected_version=last[change.claim_id],
        unless_only=BESIDE,
    )
    if change.action == HistoryAction.CREATED:
        session.delete(claim)  # a span recorded by mistake: gone, with its own history
        session.flush()
        return
    if change.action in FIELD_ACTIONS:
        _revert_field(claim, change, session=session, user=user)
    elif change.action == HistoryAction.EVIDENCE:
        found = session.get(Evidence, change.evidence_id) if change.evidence_id else None
        if found is None or found.claim_id != claim.id:
            raise InvalidValue(f"claim {claim.id}: that evidence is already gone")
        session.delete(found)
        record(
            claim, HistoryAction.UNDO, session=session, user=user, before=f"evidence {change.after}"
        )
    elif change.action == HistoryAction.NOTE:
        record(
            claim, HistoryAction.UNDO, session=session, user=user, before=f"note: {change.after}"
        )
    else:
        raise InvalidValue(f"cannot undo {change.action.value}")
    last[change.claim_id] = claim.version


def _revert_field(claim: Claim, change: Change, *, session: Session, user: str) -> None:
    name = change.action.value
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
