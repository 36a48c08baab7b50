"""Plain driver rows store and read what SQLAlchemy would: `insert_values` converts each value by
its column's type (dates, JSON), `run` gives a built statement's rows for any list length."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimledger.db import WRITER_CACHE_KB, make_engine, write_engine
from claimledger.ledger.driver_rows import MOST_PARAMETERS, _runs, insert_values, padded, run
from claimledger.models import Claim, Source

SOURCE: sa.Table = Source.__table__  # type: ignore[attr-defined]
CLAIM: sa.Table = Claim.__table__  # type: ignore[attr-defined]


def _source(n: int, at: datetime) -> dict[str, object]:
    return {
        "path": f"a{n}.txt",
        "content_hash": f"hash{n}",
        "outlet": "City Paper" if n % 2 else None,
        "title": None,
        "author": None,
        "published": "2024-05",
        "url": None,
        "genre": "news",
        "text": f"Text {n}: ünïcode “quotes”.",
        "ingested_at": at,
    }


def _claim(source_id: int, n: int, at: datetime) -> dict[str, object]:
    return {
        "source_id": source_id,
        "quote": f"Rents rose {n} percent.",
        "start": 0,
        "end": 10 + n,
        "prefix": "",
        "suffix": " and more",
        "type": "quantity",
        "speaker": None,
        "score": 0.8125,
        "quantities": [{"value": 3.5 + n, "unit": "percent", "text": "3.5 %"}] if n else [],
        "period_start": "2023-01-01" if n else None,
        "period_end": None,
        "fingerprint": f"f{n}",
        "origin": "extracted",
        "review_state": "new",
        "evidence_status": "unverified",
        "version": 1,
        "created_at": at,
        "updated_at": at + timedelta(seconds=n),
    }


def _raw(engine: Engine, table: str) -> list[tuple[object, ...]]:
    """The rows as the database holds them (no column types applied on the way back)."""
    with engine.connect() as conn:
        cursor = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")
        return [tuple(row[1:]) for row in cursor]  # all but the id


def _twice(engine: Engine, table: sa.Table, rows: list[dict[str, object]]) -> None:
    """The rows written by SQLAlchemy, then the same rows by `insert_values`."""
    columns = list(rows[0])
    with write_engine(engine).begin() as conn:
        conn.execute(table.insert(), rows)
        insert_values(conn, table, columns, [tuple(r[c] for c in columns) for r in rows])


def test_sources_are_stored_as_sqlalchemy_stores_them(engine: Engine) -> None:
    """Dates given in UTC, in another zone and without one are converted alike."""
    at = datetime(2024, 5, 1, 12, 30, 15, 123456, tzinfo=UTC)
    elsewhere = at.astimezone(timezone(timedelta(hours=-5)))
    naive = at.replace(tzinfo=None)
    first = [_source(1, at), _source(2, elsewhere), _source(3, naive)]
    second = [{**r, "content_hash": f"{r['content_hash']}b"} for r in first]
    columns = list(first[0])
    with write_engine(engine).begin() as conn:
        conn.execute(SOURCE.insert(), first)
        insert_values(conn, SOURCE, columns, [tuple(r[c] for c in columns) for r in second])
    rows = _raw(engine, "source")
    assert len(rows) == 6
    hash_at = columns.index("content_hash")
    for by_sqlalchemy, by_driver in zip(rows[:3], rows[3:], strict=True):
        assert by_driver[:hash_at] + by_driver[hash_at + 1 :] == (
            by_sqlalchemy[:hash_at] + by_sqlalchemy[hash_at + 1 :]
        )
    assert len({r[columns.index("ingested_at")] for r in rows}) == 1  # one instant, stored alike


def test_claims_with_json_and_shared_timestamps_are_stored_alike(engine: Engine) -> None:
    at = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
    with write_engine(engine).begin() as conn:
        conn.execute(SOURCE.insert(), [_source(1, at)])
    _twice(engine, CLAIM, [_claim(1, n, at) for n in range(4)])  # one `at` object, four rows
    rows = _raw(engine, "claim")
    assert rows[:4] == rows[4:]
    updated = [r[list(_claim(1, 0, at)).index("updated_at")] for r in rows[4:]]
    assert len(set(updated)) == 4  # a value that changes from row to row is converted each time


def test_insert_values_of_no_rows_writes_nothing(engine: Engine) -> None:
    with write_engine(engine).begin() as conn:
        insert_values(conn, SOURCE, ["path"], [])
    assert _raw(engine, "source") == []


@pytest.mark.parametrize("n", [3, 40])
def test_run_reads_what_sqlalchemy_reads(engine: Engine, n: int) -> None:
    at = datetime(2024, 5, 1, tzinfo=UTC)
    with write_engine(engine).begin() as conn:
        conn.execute(SOURCE.insert(), [_source(i, at) for i in range(1, 51)])
    ids: sa.BindParameter[list[int]] = sa.bindparam("ids", expanding=True)
    stmt = sa.select(SOURCE.c.id, SOURCE.c.path).where(
        SOURCE.c.id.in_(ids), SOURCE.c.genre == "news", SOURCE.c.outlet.is_not(None)
    )
    wanted = padded(list(range(2, 2 + n)))
    with engine.connect() as conn:
        expected = [tuple(r) for r in conn.execute(stmt.order_by(SOURCE.c.id), {"ids": wanted})]
        got = sorted(run(conn, stmt, {"ids": wanted}))
        again = sorted(run(conn, stmt, {"ids": padded([5, 7])}))  # another length
    assert got == expected and len(got) == n // 2  # the odd ids: those with an outlet
    assert again == [(5, "a5.txt"), (7, "a7.txt")]


def test_run_of_a_change_returns_no_rows_and_changes(engine: Engine) -> None:
    at = datetime(2024, 5, 1, tzinfo=UTC)
    with write_engine(engine).begin() as conn:
        conn.execute(SOURCE.insert(), [_source(i, at) for i in range(1, 6)])
        stmt = sa.delete(SOURCE).where(SOURCE.c.id.in_(sa.bindparam("ids", expanding=True)))
        assert run(conn, stmt, {"ids": padded([2, 4])}) == []
    assert [r[0] for r in _raw(engine, "source")] == ["a1.txt", "a3.txt", "a5.txt"]


@pytest.mark.sqlite_only("SQLite's page cache")
def test_a_connection_that_writes_keeps_a_larger_page_cache(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    reader = make_engine(url)
    try:
        with reader.begin() as conn:
            read_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        with write_engine(reader).begin() as conn:
            write_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    finally:
        reader.dispose()
    assert read_cache != -WRITER_CACHE_KB
    assert write_cache == -WRITER_CACHE_KB


@pytest.mark.parametrize(("count", "width"), [(1, 19), (28, 19), (53, 19), (1100, 2)])
def test_rows_together_come_in_runs_that_fit_a_statement(count: int, width: int) -> None:
    runs = list(_runs(count, width))
    assert [s for s, _ in runs] == [sum(n for _, n in runs[:i]) for i in range(len(runs))]
    assert sum(n for _, n in runs) == count
    assert all(n & (n - 1) == 0 and n * width <= MOST_PARAMETERS for _, n in runs)


@pytest.mark.parametrize("count", [1, 5, 600])
def test_rows_together_are_stored_as_rows_one_by_one(engine: Engine, count: int) -> None:
    """Runs of rows a statement, in order: the same rows, the same ids, as a row a statement."""
    at = datetime(2024, 5, 1, tzinfo=UTC)
    rows = [_source(i, at) for i in range(count)]
    columns = list(rows[0])
    with write_engine(engine).begin() as conn:
        insert_values(conn, SOURCE, columns, [tuple(r[c] for c in columns) for r in rows])
    one_by_one = _raw(engine, "source")
    with write_engine(engine).begin() as conn:
        conn.exec_driver_sql("DELETE FROM source")
        together = [tuple(r[c] for c in columns) for r in rows]
        insert_values(conn, SOURCE, columns, together, together=True)
    assert _raw(engine, "source") == one_by_one
    with engine.connect() as conn:
        ids = [i for (i,) in conn.exec_driver_sql("SELECT id FROM source ORDER BY path")]
    by_path = sorted(range(count), key=lambda i: f"a{i}.txt")
    assert [ids[by_path.index(i)] for i in range(count)] == sorted(ids)  # ids in the order given
