"""`claimledger db copy`: a ledger to PostgreSQL and back, every row and id as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimledger.ledger import claim_keys as keys_table
from claimledger.records import ClaimFilter, Order
from claimledger.service import Ledger
from helpers import Cli

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("source", "claim", "claim_anchor", "evidence", "history", "claim_match")


def _rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows as the ledger reads them back, by id."""
    ledger = Ledger.open(url, user="check", create=False)
    engine = ledger.tx.engine
    from sqlmodel import SQLModel

    out = {}
    with engine.connect() as conn:
        for name in TABLES:
            table = SQLModel.metadata.tables[name]
            out[name] = [tuple(r) for r in conn.execute(sa.select(table).order_by(table.c.id))]
        for name in keys_table.TABLES:  # the blocking keys, each in the table it was in
            out[name] = sorted(tuple(r) for r in conn.execute(sa.text(f"SELECT * FROM {name}")))
    ledger.close()
    return out


@pytest.fixture
def worked_ledger(cli: Cli, tmp_path: Path) -> Path:
    """The shipped articles, ingested, with a review, a note and evidence: a ledger in use."""
    db = tmp_path / "desk.db"
    assert cli("--db", str(db), "--user", "ann", "ingest", str(ROOT / "sources")).code == 0
    assert (
        cli("--db", str(db), "review", "5", "--state", "in_review", "--note", "café owner").code
        == 0
    )
    assert (
        cli("--db", str(db), "evidence", "add", "5", "https://example.org/r", "--no-fetch").code
        == 0
    )
    return db


@pytest.mark.postgres
def test_a_round_trip_through_postgresql_keeps_every_row(
    cli: Cli, worked_ledger: Path, pg_url: str, tmp_path: Path
) -> None:
    back = tmp_path / "back.db"
    there = cli("db", "copy", str(worked_ledger), pg_url)
    assert there.code == 0, there.err
    assert "122 claim" in there.out or " claim" in there.out
    home = cli("db", "copy", pg_url, str(back))
    assert home.code == 0, home.err
    original = _rows(f"sqlite:///{worked_ledger}")
    assert _rows(pg_url) == original
    assert _rows(f"sqlite:///{back}") == original

    def searched(url: str, order: Order) -> list[int]:
        ledger = Ledger.open(url, user="ann", create=False)
        try:
            return [r.id for r in ledger.rows(ClaimFilter(text="the"), order, limit=40)]
        finally:
            ledger.close()

    orders: tuple[Order, ...] = ("queue", "id")
    in_order = {o: searched(f"sqlite:///{worked_ledger}", o) for o in orders}
    assert len(in_order["queue"]) == 40 and in_order["queue"] != in_order["id"]
    for url in (pg_url, f"sqlite:///{back}"):  # search works on each copy, notes included
        assert {o: searched(url, o) for o in orders} == in_order  # in the same order
        ledger = Ledger.open(url, user="ann", create=False)
        assert [r.id for r in ledger.rows(ClaimFilter(text="cafe owner"))] == [5]
        # new rows get new ids: the sequences were moved past the copied ones
        assert ledger.apply([5], "note", "after the move").changes
        ledger.close()


def test_copy_refuses_a_target_that_is_not_empty_unless_told(
    cli: Cli, worked_ledger: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    assert cli("db", "copy", str(worked_ledger), str(target)).code == 0
    again = cli("db", "copy", str(worked_ledger), str(target))
    assert again.code == 1
    assert again.err.startswith("error: the target ledger is not empty")
    replaced = cli("db", "copy", str(worked_ledger), str(target), "--replace")
    assert replaced.code == 0 and replaced.out.startswith("replaced the target")
    assert _rows(f"sqlite:///{target}") == _rows(f"sqlite:///{worked_ledger}")
    with sqlite3.connect(target) as conn:  # the copy's own full-text index was built
        hits = conn.execute("SELECT rowid FROM claim_fts WHERE claim_fts MATCH 'cafe'").fetchall()
    assert hits == [(5,)]


def test_copy_from_a_missing_ledger_is_one_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("db", "copy", str(tmp_path / "nope.db"), str(tmp_path / "t.db"))
    assert result.code == 1
    assert result.err.startswith("error: no ledger at")
    assert not (tmp_path / "t.db").exists()
