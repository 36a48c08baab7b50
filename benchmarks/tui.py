"""Time the review UI to the painted screen, on SQLite and PostgreSQL: `python benchmarks/tui.py --sizes 100000 --postgres`.

Every figure runs from the key (or the start) to the moment the screen Textual paints shows the
expected rows: not when the query returns, but when the compositor has drawn the table and turned it
into the text a terminal would be sent. The app runs headless (`run_test`, 160x45); its `_display`
is wrapped so each update is rendered to terminal text (the work a real terminal run does) and
applied to a copy of the screen, which is polled every millisecond for the expected first row.
The expected rows are read beforehand by the parent process (the same rows on both backends, or
the run stops).

Ledgers: `--sizes` builds synthetic ones (make_ledger.py; `--keep DIR` keeps and reuses them);
`--db` measures existing ones (a file or a postgresql:// URL, repeatable); `--postgres` also copies
each built ledger (`claimledger db copy`) to a throwaway PostgreSQL server started in a temporary
folder, or to `--pg-url SERVER` (a database is created there and dropped after). Each ledger is
measured `--runs` times, each in a fresh process; the medians are printed, with the CPU time of
the UI's process (its worker threads included; a PostgreSQL server's own work is not in it).
"""

from __future__ import annotations

import time

STARTED = time.time()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from contextlib import ExitStack, contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # the throwaway PostgreSQL server the tests use

SIZE = (160, 45)
SEARCH = "ridership boston"
SEARCH_WIDE = "rent"
MOVES = 300

# What each step shows, as (filter fields, order): the parent reads the expected first row of each.
VIEWS: dict[str, dict[str, Any]] = {
    "first_screen": {"states": ["new"]},
    "state_filter": {"states": ["in_review"]},
    "evidence_filter": {"evidence_statuses": ["mixed"]},
    "queue": {"states": ["new"]},
    "all": {},
    "search": {"text": SEARCH},
    "search_wide": {"text": SEARCH_WIDE},
}
"""Searches start from every claim (`s` until the state filter is off), so they find the same rows
whether a search keeps the state on screen or not."""


# -- what to expect ------------------------------------------------------------------------------
def expected_rows(target: str) -> dict[str, list[int]]:
    """The first rows each step must show (ids), read through the service."""
    from claimledger.records import ClaimFilter
    from claimledger.service import Ledger

    ledger = Ledger.open(target, user="bench", create=False)
    try:
        return {
            name: [
                r.id
                for r in ledger.rows(
                    ClaimFilter(
                        **{k: tuple(v) if isinstance(v, list) else v for k, v in f.items()}
                    ),
                    "queue",
                    limit=3,
                )
            ]
            for name, f in VIEWS.items()
        }
    finally:
        ledger.close()


# -- the painted screen --------------------------------------------------------------------------
class PaintedScreen:
    """A copy of what the terminal would show, kept from the compositor's updates."""

    def __init__(self, app: Any, width: int, height: int) -> None:
        from textual._compositor import ChopsUpdate, LayoutUpdate

        self.width = width
        self.lines = [" " * width for _ in range(height)]
        self.paints = 0
        self.painted_at = 0.0
        self._layout, self._chops = LayoutUpdate, ChopsUpdate
        self._app = app
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None and screen is app.screen:
                self.apply(renderable)

        app._display = display

    def _put(self, y: int, x: int, text: str) -> None:
        if 0 <= y < len(self.lines):
            line = self.lines[y]
            self.lines[y] = (line[:x] + text + line[x + len(text) :])[: self.width]

    def apply(self, update: Any) -> None:
        update.render_segments(self._app.console)  # what a terminal run spends turning it to text
        if isinstance(update, self._layout):
            for y, strip in enumerate(update.strips, update.region.y):
                self._put(y, update.region.x, "".join(s.text for s in strip))
        elif isinstance(update, self._chops):
            for y, x1, x2 in update.spans:
                ends = update.chop_ends[y]
                for end, (x, strip) in zip(ends, update.chops[y].items(), strict=False):
                    if strip is None or x > x2 or end <= x1:
                        continue
                    strip = strip.crop(0, min(end, x2) - x)
                    self._put(y, x, "".join(s.text for s in strip))
        else:
            return
        self.paints += 1
        self.painted_at = time.perf_counter()

    def first_ids(self) -> list[int]:
        """The claim ids on the table's first lines, as painted."""
        for n, line in enumerate(self.lines):
            words = line.split()
            if len(words) > 2 and words[0] == "id" and words[1] == "state":
                ids = []
                for row in self.lines[n + 1 : n + 4]:
                    token = row[:10].replace("●", " ").split()
                    if token and token[0].isdigit():
                        ids.append(int(token[0]))
                return ids
        return []

    def text(self) -> str:
        return "\n".join(self.lines)


def key_event(key: str) -> Any:
    """A key event as Pilot builds one (a character or a key name: "a", " ", "enter", "ctrl+s")."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    char: str | None
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def _settled(app: Any, pilot: Any, seconds: float = 0.3) -> None:
    """Let every worker end (one superseded by a newer call ends cancelled) and the screen rest."""
    from textual.worker import WorkerCancelled

    while True:
        try:
            await app.workers.wait_for_complete()
            break
        except WorkerCancelled:
            continue
    await pilot.pause(seconds)


async def _until(done: Callable[[], bool], what: str, timeout: float = 120.0) -> None:
    """Poll every millisecond (the event loop keeps running: workers answer, the screen paints)."""
    limit = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > limit:
            raise TimeoutError(f"the screen never showed {what}")
        await asyncio.sleep(0.001)


# -- one measurement, in a fresh process ----------------------------------------------------------
async def measure(target: str, spawned: float, expect: dict[str, list[int]]) -> dict[str, float]:
    from textual.widgets import Select

    from claimledger.service import Ledger
    from claimledger.tui.app import ClaimLedgerApp

    figures: dict[str, float] = {}
    cpu0 = time.process_time()
    app_start = time.perf_counter()
    ledger = Ledger.open(target, user="bench", create=False)
    app = ClaimLedgerApp(ledger, keymap=Path(tempfile.gettempdir()) / "no-such-keys.toml")

    def shows(name: str) -> Callable[[], bool]:
        want = expect[name][:3]
        return lambda: painted.first_ids()[: len(want)] == want

    async with app.run_test(size=SIZE) as pilot:
        painted = PaintedScreen(app, *SIZE)
        await _until(shows("first_screen"), "the queue's first rows")
        figures["first_screen_from_process_s"] = time.time() - spawned
        figures["first_screen_from_app_s"] = time.perf_counter() - app_start
        figures["first_screen_cpu_s"] = time.process_time() - cpu0
        await _settled(app, pilot)  # the detail pane and the counts are in

        def send(key: str) -> None:
            """As the terminal driver would: one key event to the app, not waiting for it."""
            app._driver.send_message(key_event(key))

        async def press(*keys: str) -> None:
            for key in keys:
                send(key)
            await pilot.pause()

        async def timed(name: str, key: str, step: str) -> None:
            """From the key to the painted rows; then let everything that follows settle."""
            began, cpu = time.perf_counter(), time.process_time()
            send(key)
            await _until(shows(step), f"the rows of {step}")
            figures[f"{name}_ms"] = 1000 * (time.perf_counter() - began)
            figures[f"{name}_cpu_ms"] = 1000 * (time.process_time() - cpu)
            await _settled(app, pilot)

        async def every_claim(first: str) -> None:
            """`s` until the state filter is off (every claim, by check-worthiness)."""
            cycle = ["new", "in_review", "reviewed", "verified", "dismissed"]
            await press(*"s" * (len(cycle) - 1 - cycle.index(first)))
            await timed("every_claim", "s", "all")

        # a state filter: `s` moves the view on to the claims in review
        await timed("state_filter", "s", "state_filter")
        # an evidence filter, through the filter dialog (evidence: mixed), applied with Ctrl+S
        await every_claim("in_review")
        await press("f")
        await _until(lambda: app.screen.query("#f-evidence"), "the filter dialog")
        app.screen.query_one("#f-evidence", Select).value = "mixed"
        await pilot.pause()
        await timed("evidence_filter", "ctrl+s", "evidence_filter")
        # back to the queue, then every claim, then searches typed into the prompt, sent with Enter
        await timed("back_to_queue", "escape", "queue")
        for name, words in (("search", SEARCH), ("search_wide", SEARCH_WIDE)):
            await every_claim("new")
            await press("slash")
            await _until(lambda: app.screen.query("Input"), "the search prompt")
            await press(*words)
            await timed(name, "enter", name)
            await timed(f"{name}_cleared", "escape", "queue")

        # cursor moves: each key, to the next paint of the screen (pages load as the cursor goes)
        took, cpu = [], time.process_time()
        for _ in range(MOVES):
            before, pressed = painted.paints, time.perf_counter()
            send("down")
            await _until(lambda before=before: painted.paints > before, "a cursor move")
            took.append(painted.painted_at - pressed)
        figures["move_median_ms"] = 1000 * statistics.median(took)
        figures["move_cpu_ms"] = 1000 * (time.process_time() - cpu) / MOVES
        figures["move_worst_ms"] = 1000 * max(took)
        held = app.screen.window.current
        figures["rows_moved"] = float(held is not None and held.id not in expect["queue"])
        await _settled(app, pilot, 0)
    ledger.close()
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["total_cpu_s"] = time.process_time()
    return figures


# -- the parent: ledgers, runs, medians ----------------------------------------------------------
def run_once(target: str, expect: dict[str, list[int]]) -> dict[str, float]:
    """One measurement in a fresh process (so the memory and the first screen are its own)."""
    env = {**os.environ, "BENCH_SPAWNED": repr(time.time())}
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--one", target, json.dumps(expect)],
        capture_output=True,
        text=True,
        env=env,
    )
    if out.returncode != 0:
        raise SystemExit(f"the measurement failed on {backend(target)}:\n{out.stderr}")
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def build(n: int, folder: Path) -> Path:
    """A synthetic SQLite ledger of n claims (kept in `folder` and reused when it is there)."""
    db = folder / f"ledger-{n}.db"
    if not db.exists():
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, str(HERE / "make_ledger.py"), "--claims", str(n), "--db", str(db)],
            check=True,
        )
        print(f"built {n:,} claims in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    return db


def claimledger_command() -> str:
    """The `claimledger` command of the Python running this script."""
    return shutil.which("claimledger", path=str(Path(sys.executable).parent)) or "claimledger"


def copy_to(db: Path, url: str) -> None:
    began = time.perf_counter()
    subprocess.run(
        [claimledger_command(), "db", "copy", str(db), url],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"copied {db.name} to PostgreSQL in {time.perf_counter() - began:.0f} s", file=sys.stderr)


def backend(target: str) -> str:
    return "PostgreSQL" if target.startswith(("postgres://", "postgresql")) else "SQLite"


TARGETED = [
    ("first screen", "first_screen_from_app_s"),
    ("state filter", "state_filter_ms"),
    ("evidence filter", "evidence_filter_ms"),
    ("search", "search_ms"),
]
"""The figures the targets are about (first screen under 1.5 s, the others under 200 ms)."""

ROWS = [
    ("first screen, from process start (s)", "first_screen_from_process_s"),
    ("first screen, from app start (s)", "first_screen_from_app_s"),
    ("  CPU to first screen (s)", "first_screen_cpu_s"),
    ("state filter `s` (ms)", "state_filter_ms"),
    ("  CPU (ms)", "state_filter_cpu_ms"),
    ("evidence filter, dialog (ms)", "evidence_filter_ms"),
    ("  CPU (ms)", "evidence_filter_cpu_ms"),
    ("back to the queue, Esc (ms)", "back_to_queue_ms"),
    ("every claim, `s` (ms)", "every_claim_ms"),
    (f"search '{SEARCH}' (ms)", "search_ms"),
    ("  CPU (ms)", "search_cpu_ms"),
    (f"search '{SEARCH_WIDE}' (ms)", "search_wide_ms"),
    ("  CPU (ms)", "search_wide_cpu_ms"),
    (f"cursor move, key to paint (median of {MOVES}, ms)", "move_median_ms"),
    ("  CPU per move (ms)", "move_cpu_ms"),
    ("  worst move (ms)", "move_worst_ms"),
    ("peak RSS (MB)", "peak_rss_mb"),
    ("CPU of the whole run (s)", "total_cpu_s"),
]


def report(title: str, results: list[tuple[str, dict[str, float]]], runs: int) -> None:
    print(f"\n{title} (median of {runs} run{'s' * (runs != 1)}, to the painted screen)")
    head = f"  {'':40s}" + "".join(f"{name:>14s}" for name, _ in results)
    print(head)
    for label, key in ROWS:
        cells = "".join(
            f"{figures[key]:14.2f}" if key in figures else f"{'-':>14s}" for _, figures in results
        )
        print(f"  {label:40s}{cells}")
    if len(results) == 2:
        a, b = results[0][1], results[1][1]
        ratio = [(label, b[key] / a[key]) for label, key in TARGETED if a.get(key)]
        worst = max(ratio, key=lambda r: r[1])
        print(f"  {results[1][0]} / {results[0][0]}: worst {worst[1]:.2f}x ({worst[0].strip()})")


def measure_target(target: str, runs: int, expect: dict[str, list[int]]) -> dict[str, float]:
    done = []
    for n in range(runs):
        figures = run_once(target, expect)
        print(
            f"  {backend(target)} run {n + 1}: search {figures['search_ms']:.0f} ms, "
            f"evidence {figures['evidence_filter_ms']:.0f} ms",
            file=sys.stderr,
        )
        done.append(figures)
    return medians(done)


def compare(targets: list[str]) -> dict[str, list[int]]:
    """The expected rows, the same on every ledger given (else the backends disagree: stop)."""
    expect = expected_rows(targets[0])
    for other in targets[1:]:
        theirs = expected_rows(other)
        if theirs != expect:
            raise SystemExit(f"the backends show different rows: {expect} against {theirs}")
    return expect


SHARED_BUFFERS = "1GB"


@contextmanager
def postgres_server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    from pgserver import throwaway_postgres

    # A desk's server is given a quarter of its memory or so for its cache (PostgreSQL's own
    # advice); the default 128 MB would leave a 1M-claim ledger to the operating system's cache.
    with throwaway_postgres(settings={"shared_buffers": SHARED_BUFFERS}) as server:
        yield server


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[])
    parser.add_argument("--db", action="append", default=[], help="an existing ledger (repeatable)")
    parser.add_argument("--postgres", action="store_true", help="also on a throwaway PostgreSQL")
    parser.add_argument("--pg-url", help="a PostgreSQL server to use instead of a throwaway one")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the ledgers here and keep them")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # target, expected rows
    args = parser.parse_args()
    if args.one:
        spawned = float(os.environ.get("BENCH_SPAWNED", STARTED))
        target, expect = args.one[0], json.loads(args.one[1])
        print(json.dumps(asyncio.run(measure(target, spawned, expect))))
        return
    if not args.sizes and not args.db:
        args.sizes = [10_000, 100_000]
    if args.db:
        expect = compare(args.db)
        results = [(backend(t), measure_target(t, args.runs, expect)) for t in args.db]
        report("given ledgers: " + ", ".join(backend(t) for t in args.db), results, args.runs)
    with ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        folder.mkdir(parents=True, exist_ok=True)
        server = None
        if args.sizes and (args.postgres or args.pg_url):
            server = stack.enter_context(postgres_server(args.pg_url))
        for n in args.sizes:
            targets = [str(build(n, folder))]
            if server:
                from pgserver import fresh_database

                url = stack.enter_context(fresh_database(server))
                copy_to(Path(targets[0]), url.replace("postgresql+psycopg://", "postgresql://"))
                targets.append(url)
            expect = compare(targets)
            results = [(backend(t), measure_target(t, args.runs, expect)) for t in targets]
            report(f"{n:,} claims", results, args.runs)


if __name__ == "__main__":
    main()
