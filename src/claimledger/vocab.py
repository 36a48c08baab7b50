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
    UNREAD = "unread"
    """The page answered but was not read (too large, or not text): alive, not comparable."""


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
    # publication: what the fact-check page says (see `ledger.publication`)
    REVIEW_URL = "review_url"
    CLAIM_STATEMENT = "claim_statement"
    RATING = "rating"
    REVIEW_SUMMARY = "review_summary"
    PUBLISHED = "published"
    CONFLICT = "conflict"
    VERDICT = "verdict"
    OUTLET_VERDICT = "outlet_verdict"
    """Another outlet's verdicts, read from an evidence page's ClaimReview markup."""


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


class Role(StrEnum):
    """What a person does on a desk; each role can do what the one before it can, and more."""

    CHECKER = "checker"
    REVIEWER = "reviewer"
    EDITOR = "editor"
    ADMIN = "admin"


class Permission(StrEnum):
    TRIAGE = "triage"
    """Review states short of verified, notes, assignment, recording claims, matches, ingest."""
    EVIDENCE = "evidence"
    """Evidence links and the evidence status."""
    SIGN_OFF = "sign_off"
    """Verifying a claim, and sending a verified one back."""
    PEOPLE = "people"
    """Adding people, changing roles and the ledger's rules."""


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CHECKER: frozenset({Permission.TRIAGE}),
    Role.REVIEWER: frozenset({Permission.TRIAGE, Permission.EVIDENCE}),
    Role.EDITOR: frozenset({Permission.TRIAGE, Permission.EVIDENCE, Permission.SIGN_OFF}),
    Role.ADMIN: frozenset(Permission),
}
"""What each role may do."""


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


def parse_role(value: str) -> Role:
    return _parse(Role, value, "role")


# -- conflicts and travelling verdicts ----------------------------------------------------------
class ConflictStatus(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


def parse_conflict_status(value: str) -> ConflictStatus:
    return _parse(ConflictStatus, value, "conflict status")
