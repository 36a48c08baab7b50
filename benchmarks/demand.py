"""How long a page of the queue by demand takes on a large ledger, beside the check-worthiness queue.

Run: python benchmarks/make_ledger.py --claims 1000000 --db big.db
     python benchmarks/demand.py --db big.db --add-matches 40000
`--add-matches N` first records N suggested matches between random claims of different articles
(once: a ledger that has matches keeps them). Prints CPU and wall milliseconds per page (best of
five): the first page, a page after it, a page ten thousand claims into those no other article
carries, and the last page, each for `demand` and for `queue`.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
from collections.abc import Callable

from claimledger.db import open_ledger, write_engine
from claimledger.ledger import reach
from claimledger.records import FAR_END, ClaimFilter, Cursor, Order
from claimledger.service import Ledger


def add_matches(path: str, n: int) -> None:
    """N suggested matches, and the reach they give (as the core keeps it when it suggests)."""
    with sqlite3.connect(path) as conn:
        if conn.execute("SELECT count(*) FROM claim_match").fetchone()[0]:
            return
        top = conn.execute("SELECT max(id) FROM claim").fetchone()[0]
        rng = random.Random(16)
        rows = set()
        while len(rows) < n:
            a, b = sorted(rng.sample(range(1, top + 1), 2))
            rows.add((a, b))
        conn.executemany(
            "INSERT INTO claim_match (claim_id, other_id, similarity, status) "
            "VALUES (?, ?, 0.6, 'suggested')",
            sorted(rows),
        )
    engine = open_ledger(path).engine
    with write_engine(engine).begin() as conn:
        reach.rebuild(conn=conn)
    engine.dispose()


def best(run: Callable[[], object]) -> tuple[float, float]:
    cpu, wall = [], []
    for _ in range(5):
        c, w = time.process_time(), time.perf_counter()
        run()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return min(cpu) * 1000, min(wall) * 1000


ORDERS: tuple[Order, ...] = ("demand", "queue")


def cases(
    ledger: Ledger, flt: ClaimFilter, order: Order, tail: Cursor
) -> dict[str, Callable[[], object]]:
    first = ledger.rows(flt, order, limit=100)
    return {
        "first page": lambda: ledger.rows(flt, order, limit=100),
        "next page": lambda: ledger.rows(flt, order, after=first[-1].cursor, limit=100),
        "in the tail": lambda: ledger.rows(flt, order, after=tail, limit=100),
        "last page": lambda: ledger.rows(flt, order, before=FAR_END, limit=100),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--add-matches", type=int, default=0)
    args = parser.parse_args()
    if args.add_matches:
        add_matches(args.db, args.add_matches)
    ledger = Ledger.open(args.db, user="bench")
    flt = ClaimFilter(states=("new",))
    print(f"{ledger.count(ClaimFilter()):,} claims")
    middle = ledger.rows(flt, "queue", limit=1)[0]
    for _ in range(20):  # a cursor some way into the queue, outside the travelling claims
        middle = ledger.rows(flt, "queue", after=Cursor(middle.id, middle.score), limit=500)[-1]
    tail = Cursor(id=middle.id, score=middle.score)
    for order in ORDERS:
        for name, run in cases(ledger, flt, order, tail).items():
            cpu, wall = best(run)
            print(f"{order:7} {name:11} {cpu:7.1f} ms CPU {wall:7.1f} ms wall")
    ledger.close()


if __name__ == "__main__":
    main()
