"""The kill loop: SIGKILL at random moments of ingest, bulk review, export and an automatic upgrade
from every earlier schema; after each kill the ledger is sound, opens, proves its record, and no
process of the killed command is left.

After each kill:
- SQLite's `PRAGMA integrity_check` is ok;
- the ledger opens: `claimledger claims --json` exits 0 with a JSON list (a killed upgrade is
  finished here, as the next command of a user would), and the claims an upgrade started from
  are all there;
- `claimledger verify` passes (hash chain and every claim's state rebuilt from its history);
- no process of the killed command's process group is alive (its ingest workers included);
- after a killed export, the next export to the same file leaves no partial file;
- after a killed upgrade, its retry leaves exactly one backup, of the old schema, sound.

The moments are random, seeded; the seed is printed and named in every failure
(`KILL_LOOP_SEED=N` replays a run). Commands are forked from a warmed-up launcher (see
launcher.py) so that the loop stays within its time.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from claimledger.export.files import partial_files
from old_ledgers import at_revision, earlier_revisions
from proctree import group_members, left_behind, make_articles

LAUNCHER = Path(__file__).with_name("launcher.py")
ARTICLES = 20  # past the size where ingest starts its worker processes
BULK_ROUNDS = 2
KILLS = {"ingest": 14, "bulk review": 12, "export": 12, "upgrade": 2}  # upgrade: per schema

pytestmark = pytest.mark.kill_loop


class Launcher:
    """The warmed-up process that forks the commands under test (see launcher.py)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.proc = subprocess.Popen(
            [sys.executable, str(LAUNCHER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "CLAIMLEDGER_OFFLINE": "1", "CLAIMLEDGER_USER": "desk"},
        )
        self.n = 0

    def _ask(self, request: dict[str, object]) -> dict[str, int]:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        assert isinstance(reply, dict) and "error" not in reply, reply
        return reply

    def start(self, *argv: str, cwd: Path) -> tuple[int, Path, Path]:
        """A command started; its pid and the files of its stdout and stderr."""
        self.n += 1
        out, err = self.folder / f"{self.n}.out", self.folder / f"{self.n}.err"
        reply = self._ask(
            {"op": "run", "argv": list(argv), "cwd": str(cwd), "out": str(out), "err": str(err)}
        )
        return reply["pid"], out, err

    def start_bulk(self, db: Path, rounds: int) -> int:
        self.n += 1
        err = self.folder / f"{self.n}.err"
        return self._ask(
            {"op": "bulk", "db": str(db), "cwd": str(db.parent), "rounds": rounds, "err": str(err)}
        )["pid"]

    def wait(self, pid: int) -> int:
        return self._ask({"op": "wait", "pid": pid})["status"]

    def run(self, *argv: str, cwd: Path) -> tuple[int, str, str]:
        """A command run to its end: exit status, stdout, stderr."""
        pid, out, err = self.start(*argv, cwd=cwd)
        status = self.wait(pid)
        return status, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8")

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


@dataclass
class Tally:
    seed: int
    kills: Counter[str] = field(default_factory=Counter)
    mid_work: Counter[str] = field(default_factory=Counter)
    """Kills that landed while the command was at work (ingest: with its workers running)."""
    left: int = 0
    bricked: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def where(self, what: str, n: int) -> str:
        return f"{what} kill {n} (KILL_LOOP_SEED={self.seed})"


@pytest.fixture
def launcher(tmp_path: Path) -> Iterator[Launcher]:
    logs = tmp_path / "logs"
    logs.mkdir()
    started = Launcher(logs)
    yield started
    started.close()


def _integrity(db: Path) -> str:
    with closing(sqlite3.connect(db)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def _revision(db: Path) -> str:
    with closing(sqlite3.connect(db)) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def _claims(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM claim").fetchone()[0])


def _timed(launcher: Launcher, *argv: str, cwd: Path) -> float:
    """How long the command takes, run to its end (the range the kills are drawn from)."""
    started = time.monotonic()
    status, _out, err = launcher.run(*argv, cwd=cwd)
    assert status == 0, err
    return time.monotonic() - started


def _kill_after(launcher: Launcher, pid: int, delay: float) -> tuple[int, int]:
    """SIGKILL the command `delay` seconds after it started; its exit status and how many
    processes its group had at that moment."""
    time.sleep(delay)
    members = len(group_members(pid))
    os.kill(pid, signal.SIGKILL)
    return launcher.wait(pid), members


def _check_after_kill(
    launcher: Launcher,
    db: Path,
    tally: Tally,
    what: str,
    pid: int,
) -> None:
    where = tally.where(what, tally.kills[what])
    left = left_behind(pid)
    tally.left += len(left)
    assert left == [], f"{where}: processes left behind: {left}"
    if not db.exists():  # killed before it created the ledger
        return
    assert _integrity(db) == "ok", f"{where}: integrity check failed"
    status, out, err = launcher.run("--db", str(db), "claims", "--json", cwd=db.parent)
    if status != 0:
        tally.bricked += 1
    assert status == 0, f"{where}: the ledger does not open: {err}"
    assert isinstance(json.loads(out), list), where
    status, out, err = launcher.run("--db", str(db), "verify", cwd=db.parent)
    assert status == 0, f"{where}: verify fails: {out} {err}"


def _prepared_ledger(launcher: Launcher, folder: Path) -> Path:
    """The shipped articles and their evidence: what bulk review, export and upgrade work on."""
    db = folder / "base.db"
    sources = Path(__file__).resolve().parents[2] / "sources"
    for argv in (("ingest", str(sources)), ("evidence", "import", str(sources / "evidence.json"))):
        status, _out, err = launcher.run("--db", str(db), *argv, cwd=folder)
        assert status == 0, err
    return db


def test_sigkill_at_random_moments_never_bricks_a_ledger_or_leaves_a_process(
    launcher: Launcher, tmp_path: Path
) -> None:
    began = time.monotonic()
    seed = int(os.environ.get("KILL_LOOP_SEED") or random.SystemRandom().randrange(10**6))
    print(f"kill loop seed {seed} (KILL_LOOP_SEED={seed} replays it)")
    rng = random.Random(seed)
    tally = Tally(seed)
    articles = tmp_path / "articles"
    make_articles(articles, ARTICLES)
    base = _prepared_ledger(launcher, tmp_path)

    clock = time.monotonic()
    tally.seconds["setup"] = clock - began

    # ingest into a new ledger: creation, extraction in worker processes, one article at a time
    ingest_time = _timed(
        launcher, "--db", str(tmp_path / "timing.db"), "ingest", str(articles), cwd=tmp_path
    )
    for n in range(KILLS["ingest"]):
        folder = tmp_path / f"ingest-{n}"
        folder.mkdir()
        db = folder / "claims.db"
        pid, _out, _err = launcher.start("--db", str(db), "ingest", str(articles), cwd=folder)
        status, members = _kill_after(launcher, pid, rng.uniform(0, ingest_time))
        tally.kills["ingest"] += 1
        tally.mid_work["ingest"] += status == -signal.SIGKILL and members > 1
        _check_after_kill(launcher, db, tally, "ingest", pid)

    tally.seconds["ingest"] = time.monotonic() - clock
    clock = time.monotonic()

    # bulk review: the UI's bulk action on every claim, round after round, on one ledger
    desk = tmp_path / "desk"
    desk.mkdir()
    reviewed = desk / "claims.db"
    shutil.copyfile(base, reviewed)
    started = time.monotonic()
    assert launcher.wait(launcher.start_bulk(reviewed, BULK_ROUNDS)) == 0
    bulk_time = time.monotonic() - started
    for _n in range(KILLS["bulk review"]):
        pid = launcher.start_bulk(reviewed, BULK_ROUNDS)
        status, _members = _kill_after(launcher, pid, rng.uniform(0, bulk_time))
        tally.kills["bulk review"] += 1
        tally.mid_work["bulk review"] += status == -signal.SIGKILL
        _check_after_kill(launcher, reviewed, tally, "bulk review", pid)

    tally.seconds["bulk review"] = time.monotonic() - clock
    clock = time.monotonic()

    # export: then the next export to the same file leaves no partial one
    out = tmp_path / "exports"
    out.mkdir()
    formats = ["csv", "json", "claimreview"]
    export_time = max(
        _timed(
            launcher,
            "--db",
            str(base),
            "export",
            "-f",
            f,
            "--state",
            "all",
            "--org",
            "Example Checks",
            "--site-url",
            "https://factcheck.example",
            "-o",
            str(out / f"warm.{f}"),
            cwd=tmp_path,
        )
        for f in formats
    )
    for n in range(KILLS["export"]):
        fmt = formats[n % len(formats)]
        target = out / f"claims.{fmt}"
        argv = (
            "--db",
            str(base),
            "export",
            "-f",
            fmt,
            "--state",
            "all",
            "--org",
            "Example Checks",
            "--site-url",
            "https://factcheck.example",
            "-o",
            str(target),
        )
        pid, _out, _err = launcher.start(*argv, cwd=tmp_path)
        status, _members = _kill_after(launcher, pid, rng.uniform(0, export_time))
        tally.kills["export"] += 1
        tally.mid_work["export"] += status == -signal.SIGKILL
        _check_after_kill(launcher, base, tally, "export", pid)
        status, _o, err = launcher.run(*argv, cwd=tmp_path)
        assert status == 0, err
        assert partial_files(target) == [], tally.where("export", n)

    tally.seconds["export"] = time.monotonic() - clock
    clock = time.monotonic()

    # the automatic upgrade, from every earlier schema
    claims = _claims(base)
    for revision in earlier_revisions():
        old = at_revision(base, revision, tmp_path / f"{revision}.db")
        timing = tmp_path / f"timing-{revision}"
        timing.mkdir()
        shutil.copyfile(old, timing / "claims.db")
        upgrade_time = _timed(
            launcher, "--db", str(timing / "claims.db"), "claims", "--json", cwd=timing
        )
        for n in range(KILLS["upgrade"]):
            folder = tmp_path / f"upgrade-{revision}-{n}"
            folder.mkdir()
            db = folder / "claims.db"
            shutil.copyfile(old, db)
            pid, _out, _err = launcher.start("--db", str(db), "claims", "--json", cwd=folder)
            status, _members = _kill_after(launcher, pid, rng.uniform(0, upgrade_time))
            tally.kills["upgrade"] += 1
            tally.mid_work["upgrade"] += status == -signal.SIGKILL
            where = tally.where(f"upgrade from {revision}", n)
            assert _revision(db) in (revision, _revision(base)), where
            _check_after_kill(launcher, db, tally, "upgrade", pid)
            assert _claims(db) == claims, where
            backups = sorted(folder.glob("claims.db.bak-*"))
            assert len(backups) == 1, f"{where}: {backups}"
            assert _revision(backups[0]) == revision and _integrity(backups[0]) == "ok", where
            assert not list(folder.glob(".*.partial")), where

    tally.seconds["upgrade"] = time.monotonic() - clock
    total = sum(tally.kills.values())
    print(
        f"kill loop: {total} SIGKILLs ("
        + ", ".join(f"{k} {v}" for k, v in tally.kills.items())
        + f"), {sum(tally.mid_work.values())} while the command was at work "
        f"(ingest with its workers: {tally.mid_work['ingest']}), "
        f"{tally.bricked} bricked, {tally.left} processes left; seconds: "
        + ", ".join(f"{k} {v:.1f}" for k, v in tally.seconds.items())
    )

    assert total >= 50
