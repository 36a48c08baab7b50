"""The `t` key: take the verdict reached on the same claim elsewhere, or update the copies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.records import Change
from claimledger.tui.calls import desk
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.widgets.verdict_note import Travel

if TYPE_CHECKING:
    from claimledger.tui.screens.ledger import LedgerScreen


def pick_verdict(screen: LedgerScreen, travel: Travel) -> None:
    claim_id = travel.claim_id
    if not travel:
        screen.notify(f"Claim {claim_id}: no verdict elsewhere to take, no copies to update")
        return
    options = [
        (
            f"take:{v.claim_id}",
            f"Take #{v.claim_id}'s verdict: {v.review_state}, {v.evidence_status} ({v.source})",
        )
        for v in travel.earlier
    ]
    if travel.outdated_copies:
        options.append(("update", f"Update {len(travel.outdated_copies)} copies to this verdict"))

    def saved(changes: list[Change]) -> None:
        ids = {c.claim_id for c in changes} | {claim_id}
        screen.detail.reload(ids)
        screen.notify(f"{len(changes)} change(s) saved", timeout=2.5)

    def done(value: str | None) -> None:
        if not value:
            return
        if value == "update":
            desk(screen).write(lambda ledger: ledger.update_copies(claim_id), saved, owner=screen)
            return
        from_id = int(value.split(":")[1])
        desk(screen).write(
            lambda ledger: ledger.take_verdict(claim_id, from_id), saved, owner=screen
        )

    screen.app.push_screen(ChoiceDialog(f"Verdicts for claim {claim_id}", options), done)
