"""Backups before an upgrade are taken once, of a sound ledger: a killed upgrade is retried from the
copy already taken, a damaged ledger is neither copied nor upgraded, a half-written copy never
carries a backup's name."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from claimledger.db import HEAD_REVISION, open_ledger
from claimledger.errors import LedgerError
from claimledger.service import Ledger, prepare
from old_ledgers import at_revision

ROOT = Path(__file__).resolve().parents[1]

# A child that opens (and so upgrades) a ledger and SIGKILLs itself before the Nth statement of
# the upgrade: a crash at a chosen point of the migration.
KILL_AT_STATEMENT = """
import os, signal, sys
import sqlalchemy as sa
import claimledger.db as db

ledger, at = sys.argv[1], int(sys.argv[2])
upgrade, seen = db._upgrade, []

def counting_upgrade(conn):
    def before(*_args):
        seen.append(1)
        if len(seen) >= at:
            os.kill(os.getpid(), signal.SIGKILL)
    sa.event.listen(conn, "before_cursor_execute", before)
    upgrade(conn)

db._upgrade = counting_upgrade
db.open_ledger(ledger)
print(len(seen))
"""


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger of the shipped articles at the current schema."""
    path = tmp_path_factory.mktemp("current") / "claims.db"
    ledger = Ledger.open(path, user="desk", create=True)
    try:
        for article in sorted((ROOT / "sources").glob("*.txt")):
            ledger.ingest(prepare(article))
    finally:
        ledger.close()
    return path


@pytest.fixture
def old(current: Path, tmp_path: Path) -> Path:
    """That ledger as the first release left it, in a folder of its own."""
    folder = tmp_path / "desk"
    folder.mkdir()
    return at_revision(current, "0001_initial", folder / "claims.db")


def _revision(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def _sound(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def _backups(ledger: Path) -> list[Path]:
    return sorted(ledger.parent.glob(f"{ledger.name}.bak-*"))


def _upgrade_killed_at(ledger: Path, statement: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", KILL_AT_STATEMENT, str(ledger), str(statement)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def statements(current: Path, tmp_path_factory: pytest.TempPathFactory) -> int:
    """How many statements the whole upgrade from the first schema runs."""
    ledger = at_revision(current, "0001_initial", tmp_path_factory.mktemp("count") / "claims.db")
    done = _upgrade_killed_at(ledger, 10**9)
    assert done.returncode == 0, done.stderr
    assert _revision(ledger) == HEAD_REVISION
    return int(done.stdout)


@pytest.mark.parametrize("where", [0.0, 0.25, 0.5, 0.75, 1.0])
def test_a_killed_upgrade_is_retried_from_the_one_good_backup(
    old: Path, statements: int, where: float
) -> None:
    statement = max(1, round(where * statements))  # 1.0: before the very last one
    ledger = old
    with closing(sqlite3.connect(ledger)) as conn:
        claims = conn.execute("SELECT count(*) FROM claim").fetchone()[0]
    killed = _upgrade_killed_at(ledger, statement)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _sound(ledger) and _revision(ledger) == "0001_initial"  # the old schema, whole
    [backup] = _backups(ledger)
    first = backup.read_bytes()
    killed_again = _upgrade_killed_at(ledger, statement)
    assert killed_again.returncode == -signal.SIGKILL
    assert _backups(ledger) == [backup]  # a second kill: still the one copy, as it was
    opened = open_ledger(ledger)
    opened.engine.dispose()
    assert opened.upgraded_from == "0001_initial" and opened.backup == backup
    assert _backups(ledger) == [backup] and backup.read_bytes() == first
    assert _sound(backup) and _revision(backup) == "0001_initial"
    assert _revision(ledger) == HEAD_REVISION
    with closing(sqlite3.connect(ledger)) as conn:
        assert conn.execute("SELECT count(*) FROM claim").fetchone()[0] == claims


def test_a_ledger_changed_since_its_backup_gets_a_new_one_beside_it(old: Path) -> None:
    ledger = old
    assert _upgrade_killed_at(ledger, 5).returncode == -signal.SIGKILL
    [old] = _backups(ledger)
    with closing(sqlite3.connect(ledger)) as conn, conn:  # an older claimledger went on working
        conn.execute("UPDATE claim SET review_state = 'in_review' WHERE id = 1")
    opened = open_ledger(ledger)
    opened.engine.dispose()
    assert opened.backup is not None and opened.backup != old
    assert _backups(ledger) == sorted([old, opened.backup])
    with closing(sqlite3.connect(opened.backup)) as conn:
        assert conn.execute("SELECT review_state FROM claim WHERE id = 1").fetchone()[0] == (
            "in_review"
        )


def _damage(ledger: Path) -> None:
    """Scribble over the pages of the claim table's largest index (the file stays a database)."""
    with closing(sqlite3.connect(ledger)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")  # everything in the one file
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            r[0]
            for r in conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claim'"
            )
        ]
    with open(ledger, "r+b") as f:
        for root in roots:
            f.seek((root - 1) * page_size + 8)
            f.write(os.urandom(page_size - 8))


def test_a_damaged_ledger_is_neither_copied_nor_upgraded(old: Path) -> None:
    ledger = old
    assert _upgrade_killed_at(ledger, 5).returncode == -signal.SIGKILL
    [good] = _backups(ledger)
    kept = good.read_bytes()
    _damage(ledger)
    assert not _sound(ledger)
    with pytest.raises(LedgerError, match="damaged") as caught:
        open_ledger(ledger)
    assert str(good) in str(caught.value) and "\n" not in str(caught.value)
    assert _backups(ledger) == [good] and good.read_bytes() == kept
    assert _revision(ledger) == "0001_initial"


def test_a_copy_killed_mid_backup_is_cleared_and_never_a_backup(old: Path) -> None:
    ledger = old
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    left = ledger.with_name(f".{ledger.name}.bak-0001_initial.{int(dead.stdout)}.partial")
    running = ledger.with_name(f".{ledger.name}.bak-0001_initial.{os.getppid()}.partial")
    for partial in (left, running):
        partial.write_bytes(b"half a copy")
    opened = open_ledger(ledger)
    opened.engine.dispose()
    assert not left.exists()  # its writer is gone
    assert running.exists()  # its writer may still be at work
    assert [p.name for p in _backups(ledger)] == [opened.backup.name if opened.backup else ""]
