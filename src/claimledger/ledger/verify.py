"""Proving the record: recompute every claim's hash chain, rebuild its state from its history, and
name each entry that was edited, removed, reordered or does not add up.

Read-only, in one snapshot, a batch of claims at a time (memory stays flat on a big ledger).
The chain stores each entry's hash; an entry is checked against the stored hash of the one before
it, so an edit is reported at the entry edited, not at every entry after it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from claimledger.errors import RecordAltered
from claimledger.ledger.chain import (
    GENESIS,
    fold,
    seal,
    stored_timestamp,
    subject_digest,
    timestamp,
)
from claimledger.ledger.outlet_verdicts import NONE, canonical, parse_entry
from claimledger.models import Claim, Evidence, HistoryEntry, Publication, Source, UTCDateTime
from claimledger.records import Finding, Verification
from claimledger.vocab import EvidenceStatus, HistoryAction, ReviewState

BATCH = 2000

FIELDS = {
    HistoryAction.REVIEW_STATE.value: ("review_state", "review state"),
    HistoryAction.EVIDENCE_STATUS.value: ("evidence_status", "evidence status"),
    HistoryAction.ASSIGNEE.value: ("assignee", "assignee"),
}


PUBLICATION = {
    HistoryAction.REVIEW_URL.value: "url",
    HistoryAction.CLAIM_STATEMENT.value: "statement",
    HistoryAction.RATING.value: "rating",
    HistoryAction.REVIEW_SUMMARY.value: "summary",
    HistoryAction.PUBLISHED.value: "published_at",
}
"""What the published fact-check says, and the history entries that set it."""


class _Replay:
    """A claim's state as its history tells it (a plain class with slots: one is made for every
    claim checked, a million of them on a big ledger)."""

    __slots__ = ("evidence", "outlet_verdicts", "publication", "state")

    def __init__(self) -> None:
        self.state: dict[str, str | None] = {}
        self.evidence: Counter[tuple[str, str]] | None = None
        """The links its history adds and removes (None until an entry touches one)."""
        self.publication: dict[str, str | None] = {}
        """Every published field once any entry sets one (None where none did)."""
        self.outlet_verdicts = False
        """Whether any entry records other outlets' verdicts."""


EMPTY: Counter[tuple[str, str]] = Counter()
"""A claim's links when it has none (read only)."""


def verify(
    *,
    session: Session,
    claim_ids: list[int] | None = None,
    states: tuple[str, ...] = (),
    checkpoint: int | None = None,
) -> Verification:
    """Check the whole ledger, some claims, or the claims in some review states (what an export
    is about to publish); the digest covers history up to `checkpoint` (default: all of it) and
    is only meaningful for the whole ledger."""
    findings: list[Finding] = list(guards(session))
    last_id = int(session.execute(sa.select(sa.func.max(col(HistoryEntry.id)))).scalar() or 0)
    upto = last_id if checkpoint is None else checkpoint
    digest = GENESIS
    claims = entries = 0
    bad_sources: set[int] = set()
    for batch in _claim_batches(session, claim_ids, states):
        checked = check_claims(batch, session=session, upto=upto, bad_sources=bad_sources)
        findings.extend(checked.findings)
        claims += len(batch)
        entries += checked.entries
        for cid, head in checked.heads:
            digest = fold(digest, cid, head)
    return Verification(claims, entries, tuple(findings), upto, digest)


@dataclass(frozen=True)
class Checked:
    """What checking a batch of claims found, how many history entries it read, and each
    claim's latest entry (up to the checkpoint) for the ledger's digest."""

    findings: list[Finding]
    entries: int
    heads: list[tuple[int, str]]


def check_claims(
    batch: Sequence[Any],
    *,
    session: Session,
    upto: int | None = None,
    bad_sources: set[int] | None = None,
) -> Checked:
    """Check a batch of claims (rows with at least `CLAIM_COLUMNS`' names, as an export's page
    has them): their history's chain, their state, evidence, verdicts and publication as the
    history tells them, and their articles' text. An article found altered is reported once per
    `bad_sources` (a set shared across batches)."""
    bad_sources = set() if bad_sources is None else bad_sources
    findings: list[Finding] = []
    ids = [int(c.id) for c in batch]
    sources = _sources({c.source_id for c in batch}, session=session)
    for sid, (ok, _) in sources.items():
        if not ok and sid not in bad_sources:
            bad_sources.add(sid)
            findings.append(
                Finding(None, None, "source", f"article {sid}: its text no longer matches its hash")
            )
    history = _history(ids, session=session)
    evidence, verdicts = _evidence(ids, session=session)
    published = _publications(ids, session=session)
    entries = 0
    heads: list[tuple[int, str]] = []
    for claim in batch:
        cid = claim.id
        rows = history.get(cid, NO_ENTRIES)
        entries += len(rows)
        subject = subject_digest(sources[claim.source_id][1], claim.start, claim.end, claim.quote)
        replay = _Replay()
        _check_claim(claim, rows, subject, evidence.get(cid, EMPTY), replay, findings)
        told, stored = replay.publication, published.get(cid)
        if (told or stored) and told != stored:  # equal: every field as its history set it
            findings.extend(_check_publication(cid, told, stored or {}))
        if replay.outlet_verdicts or cid in verdicts:  # else nothing told, nothing kept
            findings.extend(_check_verdicts(cid, rows, evidence.get(cid), verdicts.get(cid, {})))
        if upto is not None:
            head = next((h[9] for h in reversed(rows) if h[0] is not None and h[0] <= upto), None)
            if head is not None:
                heads.append((cid, head))
    return Checked(findings, entries, heads)


def guards(session: Session) -> Iterator[Finding]:
    """The triggers that keep the history append-only are still there."""
    if session.get_bind().dialect.name == "postgresql":
        found = session.execute(
            sa.text(
                "SELECT count(*) FROM pg_trigger WHERE tgname = 'history_guard' AND tgenabled <> 'D'"
            )
        ).scalar()
        missing = [] if found else ["history_guard"]
    else:
        names = {
            r[0]
            for r in session.execute(sa.text("SELECT name FROM sqlite_master WHERE type='trigger'"))
        }
        missing = sorted({"history_no_update", "history_no_delete"} - names)
    for name in missing:
        yield Finding(None, None, "guard", f"the append-only guard {name} was removed or disabled")


CLAIM_COLUMNS = (
    col(Claim.id),
    col(Claim.source_id),
    col(Claim.start),
    col(Claim.end),
    col(Claim.quote),
    col(Claim.review_state),
    col(Claim.evidence_status),
    col(Claim.assignee),
    col(Claim.version),
)
HISTORY_COLUMNS = (
    col(HistoryEntry.id),
    col(HistoryEntry.claim_id),
    col(HistoryEntry.at),
    col(HistoryEntry.user),
    col(HistoryEntry.action),
    col(HistoryEntry.before),
    col(HistoryEntry.after),
    col(HistoryEntry.note),
    col(HistoryEntry.version),
    col(HistoryEntry.hash),
)
"""Plain rows, not ORM objects: a million claims verify several times faster."""


def claim_rows(ids: list[int], *, session: Session) -> list[sa.Row[Any]]:
    """The claims `check_claims` needs, by id."""
    stmt = sa.select(*CLAIM_COLUMNS).where(col(Claim.id).in_(ids)).order_by(col(Claim.id))
    return list(session.execute(stmt))


def refuse(findings: list[Finding]) -> None:
    """Stop an export at the first thing found wrong (see `errors.RecordAltered`)."""
    if findings:
        raise RecordAltered(findings[0], len(findings))


def _claim_batches(
    session: Session, claim_ids: list[int] | None, states: tuple[str, ...]
) -> Iterator[list[sa.Row[Any]]]:
    if claim_ids is not None:
        wanted = sorted(set(claim_ids))
        for i in range(0, len(wanted), BATCH):
            yield claim_rows(wanted[i : i + BATCH], session=session)
        return
    last = 0
    while True:
        stmt = sa.select(*CLAIM_COLUMNS).where(col(Claim.id) > last)
        if states:
            stmt = stmt.where(col(Claim.review_state).in_(states))
        stmt = stmt.order_by(col(Claim.id)).limit(BATCH)
        batch = list(session.execute(stmt))
        if not batch:
            return
        yield batch
        last = batch[-1].id


IDS: sa.BindParameter[int] = sa.bindparam("ids", expanding=True)
"""A batch's ids, bound when a statement runs: each statement below is built once."""
LOW: sa.BindParameter[int] = sa.bindparam("low")
HIGH: sa.BindParameter[int] = sa.bindparam("high")

Statements = dict[tuple[bool, bool], Any]
"""A read by (on SQLite?, the ids a whole range?)."""


def _statements(select: Callable[[bool], Any], key: Any) -> Statements:
    """`select(on SQLite?)` for a batch's ids: as a range when they are every id of one (a
    plain indexed range, nothing to expand), else as a list."""
    return {
        (sqlite, whole): select(sqlite).where(key.between(LOW, HIGH) if whole else key.in_(IDS))
        for sqlite in (False, True)
        for whole in (False, True)
    }


def _tuples(session: Session, statements: Statements, ids: list[int]) -> list[tuple[Any, ...]]:
    """The rows of a read for these ids as the database driver's plain tuples: no row object
    per row, no conversion (each statement reads what needs none)."""
    if not ids:
        return []
    conn = session.connection()
    low, high = min(ids), max(ids)
    whole = high - low + 1 == len(ids) == len(set(ids))
    params = {"low": low, "high": high} if whole else {"ids": ids}
    result = conn.execute(statements[conn.dialect.name == "sqlite", whole], params)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _sources(ids: set[int], *, session: Session) -> dict[int, tuple[bool, str]]:
    """Each article: whether its text still matches its content hash, and that hash."""
    return {
        int(sid): (hashlib.sha256(text.encode()).hexdigest() == digest, digest)
        for sid, text, digest in _tuples(session, SOURCES, list(ids))
    }


def _history(ids: list[int], *, session: Session) -> dict[int, list[tuple[Any, ...]]]:
    """Each claim's entries in order, as the columns of `HISTORY_COLUMNS`; `at` spelt as the
    chain hashes it on SQLite (by the query, from the stored text), a datetime elsewhere (see
    `_check_claim`)."""
    rows = _tuples(session, HISTORY, ids)
    return {cid: list(group) for cid, group in groupby(rows, itemgetter(1))}


_STORED_AT = sa.type_coerce(col(HistoryEntry.at), sa.String)
SPELT_AT = sa.case(
    (
        sa.func.length(_STORED_AT) == 26,
        sa.func.substr(_STORED_AT, 1, 10) + "T" + sa.func.substr(_STORED_AT, 12) + "+00:00",
    ),
    else_=_STORED_AT,
).label("at")
"""SQLite's stored time (`2026-11-30 23:54:19.123456`, UTC) as `chain.timestamp` spells it."""

HISTORY = _statements(
    lambda sqlite: sa.select(
        *HISTORY_COLUMNS[:2], SPELT_AT if sqlite else HISTORY_COLUMNS[2], *HISTORY_COLUMNS[3:]
    ).order_by(col(HistoryEntry.claim_id), col(HistoryEntry.id)),
    col(HistoryEntry.claim_id),
)
SOURCES = _statements(
    lambda _: sa.select(col(Source.id), col(Source.text), col(Source.content_hash)),
    col(Source.id),
)


def _as_text(column: Any) -> Any:
    if isinstance(column.type, UTCDateTime):
        return sa.type_coerce(column, sa.String).label(column.key)
    return column


def _evidence(
    ids: list[int], *, session: Session
) -> tuple[dict[int, Counter[tuple[str, str]]], dict[int, dict[str, str]]]:
    """Each claim's links (stance, URL) counted, and other outlets' verdicts kept on them (per
    claim and URL, in canonical form): one read of the evidence."""
    links: dict[int, Counter[tuple[str, str]]] = {}
    verdicts: dict[int, dict[str, str]] = {}
    for cid, stance, url, stored in session.execute(EVIDENCE, {"ids": ids}):
        links.setdefault(int(cid), Counter())[(stance, url)] += 1
        if stored is not None:
            verdicts.setdefault(int(cid), {})[url] = canonical(stored)
    return links, verdicts


EVIDENCE = sa.select(
    col(Evidence.claim_id),
    col(Evidence.stance),
    col(Evidence.url),
    col(Evidence.outlet_verdicts),
).where(col(Evidence.claim_id).in_(IDS))


def _check_verdicts(
    cid: int,
    rows: list[tuple[Any, ...]],
    evidence: Counter[tuple[str, str]] | None,
    stored: dict[str, str],
) -> Iterator[Finding]:
    """Each link's outlet verdicts as the history recorded them: set by `outlet_verdict`
    entries, gone with the link (removed, undone, or corrected to another address)."""
    told: dict[str, str] = {}
    for _, _, _, _, action, before, after, *_ in rows:
        if action == HistoryAction.OUTLET_VERDICT and after:
            url, verdicts = parse_entry(after)
            told[url] = verdicts
        elif action == HistoryAction.EVIDENCE and before:
            old = _link(before)[1]
            new = _link(after)[1] if after and after != "removed" else None
            if new != old:
                told.pop(old, None)
        elif action == HistoryAction.UNDO and (before or "").startswith("evidence "):
            told.pop(_link((before or "")[len("evidence ") :])[1], None)
    if not told and not stored:
        return
    for url in sorted({url for _, url in evidence or ()}):
        has, said = stored.get(url, NONE), told.get(url, NONE)
        if has != said:
            yield Finding(
                cid,
                None,
                "inconsistent",
                f"the outlet verdicts kept with {url} are {has}, but its history says {said}",
            )


def _publications(ids: list[int], *, session: Session) -> dict[int, dict[str, str | None]]:
    return {
        int(cid): {
            "url": url,
            "statement": statement,
            "rating": rating,
            "summary": summary,
            "published_at": None if at is None else stored_timestamp(at),
        }
        for cid, url, statement, rating, summary, at in _tuples(session, PUBLICATIONS, ids)
    }


PUBLICATIONS = _statements(
    lambda sqlite: sa.select(
        col(Publication.claim_id),
        col(Publication.url),
        col(Publication.statement),
        col(Publication.rating),
        col(Publication.summary),
        _as_text(col(Publication.published_at)) if sqlite else col(Publication.published_at),
    ),
    col(Publication.claim_id),
)


def _check_publication(
    cid: int, told: dict[str, str | None], stored: dict[str, str | None]
) -> Iterator[Finding]:
    """The published fact-check (page, statement, rating, summary, date) as its history set it."""
    if not told and not stored:
        return
    for name in PUBLICATION.values():
        if told.get(name) != stored.get(name):
            yield Finding(
                cid,
                None,
                "inconsistent",
                f"its published {name.replace('_', ' ')} is {stored.get(name)!r}, "
                f"but its history says {told.get(name)!r}",
            )


def _check_claim(
    claim: Any,
    rows: Sequence[tuple[Any, ...]],
    subject: str,
    evidence: Counter[tuple[str, str]],
    replay: _Replay,
    findings: list[Finding],
) -> None:
    """The claim's chain entry by entry, and its state as `replay` rebuilds it from them; what
    is wrong is added to `findings`. One loop, no call per entry but the seal's: an export runs
    it over every entry of every claim it writes."""
    cid = claim.id
    add = findings.append
    if not rows:
        add(Finding(cid, None, "removed", "the claim has no history left"))
        return
    state = replay.state
    prev = GENESIS
    for expected, (hid, _, at, user, action, before, after, note, version, sealed) in enumerate(
        rows, start=1
    ):
        if at.__class__ is not str or len(at) != 32 or at[10] != "T":  # else spelt by the query
            at = stored_timestamp(at)
        if sealed is None:
            add(
                Finding(
                    cid, hid, "inserted", "an entry without a seal (not written by claimledger)"
                )
            )
        elif version is not None and version > expected:
            gap = (
                f"version {expected}"
                if version == expected + 1
                else f"versions {expected}-{version - 1}"
            )
            add(Finding(cid, hid, "removed", f"the entries for {gap} before this one are missing"))
        elif version is not None and version < expected:
            add(
                Finding(
                    cid, hid, "reordered", f"version {version} comes after version {expected - 1}"
                )
            )
        elif sealed != seal(
            prev, version, at, user, action, before, after, note, subject if expected == 1 else None
        ):
            if expected == 1:
                add(
                    Finding(
                        cid,
                        hid,
                        "edited",
                        "the first entry, or the claim's words or article, changed since it was recorded",
                    )
                )
            else:
                add(Finding(cid, hid, "edited", f"this {action} entry does not match its seal"))
        if action in FIELDS:
            name, label = FIELDS[action]
            if name in state and state[name] != before:
                add(
                    Finding(
                        cid,
                        hid,
                        "inconsistent",
                        f"says {label} went from {before}, but it was {state[name]}",
                    )
                )
            state[name] = after
        elif action == CREATED:
            state.update(CREATED_STATE)
        elif action in PUBLICATION:
            published = replay.publication
            if not published:  # every field, so a whole match compares as one dict
                published = replay.publication = dict.fromkeys(PUBLICATION.values())
            if action == PUBLISHED and after is not None:
                after = timestamp(datetime.fromisoformat(after))
            published[PUBLICATION[action]] = after
        elif action != NOTE:
            _replay(action, before, after, replay)
        prev = sealed or GENESIS
    count = len(rows)
    version = claim.version or 0
    if version > count:
        add(
            Finding(
                cid,
                None,
                "removed",
                f"the claim is at version {version} but its history ends at {count}",
            )
        )
    elif version < count:
        add(
            Finding(
                cid, None, "inconsistent", f"the claim says version {version}, its history {count}"
            )
        )
    for name, label in FIELDS.values():
        if name in state:
            said, actual = state[name], getattr(claim, name)
            if said != actual:
                add(
                    Finding(
                        cid,
                        None,
                        "inconsistent",
                        f"its {label} is {actual}, but its history says {said}",
                    )
                )
    links = replay.evidence or EMPTY
    if not evidence and not +links:
        return
    for (stance, url), n in (evidence - links).items():
        add(
            Finding(
                cid, None, "inconsistent", f"evidence with no history entry: {stance} {url} (x{n})"
            )
        )
    for (stance, url), n in (links - evidence).items():
        add(
            Finding(cid, None, "removed", f"evidence in its history is gone: {stance} {url} (x{n})")
        )


CREATED = HistoryAction.CREATED.value
CREATED_STATE: dict[str, str | None] = {
    "review_state": ReviewState.NEW.value,
    "evidence_status": EvidenceStatus.UNVERIFIED.value,
    "assignee": None,
}
"""A claim's state as its `created` entry sets it."""
NO_ENTRIES: list[tuple[Any, ...]] = []
"""A claim's entries when it has none (read only)."""
NOTE = HistoryAction.NOTE.value
PUBLISHED = HistoryAction.PUBLISHED.value


def _replay(action: str, before: str | None, after: str | None, replay: _Replay) -> None:
    """Apply one entry to the state as told: the rarer kinds (`_check_claim` applies a field's
    change, the claim's creation and its publication itself)."""
    if action == HistoryAction.EVIDENCE:
        links = replay.evidence
        if links is None:
            links = replay.evidence = Counter()
        if before:  # corrected or removed: what it was goes
            key = _link(before)
            if links[key] > 0:
                links[key] -= 1
        if after and after != "removed":
            links[_link(after)] += 1
    elif action == HistoryAction.UNDO and (before or "").startswith("evidence "):
        links = replay.evidence
        if links is None:
            links = replay.evidence = Counter()
        key = _link((before or "")[len("evidence ") :])
        if links[key] > 0:
            links[key] -= 1
    elif action == HistoryAction.OUTLET_VERDICT:
        replay.outlet_verdicts = True


def _link(text: str) -> tuple[str, str]:
    """(stance, url) from "supports https://... (a note)": a URL has no spaces."""
    stance, _, rest = text.partition(" ")
    return stance, rest.split(" ", 1)[0]
