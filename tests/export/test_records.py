"""The export records: one typed, frozen record per claim, paged by primary key, a page at a time."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimledger.db import session_scope
from claimledger.export import ExportRecord, export_records, iter_records, json_object
from claimledger.export import records as builder
from claimledger.ledger import review
from claimledger.models import Claim, Evidence, Source
from claimledger.records import ClaimFilter, ClaimRecord, EvidenceRecord, Quantity, SourceRecord
from claimledger.service import Ledger

VERIFIED = ClaimFilter(states=("verified",))


def _verify(engine: Engine, cid: int) -> None:
    with session_scope(engine) as s:
        s.add(
            Evidence(
                claim_id=cid, url=f"https://data.example/{cid}", stance="refutes", added_by="ann"
            )
        )
        review.set_evidence_status(cid, "contradicted", session=s, user="ann")
        review.set_review_state(cid, "reviewed", session=s, user="ann")
        review.set_review_state(cid, "verified", session=s, user="ed")


def _records(engine: Engine, flt: ClaimFilter = ClaimFilter()) -> list[ExportRecord]:
    with session_scope(engine) as s:
        return list(export_records(session=s, flt=flt))


def _second_source(engine: Engine, n: int) -> list[int]:
    """Another article with `n` claims, the first of them quoting numbers."""
    text = " ".join(f"Fares rose {i} percent." for i in range(n))
    ids = []
    with session_scope(engine) as s:
        src = Source(path="fares.txt", content_hash="h-fares", text=text)
        s.add(src)
        s.flush()
        for i in range(n):
            quote = f"Fares rose {i} percent."
            start = text.index(quote)
            claim = Claim(source_id=src.id or 0, quote=quote, start=start, end=start + len(quote))
            s.add(claim)
            s.flush()
            ids.append(claim.id or 0)
    return ids


def test_a_record_holds_the_claim_its_article_its_evidence_and_when_verified(
    engine: Engine, seeded: dict[str, int]
) -> None:
    _verify(engine, seeded["c1"])
    [record] = _records(engine, VERIFIED)
    assert isinstance(record.claim, ClaimRecord) and record.claim.id == seeded["c1"]
    assert record.claim.review_state == "verified"
    assert isinstance(record.source, SourceRecord)
    assert (record.source.label, record.source.path) == ("City Paper", "bus.txt")
    assert [type(e) for e in record.evidence] == [EvidenceRecord]
    assert record.evidence[0].url == f"https://data.example/{seeded['c1']}"
    assert isinstance(record.verified_at, datetime) and record.verified_at.tzinfo is not None


def test_records_are_frozen(engine: Engine, seeded: dict[str, int]) -> None:
    record = _records(engine)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.verified_at = None  # type: ignore[misc]
    assert isinstance(record.evidence, tuple)


def test_a_claim_never_verified_has_no_date_and_no_evidence(
    engine: Engine, seeded: dict[str, int]
) -> None:
    record = _records(engine)[0]
    assert (record.verified_at, record.evidence) == (None, ())


def _names(columns: tuple[Any, ...]) -> list[str]:
    return list(sa.select(*columns).selected_columns.keys())


def test_the_columns_read_are_the_records_fields() -> None:
    evidence = _names(builder.EVIDENCE_COLUMNS)
    assert evidence == [f.name for f in dataclasses.fields(EvidenceRecord)]
    expected: list[str] = []
    for f in dataclasses.fields(ClaimRecord):
        if f.name != "source":  # the article's label, from the page's articles
            expected += ["period_start", "period_end"] if f.name == "period" else [f.name]
    assert _names(builder.CLAIM_COLUMNS) == expected


def test_an_articles_text_is_never_read() -> None:
    assert "text" not in _names(builder.SOURCE_COLUMNS)


def test_pages_join_up_in_id_order(
    engine: Engine, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _second_source(engine, 7)
    whole = _records(engine)
    monkeypatch.setattr(builder, "PAGE", 2)
    paged = _records(engine)
    assert paged == whole
    assert [r.claim.id for r in paged] == sorted(r.claim.id for r in whole)
    assert len(paged) == 10


def test_a_filter_holds_across_pages(
    engine: Engine, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _second_source(engine, 9)
    for cid in (seeded["c0"], ids[2], ids[3], ids[8]):
        _verify(engine, cid)
    monkeypatch.setattr(builder, "PAGE", 2)
    got = [r.claim.id for r in _records(engine, VERIFIED)]
    assert got == [seeded["c0"], ids[2], ids[3], ids[8]]
    assert all(r.verified_at for r in _records(engine, VERIFIED))


def test_only_the_pages_own_articles_are_read(
    engine: Engine, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles are looked up per page (no cache growing with the ledger)."""
    _second_source(engine, 3)
    asked: list[set[int]] = []
    real = builder._sources

    def spy(ids: set[int], conn: sa.Connection) -> dict[int, SourceRecord]:
        asked.append(set(ids))
        return real(ids, conn)

    monkeypatch.setattr(builder, "_sources", spy)
    monkeypatch.setattr(builder, "PAGE", 3)
    records = _records(engine)
    assert asked == [{seeded["source"]}, {records[-1].source.id}]


@pytest.mark.sqlite_only("reads SQLite's query plan (EXPLAIN QUERY PLAN)")
@pytest.mark.parametrize(
    "flt",
    [
        ClaimFilter(),
        VERIFIED,
        ClaimFilter(states=("verified", "reviewed")),
        ClaimFilter(states=("verified",), evidence_statuses=("mixed",)),
    ],
)
def test_the_page_query_walks_the_primary_key(
    engine: Engine, seeded: dict[str, int], flt: ClaimFilter
) -> None:
    """Not the queue index with a sort, which re-read every matching claim past the cursor."""
    query = builder._page_query(flt, "sqlite", 0)
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "TEMP B-TREE" not in plan
    assert "ix_claim_queue" not in plan
    assert "PRIMARY KEY" in plan or "id>?" in plan


def test_the_ledger_hands_out_export_records(
    ledger_db: str, engine: Engine, seeded: dict[str, int]
) -> None:
    _verify(engine, seeded["c2"])
    ledger = Ledger.open(ledger_db, user="ann")
    try:
        records = list(ledger.export_records(VERIFIED))
    finally:
        ledger.close()
    assert [r.claim.id for r in records] == [seeded["c2"]]
    assert isinstance(records[0], ExportRecord)


def test_older_callers_get_the_json_exports_objects(engine: Engine, seeded: dict[str, int]) -> None:
    _verify(engine, seeded["c1"])
    with session_scope(engine) as s:
        plain = list(iter_records(session=s, flt=VERIFIED))
    assert [p["id"] for p in plain] == [r.claim.id for r in _records(engine, VERIFIED)]
    with session_scope(engine) as s:
        assert plain == [json_object(row) for row in builder.json_rows(session=s, flt=VERIFIED)]
    assert json.loads(json.dumps(plain))[0]["id"] == seeded["c1"]


@pytest.mark.postgres
def test_records_page_by_primary_key_on_postgresql(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimledger.db import open_ledger

    engine = open_ledger(pg_url).engine
    try:
        ids = _second_source(engine, 5)
        for cid in (ids[1], ids[4]):
            _verify(engine, cid)
        monkeypatch.setattr(builder, "PAGE", 1)
        records = _records(engine, VERIFIED)
    finally:
        engine.dispose()
    assert [r.claim.id for r in records] == [ids[1], ids[4]]
    assert all(r.verified_at and r.evidence for r in records)


def test_quantities_are_read_as_the_record_reads_them() -> None:
    """The fast path builds the same frozen Quantity as `Quantity.from_dict`, field for field."""
    stored = [
        {"text": "more than half", "value": 0.5, "kind": "share", "bound": "more_than"},
        {
            "text": "200 to 300",
            "value": 250,
            "bound": "range",
            "low": 200,
            "high": 300,
            "unit": "people",
        },
        {},
    ]
    expected = tuple(Quantity.from_dict(q) for q in stored)
    assert builder._quantities(json.dumps(stored)) == expected
    assert builder._quantities(stored) == expected
    assert builder._quantities("[]") == builder._quantities(None) == ()


def test_quantities_stored_with_white_space_or_garbage_read_as_json_reads_them() -> None:
    stored = json.dumps([{"text": "102 people", "value": 102}])
    assert builder._quantities(f" {stored}\n") == builder._quantities(stored)
    with pytest.raises(json.JSONDecodeError):
        builder._quantities(stored + " x")


def test_the_csvs_words_of_quantities_are_those_of_the_records(
    engine: Engine, seeded: dict[str, int]
) -> None:
    """Read for their words only, the CSV's quantities column is what the full records give,
    whatever a claim's stored list holds (no text, a number, non-ASCII)."""
    odd = [
        {"text": "102 people", "value": 102},
        {"value": 3},
        {"text": 7.5},
        {"text": "m\u00e1s de la mitad \u201cal menos\u201d"},
    ]
    cids = sorted(seeded.values())
    with engine.begin() as conn:
        conn.execute(
            sa.update(Claim).where(Claim.id == cids[0]).values(quantities=odd)  # type: ignore[arg-type]
        )
    with session_scope(engine) as s:
        full = list(export_records(session=s, flt=ClaimFilter()))
        rows = list(builder.csv_rows(session=s, flt=ClaimFilter()))
    assert rows[0][15] == "102 people; ?; 7.5; m\u00e1s de la mitad \u201cal menos\u201d"
    assert [r[15] for r in rows] == ["; ".join(q.text for q in r.claim.quantities) for r in full]
