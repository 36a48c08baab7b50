"""The CSV (one row per claim) reads plain rows (`csv_rows`), not export records, and writes them
through `write_csv_rows`: the same cells as the records give, on both backends, and the same
bytes as `write_csv`, every dangerous start neutralised."""

from __future__ import annotations

import csv
import io

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimledger.export.records import CsvRow
from claimledger.export.spreadsheet import BATCH, csv_cells, write_csv, write_csv_rows
from claimledger.records import ClaimFilter
from claimledger.service import Ledger

from .test_csv_safety import PREFIXES, _evil_record


@pytest.fixture
def ledger(engine: Engine, seeded: dict[str, int]) -> Ledger:
    """The three claims: one verified with two links, one with a period and quantities, one
    bare."""
    ledger = Ledger(engine, "ed")
    c0, c1 = seeded["c0"], seeded["c1"]
    ledger.add_evidence(c0, "https://data.example/routes", "supports", note="the table")
    ledger.add_evidence(c0, "https://data.example/secret", "context")
    ledger.review(c0, evidence_status="supported", state="reviewed")
    ledger.review(c0, state="verified")
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "UPDATE claim SET period_start = '2019', period_end = '2021', quantities = :q"
                " WHERE id = :id"
            ),
            {"q": '[{"text": "30 percent", "value": 30}, {"value": 2019}]', "id": c1},
        )
    return ledger


def _records(ledger: Ledger, flt: ClaimFilter, verified: bool) -> list[CsvRow]:
    records = ledger.export_records(flt, publications=False, verified=verified, words=True)
    return [tuple(csv_cells(r)) for r in records]


@pytest.mark.parametrize("verified", [False, True])
@pytest.mark.parametrize("states", [(), ("verified",)])
def test_the_rows_are_the_cells_of_the_records(
    ledger: Ledger, verified: bool, states: tuple[str, ...]
) -> None:
    flt = ClaimFilter(states=states)
    rows = list(ledger.csv_rows(flt, verified=verified))
    assert rows == _records(ledger, flt, verified)
    assert len(rows) == (1 if states else 3)
    first = rows[0]
    assert first[-2:] == (
        2,
        "supports: https://data.example/routes | context: https://data.example/secret",
    )
    assert first[17] is not None and first[17].endswith("+00:00")  # verified_at
    if not states:
        assert rows[1][13:16] == ("2019", "2021", "30 percent; ?")


def test_a_password_stored_in_a_link_never_reaches_the_csv(ledger: Ledger, engine: Engine) -> None:
    with engine.begin() as conn:  # an older ledger's link, as `EvidenceRecord` is given it
        conn.execute(
            sa.text("UPDATE evidence SET url = :url WHERE url = :old"),
            {
                "url": "https://ann:hunter2@data.example/secret",
                "old": "https://data.example/secret",
            },
        )
    rows = list(ledger.csv_rows(ClaimFilter()))
    assert rows == _records(ledger, ClaimFilter(), False)
    assert rows[0][-1].endswith("context: https://data.example/secret")


def test_the_file_from_rows_is_the_file_from_records(ledger: Ledger) -> None:
    for bom in (False, True):
        old, new = io.StringIO(newline=""), io.StringIO(newline="")
        write_csv(ledger.export_records(ClaimFilter(), publications=False), old, bom=bom)
        assert write_csv_rows(ledger.csv_rows(ClaimFilter()), new, bom=bom) == 3
        assert new.getvalue() == old.getvalue()


@pytest.mark.parametrize("bad", PREFIXES, ids=repr)
def test_every_dangerous_start_is_neutralised_as_write_csv_does(bad: str) -> None:
    record = _evil_record(bad)
    old, new = io.StringIO(newline=""), io.StringIO(newline="")
    write_csv([record], old)
    assert write_csv_rows([tuple(csv_cells(record))], new) == 1
    assert new.getvalue() == old.getvalue()
    [_, row] = list(csv.reader(io.StringIO(new.getvalue(), newline="")))
    assert row[1] == f"'{bad}1+2"  # the quote


def test_batches_mix_clean_and_dangerous_rows() -> None:
    """More rows than a batch, clean and dangerous interleaved: each as `write_csv` writes it."""
    records = [
        _evil_record(PREFIXES[n % len(PREFIXES)] if n % 3 else "x") for n in range(BATCH + 7)
    ]
    old, new = io.StringIO(newline=""), io.StringIO(newline="")
    write_csv(records, old, bom=True)
    rows = [tuple(csv_cells(r)) for r in records]
    assert write_csv_rows(rows, new, bom=True) == BATCH + 7
    assert new.getvalue() == old.getvalue()
