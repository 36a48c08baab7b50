"""A disk that fills during an ingest: one line that says what was stored, and a ledger that
verifies, holding each article whole or not at all."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from helpers import Cli

PAGES = 600
"""Pages the ledger may grow to (4 KB each): room for a few of the articles below, not all."""


def _article(n: int) -> str:
    lines = [f"Council report {n}", ""]
    for i in range(40):
        lines.append(
            f"In {2000 + i % 20}, the city of Town{n} spent ${n * 100 + i} million on "
            f"{i + 3} new schools for {1000 + i * n} pupils, officials said in report {n}-{i}."
        )
        lines.append("")
    return "\n".join(lines)


def _fill_at(monkeypatch: pytest.MonkeyPatch, pages: int) -> None:
    """The ledger's file cannot grow past `pages` pages, as on a full disk (SQLITE_FULL)."""
    from claimledger import db

    connect = db._sqlite_connect

    def limited(conn: sqlite3.Connection, record: object) -> None:
        connect(conn, record)
        conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(db, "_sqlite_connect", limited)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    _fill_at(monkeypatch, PAGES)


def test_a_full_disk_stops_ingest_in_one_line_and_keeps_what_was_stored(
    cli: Cli, tmp_path: Path, full_disk: None
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(60):
        (folder / f"a{n:03}.txt").write_text(_article(n), encoding="utf-8")
    db = str(tmp_path / "l.db")
    result = cli("--db", db, "ingest", str(folder))
    assert result.code == 1
    assert result.err.count("\n") == 1, result.err
    assert (
        "full" in result.err and "stopped after" in result.err and "of 60 article(s)" in result.err
    )
    stored = int(result.err.split("stopped after ")[1].split(" ")[0])
    assert 0 < stored < 60
    listed = cli("--db", db, "claims", "--json", "--limit", "0")
    assert listed.code == 0, listed.err
    sources = json.loads(listed.out)
    assert len({c["source"] for c in sources}) == stored  # each stored article whole, no other
    assert cli("--db", db, "verify").code == 0


def test_a_full_disk_stops_an_evidence_import_in_one_line_saying_what_is_stored(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(_article(1), encoding="utf-8")
    db = tmp_path / "l.db"
    assert cli("--db", str(db), "ingest", str(folder)).code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    entries = [
        {
            "source": "a.txt",
            "claim": "spent $100 million on 3 new schools",
            "url": f"https://data.example/report/{n}",
            "stance": "supports",
            "note": "x" * 500,
        }
        for n in range(1000)
    ]
    file = tmp_path / "evidence.json"
    file.write_text(json.dumps({"evidence": entries}), encoding="utf-8")
    _fill_at(monkeypatch, pages + 200)  # room for a batch or two of notes, not five
    result = cli("--db", str(db), "evidence", "import", str(file))
    assert result.code == 1
    assert result.err.count("\n") == 1, result.err
    assert (
        "full" in result.err and "stopped after" in result.err and "of 1000 entries" in result.err
    )
    stored = int(result.err.split("stopped after ")[1].split(" ")[0])
    assert 0 < stored < 1000
    monkeypatch.undo()  # room again: the same command adds the rest
    again = cli("--db", str(db), "evidence", "import", str(file))
    assert again.code == 0, again.err
    assert again.out.startswith(f"{1000 - stored} added, {stored} already there")
    assert cli("--db", str(db), "verify").code == 0
