"""How soon the review UI shows a change made elsewhere: `python benchmarks/live.py [--db URL]`.

Opens the app headless on a small ledger (SQLite in a temp folder, or the database given), then
another `Ledger` changes a claim on screen 20 times; each time it prints the time from just before
the commit to the row shown afresh and painted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


async def measure(target: str, rounds: int) -> list[float]:
    from claimledger.service import Ledger
    from claimledger.tui.app import ClaimLedgerApp

    app = ClaimLedgerApp(Ledger.open(target, user="bench"), keymap=Path("/nonexistent/keys.toml"))
    other = Ledger.open(target, user="colleague")
    took: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        screen: Any = app.screen
        while not (screen.window.rows and screen.watching):
            await asyncio.sleep(0.01)
        claim = screen.window.rows[0].id
        for n in range(rounds):
            began = time.perf_counter()
            other.apply([claim], "note", f"round {n}")
            version = other.claim(claim).version
            while screen.window.rows[0].version != version:
                await asyncio.sleep(0.002)
            await pilot.pause()  # painted
            took.append(time.perf_counter() - began)
    other.close()
    app.ledger.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a ledger URL (default: a new SQLite ledger)")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        made = str(Path(tmp) / "live.db")
        subprocess.run(
            [sys.executable, str(HERE / "make_ledger.py"), "--claims", "200", "--db", made],
            check=True,
            capture_output=True,
        )
        target = args.db or made
        if args.db:  # PostgreSQL: the same ledger, copied there
            cli = [str(Path(sys.executable).with_name("claimledger")), "db", "copy", made, args.db]
            subprocess.run([*cli, "--replace"], check=True, capture_output=True)
        took = asyncio.run(measure(target, args.rounds))
    ms = sorted(1000 * t for t in took)
    print(
        f"write -> painted over {len(ms)} changes: median {statistics.median(ms):.0f} ms, "
        f"max {ms[-1]:.0f} ms"
    )


if __name__ == "__main__":
    main()
