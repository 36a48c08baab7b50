"""`export` into a file verifies each page of claims as it writes it (one pass, no `verify` of its
own first): an altered record still stops it, with one line naming the claim and no file."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimledger.export import archive
from claimledger.export import records as builder
from claimledger.service import Ledger
from helpers import Cli
from proof.conftest import build

FORMATS = ("csv", "json", "claimreview", "jsonl")


def _args(fmt: str) -> list[str]:
    if fmt == "jsonl":
        return ["-f", "jsonl"]
    return [
        "-f",
        fmt,
        "--state",
        "all",
        *(["--org", "Example Checks"] if fmt == "claimreview" else []),
    ]


@pytest.fixture
def one_page_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A claim a page, and no whole-ledger check first: what is verified is verified in the pass."""
    monkeypatch.setattr(builder, "PAGE", 1)
    monkeypatch.setattr(archive, "PAGE", 1)

    def no_check_first(*args: object, **kwargs: object) -> None:
        raise AssertionError("an export into a file verifies as it writes, not before")

    monkeypatch.setattr(Ledger, "verify", no_check_first)


def _ledger(ledger_db: str, engine: Engine, tmp_path: Path) -> list[int]:
    ids = build(ledger_db, tmp_path).ids
    ledger = Ledger.open(ledger_db, user="ana")
    ledger.publish(ids[0], url="https://f.example/1", statement="102 were deported",
                   rating="False", published=True)  # fmt: skip
    ledger.close()
    return ids


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_untouched_record_exports_the_same_bytes_as_forced(
    cli: Cli, ledger_db: str, engine: Engine, tmp_path: Path, fmt: str, one_page_at_a_time: None
) -> None:
    _ledger(ledger_db, engine, tmp_path)
    checked, forced = tmp_path / f"checked.{fmt}", tmp_path / f"forced.{fmt}"
    made = cli("--db", ledger_db, "export", *_args(fmt), "-o", str(checked))
    assert made.code == 0, made.err
    assert cli("--db", ledger_db, "export", *_args(fmt), "-o", str(forced), "--force").code == 0
    assert checked.read_bytes() == forced.read_bytes() and checked.stat().st_size > 10


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_claim_altered_on_a_later_page_stops_the_export_and_leaves_no_file(
    cli: Cli, ledger_db: str, engine: Engine, tmp_path: Path, fmt: str, one_page_at_a_time: None
) -> None:
    ids = _ledger(ledger_db, engine, tmp_path)
    last = ids[-1]  # pages before it are written first
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE claim SET evidence_status = 'supported' WHERE id = :id"),
                     {"id": last})  # fmt: skip
    out = tmp_path / "out" / f"export.{fmt}"
    out.parent.mkdir()
    refused = cli("--db", ledger_db, "export", *_args(fmt), "-o", str(out))
    assert refused.code == 1
    assert refused.err.startswith("error: not exported: the ledger's record was altered")
    assert f"(claim {last}: inconsistent: its evidence status is supported" in refused.err
    assert "--force exports anyway" in refused.err and len(refused.err.splitlines()) == 1
    assert list(out.parent.iterdir()) == []  # no file, no partial file
    assert "no exports yet" in cli("--db", ledger_db, "exports").err


def test_an_altered_article_stops_the_export(
    cli: Cli, ledger_db: str, engine: Engine, tmp_path: Path, one_page_at_a_time: None
) -> None:
    _ledger(ledger_db, engine, tmp_path)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE source SET text = text || ' (edited)'"))
    out = tmp_path / "claims.csv"
    refused = cli("--db", ledger_db, "export", *_args("csv"), "-o", str(out))
    assert refused.code == 1 and "its text no longer matches its hash" in refused.err
    assert not out.exists()


def test_a_pages_folder_is_left_as_it_was(
    cli: Cli, ledger_db: str, engine: Engine, tmp_path: Path, one_page_at_a_time: None
) -> None:
    ids = _ledger(ledger_db, engine, tmp_path)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE publication SET rating = 'True' WHERE claim_id = :id"),
                     {"id": ids[0]})  # fmt: skip
    folder = tmp_path / "pages"
    folder.mkdir()
    args = [*_args("claimreview"), "--per", "page", "-o", str(folder)]
    refused = cli("--db", ledger_db, "export", *args)
    assert (
        refused.code == 1 and f"claim {ids[0]}: inconsistent: its published rating" in refused.err
    )
    assert list(folder.iterdir()) == []


def test_to_stdout_the_record_is_verified_before_anything_is_printed(
    cli: Cli, ledger_db: str, engine: Engine, tmp_path: Path
) -> None:
    ids = _ledger(ledger_db, engine, tmp_path)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE claim SET evidence_status = 'supported' WHERE id = :id"),
                     {"id": ids[-1]})  # fmt: skip
    refused = cli("--db", ledger_db, "export", *_args("csv"))
    assert refused.code == 1 and f"claim {ids[-1]}" in refused.err
    assert refused.out == ""
