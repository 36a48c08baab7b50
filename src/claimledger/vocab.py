"""The ledger's vocabularies: plain enums, no database, so every layer (the UI included) can use them.

Review state and evidence status are separate fields, as fact-checking platforms keep them: one says
how far the claim has gone through the desk, the other what the evidence says so far.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from claimledger.errors import InvalidValue


class ReviewState(StrEnum):
    NEW = "new"
    IN_REVIEW = "in_review"
    REVIEWED = "reviewed"
    VERIFIED = "verified"
    DISMISSED = "dismissed"


class EvidenceStatus(StrEnum):
    UNVERIFIED = "unverified"
    SUPPORTED = "supported"
    MIXED = "mixed"
    CONTRADICTED = "contradicted"
    UNVERIFIABLE = "unverifiable"


class ClaimType(StrEnum):
    """Full Fact's claim types."""

    QUANTITY = "quantity"
    PREDICTION = "prediction"
    CORRELATION_CAUSATION = "correlation_causation"
    PERSONAL_EXPERIENCE = "personal_experience"
    RULES = "rules"
    OTHER = "other"


class Stance(StrEnum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"


class LinkState(StrEnum):
    UNCHECKED = "unchecked"
    ALIVE = "alive"
    DEAD = "dead"
    REDIRECTED = "redirected"
    CHANGED = "changed"


class MatchStatus(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class HistoryAction(StrEnum):
    """What one history entry records."""

    CREATED = "created"
    REVIEW_STATE = "review_state"
    EVIDENCE_STATUS = "evidence_status"
    ASSIGNEE = "assignee"
    NOTE = "note"
    EVIDENCE = "evidence"
    LINK_STATE = "link_state"
    MATCH = "match"
    UNDO = "undo"
    CONFLICT = "conflict"
    VERDICT = "verdict"


FIELD_ACTIONS = (HistoryAction.REVIEW_STATE, HistoryAction.EVIDENCE_STATUS, HistoryAction.ASSIGNEE)
"""The actions that set one of the claim's own fields (the rest add something beside it)."""

OPEN_STATES = (ReviewState.NEW.value, ReviewState.IN_REVIEW.value)
"""Claims still waiting for a reviewer."""

ALLOWED: dict[ReviewState, frozenset[ReviewState]] = {
    ReviewState.NEW: frozenset(
        {ReviewState.IN_REVIEW, ReviewState.REVIEWED, ReviewState.DISMISSED}
    ),
    ReviewState.IN_REVIEW: frozenset(
        {ReviewState.NEW, ReviewState.REVIEWED, ReviewState.DISMISSED}
    ),
    ReviewState.REVIEWED: frozenset(
        {ReviewState.IN_REVIEW, ReviewState.VERIFIED, ReviewState.DISMISSED}
    ),
    ReviewState.VERIFIED: frozenset({ReviewState.REVIEWED, ReviewState.IN_REVIEW}),
    ReviewState.DISMISSED: frozenset({ReviewState.NEW, ReviewState.IN_REVIEW}),
}
"""The desk's workflow: which review state may follow which."""


E = TypeVar("E", bound=StrEnum)


def _parse(kind: type[E], value: str, what: str) -> E:
    """A word a person typed as one of a vocabulary's values; a wrong one names the choices."""
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return kind(key)
    except ValueError:
        names = ", ".join(v.value for v in kind)
        raise InvalidValue(f"unknown {what} {value!r} (one of: {names})") from None


def parse_state(value: str) -> ReviewState:
    return _parse(ReviewState, value, "review state")


def parse_evidence_status(value: str) -> EvidenceStatus:
    return _parse(EvidenceStatus, value, "evidence status")


def parse_type(value: str) -> ClaimType:
    return _parse(ClaimType, value, "claim type")


def parse_stance(value: str) -> Stance:
    return _parse(Stance, value, "stance")


def parse_match_status(value: str) -> MatchStatus:
    return _parse(MatchStatus, value, "match status")


# -- conflicts and travelling verdicts ----------------------------------------------------------
class ConflictStatus(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


def parse_conflict_status(value: str) -> ConflictStatus:
    return _parse(ConflictStatus, value, "conflict status")
