"""Reviews per second with 1, 4 and 16 writer processes, on SQLite and on PostgreSQL, lost updates counted.

Run: python benchmarks/concurrency.py [--changes 200] [--claims 20] [--backends sqlite,postgresql]
Each writer is its own process with its own `Ledger`, moving claims of a shared pool between
`new` and `in_review` (every change goes through the service: write lock, rules, version, history).
The clock runs from a common start signal to the last writer's end (process start-up left out).
Afterwards every change a writer was told it made must be in the history (`kept` = `made`), every
claim's history is replayed (an entry whose "before" is not the previous entry's "after", or a
version gap, is a lost update), and `claimledger verify` must pass (the hash chain and every
claim's state recomputed from it). Any of these failing makes the run exit 1. PostgreSQL needs the
server binaries (a throwaway server is started on loopback) or `--pg-url`.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the throwaway PostgreSQL server the tests use

ARTICLE = "\n\n".join(
    f"The council cut {n + 2} bus routes in district {n}, the transit authority said."
    for n in range(60)
)


def setup(url: str, claims: int) -> list[int]:
    from claimledger.service import Ledger, prepare

    folder = Path(tempfile.mkdtemp())
    article = folder / "routes.txt"
    article.write_text(ARTICLE + "\n", encoding="utf-8")
    ledger = Ledger.open(url, user="setup")
    ledger.ingest(prepare(article))
    ids = [row.id for row in ledger.rows(limit=claims)]
    ledger.close()
    return ids


def writer(url: str, n: int, ids: list[int], changes: int, start: float, out: mp.Queue) -> None:  # type: ignore[type-arg]
    from claimledger.service import Ledger

    ledger = Ledger.open(url, user=f"w{n}", create=False, wait=300)
    rng = random.Random(n)
    while time.time() < start:
        time.sleep(0.001)
    made = 0
    for _ in range(changes):
        cid = rng.choice(ids)
        current = ledger.rows_by_id([cid])[0].review_state
        target = "in_review" if current == "new" else "new"
        made += len(ledger.apply([cid], "review_state", target).changes)
    out.put((made, time.time()))
    ledger.close()


def check(url: str, ids: list[int]) -> tuple[int, int]:
    """(changes kept in the history by the writers, lost updates found replaying it)."""
    from claimledger.service import Ledger
    from claimledger.vocab import HistoryAction

    ledger = Ledger.open(url, user="check", create=False)
    lost = kept = 0
    for cid in ids:
        state = "new"
        for version, entry in enumerate(ledger.history(cid), 1):
            if entry.version not in (None, version):
                lost += 1
            if entry.action == HistoryAction.REVIEW_STATE:
                kept += entry.user.startswith("w")
                lost += entry.before != state
                state = entry.after or state
        lost += ledger.claim(cid).review_state != state
    ledger.close()
    return kept, lost


def claimledger_command() -> str:
    """The `claimledger` command of the Python running this script."""
    return shutil.which("claimledger", path=str(Path(sys.executable).parent)) or "claimledger"


def verified(url: str) -> bool:
    """`claimledger verify` on the ledger, as a person would run it."""
    done = subprocess.run(
        [claimledger_command(), "--db", url, "verify"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
    return done.returncode == 0


def run(url: str, writers: int, changes: int, claims: int) -> tuple[float, int, int, int, bool]:
    ids = setup(url, claims)
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
    start = time.time() + 3.0 + writers * 0.3  # after every writer has imported and connected
    procs = [
        ctx.Process(target=writer, args=(url, n, ids, changes, start, out)) for n in range(writers)
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=900) for _ in procs]
    for p in procs:
        p.join()
    made = sum(r[0] for r in results)
    seconds = max(r[1] for r in results) - start
    kept, lost = check(url, ids)
    return made / seconds, made, kept, lost, verified(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--changes", type=int, default=200, help="changes per writer")
    parser.add_argument("--claims", type=int, default=20, help="claims the writers share")
    parser.add_argument("--writers", default="1,4,16")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-url", help="an existing server (database `postgres`)")
    args = parser.parse_args()
    print(
        f"{'backend':<11} {'writers':>7} {'made':>6} {'kept':>6} {'reviews/s':>10} {'lost':>5} verify"
    )
    failed = False
    with ExitStack() as stack:
        for backend in args.backends.split(","):
            for writers in (int(w) for w in args.writers.split(",")):
                if backend == "sqlite":
                    folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
                    url = f"sqlite:///{folder / 'bench.db'}"
                else:
                    from pgserver import fresh_database, throwaway_postgres

                    if not args.pg_url:
                        args.pg_url = stack.enter_context(throwaway_postgres())
                    url = stack.enter_context(fresh_database(args.pg_url))
                rate, made, kept, lost, ok = run(url, writers, args.changes, args.claims)
                print(
                    f"{backend:<11} {writers:>7} {made:>6} {kept:>6} {rate:>10.0f} {lost:>5} "
                    + ("passes" if ok else "FAILS"),
                    flush=True,
                )
                failed |= kept != made or lost != 0 or not ok
    if failed:
        raise SystemExit("a change was lost or the ledger does not verify")


if __name__ == "__main__":
    main()
