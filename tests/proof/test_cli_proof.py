"""`user`, `rules`, `verify`, `backup`, `restore` and the export's refusal, as a person runs them."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimledger.service import Ledger
from helpers import Cli
from proof.conftest import build


def _ledger(tmp_path: Path) -> tuple[Path, list[int]]:
    db = tmp_path / "desk.db"
    built = build(f"sqlite:///{db}", tmp_path)
    return db, built.ids


def test_people_are_added_listed_and_checked(cli: Cli, tmp_path: Path) -> None:
    db, ids = _ledger(tmp_path)
    first = cli("--db", str(db), "--user", "ana", "user", "add", "intern", "--role", "checker")
    assert first.code == 1 and "first person on a ledger must be an admin" in first.err
    assert cli("--db", str(db), "--user", "ana", "user", "add", "ana", "--role", "admin").code == 0
    added = cli("--db", str(db), "--user", "ana", "user", "add", "intern", "--role", "checker")
    assert added.code == 0 and "intern: checker" in added.out
    listing = cli("--db", str(db), "--user", "intern", "user", "list")
    assert "* intern" in listing.out and "you: intern (checker)" in listing.out
    refused = cli("--db", str(db), "--user", "intern", "review", str(ids[1]), "--state", "verified")
    assert refused.code == 1
    assert (
        refused.err.startswith("error: intern is a checker") and len(refused.err.splitlines()) == 1
    )
    stranger = cli("--db", str(db), "--user", "mallory", "review", str(ids[2]), "--note", "hi")
    assert stranger.code == 1 and "user add mallory" in stranger.err


def test_rules_are_shown_and_set(cli: Cli, tmp_path: Path) -> None:
    db, _ = _ledger(tmp_path)
    shown = cli("--db", str(db), "rules")
    assert "separate_verifier    off" in shown.out
    assert cli("--db", str(db), "rules", "separate-verifier", "on").code == 0
    assert "separate_verifier    on" in cli("--db", str(db), "rules").out
    bad = cli("--db", str(db), "rules", "separate_verifier", "maybe")
    assert bad.code == 1 and "on or off" in bad.err


def _flip(db: Path, claim_id: int) -> None:
    with sqlite3.connect(db) as con:
        con.execute("UPDATE claim SET evidence_status = 'supported' WHERE id = ?", (claim_id,))


def test_verify_passes_then_names_the_edit(cli: Cli, tmp_path: Path) -> None:
    db, ids = _ledger(tmp_path)
    good = cli("--db", str(db), "verify")
    assert good.code == 0 and ": ok" in good.out and "checkpoint " in good.out
    checkpoint = good.out.split("checkpoint ")[1].split()[0]
    _flip(db, ids[0])
    bad = cli("--db", str(db), "verify")
    assert bad.code == 1
    assert f"claim {ids[0]}: inconsistent: its evidence status is supported" in bad.out
    assert cli("--db", str(db), "verify", "--checkpoint", checkpoint).code == 1
    wrong = cli("--db", str(db), "verify", "--checkpoint", "12:abc")
    assert wrong.code == 1 and "ENTRY:DIGEST" in wrong.err


def test_an_export_refuses_an_altered_record_unless_forced(cli: Cli, tmp_path: Path) -> None:
    db, ids = _ledger(tmp_path)
    out = tmp_path / "review.json"
    page = ["--url", "https://f.example/1", "--statement", "102 were deported", "--rating", "False"]
    assert cli("--db", str(db), "publish", str(ids[0]), *page).code == 0
    args = ["--db", str(db), "export", "-f", "claimreview", "--org", "Example Checks"]
    made = cli(*args, "-o", str(out))
    assert made.code == 0, made.err
    published = out.read_text()
    assert '"alternateName": "False"' in published
    with sqlite3.connect(db) as con:  # the verdict flipped behind the ledger's back
        con.execute("UPDATE publication SET rating = 'True'")
    refused = cli(*args, "-o", str(out))
    assert refused.code == 1 and "not exported: the ledger's record was altered" in refused.err
    assert "published rating is 'True', but its history says 'False'" in refused.err
    assert out.read_text() == published  # the earlier file is untouched
    assert cli(*args, "-o", str(out), "--force").code == 0


def test_backup_while_someone_writes_and_restore(cli: Cli, tmp_path: Path) -> None:
    db, ids = _ledger(tmp_path)
    stop = threading.Event()

    def write() -> None:
        ledger = Ledger.open(db, user="bo")
        n = 0
        while not stop.is_set():
            n += 1
            ledger.review(ids[2], note=f"note {n}")
        ledger.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copy = tmp_path / "backup.db"
        made = cli("--db", str(db), "backup", str(copy))
    finally:
        stop.set()
        writer.join()
    assert made.code == 0, made.err
    assert cli("--db", str(copy), "verify").code == 0  # a consistent snapshot
    again = cli("--db", str(db), "backup", str(copy))
    assert again.code == 1 and "--replace" in again.err
    notes_then = len(Ledger.open(copy, create=False).history(ids[2]))
    Ledger.open(db, user="bo").review(ids[2], note="after the backup")
    restored = cli("--db", str(db), "restore", str(copy), "--yes")
    assert restored.code == 0, restored.err
    assert len(Ledger.open(db, create=False).history(ids[2])) == notes_then
    kept = list(tmp_path.glob("desk.db.before-restore-*"))
    assert kept and cli("--db", str(kept[0]), "verify").code == 0


@pytest.mark.postgres
def test_backup_of_a_postgresql_ledger_is_a_sqlite_file(
    cli: Cli, pg_url: str, tmp_path: Path
) -> None:
    built = build(pg_url, tmp_path)
    copy = tmp_path / "desk-backup.db"
    assert cli("--db", pg_url, "backup", str(copy)).code == 0
    assert cli("--db", str(copy), "verify").code == 0
    engine = sa.create_engine(f"sqlite:///{copy}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM claim")).scalar() == len(built.ids)
    engine.dispose()


def test_an_older_ledger_is_sealed_on_upgrade(cli: Cli, tmp_path: Path) -> None:
    from alembic import command

    from claimledger.db import _alembic_config, make_engine, write_engine

    db, _ = _ledger(tmp_path)
    engine = make_engine(f"sqlite:///{db}")
    cfg = _alembic_config()
    with write_engine(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006_source_genre")
    engine.dispose()
    result = cli("--db", str(db), "verify")
    assert result.code == 0, result.out + result.err
    assert "upgraded the ledger from schema 0006_source_genre" in result.err


@pytest.mark.parametrize("revision", ["0001_initial", "0002_fts", "0006_source_genre"])
def test_a_ledger_from_any_earlier_schema_verifies_after_its_upgrade(
    cli: Cli, tmp_path: Path, revision: str
) -> None:
    from old_ledgers import at_revision

    db, ids = _ledger(tmp_path)  # claims with several history entries each
    old = at_revision(db, revision, tmp_path / f"old-{revision}.db")
    result = cli("--db", str(old), "verify")
    assert result.code == 0, result.out + result.err
    assert len(Ledger.open(old, create=False).history(ids[0])) > 3
