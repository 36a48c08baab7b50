"""What the core hands out: one typed, immutable record per thing, the same for every front end.

The CLI prints these, the TUI draws them, the exporters write them; none of them sees a table row
or a session. `to_json` turns any record into what `--json` prints.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import Enum
from functools import cached_property
from typing import Any, Literal

from claimledger.credentials import without_credentials, without_credentials_in
from claimledger.vocab import FIELD_ACTIONS, GRANTS, HistoryAction, Permission, ReviewState, Role

Order = Literal["id", "queue", "demand"]
"""id: oldest first; queue: most check-worthy first; demand: the claims most articles and outlets
carry first (the most recently published among equals), then the rest by check-worthiness."""
ORDERS: tuple[Order, ...] = ("queue", "demand", "id")

_BOUNDS = {"more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤", "approx": "≈"}


def _shown(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


@dataclass(frozen=True)
class Quantity:
    """A number as the finder read it: the words, the value, and the hedge kept as a bound."""

    text: str
    value: float | None = None
    kind: str | None = None
    bound: str | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quantity:
        return cls(
            text=str(data.get("text", "?")),
            value=data.get("value"),
            kind=data.get("kind"),
            bound=data.get("bound"),
            low=data.get("low"),
            high=data.get("high"),
            unit=data.get("unit"),
        )

    def describe(self) -> str:
        """“more than half” > 0.5, “102 people” = 102, “between 200 and 300” 200 to 300."""
        if self.value is None:
            return f"“{self.text}”"
        if self.bound == "range" and self.low is not None and self.high is not None:
            return f"“{self.text}” {_shown(self.low)} to {_shown(self.high)}"
        return f"“{self.text}” {_BOUNDS.get(self.bound or '', '=')} {_shown(self.value)}"


@dataclass(frozen=True)
class Period:
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the sort key of its last row."""

    id: int
    score: float = 0.0
    reach: Reach | None = None
    """Demand order only: how far the row's claim travels (None: no other article carries it)."""


@dataclass(frozen=True)
class Reach:
    """How widely a claim travels: the articles and distinct outlets carrying it (its own
    included, through confirmed matches and suggestions above the match threshold), and the
    latest publication date among them ("" when none is known)."""

    articles: int = 1
    outlets: int = 1
    latest: str = ""

    def describe(self) -> str:
        articles = f"{self.articles} article{'s' if self.articles != 1 else ''}"
        outlets = f"{self.outlets} outlet{'s' if self.outlets != 1 else ''}"
        return f"{articles}, {outlets}"

    def short(self) -> str:
        """For a narrow column: articles and outlets (3a 2o)."""
        return f"{self.articles}a {self.outlets}o"


FAR_END = Cursor(id=2**62, score=float("-inf"))
""""Before the far end": a backwards page from the very last row."""


@dataclass(frozen=True)
class ClaimFilter:
    """What a person narrows the list to; empty means everything."""

    states: tuple[str, ...] = ()
    evidence_statuses: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    source: str | None = None  # a source id, or part of its file name or outlet
    speaker: str | None = None
    assignee: str | None = None
    has_evidence: bool | None = None
    text: str | None = None  # full-text search over quotes and notes
    ids: tuple[int, ...] = field(default=())
    changed_since: datetime | None = None
    """Claims whose last change (`updated_at`) is at or after this moment."""
    changed_until: datetime | None = None
    """... and before this one."""
    changed_after_entry: int | None = None
    """Claims with a history entry after this one (`--since-last-export`)."""

    def describe(self) -> str:
        parts = []
        for label, values in (
            ("state", self.states),
            ("evidence", self.evidence_statuses),
            ("type", self.types),
        ):
            if values:
                parts.append(f"{label}: {', '.join(values)}")
        for label, value in (
            ("source", self.source),
            ("speaker", self.speaker),
            ("assignee", self.assignee),
        ):
            if value:
                parts.append(f"{label}: {value}")
        if self.has_evidence is not None:
            parts.append("with evidence" if self.has_evidence else "without evidence")
        if self.text:
            parts.append(f"search: {self.text!r}")
        if self.changed_since:
            parts.append(f"changed since {self.changed_since.isoformat()}")
        if self.changed_until:
            parts.append(f"changed before {self.changed_until.isoformat()}")
        if self.changed_after_entry is not None:
            parts.append(f"changed after history entry {self.changed_after_entry}")
        return "; ".join(parts) if parts else "all claims"


@dataclass(frozen=True)
class ClaimRow:
    """What a list shows of a claim (pages stay cheap); `version` lets an edit say what it saw."""

    id: int
    review_state: str
    evidence_status: str
    type: str
    source_id: int
    source: str
    score: float
    quote: str
    speaker: str | None = None
    assignee: str | None = None
    version: int = 1
    reach: Reach | None = None
    """Other articles carry this claim (None: only its own)."""
    conflicts: int = 0
    """Figures elsewhere that cannot be true with this claim's (suggested or confirmed)."""
    decided_elsewhere: bool = False
    """The same claim was reviewed or verified elsewhere: its verdict can be taken (`t`)."""

    @property
    def cursor(self) -> Cursor:
        return Cursor(id=self.id, score=self.score, reach=self.reach)


@dataclass(frozen=True)
class ClaimPage:
    """A page of a long listing, with what the review UI flags on its rows."""

    claims: tuple[ClaimRecord, ...]
    signals: Mapping[int, tuple[int, bool]]
    """Per claim with either: its conflicts (not dismissed), whether decided elsewhere."""
    reach: Mapping[int, Reach]
    """Demand order only: how far each claim other articles carry travels."""


@dataclass(frozen=True)
class ClaimRecord:
    """A claim in full: its anchor into the source, what the finder read, where the desk stands."""

    id: int
    source_id: int
    source: str
    quote: str
    start: int
    end: int
    prefix: str
    suffix: str
    type: str
    speaker: str | None
    score: float
    quantities: tuple[Quantity, ...]
    period: Period | None
    review_state: str
    evidence_status: str
    assignee: str | None
    origin: str
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class SourceRecord:
    id: int
    label: str
    path: str
    outlet: str | None
    title: str | None
    author: str | None
    published: str | None
    url: str | None
    genre: str | None = None

    def __post_init__(self) -> None:
        if self.url:  # a ledger written before passwords were stripped on the way in
            object.__setattr__(self, "url", without_credentials(self.url))


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AnchorRecord:
    start: int
    end: int


@dataclass(frozen=True)
class OutletVerdict:
    """Another outlet's published verdict on a claim, as the ClaimReview markup of its page said
    it (`links.claimreview`): kept as written, numbers included, since scales differ."""

    outlet: str | None
    """Who published the review (the ClaimReview's author)."""
    rating: str | None
    """The verdict in the outlet's words (reviewRating.alternateName)."""
    rating_value: str | None
    best_rating: str | None
    worst_rating: str | None
    claim_reviewed: str | None
    claim_by: str | None
    """Who made the claim (itemReviewed.author), when the outlet says."""
    date_published: str | None
    review_url: str | None

    def describe(self) -> str:
        """ "PolitiFact: False (1, scale 1-6)", in one line."""
        scale = ""
        if self.rating_value is not None:
            ends = [e for e in (self.worst_rating, self.best_rating) if e is not None]
            scale = f" ({self.rating_value}" + (f", scale {'-'.join(ends)})" if ends else ")")
        who = self.outlet or "an outlet"
        return f"{who}: {self.rating or 'no verdict in words'}{scale}"

    def to_dict(self) -> dict[str, str | None]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OutletVerdict:
        return cls(**{f.name: _text_or_none(data.get(f.name)) for f in fields(cls)})


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def outlet_verdicts(stored: Any) -> tuple[OutletVerdict, ...]:
    """The verdicts as the ledger stores them (a JSON list, or its text on SQLite's raw reads)."""
    if isinstance(stored, str):
        import json

        stored = json.loads(stored)
    return tuple(OutletVerdict.from_dict(v) for v in stored or () if isinstance(v, dict))


@dataclass(frozen=True)
class EvidenceRecord:
    id: int
    claim_id: int
    url: str
    stance: str
    note: str | None
    added_by: str
    added_at: datetime
    link_state: str
    http_status: int | None
    final_url: str | None
    title: str | None
    fetch_error: str | None
    content_hash: str | None
    retrieved_at: datetime | None
    checked_at: datetime | None
    archive_url: str | None
    archived_at: datetime | None
    outlet_verdicts: tuple[OutletVerdict, ...] = ()
    """Other outlets' verdicts the page carried as ClaimReview markup when it was added."""

    def __post_init__(self) -> None:
        """No `user:password@` leaves the core, whatever an older ledger holds."""
        object.__setattr__(self, "url", without_credentials(self.url))
        if self.final_url:
            object.__setattr__(self, "final_url", without_credentials(self.final_url))
        if self.fetch_error:
            object.__setattr__(self, "fetch_error", without_credentials_in(self.fetch_error))


@dataclass(frozen=True)
class HistoryRecord:
    """One change to a claim. `version` is the claim's version after it (None for old ledgers)."""

    id: int
    claim_id: int
    at: datetime
    user: str
    action: HistoryAction
    before: str | None
    after: str | None
    note: str | None
    version: int | None

    @property
    def shown_before(self) -> str | None:
        """`before` as a person reads it (an outlet's verdicts in words, not JSON)."""
        if self.action == HistoryAction.OUTLET_VERDICT and self.before:
            return _verdicts_said(self.before)
        return self.before

    @property
    def shown_after(self) -> str | None:
        if self.action == HistoryAction.OUTLET_VERDICT and self.after:
            return _verdicts_said(self.after)
        return self.after

    def describe(self) -> str:
        """In a reviewer's words: "review state in_review -> reviewed by alice"."""
        if self.action in FIELD_ACTIONS:
            what = (
                f"{self.action.value.replace('_', ' ')} {self.before or '-'} -> {self.after or '-'}"
            )
        elif self.action == HistoryAction.NOTE:
            what = f"note “{_clip(self.note or '')}”"
        elif self.action == HistoryAction.OUTLET_VERDICT:
            what = f"outlet verdict {_verdicts_said(self.after or '')}"
        else:
            what = (
                f"{self.action.value.replace('_', ' ')} {self.after or self.before or ''}".strip()
            )
        return f"{what} by {self.user}"


def _verdicts_said(after: str) -> str:
    """ "URL: Outlet: Rating (2, scale 1-5)" from an `outlet_verdict` entry's exact JSON."""
    import json

    url, _, stored = after.partition(" ")
    try:
        verdicts = outlet_verdicts(json.loads(stored)) if stored and stored != "none" else ()
    except (ValueError, TypeError):
        return after
    said = "; ".join(v.describe() for v in verdicts) or "none"
    return f"{url}: {said}"


def _clip(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@dataclass(frozen=True)
class MatchRecord:
    """The same claim in another article, seen from one of the two claims."""

    id: int
    claim_id: int
    """The other claim."""
    quote: str
    source: str
    review_state: str
    evidence_status: str
    similarity: float
    status: str
    evidence: tuple[str, ...] = ()
    """The stances of the other claim's evidence links: what its checkers found so far."""


@dataclass(frozen=True)
class ClaimBrief:
    id: int
    source_id: int
    quote: str


@dataclass(frozen=True)
class MatchPair:
    """A match as `claimledger matches` lists it: both claims."""

    id: int
    status: str
    similarity: float
    claim: ClaimBrief
    other: ClaimBrief
    decided_by: str | None


@dataclass(frozen=True)
class ClaimDetail:
    """Everything a reviewer reads about one claim."""

    claim: ClaimRecord
    source: SourceRecord
    paragraph: Paragraph
    anchors: tuple[AnchorRecord, ...]
    evidence: tuple[EvidenceRecord, ...]
    history: tuple[HistoryRecord, ...]
    matches: tuple[MatchRecord, ...] = ()
    publication: PublicationRecord | None = None
    """What the desk recorded for the published fact-check (None: nothing yet)."""
    publication_url: str | None = None
    """The fact-check's page: the one recorded, else the site's template's (None: neither)."""
    conflicts: tuple[ConflictRecord, ...] = ()
    """Figures elsewhere that cannot be true with this claim's (dismissed ones left out)."""
    verdicts_elsewhere: tuple[Verdict, ...] = ()
    """The same claim already reviewed or verified in another article."""


@dataclass(frozen=True)
class Counts:
    shown: int
    left: int


@dataclass(frozen=True)
class Change:
    """One change to one claim, with what it takes to revert it."""

    claim_id: int
    action: HistoryAction
    before: str | None = None
    after: str | None = None
    evidence_id: int | None = None
    version: int | None = None
    """The claim's version after the change: an undo is refused if it moved on since."""

    def describe(self) -> str:
        if self.action in FIELD_ACTIONS:
            return (
                f"{self.action.value.replace('_', ' ')} {self.before or '-'} -> {self.after or '-'}"
            )
        return self.action.value

    def undone(self) -> str:
        """What reverting this change does, in a reviewer's words."""
        if self.action in FIELD_ACTIONS:
            return f"{self.action.value.replace('_', ' ')} back to {self.before or 'nobody'}"
        return {
            HistoryAction.CREATED: "recorded claim removed",
            HistoryAction.EVIDENCE: "evidence removed",
        }.get(self.action, "note withdrawn")


@dataclass(frozen=True)
class Outcome:
    """What one action on one or many claims did: the changes, and the claims the rules refused."""

    changes: tuple[Change, ...] = ()
    skipped: tuple[str, ...] = ()
    stale: tuple[int, ...] = ()
    """Claims refused because they changed since the caller read them: show them afresh."""

    def summary(self, what: str) -> str:
        claims = len({c.claim_id for c in self.changes})
        text = f"{what}: {claims} claim{'s' if claims != 1 else ''} changed"
        if self.skipped:
            text += f", {len(self.skipped)} skipped ({self.skipped[0]})"
        return text


@dataclass(frozen=True)
class Activity:
    """What changed in the ledger after a point in its history."""

    last_id: int
    """The newest history id seen: pass it back next time."""
    claim_ids: frozenset[int]
    users: frozenset[str]


@dataclass(frozen=True)
class LinkReport:
    """What fetching a new evidence link found, for a one-line notification."""

    state: str
    status: int | None
    title: str | None
    error: str | None
    archive_problem: str | None

    def summary(self) -> str:
        if self.state == "dead":
            return f"Link dead ({self.error or f'HTTP {self.status}'}): kept, marked dead"
        if self.state == "unchecked":
            return f"Link not checked ({self.error}): kept, unchecked"
        if self.state == "unread":
            return f"Link alive but not read ({self.error}): kept, marked unread"
        return f"Link {self.state} (HTTP {self.status}): {self.title or 'no title'}"


@dataclass(frozen=True)
class IngestResult:
    path: str
    source_id: int
    added: bool
    claims: int
    updated_meta: bool = False
    matches: int = 0


@dataclass(frozen=True)
class ImportReport:
    added: int = 0
    already: int = 0
    unmatched: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonRecord:
    name: str
    role: Role
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class Actor:
    """Who is at the keyboard, and what this ledger lets them do.

    A ledger with no people on it lets anyone do anything (one person on a laptop); once it has
    people, a name not on the list may read but not change anything."""

    name: str
    role: Role | None
    open_ledger: bool

    @property
    def known(self) -> bool:
        return self.role is not None

    def may(self, permission: Permission) -> bool:
        if self.open_ledger:
            return True
        return self.role is not None and permission in GRANTS[self.role]

    def describe(self) -> str:
        if self.open_ledger:
            return self.name
        return (
            f"{self.name} ({self.role.value})" if self.role else f"{self.name} (not on this ledger)"
        )


@dataclass(frozen=True)
class Finding:
    """One thing `verify` found wrong: which claim, which history entry, and what."""

    claim_id: int | None
    entry_id: int | None
    kind: str
    """edited | removed | reordered | inserted | inconsistent | unsealed | guard | source | checkpoint"""
    detail: str

    def describe(self) -> str:
        where = f"claim {self.claim_id}" if self.claim_id is not None else "ledger"
        if self.entry_id is not None:
            where += f", history entry {self.entry_id}"
        return f"{where}: {self.kind}: {self.detail}"


@dataclass(frozen=True)
class Verification:
    """What `verify` recomputed: the claims and entries it checked, what was wrong, and the
    ledger's digest (a checkpoint anyone can keep and check again later)."""

    claims: int
    entries: int
    findings: tuple[Finding, ...]
    checkpoint: int
    """The last history id covered by `digest`."""
    digest: str

    @property
    def ok(self) -> bool:
        return not self.findings


def to_json(value: Any) -> Any:
    """A record (or a list of them) as plain JSON values: dates in ISO 8601, enums by value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple | frozenset | set):
        return [to_json(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


# -- publication: the fact-check as published, and the desk's settings for it ------------------
@dataclass(frozen=True)
class Rating:
    """One verdict of the desk's scale: its words and its number (None: cannot be rated)."""

    label: str
    value: int | None = None


@dataclass(frozen=True)
class RatingScale:
    """The desk's verdicts, best first; ClaimReview's ratingValue/bestRating/worstRating come
    from their numbers, alternateName from their words."""

    ratings: tuple[Rating, ...]

    @cached_property
    def _by_label(self) -> dict[str, Rating]:
        return {r.label.casefold(): r for r in self.ratings}

    def find(self, label: str) -> Rating | None:
        """The verdict these words name (any case, any spacing)."""
        found = self._by_label.get(label.casefold())
        return found if found else self._by_label.get(" ".join(label.split()).casefold())

    @property
    def best(self) -> int | None:
        values = [r.value for r in self.ratings if r.value is not None]
        return max(values) if values else None

    @property
    def worst(self) -> int | None:
        values = [r.value for r in self.ratings if r.value is not None]
        return min(values) if values else None

    def labels(self) -> str:
        return ", ".join(r.label for r in self.ratings)


DEFAULT_SCALE = RatingScale(
    (
        Rating("True", 5),
        Rating("Mostly True", 4),
        Rating("Half True", 3),
        Rating("Mostly False", 2),
        Rating("False", 1),
        Rating("Unrateable", None),
    )
)
"""The scale a ledger starts with: five steps from True (5) to False (1), and a verdict for a
claim that cannot be rated (published with its words only, no number)."""


@dataclass(frozen=True)
class PublishingSettings:
    """Who publishes the fact-checks and how: the organisation, its page addresses, its scale."""

    org_name: str | None = None
    org_url: str | None = None
    url_template: str | None = None
    """A fact-check's address from its claim id, as `https://example.org/fact-checks/{id}`."""
    scale: RatingScale = DEFAULT_SCALE

    def review_url(self, claim_id: int) -> str | None:
        return self.url_template.replace("{id}", str(claim_id)) if self.url_template else None


@dataclass(frozen=True)
class PublicationRecord:
    """What the published fact-check says about one claim, and who published it when."""

    claim_id: int
    url: str | None
    statement: str | None
    rating: str | None
    summary: str | None
    published_by: str | None
    published_at: datetime | None


@dataclass(frozen=True)
class Tally:
    name: str
    count: int


@dataclass(frozen=True)
class ReviewerTally:
    """One person's part: changes made, claims verified, fact-checks published."""

    user: str
    changes: int
    verified: int
    published: int


# -- conflicts and travelling verdicts ----------------------------------------------------------
@dataclass(frozen=True)
class ConflictSide:
    """One claim of a conflicting pair: its figure as the finder read it, and its period."""

    id: int
    source: str
    quote: str
    quantity: Quantity | None
    period: Period | None
    review_state: str
    evidence_status: str


@dataclass(frozen=True)
class ConflictRecord:
    """Two claims whose figures for one measure cannot both be true."""

    id: int
    status: str
    reason: str
    claim: ConflictSide
    other: ConflictSide
    decided_by: str | None


@dataclass(frozen=True)
class PublishedVerdict:
    """A published fact-check, as a report lists it."""

    claim_id: int
    statement: str
    rating: str | None
    url: str | None
    source: str
    published_by: str | None
    published_at: datetime | None


@dataclass(frozen=True)
class LedgerReport:
    """Where the desk stands: counts by state, evidence, verdict, article and person, and the
    latest verdicts published."""

    claims: int
    by_state: tuple[Tally, ...]
    by_evidence: tuple[Tally, ...]
    by_rating: tuple[Tally, ...]
    by_source: tuple[Tally, ...]
    by_reviewer: tuple[ReviewerTally, ...]
    recent: tuple[PublishedVerdict, ...]


@dataclass(frozen=True)
class Verdict:
    """A decision the desk already made on the same claim elsewhere, and who made it."""

    claim_id: int
    """The claim decided earlier."""
    source: str
    quote: str
    review_state: str
    evidence_status: str
    decided_by: str | None
    decided_at: datetime | None
    evidence: tuple[EvidenceRecord, ...]
    via: str
    """"confirmed match" or "suggested match, similarity 0.82"."""

    def held_by(self, review_state: str, evidence_status: str) -> bool:
        """Whether a claim in this state already has this verdict (taking it would change nothing)."""
        return evidence_status == self.evidence_status and review_state in (
            ReviewState.REVIEWED.value,
            ReviewState.VERIFIED.value,
        )


@dataclass(frozen=True)
class ExportLogRecord:
    """One export the ledger remembers (`claimledger exports`)."""

    id: int
    format: str
    filters: dict[str, Any]
    user: str
    started_at: datetime
    finished_at: datetime
    claims: int
    history_mark: int
    """The last history entry the export covered: `--since-last-export` starts after it."""

    def describe(self) -> str:
        return (
            f"{self.format} export {self.id} of {self.started_at.isoformat(timespec='seconds')} "
            f"by {self.user}, {self.claims} claim(s)"
        )
