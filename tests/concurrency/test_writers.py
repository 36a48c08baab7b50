"""Many processes changing the same claims at once, on SQLite and on PostgreSQL.

What must hold, read back from the ledger afterwards: no change lost (every history entry's "before"
is the previous entry's "after", versions run 1, 2, 3... without a gap, the claim equals its last
entries, every change a writer was told it made is in the history), no forbidden transition (the
workflow replayed over the history), and no traceback from any writer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.records import HistoryRecord
from claimledger.service import Ledger, prepare
from claimledger.vocab import ALLOWED, HistoryAction, ReviewState

WRITER = Path(__file__).with_name("writer.py")
ARTICLE = (
    "Council cuts bus routes\n\n"
    "The city cut 12 bus routes in March, the transit authority said.\n\n"
    "Ridership fell by 30 percent between 2019 and 2021, according to Mayor Jane Doe.\n\n"
    "Fares rose by 25 cents in 2022, the authority said in a statement.\n"
)


def make_ledger(url: str, tmp_path: Path) -> list[int]:
    """A ledger with one article's claims; their ids."""
    article = tmp_path / "bus.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ledger = Ledger.open(url, user="setup")
    try:
        ledger.ingest(prepare(article))
        ids = [row.id for row in ledger.rows(limit=None)]
    finally:
        ledger.close()
    assert len(ids) >= 2, ids
    return ids[:2]


def run_writers(
    url: str, ids: list[int], writers: int, count: int, *, cli: bool = False
) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    extra = ["--cli"] if cli else []
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), url, f"w{n}", str(n), str(count), *map(str, ids), *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(writers)
    ]
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert "Traceback" not in err, err
        reports.append(json.loads(out))
    return reports


def made(report: dict[str, object]) -> dict[str, int]:
    found = report["made"]
    assert isinstance(found, dict)
    return {str(k): int(v) for k, v in found.items()}


def replay(history: list[HistoryRecord]) -> tuple[str, str, str | None]:
    """Walk the history as the workflow would: each step must start where the last one ended."""
    state, evidence, assignee = "new", "unverified", None
    for n, entry in enumerate(history, 1):
        assert entry.version == n, f"version gap at entry {n}: {entry}"
        if entry.action == HistoryAction.REVIEW_STATE:
            assert entry.before == state, f"lost update: {entry} after state {state}"
            assert entry.after is not None
            target = ReviewState(entry.after)
            assert target in ALLOWED[ReviewState(state)], f"forbidden transition: {entry}"
            if target == ReviewState.VERIFIED:
                assert evidence != "unverified", f"verified with no evidence status: {entry}"
            state = target.value
        elif entry.action == HistoryAction.EVIDENCE_STATUS:
            assert entry.before == evidence, f"lost update: {entry} after evidence {evidence}"
            assert state != "verified", f"evidence changed on a verified claim: {entry}"
            assert entry.after is not None
            evidence = entry.after
        elif entry.action == HistoryAction.ASSIGNEE:
            assert entry.before == assignee, f"lost update: {entry} after assignee {assignee}"
            assignee = entry.after
    return state, evidence, assignee


def check_ledger(url: str, ids: list[int]) -> dict[int, list[HistoryRecord]]:
    ledger = Ledger.open(url, user="checker", create=False)
    try:
        histories = {}
        for cid in ids:
            history = ledger.history(cid)
            claim = ledger.claim(cid)
            assert replay(history) == (claim.review_state, claim.evidence_status, claim.assignee)
            assert claim.version == len(history)
            assert [h.id for h in history] == sorted(h.id for h in history)
            histories[cid] = history
        return histories
    finally:
        ledger.close()


def _library_run(url: str, tmp_path: Path) -> None:
    ids = make_ledger(url, tmp_path)
    reports = run_writers(url, ids, writers=8, count=100)
    histories = check_ledger(url, ids)
    for cid in ids:
        told = sum(made(r).get(str(cid), 0) for r in reports)
        recorded = len(histories[cid]) - 1  # all but 'created'
        assert recorded == told, f"claim {cid}: writers made {told} changes, history has {recorded}"
    assert all(r["busy"] == 0 for r in reports), reports
    assert sum(int(str(r["refused"])) for r in reports) > 0


def _cli_run(url: str, tmp_path: Path) -> None:
    ids = make_ledger(url, tmp_path)
    reports = run_writers(url, ids, writers=8, count=15, cli=True)
    histories = check_ledger(url, ids)
    notes = sum(len([h for h in hs if h.action == HistoryAction.NOTE]) for hs in histories.values())
    assert notes == sum(made(r).get("note", 0) for r in reports)
    assert all(r["busy"] == 0 for r in reports), reports


Run = Callable[[str, Path], None]


@pytest.mark.parametrize("run", [_library_run, _cli_run], ids=["library", "cli"])
def test_eight_writers_on_sqlite(run: Run, tmp_path: Path) -> None:
    run(f"sqlite:///{tmp_path / 'ledger.db'}", tmp_path)


@pytest.mark.postgres
@pytest.mark.parametrize("run", [_library_run, _cli_run], ids=["library", "cli"])
def test_eight_writers_on_postgresql(run: Run, pg_url: str, tmp_path: Path) -> None:
    run(pg_url, tmp_path)
