"""Time the real review UI in a real terminal: `python benchmarks/tui_terminal.py --db big.db --db postgresql://...`.

Runs `claimledger --db LEDGER` inside tmux at 160x45, sends keys as a person would, and reads the
pane (`tmux capture-pane -p`) every few milliseconds until the expected rows show: the time a person
waits, terminal included. The expected first rows of each step are read beforehand through the
service (the same on every ledger given, or the run stops). Each ledger is measured `--runs`
times; the medians are printed, with the CPU time the UI's process used over the whole run.

Steps: the first screen (from launching the command), `s` (the claims in review), the filter
dialog's evidence filter (mixed, any state) applied with Ctrl+S, and a search typed into `/` and
sent with Enter (from every claim, so the rows are the same whether a search keeps the state
filter or not).
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from tui import SEARCH, backend, compare  # noqa: E402

WIDTH, HEIGHT = 160, 45
POLL = 0.004
STATES = ["new", "in_review", "reviewed", "verified", "dismissed"]


class Terminal:
    """One tmux session running the UI."""

    def __init__(self, target: str) -> None:
        self.name = f"bench-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.name]  # a server of its own, gone with the session
        self.target = target
        claimledger = shutil.which("claimledger", path=str(Path(sys.executable).parent))
        command = [claimledger or "claimledger", "--db", target, "--user", "bench"]
        self.started = time.perf_counter()
        size = ["-x", str(WIDTH), "-y", str(HEIGHT)]
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", self.name, *size, shlex.join(command)],
            check=True,
        )

    def screen(self) -> list[str]:
        out = subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return out.stdout.splitlines()

    def keys(self, *keys: str, literal: bool = False) -> float:
        """Send keys; returns the time just before they were sent."""
        sent = time.perf_counter()
        subprocess.run(
            [*self.tmux, "send-keys", "-t", self.name, *(["-l"] if literal else []), *keys],
            check=True,
        )
        return sent

    def until(self, done: Callable[[list[str]], bool], what: str, timeout: float = 120) -> float:
        """Poll the pane until done(lines); returns when it first held."""
        limit = time.perf_counter() + timeout
        while True:
            lines = self.screen()
            seen = time.perf_counter()
            if done(lines):
                return seen
            if seen > limit:
                text = "\n".join(lines)
                raise TimeoutError(f"the terminal never showed {what}:\n{text}")
            time.sleep(POLL)

    def pid(self) -> int:
        out = subprocess.run(
            [*self.tmux, "list-panes", "-t", self.name, "-F", "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(out.stdout.split()[0])

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server", "-t", self.name], capture_output=True)


def first_ids(lines: list[str]) -> list[int]:
    """The claim ids on the table's first lines, as the terminal shows them."""
    for n, line in enumerate(lines):
        words = line.split()
        if len(words) > 2 and words[0] == "id" and words[1] == "state":
            ids = []
            for row in lines[n + 1 : n + 4]:
                token = row[:10].replace("●", " ").split()
                if token and token[0].isdigit():
                    ids.append(int(token[0]))
            return ids
    return []


def _field(line: str, label: str, value: str) -> bool:
    """A line of the filter dialog showing `value` beside `label`."""
    inside = line.partition("│")[2].split()
    return inside[:2] == [label, value]


def cpu_seconds(pid: int) -> float:
    """User and system time of a process so far (from /proc)."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(target: str, expect: dict[str, list[int]]) -> dict[str, float]:
    term = Terminal(target)
    figures: dict[str, float] = {}

    def shows(step: str) -> Callable[[list[str]], bool]:
        want = expect[step][:3]
        return lambda lines: first_ids(lines)[: len(want)] == want

    def timed(name: str, step: str, *keys: str) -> None:
        sent = term.keys(*keys)
        figures[f"{name}_ms"] = 1000 * (term.until(shows(step), f"the rows of {step}") - sent)
        time.sleep(1.0)  # the counts, the detail pane: let it all settle before the next key

    def every_claim(first: str) -> None:
        term.keys(*"s" * (len(STATES) - 1 - STATES.index(first)))
        timed("every_claim", "all", "s")

    try:
        figures["first_screen_s"] = term.until(shows("first_screen"), "the queue") - term.started
        pid = term.pid()
        time.sleep(1.0)
        timed("state_filter", "state_filter", "s")
        every_claim("in_review")
        term.keys("f")
        term.until(lambda lines: any("Filter claims" in line for line in lines), "the dialog")
        term.keys("Tab", "Enter")  # the evidence list opens
        term.until(
            lambda lines: any(_field(line, "links", "unverified") for line in lines), "the list"
        )
        term.keys("Down", "Down", "Down", "Enter")  # any, unverified, supported, mixed
        term.until(
            lambda lines: any(_field(line, "evidence", "mixed") for line in lines),
            "mixed chosen",
        )
        timed("evidence_filter", "evidence_filter", "C-s")
        timed("back_to_queue", "queue", "Escape")
        every_claim("new")
        term.keys("/")
        term.until(lambda lines: any("Enter to search" in line for line in lines), "the prompt")
        term.keys(SEARCH, literal=True)
        term.until(lambda lines: any(SEARCH in line for line in lines), "the words typed")
        timed("search", "search", "Enter")
        figures["ui_cpu_s"] = cpu_seconds(pid)
    finally:
        term.close()
    return figures


ROWS = [
    ("first screen, from launch (s)", "first_screen_s"),
    ("state filter `s` (ms)", "state_filter_ms"),
    ("evidence filter, Ctrl+S (ms)", "evidence_filter_ms"),
    ("back to the queue, Esc (ms)", "back_to_queue_ms"),
    ("every claim, `s` (ms)", "every_claim_ms"),
    (f"search '{SEARCH}', Enter (ms)", "search_ms"),
    ("CPU of the UI process, whole run (s)", "ui_cpu_s"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", action="append", required=True, help="a ledger (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("tmux"):
        raise SystemExit("tmux is not installed")
    expect = compare(args.db)
    results = []
    for target in args.db:
        runs = []
        for n in range(args.runs):
            figures = one_run(target, expect)
            print(
                f"  {backend(target)} run {n + 1}: "
                + ", ".join(f"{k} {v:.0f}" for k, v in figures.items() if k.endswith("_ms")),
                file=sys.stderr,
            )
            runs.append(figures)
        results.append(
            (backend(target), {k: statistics.median(r[k] for r in runs) for k in runs[0]})
        )
    print(f"\nin tmux at {WIDTH}x{HEIGHT}, median of {args.runs} runs, to the rows on screen")
    print(f"  {'':40s}" + "".join(f"{name:>14s}" for name, _ in results))
    for label, key in ROWS:
        print(f"  {label:40s}" + "".join(f"{figures[key]:14.2f}" for _, figures in results))


if __name__ == "__main__":
    main()
