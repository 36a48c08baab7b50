"""The undo stack rebases the entry below an undone one only when the versions prove nothing else
happened to the claim in between."""

from __future__ import annotations

from claimledger.records import Change
from claimledger.tui.undo_stack import UndoStack
from claimledger.vocab import HistoryAction

STATE = HistoryAction.REVIEW_STATE
STATUS = HistoryAction.EVIDENCE_STATUS


def _stack() -> tuple[UndoStack, list[Change], list[Change]]:
    stack = UndoStack()
    first = [Change(7, STATE, "new", "in_review", version=2)]
    second = [Change(7, STATUS, "unverified", "supported", version=3)]
    stack.push(first)
    stack.push(second)
    return stack, first, second


def test_undoing_twice_on_one_claim_rebases_the_entry_below() -> None:
    stack, _first, second = _stack()
    assert stack.pop() == second
    stack.undone(second, {7: 4})  # the undo itself is version 4
    assert stack.pop() == [Change(7, STATE, "new", "in_review", version=4)]


def test_no_rebase_when_someone_else_changed_the_claim_in_between() -> None:
    stack, first, second = _stack()
    stack.pop()
    stack.undone(second, {7: 5})  # one version more than the undo explains
    assert stack.pop() == first


def test_no_rebase_when_the_entries_were_not_back_to_back() -> None:
    stack = UndoStack()
    first = [Change(7, STATE, "new", "in_review", version=2)]
    later = [Change(7, STATUS, "unverified", "mixed", version=5)]  # versions 3-4 by someone else
    stack.push(first)
    stack.push(later)
    stack.pop()
    stack.undone(later, {7: 6})
    assert stack.pop() == first


def test_other_claims_in_the_entry_below_are_left_alone() -> None:
    stack = UndoStack()
    below = [
        Change(7, STATE, "new", "in_review", version=2),
        Change(8, STATE, "new", "in_review", version=9),
    ]
    top = [Change(7, STATUS, "unverified", "mixed", version=3)]
    stack.push(below)
    stack.push(top)
    stack.pop()
    stack.undone(top, {7: 4})
    assert stack.pop() == [Change(7, STATE, "new", "in_review", version=4), below[1]]


def test_empty_stack() -> None:
    stack = UndoStack()
    assert not stack
    assert stack.pop() is None
    stack.push([])
    assert not stack
