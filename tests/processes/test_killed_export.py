"""An export killed outright (SIGKILL) mid-write leaves its hidden partial file; the next export to
the same file removes it. (The ledger is synthetic: its history is not chained, so --force.)"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from claimledger.export.files import partial_files
from helpers import Cli

ROOT = Path(__file__).resolve().parents[2]
COMMAND = [sys.executable, "-c", "from claimledger.cli import main; main()"]
CLAIMS = 20_000


def _large_ledger(db: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_ledger", ROOT / "benchmarks" / "make_ledger.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make_ledger(db, CLAIMS, seed=5)


def test_the_next_export_removes_what_a_sigkilled_export_left(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    _large_ledger(db)
    target = tmp_path / "out" / "claims.json"
    target.parent.mkdir()
    proc = subprocess.Popen(
        [*COMMAND, "--db", str(db), "export", "--force", "--state", "all", "-o", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            partial = partial_files(target)
            if partial and partial[0].stat().st_size > 0:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the export ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    [left] = partial_files(target)
    assert left.stat().st_size > 0 and not target.exists()

    result = cli("--db", str(db), "export", "--force", "--state", "verified", "-o", str(target))
    assert result.code == 0, result.err
    assert os.listdir(target.parent) == ["claims.json"]
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported and all(row["review_state"] == "verified" for row in exported)
