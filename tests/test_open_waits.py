"""Opening a ledger that another process is creating or upgrading waits for it, and never puts
a backup back over that process's work."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from claimledger.db import HEAD_REVISION, open_ledger
from claimledger.errors import LedgerError


@contextmanager
def write_lock_held(path: Path, seconds: float) -> Iterator[None]:
    """Another process's write transaction on the file (as a creating or upgrading claimledger
    holds one), released after `seconds`."""
    taken = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("CREATE TABLE IF NOT EXISTS other_program (x)")
        taken.set()
        time.sleep(seconds)
        conn.execute("ROLLBACK")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait()
    try:
        yield
    finally:
        thread.join()


def _version(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_a_new_ledger_being_written_elsewhere_is_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    sqlite3.connect(path).close()
    with write_lock_held(path, 1.0):
        opened = open_ledger(path, wait=20)
    opened.engine.dispose()
    assert _version(path) == HEAD_REVISION


def test_a_lock_that_outlasts_the_wait_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    open_ledger(path).engine.dispose()
    with sqlite3.connect(path) as conn:  # a ledger from before the last migration
        conn.execute("UPDATE alembic_version SET version_num = '0013_search_order'")
        conn.execute("DROP TABLE claim_key_recent")
    with write_lock_held(path, 2.0), pytest.raises(LedgerError, match="database is locked"):
        open_ledger(path, wait=0.3)
    assert _version(path) == "0013_search_order"
    opened = open_ledger(path, wait=20)  # once the lock is gone, the upgrade runs
    assert opened.upgraded_from == "0013_search_order"
    opened.engine.dispose()
    assert _version(path) == HEAD_REVISION


def test_two_processes_upgrading_at_once_upgrade_and_back_up_once(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    open_ledger(path).engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0013_search_order'")
        conn.execute("DROP TABLE claim_key_recent")
    with write_lock_held(path, 0.5), ThreadPoolExecutor(max_workers=2) as pool:
        opened = list(pool.map(lambda _: open_ledger(path, wait=20), range(2)))
    for o in opened:
        o.engine.dispose()
    assert sorted(str(o.upgraded_from) for o in opened) == ["0013_search_order", "None"]
    assert len(list(tmp_path.glob("claims.db.bak-*"))) == 1
    assert _version(path) == HEAD_REVISION
