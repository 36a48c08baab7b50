"""One writer of the concurrency tests, run as its own process: random changes to a few claims.

    python writer.py URL USER SEED COUNT CLAIM_ID [CLAIM_ID ...] [--cli]

Prints one JSON object: how many changes were made (per claim), refused by the rules, or busy.
Through the library (`Ledger`) by default; with --cli each change is a `claimledger` command run
by the real entry point. Any error other than a refusal is a traceback and a non-zero exit.
"""

from __future__ import annotations

import io
import json
import random
import sys
from contextlib import redirect_stdout

from claimledger.errors import LedgerBusy
from claimledger.records import Change
from claimledger.service import Ledger
from claimledger.vocab import EvidenceStatus, ReviewState

STATES = [s.value for s in ReviewState]
STATUSES = [s.value for s in EvidenceStatus]
PEOPLE = ["ann", "bo", "cy", ""]


def library(ledger: Ledger, rng: random.Random, ids: list[int]) -> tuple[list[Change], int]:
    """One random action: the changes it made, and how many claims the rules refused."""
    claim = rng.choice(ids)
    kind = rng.choice(["state", "state", "evidence", "evidence", "note", "assign", "bulk"])
    if kind == "state":
        found = ledger.apply([claim], "review_state", rng.choice(STATES))
    elif kind == "evidence":
        found = ledger.apply([claim], "evidence_status", rng.choice(STATUSES))
    elif kind == "note":
        found = ledger.apply([claim], "note", f"note {rng.random():.6f}")
    elif kind == "assign":
        found = ledger.apply([claim], "assignee", rng.choice(PEOPLE))
    else:
        action = rng.choice(["review_state", "evidence_status"])
        value = rng.choice(STATES if action == "review_state" else STATUSES)
        found = ledger.apply(ids, action, value)
    return list(found.changes), len(found.skipped)


def cli(url: str, user: str, rng: random.Random, ids: list[int]) -> tuple[int, str]:
    """One random change through the `claimledger` command: (exit code, what it was)."""
    from claimledger.cli import main

    claim = str(rng.choice(ids))
    kind = rng.choice(["state", "evidence", "note", "note"])
    if kind == "state":
        args = ["review", claim, "--state", rng.choice(STATES)]
    elif kind == "evidence":
        args = ["review", claim, "--evidence-status", rng.choice(STATUSES)]
    else:
        args = ["review", claim, "--note", f"note {rng.random():.6f}"]
    sys.argv = ["claimledger", "--db", url, "--user", user, *args]
    code = 0
    with redirect_stdout(io.StringIO()):
        try:
            main()
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, kind


def main() -> None:
    url, user, seed, count, *rest = sys.argv[1:]
    through_cli = "--cli" in rest
    ids = [int(x) for x in rest if x != "--cli"]
    rng = random.Random(int(seed))
    made: dict[int | str, int] = {}
    refused = busy = 0
    if through_cli:
        import claimledger.cli.context as context

        for _ in range(int(count)):
            # the command's one-line errors go to this run's stderr, read back below
            buffer = io.StringIO()
            context.err_console = context.ShownConsole(file=buffer, highlight=False, width=200)
            code, kind = cli(url, user, rng, ids)
            text = buffer.getvalue()
            if code == 0:
                made[kind] = made.get(kind, 0) + 1
            elif "busy" in text:
                busy += 1
            elif text.startswith("error: "):
                refused += 1
            else:
                raise SystemExit(f"unexpected exit {code}: {text!r}")
        print(json.dumps({"made": made, "refused": refused, "busy": busy}))
        return
    ledger = Ledger.open(url, user=user, create=False, wait=120)
    for _ in range(int(count)):
        try:
            changes, skipped = library(ledger, rng, ids)
        except LedgerBusy:
            busy += 1
            continue
        refused += skipped
        for change in changes:
            made[change.claim_id] = made.get(change.claim_id, 0) + 1
    ledger.close()
    print(json.dumps({"made": made, "refused": refused, "busy": busy}))


if __name__ == "__main__":
    main()
