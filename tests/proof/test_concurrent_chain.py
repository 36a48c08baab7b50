"""Several processes changing the same claims at once: every chain still verifies, and the
history explains every claim's state (no entry lost, none out of order)."""

from __future__ import annotations

import subprocess
import sys

from claimledger.service import Ledger
from proof.conftest import Built

WRITER = """
import sys
from claimledger.service import Ledger
from claimledger.errors import LedgerError
url, name, ids = sys.argv[1], sys.argv[2], [int(i) for i in sys.argv[3:]]
ledger = Ledger.open(url, user=name)
for n in range(25):
    cid = ids[n % len(ids)]
    try:
        state = ledger.claim(cid).review_state
        ledger.review(cid, state="in_review" if state == "new" else "new", note=f"{name} {n}")
    except LedgerError as exc:
        print(exc, file=sys.stderr)
ledger.close()
"""


def test_four_writers_leave_chains_that_verify(built: Built) -> None:
    ids = [str(i) for i in built.ids[2:]]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, built.url, f"w{n}", *ids],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    for w in writers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    ledger = Ledger.open(built.url, user="auditor", create=False)
    result = ledger.verify()
    assert result.ok, [f.describe() for f in result.findings]
    notes = [h for cid in built.ids[2:] for h in ledger.history(cid) if h.note]
    assert len(notes) == 4 * 25
    ledger.close()
