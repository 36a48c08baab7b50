"""One action on one or many claims, as the desk applies it: each claim on its own, none blocking the rest.

A claim the workflow refuses (say, verifying an unread one) is skipped with its reason; a claim that
changed since the caller read it is skipped too, and named so the caller can show it afresh. What
changed comes back as `Change`s so the caller can offer an undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlmodel import Session

from claimledger.errors import InvalidValue, LedgerError, StaleEdit
from claimledger.ledger import review
from claimledger.records import Change, Outcome
from claimledger.vocab import HistoryAction

ACTIONS = (
    HistoryAction.REVIEW_STATE,
    HistoryAction.EVIDENCE_STATUS,
    HistoryAction.ASSIGNEE,
    HistoryAction.NOTE,
)


def parse_action(action: str) -> HistoryAction:
    try:
        found = HistoryAction(action)
    except ValueError:
        found = None
    if found not in ACTIONS:
        raise InvalidValue(f"unknown action {action!r}")
    assert found is not None
    return found


def apply(
    claim_ids: Iterable[int],
    action: HistoryAction,
    value: str | None,
    *,
    session: Session,
    user: str,
    note: str | None = None,
    seen: Mapping[int, int] | None = None,
) -> Outcome:
    """Set a field (or add a note) on each claim; a claim the rules refuse is skipped, not fatal.

    `seen` maps claim ids to the version the caller last read: a claim past it is refused as stale.
    Claims are locked in id order, so two bulk actions never wait on each other in a circle.
    """
    changes: list[Change] = []
    skipped: list[str] = []
    stale: list[int] = []
    for claim_id in sorted(set(claim_ids)):
        expected = seen.get(claim_id) if seen else None
        try:
            with session.begin_nested():  # a refused claim leaves nothing half-written
                change = _apply_one(
                    claim_id,
                    action,
                    value,
                    session=session,
                    user=user,
                    note=note,
                    expected=expected,
                )
        except StaleEdit as exc:
            skipped.append(str(exc))
            stale.append(exc.claim_id)
            continue
        except LedgerError as exc:
            skipped.append(str(exc))
            continue
        if change is not None:
            changes.append(change)
    session.flush()
    return Outcome(tuple(changes), tuple(skipped), tuple(stale))


def _apply_one(
    claim_id: int,
    action: HistoryAction,
    value: str | None,
    *,
    session: Session,
    user: str,
    note: str | None,
    expected: int | None,
) -> Change | None:
    if action == HistoryAction.NOTE:
        return review.add_note(
            claim_id, value or "", session=session, user=user, expected_version=expected
        )
    if action == HistoryAction.REVIEW_STATE:
        return review.set_review_state(
            claim_id, value or "", session=session, user=user, note=note, expected_version=expected
        )
    if action == HistoryAction.EVIDENCE_STATUS:
        return review.set_evidence_status(
            claim_id, value or "", session=session, user=user, note=note, expected_version=expected
        )
    return review.assign(claim_id, value, session=session, user=user, expected_version=expected)
