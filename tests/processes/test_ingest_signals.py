"""Killing `claimledger ingest` (SIGKILL, SIGTERM, Ctrl-C) leaves no worker behind, no pipe held
open, and a ledger that opens and passes SQLite's integrity check."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimledger.ledger.ingest import PARALLEL_FROM, prepare_many
from helpers import Cli
from proctree import left_behind, make_articles, wait_for_members

ARTICLES = 200
COMMAND = [sys.executable, "-c", "from claimledger.cli import main; main()"]

pytestmark = pytest.mark.skipif(
    (os.cpu_count() or 1) < 2, reason="ingest uses worker processes only on two cores or more"
)


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM source").fetchone()[0])
    except sqlite3.Error:  # not created yet
        return 0


def _start_ingest(tmp_path: Path) -> tuple[subprocess.Popen[str], Path]:
    folder = tmp_path / "articles"
    make_articles(folder, ARTICLES)
    db = tmp_path / "claims.db"
    proc = subprocess.Popen(
        [*COMMAND, "--db", str(db), "--user", "desk", "ingest", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        process_group=0,  # its own group, as a shell gives a job: its workers are found by it
        # a shell's background job may ignore Ctrl-C: this one takes it, as in a terminal
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    return proc, db


def _wait_mid_ingest(proc: subprocess.Popen[str], db: Path) -> list[int]:
    """Wait until the workers run and an article is stored; the workers' pids."""
    members = wait_for_members(proc.pid, 2)
    workers = [p.pid for p in members if p.pid != proc.pid]
    assert workers, "ingest started no worker process"
    deadline = time.monotonic() + 120
    while _stored(db) < 1 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest ended before it could be interrupted"
    return workers


def _assert_ledger_sound(cli: Cli, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    listed = cli("--db", str(db), "claims", "--json")
    assert listed.code == 0, listed.err
    assert isinstance(json.loads(listed.out), list)


@pytest.mark.parametrize(
    ("how", "code"),
    [("SIGKILL", -signal.SIGKILL), ("SIGTERM", 128 + signal.SIGTERM), ("SIGINT", 130)],
)
def test_a_stopped_ingest_leaves_no_worker(cli: Cli, tmp_path: Path, how: str, code: int) -> None:
    proc, db = _start_ingest(tmp_path)
    try:
        workers = _wait_mid_ingest(proc, db)
        if sys.platform == "linux":  # the workers do not hold the caller's stdout or stderr
            held = {os.readlink(f"/proc/{pid}/fd/{fd}") for pid in workers for fd in (1, 2)}
            assert held == {os.devnull}
        if how == "SIGINT":
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the terminal signals the whole group
        else:
            proc.send_signal(getattr(signal, how))
        # returns only once every holder of the pipes has let go of them
        _out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == code, err
    if how != "SIGKILL":
        assert err.count("\n") == 1 and err.startswith("error: interrupted after "), err
        assert "Traceback" not in err
    assert left_behind(proc.pid) == []
    _assert_ledger_sound(cli, db)


def test_leaving_the_loop_early_stops_the_workers(tmp_path: Path) -> None:
    import multiprocessing

    files = make_articles(tmp_path / "articles", PARALLEL_FROM * 4)
    results = prepare_many(files, workers=2)
    next(results)
    assert len(multiprocessing.active_children()) == 2
    results.close()
    assert multiprocessing.active_children() == []


def test_ctrl_c_while_waiting_for_a_worker_stops_them_all(tmp_path: Path) -> None:
    import multiprocessing

    files = make_articles(tmp_path / "articles", PARALLEL_FROM * 4)
    results = prepare_many(files, workers=2)
    next(results)
    with pytest.raises(KeyboardInterrupt):
        results.throw(KeyboardInterrupt)  # where Ctrl-C lands: the caller waits on a worker
    assert multiprocessing.active_children() == []
