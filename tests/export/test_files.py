"""An export file is whole or absent: failed and killed exports leave no partial file behind."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from claimledger.export import remove_stale_partials, whole_file
from claimledger.export.files import partial_files
from helpers import Cli


def test_a_finished_export_leaves_only_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with whole_file(target) as out:
        out.write("[]\n")
        assert partial_files(target) and not target.exists()
    assert target.read_text() == "[]\n"
    assert os.listdir(tmp_path) == ["out.json"]


def test_a_failed_export_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(RuntimeError), whole_file(target) as out:
        out.write("[")
        raise RuntimeError("the ledger went away")
    assert os.listdir(tmp_path) == []


def test_a_failed_export_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt), whole_file(target):
        raise KeyboardInterrupt
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.json"]


def _killed_export(target: Path) -> Path:
    """An export killed (SIGKILL) halfway through writing: its partial file stays."""
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from claimledger.export import whole_file\n"
        "with whole_file(Path(sys.argv[1])) as out:\n"
        "    out.write('[half')\n"
        "    out.flush()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(target)], check=False)
    assert proc.returncode == -signal.SIGKILL
    [left] = partial_files(target)
    assert left.read_text() == "[half"
    return left


def test_the_next_export_removes_what_a_killed_one_left(
    cli: Cli, ledger_db: str, seeded: dict[str, int], tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "desk.csv"
    _killed_export(target)
    result = cli("--db", ledger_db, "export", "-f", "csv", "--state", "all", "-o", str(target))
    assert result.code == 0
    assert os.listdir(target.parent) == ["desk.csv"]
    assert target.read_text(encoding="utf-8").count("\n") == 4


def test_the_old_fixed_partial_name_is_removed_too(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    old = tmp_path / ".out.json.partial"
    old.write_text("[half")
    assert remove_stale_partials(target) == [old]
    assert not old.exists()


def test_other_targets_partials_are_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / ".out.json.0badcafe.partial"
    others = [tmp_path / ".out.json.x.0badcafe.partial", tmp_path / ".other.json.0badcafe.partial"]
    for path in [mine, *others]:
        path.write_text("[half")
    assert remove_stale_partials(tmp_path / "out.json") == [mine]
    assert all(p.exists() for p in others)


def test_an_export_still_running_keeps_its_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    running = tmp_path / ".out.json.0badcafe.partial"
    fd = os.open(running, os.O_WRONLY | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with whole_file(target) as out:
            out.write("[]")
        assert running.exists() and target.read_text() == "[]"
    finally:
        os.close(fd)
    assert remove_stale_partials(target) == [running]
