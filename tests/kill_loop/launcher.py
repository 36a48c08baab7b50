"""Starts claimledger commands for the kill loop, fast: imports everything once, then forks.

A fresh `claimledger` spends most of a second importing before it touches the ledger; forked from
this warmed-up process, a command starts at once, so a kill at a random moment lands in the
command's work, and fifty of them fit in the loop's time. Each command is the real entry point
(`claimledger.cli.main`) in a process of its own, in a process group of its own (its id is the
command's pid; its workers inherit it), with its output in files.

Speaks JSON lines on stdin/stdout:
  {"op": "run", "argv": [...], "cwd": DIR, "env": {...}, "out": FILE, "err": FILE} -> {"pid": N}
  {"op": "bulk", "db": FILE, "cwd": DIR, "rounds": N, "err": FILE}               -> {"pid": N}
  {"op": "wait", "pid": N}                                  -> {"status": exit code or -signal}
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable

# the migration scripts are imported when an upgrade runs: load them here too
from alembic.script import ScriptDirectory

# everything a command would import on its way, imported once here
import claimledger.cli
import claimledger.db
import claimledger.export.claimreview
import claimledger.export.tabular
import claimledger.ledger.bulk
import claimledger.ledger.ingest
import claimledger.ledger.queries
import claimledger.ledger.verify
import claimledger.service  # noqa: F401
from claimledger.db import _alembic_config

for _revision in ScriptDirectory.from_config(_alembic_config()).walk_revisions():
    _revision.module  # noqa: B018 - loading is the point


def _bulk_review(db: str, rounds: int) -> int:
    """What the review UI's bulk action does on marked claims, round after round, on every claim."""
    from claimledger.service import Ledger

    ledger = Ledger.open(db, user="desk")
    ids = [row.id for row in ledger.rows(limit=None)]
    steps = [
        ("review_state", "in_review", None),
        ("evidence_status", "mixed", None),
        ("note", None, "second source asked"),
        ("assignee", "ana", None),
        ("review_state", "new", None),
        ("evidence_status", "unverified", None),
    ]
    for n in range(rounds):
        action, value, note = steps[n % len(steps)]
        for start in range(0, len(ids), 25):
            ledger.apply(ids[start : start + 25], action, value, note=note)
    ledger.close()
    return 0


def _command(argv: list[str]) -> int:
    from claimledger.cli import main

    sys.argv = ["claimledger", *argv]
    try:
        main()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


def _fork(request: dict[str, object], work: Callable[[], int]) -> int:
    sys.stdout.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 70
    try:
        os.setpgid(0, 0)
        os.chdir(str(request["cwd"]))
        os.environ.update({str(k): str(v) for k, v in dict(request.get("env") or {}).items()})  # type: ignore[call-overload]
        for fd, name in ((0, None), (1, request.get("out")), (2, request.get("err"))):
            target = os.open(str(name) if name else os.devnull, os.O_RDWR | os.O_CREAT, 0o644)
            os.dup2(target, fd)
            os.close(target)
        code = work()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def main() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        op = request["op"]
        reply: dict[str, object]
        if op == "run":
            argv = [str(a) for a in request["argv"]]
            reply = {"pid": _fork(request, lambda argv=argv: _command(argv))}  # type: ignore[misc]
        elif op == "bulk":
            db, rounds = str(request["db"]), int(request["rounds"])
            reply = {"pid": _fork(request, lambda db=db, rounds=rounds: _bulk_review(db, rounds))}  # type: ignore[misc]
        elif op == "wait":
            _, status = os.waitpid(int(request["pid"]), 0)
            reply = {"status": os.waitstatus_to_exitcode(status)}
        else:
            reply = {"error": f"unknown op {op}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
