"""Articles in, claims found: the only path by which sources and extracted claims enter the ledger.

Reading and extracting (`prepare`) is pure and runs in worker processes for large batches;
writing (`store`) is one transaction per article, so a failure never leaves half an article.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session

from claimledger.documents import Document, read_document
from claimledger.errors import LedgerError
from claimledger.extract import (
    ExtractedClaim,
    GenreReading,
    TooManyClaims,
    claim_fingerprint,
    read_article,
)
from claimledger.extract.similarity import (
    SimilarityProfile,
    match_keys,
    measure_keys,
    remember_profile,
    similarity_profile,
)
from claimledger.ledger import driver_rows, reach, roles, search
from claimledger.ledger.anchors import CONTEXT, anchor
from claimledger.ledger.chain import GENESIS, entry_hash, subject_digest
from claimledger.ledger.claim_facts import NewClaim
from claimledger.ledger.matches import suggest_for_new
from claimledger.ledger.workers import process_pool, task_running
from claimledger.limits import Limits
from claimledger.models import Claim, ClaimAnchor, HistoryEntry, Source, utcnow
from claimledger.records import IngestResult
from claimledger.vocab import HistoryAction, Permission, ReviewState


@dataclass
class Prepared:
    """An article read and its claims found, ready to be stored."""

    path: str
    document: Document
    claims: list[ExtractedClaim]
    genre: GenreReading | None = None
    keys: list[ClaimKeys] | None = None
    """Each claim's fingerprint and blocking keys, computed with it (off the writer's path)."""


@dataclass(frozen=True)
class ClaimKeys:
    """What the writer would otherwise compute per claim: pure, so the worker that found it does."""

    fingerprint: str
    matching: frozenset[int]
    measures: frozenset[int]
    profile: SimilarityProfile
    """The words match scoring compares (kept by the writer: `remember_profile`)."""

    @classmethod
    def of(cls, claim: ExtractedClaim) -> ClaimKeys:
        quantities = [q.to_dict() for q in claim.quantities]
        return cls(
            claim_fingerprint(claim.quote),
            match_keys(claim.quote),
            measure_keys(claim.quote, quantities),
            similarity_profile(claim.quote),
        )


def prepare(path: Path | str) -> Prepared:
    """Read one file and find its claims (no database: safe to run in another process)."""
    return prepare_document(read_document(Path(path)), str(path))


PARALLEL_FROM = 16  # below this many files a process pool costs more than it saves


def _prepare_or_error(path: Path) -> tuple[Path, Prepared | LedgerError]:
    with task_running():
        try:
            return path, prepare(path)
        except LedgerError as exc:
            return path, exc


def prepare_many(
    files: list[Path], *, workers: int | None = None
) -> Generator[tuple[Path, Prepared | LedgerError], None, None]:
    """Read and extract many files, in worker processes when there are many: by default one
    fewer than the cores, as the caller (ingest's writer, one process and the slower of the two)
    needs a core of its own: on two cores one worker beside the writer stores 110-125 articles/s
    where two workers competing with it stored 85-100.

    Results come back in the order given; a bad file yields its error instead of stopping the rest.
    The workers end with the caller: when it stops early (an error, Ctrl-C, closing this
    iterator) they are stopped mid-task, and when it is killed they notice and leave.
    """
    cores = os.cpu_count() or 1
    if workers is None:
        workers = cores - 1 if cores > 1 else 0
    if len(files) < PARALLEL_FROM or workers < 1:
        yield from map(_prepare_or_error, files)
        return
    with process_pool(workers) as pool:
        yield from pool.map(_prepare_or_error, files, chunksize=8)


def prepare_document(document: Document, path: str) -> Prepared:
    """Find an article's claims and read its genre (no database); more claims than the
    limit (CLAIMLEDGER_MAX_CLAIMS) is one line, found without reading the rest."""
    meta = document.meta
    limits = Limits.from_env()
    try:
        article = read_article(
            document.text,
            published=meta.published,
            outlet=meta.outlet,
            title=meta.title,
            max_claims=limits.max_claims,
            url=meta.url,
            declared=document.declared,
        )
    except TooManyClaims as exc:
        limits.check_claims(exc.at_least, path)
        raise  # not reached: the limit was passed
    limits.check_claims(len(article.claims), path)
    claims = list(article.claims)
    return Prepared(path, document, claims, article.genre, [ClaimKeys.of(c) for c in claims])


def store(prepared: Prepared, *, session: Session, user: str) -> IngestResult:
    """Add the article and its claims, unless the same text is already in the ledger."""
    roles.require(user, Permission.TRIAGE, session=session)
    doc = prepared.document
    conn = session.connection()
    known = _source_id(conn, doc.content_hash)
    if known is not None:
        existing = session.get(Source, known)
        assert existing is not None
        changed = _refresh_meta(existing, doc)
        if prepared.genre is not None and existing.genre is None:
            existing.genre = prepared.genre.genre.value  # a source from before genres were read
            changed = True
        if changed:
            session.add(existing)
            session.flush()  # its outlet or date changes how far its claims' matches travel
            reach.refresh_article(known, conn=conn)
        return IngestResult(prepared.path, known, False, 0, updated_meta=changed)
    meta = doc.meta
    genre = prepared.genre.genre.value if prepared.genre else None
    row = (doc.name, doc.content_hash, meta.outlet, meta.title, meta.author, meta.published)
    driver_rows.insert_values(
        conn, SOURCE, SOURCE_COLUMNS, [(*row, meta.url, doc.text, genre, utcnow())]
    )
    source_id = _source_id(conn, doc.content_hash)
    assert source_id is not None
    source = NewSource(source_id, doc.text, doc.content_hash)
    added = add_extracted(
        prepared.claims, source=source, session=session, user=user, keys=prepared.keys
    )
    matches = suggest_for_new(added, session=session, article=source_id) if added else 0
    return IngestResult(prepared.path, source_id, True, len(added), matches=matches)


SOURCE: sa.Table = Source.__table__  # type: ignore[attr-defined]
SOURCE_COLUMNS = (
    "path",
    "content_hash",
    "outlet",
    "title",
    "author",
    "published",
    "url",
    "text",
    "genre",
    "ingested_at",
)


@dataclass(frozen=True)
class NewSource:
    """What writing an article's claims needs of its source: ingest builds no ORM object for it."""

    id: int
    text: str
    content_hash: str


def _source_id(conn: sa.Connection, content_hash: str) -> int | None:
    """The source holding this text, by its unique hash (plain rows: twice an article)."""
    mark = driver_rows.placeholder(conn)
    rows = driver_rows.fetch(
        conn, f"SELECT id FROM source WHERE content_hash = {mark}", [content_hash]
    )
    return int(rows[0][0]) if rows else None


def _refresh_meta(source: Source, doc: Document) -> bool:
    """Metadata edited in the front matter reaches the ledger; the text (and offsets) cannot change."""
    changed = False
    for key in ("outlet", "title", "author", "published", "url"):
        value = getattr(doc.meta, key)
        if getattr(source, key) != value:
            setattr(source, key, value)
            changed = True
    return changed


ANCHOR_BATCH = 5_000
"""Repeated-sentence anchors written per statement: memory stays flat however many there are."""


CLAIM: sa.Table = Claim.__table__  # type: ignore[attr-defined]
CLAIM_COLUMNS = (
    "source_id",
    "quote",
    "start",
    "end",
    "prefix",
    "suffix",
    "type",
    "speaker",
    "score",
    "quantities",
    "period_start",
    "period_end",
    "fingerprint",
    "origin",
    "review_state",
    "evidence_status",
    "version",
    "created_at",
    "updated_at",
)
HISTORY: sa.Table = HistoryEntry.__table__  # type: ignore[attr-defined]
HISTORY_COLUMNS = ("claim_id", "at", "user", "action", "before", "after", "note", "version", "hash")
ANCHOR_COLUMNS = ("claim_id", "start", "end", "prefix", "suffix")


def add_extracted(
    claims: Iterable[ExtractedClaim],
    *,
    source: NewSource,
    session: Session,
    user: str,
    keys: Sequence[ClaimKeys] | None = None,
) -> list[NewClaim]:
    """Bulk insert (plain rows, not the ORM: ingest writes thousands) with a 'created' entry each;
    returns the claims as written, for matching. `keys`: the claims' own, when already computed."""
    now = utcnow()
    rows = []
    found = list(claims)
    if keys is None or len(keys) != len(found):
        keys = [ClaimKeys.of(c) for c in found]
    facts = []  # (quantities, period) of each claim, for matching
    text, sid = source.text, source.id
    for c, k in zip(found, keys, strict=True):
        remember_profile(c.quote, k.profile)
        quantities = [q.to_dict() for q in c.quantities]
        start, end = (c.period.start, c.period.end) if c.period else (None, None)
        facts.append((quantities, start, end))
        prefix, suffix = text[max(0, c.start - CONTEXT) : c.start], text[c.end : c.end + CONTEXT]
        rows.append(
            (
                *(sid, c.quote, c.start, c.end, prefix, suffix, c.type, c.speaker),
                *(round(float(c.score), 4), quantities, start, end, k.fingerprint),
                *("extracted", "new", "unverified", 1, now, now),
            )
        )
    if not rows:
        return []
    conn = session.connection()
    driver_rows.insert_values(conn, CLAIM, CLAIM_COLUMNS, rows, together=True)
    ids = _new_ids(conn, sid, [(c.start, c.end) for c in found])
    search.index_claims(zip(ids, (c.quote for c in found), strict=True), session=session)
    anchors = (
        (cid, *_anchor_row(text, s, e))
        for cid, c in zip(ids, found, strict=True)
        for s, e in c.anchors
    )
    while batch := list(islice(anchors, ANCHOR_BATCH)):  # a sentence printed 10^6 times
        driver_rows.insert_values(conn, ClaimAnchor.__table__, ANCHOR_COLUMNS, batch)  # type: ignore[attr-defined]
    history = [
        _created(cid, c, source=source, at=now, user=user)
        for cid, c in zip(ids, found, strict=True)
    ]
    driver_rows.insert_values(conn, HISTORY, HISTORY_COLUMNS, history, together=True)
    return [
        NewClaim(cid, sid, c.quote, *fact, match_keys=k.matching, measure_keys=k.measures)
        for cid, c, k, fact in zip(ids, found, keys, facts, strict=True)
    ]


def _new_ids(conn: sa.Connection, source_id: int, spans: list[tuple[int, int]]) -> list[int]:
    """The ids of an article's claims just inserted (its source is new: they are all it has), in
    the order inserted. One executemany and one indexed read: RETURNING in the parameters' order
    made SQLAlchemy insert the rows one statement at a time. Ids ascend in the order inserted;
    each claim's span checks it, and its span identifies it should the ids say otherwise."""
    mark = driver_rows.placeholder(conn)
    sql = f'SELECT id, start, "end" FROM claim WHERE source_id = {mark} ORDER BY id'
    stored = driver_rows.fetch(conn, sql, [source_id])
    if [(s, e) for _, s, e in stored] == spans:
        return [int(i) for i, _, _ in stored]
    by_span = {(s, e): int(i) for i, s, e in stored}
    if len(by_span) != len(spans) or len(stored) != len(spans) or set(by_span) != set(spans):
        raise LedgerError("internal error: claim ids did not come back for every claim")
    return [by_span[span] for span in spans]


def _created(
    claim_id: int, c: ExtractedClaim, *, source: NewSource, at: datetime, user: str
) -> tuple[object, ...]:
    """A claim's first history entry (HISTORY_COLUMNS), chained to its words and its article
    (see `chain`)."""
    created, new = HistoryAction.CREATED.value, ReviewState.NEW.value
    sealed = entry_hash(
        GENESIS,
        version=1,
        at=at,
        user=user,
        action=created,
        before=None,
        after=new,
        note=None,
        subject=subject_digest(source.content_hash, c.start, c.end, c.quote),
    )
    return (claim_id, at, user, created, None, new, None, 1, sealed)


def _anchor_row(text: str, start: int, end: int) -> tuple[int, int, str, str]:
    a = anchor(text, start, end)
    return (a.start, a.end, a.prefix, a.suffix)
