"""Other outlets' verdicts kept with an evidence link, and the history entry that records them.

The entry's `after` is the link's URL, a space, and the verdicts as canonical JSON (`none` when a
page no longer carries any): exact, so `verify` can replay it against what the evidence row holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from claimledger.ledger.review import record
from claimledger.models import Claim, Evidence
from claimledger.records import OutletVerdict, outlet_verdicts
from claimledger.vocab import HistoryAction

NONE = "none"


def canonical(stored: Any) -> str:
    """The verdicts as stored (a JSON list, its text, or nothing) in one exact spelling."""
    verdicts = outlet_verdicts(stored)
    if not verdicts:
        return NONE
    return json.dumps(
        [v.to_dict() for v in verdicts], sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )


def parse_entry(after: str) -> tuple[str, str]:
    """(url, canonical verdicts) from an entry's `after` (a URL has no spaces)."""
    url, _, verdicts = after.partition(" ")
    return url, canonical(json.loads(verdicts)) if verdicts and verdicts != NONE else NONE


def keep_verdicts(
    claim: Claim,
    evidence: Evidence,
    verdicts: Sequence[OutletVerdict],
    *,
    session: Session,
    user: str,
) -> bool:
    """Store what the page says now on its evidence row, and record it when it changed."""
    new = [v.to_dict() for v in verdicts] or None
    before = canonical(evidence.outlet_verdicts)
    after = canonical(new)
    if before == after:
        return False
    evidence.outlet_verdicts = new
    session.add(evidence)
    record(
        claim,
        HistoryAction.OUTLET_VERDICT,
        session=session,
        user=user,
        before=None if before == NONE else f"{evidence.url} {before}",
        after=f"{evidence.url} {after}",
    )
    return True
