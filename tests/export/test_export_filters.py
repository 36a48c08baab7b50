"""Filters every export format shares: dates of a claim's last change, evidence status, source,
and `--since-last-export` from the ledger's memory of its exports; the order stays stable."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimledger.records import ClaimFilter
from claimledger.service import Ledger
from helpers import Cli

FORMATS = ["csv", "json", "claimreview"]


def _ids(cli: Cli, db: str, *args: str, fmt: str = "json") -> list[int]:
    result = cli("--db", db, "--user", "ann", "export", "-f", fmt, "--state", "all", *args)
    assert result.code == 0, result.err
    if fmt == "csv":
        return [int(r["id"]) for r in csv.DictReader(io.StringIO(result.out))]
    return [int(o["id"]) for o in json.loads(result.out)]


def _last_changed(engine: Engine, cid: int, when: str) -> None:
    """Move a claim's last change into the past (`updated_at` is what --since reads)."""
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE claim SET updated_at = :at WHERE id = :id"), {"at": when, "id": cid}
        )


def test_since_and_until_select_by_the_last_change(
    cli: Cli, ledger_db: str, engine: Engine, seeded: dict[str, int]
) -> None:
    c0, c1, c2 = seeded["c0"], seeded["c1"], seeded["c2"]
    _last_changed(engine, c0, "2020-01-01 23:30:00.000000")
    _last_changed(engine, c1, "2021-06-15 12:00:00.000000")
    assert _ids(cli, ledger_db, "--since", "2021-01-01", "--until", "2021-12-31") == [c1]
    assert _ids(cli, ledger_db, "--until", "2020-01-01") == [c0]  # the whole day
    assert _ids(cli, ledger_db, "--since", "2021-06-15T12:00") == [c1, c2]
    assert _ids(cli, ledger_db, "--since", "2021-06-15T12:00:01+00:00") == [c2]


@pytest.mark.parametrize("bad", ["yesterday", "2021-13-01", "2021-02-30T25:00"])
def test_a_date_that_is_no_date_is_one_line(
    cli: Cli, ledger_db: str, seeded: dict[str, int], bad: str
) -> None:
    result = cli("--db", ledger_db, "export", "--since", bad)
    assert result.code != 0 and "Traceback" not in result.err
    assert f"--since {bad!r} is not a date" in result.err


def test_until_before_since_is_refused(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    result = cli("--db", ledger_db, "export", "--since", "2022-01-02", "--until", "2022-01-01")
    assert result.code != 0 and "is not after --since" in result.err


def test_evidence_status_and_source_filter_every_format(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    ledger = Ledger.open(ledger_db, user="ann")
    try:
        ledger.review(seeded["c1"], evidence_status="supported")
    finally:
        ledger.close()
    assert _ids(cli, ledger_db, "-e", "supported") == [seeded["c1"]]
    assert _ids(cli, ledger_db, "-e", "supported", fmt="csv") == [seeded["c1"]]
    assert _ids(cli, ledger_db, "--source", "no such paper") == []
    assert len(_ids(cli, ledger_db, "--source", "City Paper")) == 3


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_since_last_export_takes_what_changed_since_that_formats_last_export(
    cli: Cli, ledger_db: str, seeded: dict[str, int], fmt: str
) -> None:
    every = sorted(seeded[c] for c in ("c0", "c1", "c2"))
    first = cli("--db", ledger_db, "--user", "ann", "export", "-f", fmt, "--state", "all",
                "--since-last-export")  # fmt: skip
    assert f"no earlier {fmt} export" in first.err
    assert _ids(cli, ledger_db, "--since-last-export", fmt=fmt) == []  # nothing changed since
    ledger = Ledger.open(ledger_db, user="ann")
    try:
        ledger.review(seeded["c1"], note="asked the transit authority")
    finally:
        ledger.close()
    assert _ids(cli, ledger_db, "--since-last-export", fmt=fmt) == [seeded["c1"]]
    assert _ids(cli, ledger_db, "--since-last-export", fmt=fmt) == []
    other = "json" if fmt == "csv" else "csv"
    assert _ids(cli, ledger_db, "--since-last-export", fmt=other) == every  # its own memory


def test_a_change_made_while_an_export_reads_is_in_the_next_one(
    ledger_db: str, seeded: dict[str, int]
) -> None:
    ledger = Ledger.open(ledger_db, user="ann")
    try:
        mark = ledger.export_mark()  # the export starts here...
        ledger.review(seeded["c2"], note="changed while the export ran")
        changed = ClaimFilter(changed_after_entry=mark)
        assert [r.claim.id for r in ledger.export_records(changed)] == [seeded["c2"]]
        assert ledger.count(changed) == 1
    finally:
        ledger.close()


def test_every_export_is_remembered(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    _ids(cli, ledger_db, "-e", "unverified", "--since", "2020-01-01", fmt="csv")
    result = cli("--db", ledger_db, "--user", "bo", "export", "-f", "json", "--since-last-export")
    assert result.code == 0, result.err
    logged = json.loads(cli("--db", ledger_db, "exports", "--json").out)
    assert [(e["format"], e["user"], e["claims"]) for e in logged] == [
        ("csv", "ann", 3),
        ("json", "bo", 0),
    ]
    assert logged[0]["filters"] == {
        "states": ["all"],
        "evidence_statuses": ["unverified"],
        "since": "2020-01-01",
    }
    assert logged[1]["filters"] == {"states": ["verified"], "since_export": None}
    assert logged[0]["history_mark"] >= 3
    listed = cli("--db", ledger_db, "exports", "-f", "json")
    assert listed.code == 0 and "json export" in listed.out and "csv export" not in listed.out


def test_jsonl_is_the_whole_ledger_and_takes_no_filter(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    result = cli("--db", ledger_db, "export", "-f", "jsonl", "--since-last-export")
    assert result.code != 0 and "filters do not apply" in result.err


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_exports_of_an_unchanged_ledger_are_the_same_bytes(
    cli: Cli, ledger_db: str, seeded: dict[str, int], fmt: str, tmp_path: Path
) -> None:
    ledger = Ledger.open(ledger_db, user="ed")
    try:
        ledger.set_publisher(org_name="Checks", url_template="https://checks.example/{id}")
        for cid in (seeded["c2"], seeded["c0"]):
            ledger.review(cid, evidence_status="supported", state="reviewed")
            ledger.review(cid, state="verified")
            ledger.publish(cid, statement="The city cut bus routes", rating="True")
    finally:
        ledger.close()
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        result = cli("--db", ledger_db, "export", "-f", fmt, "-o", str(out))
        assert result.code == 0, result.err
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text()
    assert text.index(str(seeded["c0"])) < text.rindex(str(seeded["c2"]))  # id order
