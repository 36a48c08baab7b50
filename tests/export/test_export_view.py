"""`Ledger.export_view`: what the review UI's export calls; the same checks as `export`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimledger.errors import InvalidValue, RecordAltered
from claimledger.records import ClaimFilter
from claimledger.service import Ledger


def test_the_filter_is_what_is_written(
    engine: Engine, seeded: dict[str, int], tmp_path: Path
) -> None:
    ledger = Ledger(engine, "ed")
    done = ledger.export_view(ClaimFilter(ids=(seeded["c2"],)), "json", tmp_path / "one.json")
    assert done.written == 1
    assert [c["id"] for c in json.loads((tmp_path / "one.json").read_text())] == [seeded["c2"]]


@pytest.mark.parametrize(
    ("fmt", "name", "message"),
    [
        ("jsonl", "x.jsonl", "unknown format"),
        ("csv", "missing/x.csv", "does not exist"),
        ("csv", ".", "is a folder"),
        ("claimreview", "x.json", "needs the publishing organisation"),
    ],
)
def test_what_cannot_be_exported_is_one_clear_error(
    engine: Engine, seeded: dict[str, int], tmp_path: Path, fmt: str, name: str, message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        Ledger(engine, "ed").export_view(ClaimFilter(), fmt, tmp_path / name)


def test_an_altered_record_is_not_exported(
    engine: Engine, seeded: dict[str, int], tmp_path: Path
) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE claim SET review_state = 'verified' WHERE id = :id"),
                     {"id": seeded["c0"]})  # fmt: skip
    with pytest.raises(RecordAltered, match="altered"):
        Ledger(engine, "ed").export_view(ClaimFilter(), "csv", tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()
