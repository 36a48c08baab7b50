"""The CSV reads plain rows (`csv_rows`, `csv_evidence_rows`), not export records: each row holds
what the core's record of the claim holds, on both backends, verified or not, and the file the
csv module reads back holds those rows, every dangerous start neutralised."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimledger.export.records import CsvRow, ExportRecord
from claimledger.export.spreadsheet import (
    BATCH,
    CSV_COLUMNS,
    PER_EVIDENCE_COLUMNS,
    write_csv,
    write_csv_per_evidence,
)
from claimledger.records import ClaimFilter
from claimledger.service import Ledger

from .test_csv_safety import PREFIXES, _evil_row


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


def _claim_cells(record: ExportRecord) -> CsvRow:
    """What the CSV must show of a claim (before its links), from the core's whole record: the
    test's own reading of `CSV_COLUMNS`, not the exporter's."""
    claim, source, period = record.claim, record.source, record.claim.period
    return (
        claim.id, claim.quote, claim.review_state, claim.evidence_status, claim.type,
        source.label, source.title, source.url, source.published, claim.speaker, claim.score,
        claim.start, claim.end, period.start if period else None, period.end if period else None,
        "; ".join(q.text for q in claim.quantities), claim.assignee,
        record.verified_at.isoformat() if record.verified_at else None,
    )  # fmt: skip


def _expected(ledger: Ledger, flt: ClaimFilter) -> list[CsvRow]:
    rows = []
    for record in ledger.export_records(flt, publications=False):
        links = [f"{ev.stance}: {ev.url}" for ev in record.evidence]
        rows.append((*_claim_cells(record), len(links), " | ".join(links)))
    return rows


def _cells(row: tuple[Any, ...] | list[Any]) -> list[str]:
    """A row as the csv module writes it and reads it back."""
    return ["" if c is None else str(c) for c in row]


@pytest.mark.parametrize("verified", [False, True])
@pytest.mark.parametrize("states", [(), ("verified",)])
def test_each_row_holds_what_the_claims_record_holds(
    ledger: Ledger, verified: bool, states: tuple[str, ...]
) -> None:
    flt = ClaimFilter(states=states)
    rows = list(ledger.csv_rows(flt, verified=verified))
    assert rows == _expected(ledger, flt)
    assert len(rows) == (1 if states else 3)
    first = rows[0]
    assert first[-2:] == (
        2,
        "supports: https://data.example/routes | context: https://data.example/secret",
    )
    assert first[17] is not None and first[17].endswith("+00:00")  # verified_at
    if not states:
        assert rows[1][13:16] == ("2019", "2021", "30 percent; ?")


@pytest.mark.parametrize("verified", [False, True])
def test_per_evidence_rows_hold_the_claim_and_its_links_whole(
    ledger: Ledger, engine: Engine, verified: bool
) -> None:
    with ledger.tx.read() as s:
        from claimledger.export.records import csv_evidence_rows

        linked = list(csv_evidence_rows(session=s, flt=ClaimFilter(), verified=verified))
    records = list(ledger.export_records(ClaimFilter(), publications=False))
    assert [cells for cells, _ in linked] == [_claim_cells(r) for r in records]
    assert [links for _, links in linked] == [r.evidence for r in records]
    assert [len(links) for _, links in linked] == [2, 0, 0]


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
    assert rows == _expected(ledger, ClaimFilter())
    assert rows[0][-1].endswith("context: https://data.example/secret")


def test_the_file_reads_back_as_the_rows(ledger: Ledger) -> None:
    expected = _expected(ledger, ClaimFilter())
    for bom in (False, True):
        out = io.StringIO(newline="")
        assert write_csv(ledger.csv_rows(ClaimFilter()), out, bom=bom) == 3
        text = out.getvalue()
        assert text.startswith("\ufeffid,") == bom
        header, *rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
        assert header == CSV_COLUMNS
        assert rows == [_cells(r) for r in expected]


def test_the_per_evidence_file_reads_back_a_row_per_link(ledger: Ledger) -> None:
    from claimledger.export.records import csv_evidence_rows

    out = io.StringIO(newline="")
    with ledger.tx.read() as s:
        assert write_csv_per_evidence(csv_evidence_rows(session=s, flt=ClaimFilter()), out) == 3
    header, *rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert header == PER_EVIDENCE_COLUMNS
    claims = _expected(ledger, ClaimFilter())
    assert [r[:18] for r in rows] == [_cells(claims[0][:18])] * 2 + [
        _cells(c[:18]) for c in claims[1:]
    ]
    assert [r[19] for r in rows] == [
        "https://data.example/routes",
        "https://data.example/secret",
        "",
        "",
    ]
    assert rows[0][21] == "the table" and rows[2][18:] == [""] * 11


@pytest.mark.parametrize("bad", PREFIXES, ids=repr)
def test_every_dangerous_start_is_neutralised(bad: str) -> None:
    row, _ = _evil_row(bad)
    out = io.StringIO(newline="")
    assert write_csv([row], out) == 1
    [_, back] = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert back[1] == f"'{bad}1+2"  # the quote


def test_batches_mix_clean_and_dangerous_rows() -> None:
    """More rows than a batch, clean and dangerous interleaved: each neutralised where it is
    dangerous, and only there."""
    starts = [PREFIXES[n % len(PREFIXES)] if n % 3 else "x" for n in range(BATCH + 7)]
    out = io.StringIO(newline="")
    assert write_csv([_evil_row(s)[0] for s in starts], out, bom=True) == BATCH + 7
    _, *rows = list(csv.reader(io.StringIO(out.getvalue().removeprefix("\ufeff"), newline="")))
    assert [r[1] for r in rows] == [f"{s}1+2" if s == "x" else f"'{s}1+2" for s in starts]
