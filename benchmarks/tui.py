"""Time the review UI on large synthetic ledgers, headless: `python benchmarks/tui.py [--sizes 10000 100000]`.

For each size it builds a ledger in a temp folder (make_ledger.py), then, in a fresh process so the
memory figure is the UI's own, opens the app with `run_test` and prints: time to first screen
(from process start, and from app start), time to apply a filter, time to run a search, the cost of
moving the cursor 1,000 rows (the table's handler, pages loaded as needed), and peak RSS.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

HERE = Path(__file__).resolve().parent


async def _until(pilot: Any, done: Any, timeout: float = 60.0) -> None:
    """Poll (without the ~70 ms settle of pilot.press) until done() holds."""
    limit = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > limit:
            raise TimeoutError("the UI did not answer in time")
        await asyncio.sleep(0.001)


async def measure(db: Path) -> dict[str, float]:
    from claimledger.db import open_ledger
    from claimledger.ledger.queries import ClaimFilter
    from claimledger.tui.app import ClaimLedgerApp
    from claimledger.tui.view import View

    engine = open_ledger(db).engine
    app = ClaimLedgerApp(engine=engine, user="bench", keymap=Path("/nonexistent/keys.toml"))
    figures: dict[str, float] = {}
    app_start = time.perf_counter()
    async with app.run_test(size=(120, 36)) as pilot:
        screen: Any = app.screen
        await _until(pilot, lambda: screen.window.rows and not screen.loading)
        await pilot.pause()  # the first page painted
        figures["first_screen_from_process_s"] = time.perf_counter() - STARTED
        figures["first_screen_from_app_s"] = time.perf_counter() - app_start

        async def timed_view(view: View) -> float:
            began = time.perf_counter()
            screen.load_view(view)
            await _until(pilot, lambda: not screen.loading)
            took = time.perf_counter() - began
            await pilot.pause()  # let it paint before the next measurement
            return took

        figures["filter_evidence_mixed_ms"] = 1000 * await timed_view(
            View(ClaimFilter(evidence_statuses=("mixed",)), "queue")
        )
        figures["filter_state_reviewed_ms"] = 1000 * await timed_view(
            View(ClaimFilter(states=("reviewed",)), "queue")
        )
        figures["search_ms"] = 1000 * await timed_view(View().with_search("ridership boston"))
        figures["search_fts_syntax_ms"] = 1000 * await timed_view(
            View().with_search('"rent" AND (NEAR* :')
        )
        await timed_view(View())
        table = screen.table
        seen = set()
        began = time.perf_counter()
        for _ in range(1000):
            table.action_move(1)
            seen.add(screen.window.current.id)
        figures["move_1000_rows_ms"] = 1000 * (time.perf_counter() - began)
        figures["rows_moved"] = float(len(seen))  # proves the window paged, not clamped
        figures["move_one_row_max_ms"] = max(_one_move_ms(table) for _ in range(200))
        await pilot.pause()
    engine.dispose()
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def _one_move_ms(table: Any) -> float:
    began = time.perf_counter()
    table.action_move(1)
    return 1000 * (time.perf_counter() - began)


def run_size(n: int, folder: Path) -> dict[str, float]:
    db = folder / f"ledger-{n}.db"
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, str(HERE / "make_ledger.py"), "--claims", str(n), "--db", str(db)],
        check=True,
    )
    generated = time.perf_counter() - began
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--one", str(db)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["generate_s"] = generated
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--one", type=Path, help=argparse.SUPPRESS
    )  # measure one ledger, print JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(asyncio.run(measure(args.one))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            figures = run_size(n, Path(tmp))
            print(f"\n{n:,} claims")
            for key, value in figures.items():
                print(f"  {key:32s} {value:10.2f}")


if __name__ == "__main__":
    main()
