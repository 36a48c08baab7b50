"""The ledger's tables. Their vocabularies live in `vocab` (no database needed to use them)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from claimledger.vocab import (  # the tables' vocabularies, re-exported for older imports
    ClaimType as ClaimType,
)
from claimledger.vocab import EvidenceStatus as EvidenceStatus
from claimledger.vocab import HistoryAction as HistoryAction
from claimledger.vocab import LinkState as LinkState
from claimledger.vocab import MatchStatus as MatchStatus
from claimledger.vocab import ReviewState as ReviewState
from claimledger.vocab import Stance as Stance


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps go in as UTC and come out tz-aware, on SQLite (which keeps no zone) and PostgreSQL."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _ts(nullable: bool = False) -> Any:
    if nullable:
        return Field(default=None, sa_column=sa.Column(UTCDateTime(), nullable=True))
    return Field(default_factory=utcnow, sa_column=sa.Column(UTCDateTime(), nullable=False))


def _json() -> Any:
    return Field(default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False))


class Source(SQLModel, table=True):
    """One article, with the exact text that claim offsets point into."""

    __tablename__ = "source"

    id: int | None = Field(default=None, primary_key=True)
    path: str = Field(index=True, description="file name inside sources/ (or where it was read)")
    content_hash: str = Field(
        unique=True, description="sha256 of `text`: same content, same source"
    )
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = Field(default=None, description="ISO date, possibly partial (2018-08)")
    url: str | None = None
    genre: str | None = Field(
        default=None, description="news | analysis | opinion | live_blog | ..."
    )
    text: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    ingested_at: datetime = _ts()


class Claim(SQLModel, table=True):
    """A claim, anchored by W3C TextQuote and TextPosition selectors into its source's text."""

    __tablename__ = "claim"
    __table_args__ = (
        sa.Index("ix_claim_queue", "review_state", "score", "id"),
        sa.Index("ix_claim_evidence_status", "evidence_status", "id"),
        sa.Index("ix_claim_evidence_queue", "evidence_status", "score", "id"),
        sa.Index("ix_claim_type", "type", "id"),
        sa.Index("ix_claim_type_queue", "type", "score", "id"),
        sa.Index("ix_claim_source", "source_id", "start"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE")
    quote: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""
    type: str = ClaimType.OTHER.value
    speaker: str | None = None
    score: float = 0.0
    quantities: list[dict[str, Any]] = _json()
    period_start: str | None = None
    period_end: str | None = None
    fingerprint: str = Field(default="", index=True)
    origin: str = Field(default="extracted", description="extracted | manual")
    review_state: str = ReviewState.NEW.value
    evidence_status: str = EvidenceStatus.UNVERIFIED.value
    assignee: str | None = Field(default=None, index=True)
    version: int = Field(
        default=1, sa_column_kwargs={"server_default": "1"}, description="raised by every change"
    )
    created_at: datetime = _ts()
    updated_at: datetime = _ts()


class ClaimAnchor(SQLModel, table=True):
    """Another place in the same source where the claim's words appear again (pull quote, caption)."""

    __tablename__ = "claim_anchor"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""


class Evidence(SQLModel, table=True):
    """A link a reviewer attached to a claim, with what was found there when it was checked."""

    __tablename__ = "evidence"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    url: str
    stance: str
    note: str | None = None
    added_by: str
    added_at: datetime = _ts()
    final_url: str | None = None
    http_status: int | None = None
    title: str | None = None
    content_hash: str | None = None
    retrieved_at: datetime | None = _ts(nullable=True)
    fetch_error: str | None = None
    link_state: str = LinkState.UNCHECKED.value
    checked_at: datetime | None = _ts(nullable=True)
    archive_url: str | None = None
    archived_at: datetime | None = _ts(nullable=True)
    outlet_verdicts: list[dict[str, Any]] | None = Field(
        default=None,
        sa_column=sa.Column(sa.JSON(none_as_null=True), nullable=True),
        description="other outlets' ClaimReview verdicts the page carried when added",
    )


class HistoryEntry(SQLModel, table=True):
    """One change to a claim: who, when, what before and after, and why."""

    __tablename__ = "history"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    at: datetime = _ts()
    user: str
    action: str = Field(
        description="created | review_state | evidence_status | note | evidence | ..."
    )
    before: str | None = None
    after: str | None = None
    note: str | None = None
    version: int | None = Field(default=None, description="the claim's version after this change")
    hash: str | None = Field(
        default=None, description="sha256 over the previous entry's hash and this change (`chain`)"
    )


class ClaimMatch(SQLModel, table=True):
    """Two claims that say the same thing in different sources: suggested, then confirmed or rejected."""

    __tablename__ = "claim_match"
    __table_args__ = (sa.UniqueConstraint("claim_id", "other_id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    other_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    similarity: float
    status: str = MatchStatus.SUGGESTED.value
    decided_by: str | None = None
    decided_at: datetime | None = _ts(nullable=True)


class Person(SQLModel, table=True):
    """Someone who works on this ledger, and what their role lets them do (`ledger.roles`)."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    role: str = Field(description="checker | reviewer | editor | admin")
    added_by: str
    added_at: datetime = _ts()


class LedgerRule(SQLModel, table=True):
    """A rule the desk set for this ledger (say, that a verifier is not the claim's reviewer)."""

    __tablename__ = "ledger_rule"

    key: str = Field(primary_key=True)
    value: str
    set_by: str
    set_at: datetime = _ts()


# -- publication: what the published fact-check says, and the desk's publishing settings -------
class Publication(SQLModel, table=True):
    """A claim's fact-check as published: its page, the short claim, the verdict, who and when.

    Every change to it is a history entry of its claim (see `ledger.publication`)."""

    __tablename__ = "publication"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", unique=True, ondelete="CASCADE")
    url: str | None = Field(default=None, description="the fact-check page (None: site template)")
    statement: str | None = Field(default=None, description="claimReviewed: the claim, short")
    rating: str | None = Field(default=None, description="a label of the ledger's rating scale")
    summary: str | None = Field(default=None, sa_column=sa.Column(sa.Text(), nullable=True))
    published_by: str | None = None
    published_at: datetime | None = _ts(nullable=True)


class LedgerSetting(SQLModel, table=True):
    """One setting the whole desk shares (publisher, URL template, rating scale), as JSON."""

    __tablename__ = "ledger_setting"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    value: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    updated_by: str
    updated_at: datetime = _ts()


# -- conflicts and travelling verdicts ------------------------------------------------------------
def _key_column() -> sa.Column[int]:
    return sa.Column(sa.BigInteger(), primary_key=True, autoincrement=False)


def _claim_of_key_column() -> sa.Column[int]:
    """A key table's claim (each table needs Column objects of its own)."""
    return sa.Column(
        sa.Integer(),
        sa.ForeignKey("claim.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )


class ClaimKey(SQLModel, table=True):
    """Blocking keys: a claim's (number or name, other word) pairs, hashed, for finding candidates.

    Similar claims share a pair (see `extract.similarity.match_keys`), so candidates for a new
    claim come from index look-ups on this table, whose cost does not grow with the ledger; claims
    about one measure share a `measure_keys` key the same way (conflicting figures).
    """

    __tablename__ = "claim_key"
    __table_args__ = (sa.Index("ix_claim_key_claim_id", "claim_id"),)

    key: int = Field(sa_column=_key_column())
    claim_id: int = Field(sa_column=_claim_of_key_column())


class ClaimKeyRecent(SQLModel, table=True):
    """The newest blocking keys, as `ClaimKey`: a small table an article's keys share pages of,
    folded into `claim_key` in key order once it is full (`ledger.claim_keys.fold_range`)."""

    __tablename__ = "claim_key_recent"
    __table_args__ = (sa.Index("ix_claim_key_recent_claim_id", "claim_id"),)

    key: int = Field(sa_column=_key_column())
    claim_id: int = Field(sa_column=_claim_of_key_column())


class ClaimReach(SQLModel, table=True):
    """How widely a travelling claim travels, kept as its matches change (`ledger.reach`).

    Only claims with a live match have a row. The index is the queue by demand's own order
    (outlets, articles, latest publication, check-worthiness), so a page of it is a
    walk down one index instead of a count over every match at every page.
    """

    __tablename__ = "claim_reach"
    __table_args__ = (
        sa.Index(
            "ix_claim_reach_demand",
            "outlets",
            "articles",
            "latest",
            "score",
            "claim_id",
        ),
    )

    claim_id: int = Field(
        sa_column=sa.Column(
            sa.Integer(),
            sa.ForeignKey("claim.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        )
    )
    articles: int
    outlets: int
    latest: str = Field(default="", description="latest ISO publication date among them")
    score: float = Field(description="the claim's check-worthiness, for the order's ties")


class ClaimConflict(SQLModel, table=True):
    """Two claims whose figures for one measure cannot both be true: suggested, then decided."""

    __tablename__ = "claim_conflict"
    __table_args__ = (sa.UniqueConstraint("claim_id", "other_id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    other_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    reason: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    status: str = Field(default="suggested", description="suggested | confirmed | dismissed")
    decided_by: str | None = None
    decided_at: datetime | None = _ts(nullable=True)


class VerdictCopy(SQLModel, table=True):
    """A claim that took its verdict from the same claim decided elsewhere: updated when it changes."""

    __tablename__ = "verdict_copy"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    from_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    user: str
    at: datetime = _ts()


class ExportLog(SQLModel, table=True):
    """One export the ledger remembers: what, with which filters, when, by whom, how many.

    `history_mark` is the last history entry every claim in the export had been changed by, so
    `--since-last-export` takes exactly the claims changed after it (see `ledger.export_log`)."""

    __tablename__ = "export_log"
    __table_args__ = (sa.Index("ix_export_log_format", "format", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    format: str
    filters: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    user: str
    started_at: datetime = _ts()
    finished_at: datetime = _ts()
    claims: int = 0
    history_mark: int = 0
