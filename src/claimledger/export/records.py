"""What every export format reads: one `ExportRecord` per claim, built page by page in the core.

A page is 500 claims in id order, read with plain column queries (no ORM objects): the claims,
the articles they come from (without their text, and only for that page), their evidence and when
they were verified. Nothing outlives its page, so memory stays flat however large the ledger.
"""

from __future__ import annotations

import json
from collections import namedtuple
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from datetime import datetime
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar, cast

import sqlalchemy as sa
from sqlmodel import Session, col

from claimledger.credentials import without_credentials
from claimledger.ledger.queries import conditions
from claimledger.ledger.verify import check_claims, guards, refuse
from claimledger.models import Claim, Evidence, HistoryEntry, Publication, Source, UTCDateTime
from claimledger.records import (
    ClaimFilter,
    ClaimRecord,
    EvidenceRecord,
    Period,
    PublicationRecord,
    Quantity,
    SourceRecord,
    outlet_verdicts,
)
from claimledger.vocab import HistoryAction, ReviewState

PAGE = 500
R = TypeVar("R")


@dataclass(frozen=True)
class ExportRecord:
    """One claim as the exporters see it: the claim, its article, its evidence, when verified."""

    claim: ClaimRecord
    source: SourceRecord
    evidence: tuple[EvidenceRecord, ...]
    verified_at: datetime | None
    """When the claim was last set to verified (None if it never was)."""
    publication: PublicationRecord | None = None
    """What the published fact-check says (None: nothing recorded yet)."""


CLAIM_COLUMNS = (  # the order `_claim` unpacks
    col(Claim.id),
    col(Claim.source_id),
    col(Claim.quote),
    col(Claim.start),
    col(Claim.end),
    col(Claim.prefix),
    col(Claim.suffix),
    col(Claim.type),
    col(Claim.speaker),
    col(Claim.score),
    col(Claim.quantities),
    col(Claim.period_start),
    col(Claim.period_end),
    col(Claim.review_state),
    col(Claim.evidence_status),
    col(Claim.assignee),
    col(Claim.origin),
    col(Claim.version),
    col(Claim.created_at),
    col(Claim.updated_at),
)
SOURCE_COLUMNS = (
    col(Source.id),
    col(Source.path),
    col(Source.outlet),
    col(Source.title),
    col(Source.author),
    col(Source.published),
    col(Source.url),
)
EVIDENCE_COLUMNS = (  # in the order of EvidenceRecord's fields (a test holds them together)
    col(Evidence.id),
    col(Evidence.claim_id),
    col(Evidence.url),
    col(Evidence.stance),
    col(Evidence.note),
    col(Evidence.added_by),
    col(Evidence.added_at),
    col(Evidence.link_state),
    col(Evidence.http_status),
    col(Evidence.final_url),
    col(Evidence.title),
    col(Evidence.fetch_error),
    col(Evidence.content_hash),
    col(Evidence.retrieved_at),
    col(Evidence.checked_at),
    col(Evidence.archive_url),
    col(Evidence.archived_at),
    col(Evidence.outlet_verdicts),
)


def export_records(
    *,
    session: Session,
    flt: ClaimFilter,
    publications: bool = True,
    verified: bool = False,
    details: bool = True,
) -> Iterator[ExportRecord]:
    """Every claim the filter selects, in id order, one page in memory at a time; without
    `publications` (the desks' CSV and JSON do not show them) their rows are not read; without
    `details` (ClaimReview shows none of them) neither are the claims' evidence, quantities and
    verification dates: the records carry none (about a third of a ClaimReview export's time).

    With `verified`, each page's record (its history's chain, the state it tells, the articles'
    text) is checked before any of its claims is yielded, in the same pass: the first claim found
    altered raises `RecordAltered`, so a writer that keeps its file whole publishes nothing."""
    conn = session.connection()
    if verified:
        refuse(list(guards(session)))
    bad_sources: set[int] = set()
    after = 0
    sqlite = conn.dialect.name == "sqlite"
    claim = _claim if details else _bare_claim
    while True:
        claims = _claim_page(conn, _page_query(flt, conn.dialect.name, after), sqlite)
        if not claims:
            return
        if verified:
            named = claims if not sqlite else [PageRow._make(row) for row in claims]
            refuse(check_claims(named, session=session, bad_sources=bad_sources).findings)
        ids = [row[0] for row in claims]
        sources = _sources({row[1] for row in claims}, conn)
        page = _Page(ids, sqlite)
        evidence = _evidence(page, conn) if details else {}
        verified_on = _verified_at(page, conn) if details else {}
        published = _publications(page, conn) if publications else {}
        for row in claims:
            cid, source_id = row[0], row[1]
            source = sources[source_id]
            yield new_export(
                claim(row, source.label),
                source,
                evidence.get(cid, ()),
                verified_on.get(cid),
                published.get(cid),
            )
        after = ids[-1]


PageRow = namedtuple("PageRow", [cast(Any, c).key for c in CLAIM_COLUMNS])  # type: ignore[misc]
"""A page's claim read as plain values, with the names `verify.check_claims` reads."""


def _claim_page(conn: sa.Connection, query: sa.Select[Any], sqlite: bool) -> list[Any]:
    """The page's claims: on SQLite the driver's own tuples (what it reads needs no conversion,
    see `_plain`: no row object per claim), elsewhere rows converted by their column types."""
    if not sqlite:
        return list(conn.execute(query).all())
    result = conn.execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _page_query(
    flt: ClaimFilter, dialect: str, after: int, columns: tuple[Any, ...] | None = None
) -> sa.Select[Any]:
    """The next page by primary key.

    On SQLite the review-state test is written so the planner cannot answer it from the queue
    index (state, score, id): through that index every page re-read and re-sorted every matching
    claim past the cursor. Walking the primary key reads each claim once.
    """
    conds = conditions(replace(flt, states=()), dialect)
    if flt.states:
        state = col(Claim.review_state)
        conds.append((state + "" if dialect == "sqlite" else state).in_(flt.states))
    return (
        sa.select(*(columns or (PLAIN_CLAIM_COLUMNS if dialect == "sqlite" else CLAIM_COLUMNS)))
        .where(col(Claim.id) > after, *conds)
        .order_by(col(Claim.id))
        .limit(PAGE)
    )


def _maker(cls: type[R]) -> Callable[..., R]:
    """Build a frozen record from its field values in order, without the frozen `__init__`'s
    one guarded `setattr` per field: the export builds a million of them, and that guard was
    most of its time. Every field must be given (a test holds the orders together)."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    new = object.__new__

    def make(*values: Any) -> R:
        record = new(cls)
        record.__dict__.update(zip(names, values, strict=True))
        return record

    return make


new_claim: Callable[..., ClaimRecord] = _maker(ClaimRecord)
new_export: Callable[..., ExportRecord] = _maker(ExportRecord)
_new_evidence: Callable[..., EvidenceRecord] = _maker(EvidenceRecord)


def new_evidence(*values: Any) -> EvidenceRecord:
    """The fast path, unless a URL carries `user:password@`: then the record's own checks
    (`EvidenceRecord.__post_init__`) take it out, as everywhere else."""
    record = _new_evidence(*values)
    if "@" in record.url or "@" in (record.final_url or "") or "@" in (record.fetch_error or ""):
        return EvidenceRecord(*values)
    return record


new_publication: Callable[..., PublicationRecord] = _maker(PublicationRecord)


def _claim(row: tuple[Any, ...], label: str, quantities: Any = None) -> ClaimRecord:
    """The claim's record; its quantities read from the row unless given."""
    (cid, source_id, quote, start, end, prefix, suffix, kind, speaker, score, stored,
     period_start, period_end, state, status, assignee, origin, version, created, updated) = row  # fmt: skip
    return new_claim(
        cid, source_id, label, quote, start, end, prefix, suffix, kind, speaker, score,
        _quantities(stored) if quantities is None else quantities,
        Period(period_start, period_end) if period_start or period_end else None,
        state, status, assignee, origin, version, _when(created), _when(updated),
    )  # fmt: skip


def _bare_claim(row: tuple[Any, ...], label: str) -> ClaimRecord:
    """`_claim` without its quantities (their JSON unread): what ClaimReview needs."""
    return _claim(row, label, ())


IDS: sa.BindParameter[int] = sa.bindparam("ids", expanding=True)
"""The page's ids, bound when the query runs: the statements are built once and cached."""
LOW: sa.BindParameter[int] = sa.bindparam("low")
HIGH: sa.BindParameter[int] = sa.bindparam("high")


class _Page:
    """A page's claim ids, and how its evidence, verifications and publications are looked up:
    by a range of ids when the page is dense (the whole ledger, a common filter), a plain
    indexed range with no list to expand; by the list when the claims are far apart."""

    def __init__(self, ids: list[int], sqlite: bool) -> None:
        self.ids = ids
        self.dense = ids[-1] - ids[0] < 2 * len(ids)
        self.key = (sqlite, self.dense)

    def params(self) -> dict[str, Any]:
        return {"low": self.ids[0], "high": self.ids[-1]} if self.dense else {"ids": self.ids}


Key = tuple[bool, bool]


def _both(
    columns: tuple[Any, ...], claim_id: Any, *where: Any, order: Any = None
) -> dict[Key, Any]:
    """The statement for each (SQLite?, dense?) page: timestamps read as SQLite's text there
    (see `_plain`), claims by list or by range; each built once."""
    found: dict[Key, Any] = {}
    for sqlite in (False, True):
        cols = tuple(_plain(c) for c in columns) if sqlite else columns
        base = sa.select(*cols).where(*where)
        if order is not None:
            base = base.order_by(*order)
        found[sqlite, False] = base.where(claim_id.in_(IDS))
        found[sqlite, True] = base.where(claim_id.between(LOW, HIGH))
    return found


def _plain(column: Any) -> Any:
    """On SQLite, a timestamp or JSON column read as its stored text, converted by `_when` and
    `_quantities` (a C parser, not a result processor per value)."""
    if isinstance(column.type, UTCDateTime | sa.JSON):
        return sa.type_coerce(column, sa.String).label(column.key)
    return column


PLAIN_CLAIM_COLUMNS = tuple(_plain(c) for c in CLAIM_COLUMNS)


def _when(value: Any) -> Any:
    if isinstance(value, str):  # SQLite's text, in UTC: naming the zone beats replace()
        return datetime.fromisoformat(value + "+00:00")
    return value


_new_quantity: Callable[..., Quantity] = _maker(Quantity)
_decode = json.JSONDecoder().raw_decode


def _json(text: str) -> Any:
    """`json.loads` of a stored JSON text, without its wrappers (a type check and two searches
    for white space): the decoder itself, and `json.loads` again if anything follows the value
    or none starts the text (for its error, or the white space it allows)."""
    try:
        value, end = _decode(text)
    except ValueError:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def _words(value: Any) -> str:
    """The quantities' words, "; " between (the CSV's column), from the stored JSON list: each
    as `Quantity.from_dict` reads its text."""
    if isinstance(value, str):
        if value == "[]":
            return ""
        value = _json(value)
    return "; ".join([str(q.get("text", "?")) for q in value]) if value else ""


def _quantities(value: Any) -> tuple[Quantity, ...]:
    """As `Quantity.from_dict` reads each, without the frozen `__init__` (see `_maker`)."""
    if isinstance(value, str):
        if value == "[]":
            return ()
        value = _json(value)
    if not value:
        return ()
    return tuple(
        _new_quantity(
            str(q.get("text", "?")), q.get("value"), q.get("kind"), q.get("bound"), q.get("low"),
            q.get("high"), q.get("unit"),
        )
        for q in value
    )  # fmt: skip


SOURCES = sa.select(*SOURCE_COLUMNS).where(col(Source.id).in_(IDS))
EVIDENCE = _both(
    EVIDENCE_COLUMNS, col(Evidence.claim_id), order=(col(Evidence.claim_id), col(Evidence.id))
)
VERIFIED = _both(
    (col(HistoryEntry.claim_id), col(HistoryEntry.at)),
    col(HistoryEntry.claim_id),
    col(HistoryEntry.action) == HistoryAction.REVIEW_STATE.value,
    col(HistoryEntry.after) == ReviewState.VERIFIED.value,
    order=(col(HistoryEntry.at),),
)


def _sources(ids: set[int], conn: sa.Connection) -> dict[int, SourceRecord]:
    """The page's articles: what the exports show of them, never their text."""
    found: dict[int, SourceRecord] = {}
    for row in conn.execute(SOURCES, {"ids": list(ids)}).all():
        values: tuple[Any, ...] = tuple(row)
        sid, path, outlet, title, author, published, url = values
        found[sid] = SourceRecord(sid, outlet or path, path, outlet, title, author, published, url)
    return found


EVIDENCE_TIMES = tuple(
    n for n, c in enumerate(EVIDENCE_COLUMNS) if isinstance(getattr(c, "type", None), UTCDateTime)
)
"""The evidence fields that are timestamps (SQLite's text there, see `_when`)."""


def _evidence(page: _Page, conn: sa.Connection) -> dict[int, tuple[EvidenceRecord, ...]]:
    found: dict[int, list[EvidenceRecord]] = {}
    for row in conn.execute(EVIDENCE[page.key], page.params()).all():
        values = list(row)
        for n in EVIDENCE_TIMES:
            values[n] = _when(values[n])
        verdicts = values[-1]
        values[-1] = outlet_verdicts(verdicts) if verdicts else ()
        found.setdefault(values[1], []).append(new_evidence(*values))
    return {cid: tuple(evs) for cid, evs in found.items()}


def _verified_at(page: _Page, conn: sa.Connection) -> dict[int, datetime]:
    """When each claim was last set to verified (the latest wins: they come oldest first; the
    stored text sorts as the time does)."""
    return {cid: _when(at) for cid, at in conn.execute(VERIFIED[page.key], page.params()).all()}


PUBLICATIONS = _both(
    (
        col(Publication.claim_id),
        col(Publication.url),
        col(Publication.statement),
        col(Publication.rating),
        col(Publication.summary),
        col(Publication.published_by),
        col(Publication.published_at),
    ),
    col(Publication.claim_id),
)


def _publications(page: _Page, conn: sa.Connection) -> dict[int, PublicationRecord]:
    rows = conn.execute(PUBLICATIONS[page.key], page.params()).all()
    return {
        cid: new_publication(cid, url, statement, rating, summary, by, _when(at))
        for cid, url, statement, rating, summary, by, at in rows
    }


Published = tuple[str | None, str | None, str | None, str | None, str | None]
"""What ClaimReview shows of a publication: its page, statement, rating, summary and the day
it was published (ISO date text, UTC), each None when not recorded."""
ReviewRow = tuple[int, str | None, SourceRecord, Published | None]
"""One claim as ClaimReview sees it: its id, speaker, article and publication (None: nothing
recorded)."""


class _Shown(NamedTuple):
    """One page of claims as a fast writer reads it: the columns it shows, its articles."""

    claims: list[Any]
    page: _Page
    sources: dict[int, SourceRecord]


def _shown_pages(
    session: Session,
    flt: ClaimFilter,
    *,
    verified: bool,
    shown: tuple[Any, ...],
    narrow: Callable[[Any], Any],
) -> Iterator[_Shown]:
    """The pages a row writer (CSV, JSON, ClaimReview) walks: only the `shown` columns read; with
    `verified`, the whole claim read instead, each page checked as `export_records` checks it
    before any of its rows is given, then cut down to the shown columns by `narrow`."""
    conn = session.connection()
    if verified:
        refuse(list(guards(session)))
    bad_sources: set[int] = set()
    after = 0
    dialect = conn.dialect.name
    sqlite = dialect == "sqlite"
    if sqlite:
        shown = tuple(_plain(c) for c in shown)
    while True:
        claims = _claim_page(
            conn, _page_query(flt, dialect, after, None if verified else shown), sqlite
        )
        if not claims:
            return
        if verified:
            named = claims if not sqlite else [PageRow._make(row) for row in claims]
            refuse(check_claims(named, session=session, bad_sources=bad_sources).findings)
            claims = [narrow(row) for row in claims]
        ids = [row[0] for row in claims]
        yield _Shown(claims, _Page(ids, sqlite), _sources({row[1] for row in claims}, conn))
        after = ids[-1]


REVIEW_COLUMNS = (col(Claim.id), col(Claim.source_id), col(Claim.speaker))


def review_rows(
    *, session: Session, flt: ClaimFilter, verified: bool = False
) -> Iterator[ReviewRow]:
    """`export_records(details=False)` for ClaimReview alone, as plain tuples: only the columns
    it shows are read, no record object per claim, the publication's day taken from the stored
    text (no datetime per claim). With `verified`, each page is checked as `export_records`
    checks it (the whole claim read for that)."""
    conn = session.connection()
    for shown in _shown_pages(
        session, flt, verified=verified, shown=REVIEW_COLUMNS, narrow=_REVIEW_OF_CLAIM
    ):
        published = _published(shown.page, conn)
        for cid, source_id, speaker in shown.claims:
            yield cid, speaker, shown.sources[source_id], published.get(cid)


def _published(page: _Page, conn: sa.Connection) -> dict[int, Published]:
    rows = conn.execute(PUBLICATIONS[page.key], page.params()).all()
    days: dict[str, str] = {}
    return {
        cid: (url, statement, rating, summary, _day(at, days))
        for cid, url, statement, rating, summary, _by, at in rows
    }


def _day(value: Any, days: dict[str, str]) -> str | None:
    """The UTC day of a publication time, as `published_at.date().isoformat()` gives it: on
    SQLite the stored text is UTC ISO ("2026-01-02 10:00:00.123456"), so its first ten
    characters, read as a date once per day (anything else is parsed whole)."""
    if value is None:
        return None
    if isinstance(value, str) and value[10:11] in (" ", "T"):
        day = days.get(value[:10])
        if day is not None:
            return day
        day = cast(str, _when(value).date().isoformat())
        if day == value[:10] and len(days) < 4096:
            days[day] = day
        return day
    found: str = _when(value).date().isoformat()
    return found


CsvRow = tuple[Any, ...]
"""One claim as the CSV shows it: its cells in the order of `spreadsheet.CSV_COLUMNS`, as the
ledger holds them (not yet spreadsheet-safe)."""
CSV_CLAIM_COLUMNS = (  # the order `csv_rows` unpacks
    col(Claim.id),
    col(Claim.source_id),
    col(Claim.quote),
    col(Claim.review_state),
    col(Claim.evidence_status),
    col(Claim.type),
    col(Claim.speaker),
    col(Claim.score),
    col(Claim.start),
    col(Claim.end),
    col(Claim.period_start),
    col(Claim.period_end),
    col(Claim.quantities),
    col(Claim.assignee),
)
_KEYS = [cast(Any, c).key for c in CLAIM_COLUMNS]
_REVIEW_OF_CLAIM = itemgetter(*[_KEYS.index(cast(Any, c).key) for c in REVIEW_COLUMNS])
_CSV_OF_CLAIM = itemgetter(*[_KEYS.index(cast(Any, c).key) for c in CSV_CLAIM_COLUMNS])
"""A whole claim's row (read when verifying) cut down to `CSV_CLAIM_COLUMNS`."""
LINKS = _both(
    (col(Evidence.claim_id), col(Evidence.stance), col(Evidence.url)),
    col(Evidence.claim_id),
    order=(col(Evidence.claim_id), col(Evidence.id)),
)


def csv_rows(*, session: Session, flt: ClaimFilter, verified: bool = False) -> Iterator[CsvRow]:
    """The CSV's rows, one per claim: plain tuples of its cells (`spreadsheet.CSV_COLUMNS`), only
    the columns it shows read, no record object per claim or link. With `verified`, each page is
    checked as `export_records` checks it (the whole claim read for that) before any of its rows
    is yielded."""
    conn = session.connection()
    for shown in _shown_pages(
        session, flt, verified=verified, shown=CSV_CLAIM_COLUMNS, narrow=_CSV_OF_CLAIM
    ):
        links = _links(shown.page, conn)
        cells = _csv_cells(shown.sources, _verified_at(shown.page, conn))
        for row in shown.claims:
            shown_links = links.get(row[0])
            if shown_links:
                yield (*cells(row), len(shown_links), " | ".join(shown_links))
            else:
                yield (*cells(row), 0, "")


CsvClaimLinks = tuple[CsvRow, tuple[EvidenceRecord, ...]]
"""One claim for the CSV's `--per evidence` layout: its cells but the links' count and summary
(the first columns of `spreadsheet.PER_EVIDENCE_COLUMNS`), and its evidence links."""


def csv_evidence_rows(
    *, session: Session, flt: ClaimFilter, verified: bool = False
) -> Iterator[CsvClaimLinks]:
    """`csv_rows` for the `--per evidence` layout: each claim's cells with its links whole (the
    sheet gives each link a row of its own). Verified as `csv_rows` is."""
    conn = session.connection()
    for shown in _shown_pages(
        session, flt, verified=verified, shown=CSV_CLAIM_COLUMNS, narrow=_CSV_OF_CLAIM
    ):
        evidence = _evidence(shown.page, conn)
        cells = _csv_cells(shown.sources, _verified_at(shown.page, conn))
        for row in shown.claims:
            yield cells(row), evidence.get(row[0], ())


def _csv_cells(
    sources: dict[int, SourceRecord], verified_on: dict[int, datetime]
) -> Callable[[Any], CsvRow]:
    """A page's claim row (`CSV_CLAIM_COLUMNS`) as the CSV's cells up to `verified_at`."""

    def cells(row: Any) -> CsvRow:
        (cid, source_id, quote, state, status, kind, speaker, score, start, end,
         period_start, period_end, stored, assignee) = row  # fmt: skip
        source = sources[source_id]
        at = verified_on.get(cid)
        return (
            cid, quote, state, status, kind, source.label, source.title, source.url,
            source.published, speaker, score, start, end, period_start, period_end,
            _words(stored), assignee, at.isoformat() if at else None,
        )  # fmt: skip

    return cells


def _links(page: _Page, conn: sa.Connection) -> dict[int, list[str]]:
    """Each claim's links as the CSV's `evidence` cell lists them ("stance: url"), without any
    `user:password@` (as `EvidenceRecord` takes it out)."""
    found: dict[int, list[str]] = {}
    for cid, stance, url in conn.execute(LINKS[page.key], page.params()).all():
        if "@" in url:
            url = without_credentials(url)
        found.setdefault(cid, []).append(f"{stance}: {url}")
    return found


JsonRow = tuple[Any, ...]
"""One claim as the JSON export shows it, in its keys' order: id, quote, review state, evidence
status, type, the article's label, file, title, address and date, speaker, score, start, end,
prefix, suffix, the stored quantities (decoded JSON, a list), the period's start and end,
assignee, verified at and updated at (ISO text or None), and its links as `JsonLink`s."""
JsonLink = tuple[Any, ...]
"""A link as the JSON export shows it: url (without `user:password@`), stance, note, added by,
added at (ISO text), link state, HTTP status, title, archive url."""
JSON_CLAIM_COLUMNS = (  # the order `json_rows` unpacks
    col(Claim.id),
    col(Claim.source_id),
    col(Claim.quote),
    col(Claim.review_state),
    col(Claim.evidence_status),
    col(Claim.type),
    col(Claim.speaker),
    col(Claim.score),
    col(Claim.start),
    col(Claim.end),
    col(Claim.prefix),
    col(Claim.suffix),
    col(Claim.quantities),
    col(Claim.period_start),
    col(Claim.period_end),
    col(Claim.assignee),
    col(Claim.updated_at),
)
_JSON_OF_CLAIM = itemgetter(*[_KEYS.index(cast(Any, c).key) for c in JSON_CLAIM_COLUMNS])
JSON_LINKS = _both(
    (
        col(Evidence.claim_id),
        col(Evidence.url),
        col(Evidence.stance),
        col(Evidence.note),
        col(Evidence.added_by),
        col(Evidence.added_at),
        col(Evidence.link_state),
        col(Evidence.http_status),
        col(Evidence.title),
        col(Evidence.archive_url),
    ),
    col(Evidence.claim_id),
    order=(col(Evidence.claim_id), col(Evidence.id)),
)


def json_rows(*, session: Session, flt: ClaimFilter, verified: bool = False) -> Iterator[JsonRow]:
    """The JSON export's claims, as plain tuples of what it shows (see `JsonRow`): no record
    object per claim, link or quantity. With `verified`, each
    page is checked as `export_records` checks it before any of its rows is yielded."""
    conn = session.connection()
    for shown in _shown_pages(
        session, flt, verified=verified, shown=JSON_CLAIM_COLUMNS, narrow=_JSON_OF_CLAIM
    ):
        claims, sources = shown.claims, shown.sources
        links = _json_links(shown.page, conn)
        verified_on = _verified_at(shown.page, conn)
        for row in claims:
            (cid, source_id, quote, state, status, kind, speaker, score, start, end, prefix,
             suffix, stored, period_start, period_end, assignee, updated) = row  # fmt: skip
            source = sources[source_id]
            at = verified_on.get(cid)
            updated = _when(updated)
            yield (
                cid, quote, state, status, kind, source.label, source.path, source.title,
                source.url, source.published, speaker, score, start, end, prefix, suffix,
                _stored_list(stored), period_start, period_end, assignee,
                at.isoformat() if at else None, updated.isoformat() if updated else None,
                links.get(cid, ()),
            )  # fmt: skip


def _stored_list(value: Any) -> list[Any]:
    """A stored JSON list (the quantities), decoded as `_quantities` decodes it."""
    if isinstance(value, str):
        if value == "[]":
            return []
        value = _json(value)
    return list(value) if value else []


def _json_links(page: _Page, conn: sa.Connection) -> dict[int, list[JsonLink]]:
    found: dict[int, list[JsonLink]] = {}
    for row in conn.execute(JSON_LINKS[page.key], page.params()).all():
        cid, url, stance, note, by, added, state, status, title, archive = row
        if "@" in url:
            url = without_credentials(url)
        added = _when(added)
        found.setdefault(cid, []).append(
            (url, stance, note, by, added.isoformat() if added else None, state, status, title,
             archive)
        )  # fmt: skip
    return found


def iter_records(*, session: Session, flt: ClaimFilter) -> Iterator[dict[str, Any]]:
    """The same claims as the JSON export's objects (plain values), for older callers."""
    from claimledger.export.tabular import json_object

    return map(json_object, json_rows(session=session, flt=flt))
