"""The `!` key: go to the claim whose figure conflicts with this one, or confirm or dismiss."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.errors import LedgerError
from claimledger.records import ClaimFilter, ConflictRecord
from claimledger.tui.calls import desk
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.view import View
from claimledger.tui.widgets.conflict_note import other_side

if TYPE_CHECKING:
    from claimledger.tui.screens.ledger import LedgerScreen


def pick_conflict(screen: LedgerScreen, claim_id: int, conflicts: list[ConflictRecord]) -> None:
    """A short menu: each conflict's other claim to go to, and each suggestion to decide."""
    if not conflicts:
        screen.notify(f"Claim {claim_id} has no conflicting figures")
        return
    options: list[tuple[str, str]] = []
    for c in conflicts:
        _mine, theirs = other_side(c, claim_id)
        figure = theirs.quantity.text if theirs.quantity else "?"
        options.append(
            (f"go:{c.id}:{theirs.id}", f"Go to #{theirs.id} ({figure}, {theirs.source})")
        )
        if c.status == "suggested":
            options.append(
                (f"confirmed:{c.id}", f"Confirm: #{theirs.id} and this cannot both be true")
            )
            options.append((f"dismissed:{c.id}", f"Dismiss: #{theirs.id} only looks alike"))

    def done(value: str | None) -> None:
        if not value:
            return
        verb, conflict_id, *rest = value.split(":")
        if verb == "go":
            go_to_pair(screen, claim_id, int(rest[0]))
            return
        seen = next(c.status for c in conflicts if c.id == int(conflict_id))
        desk(screen).write(
            lambda ledger: ledger.decide_conflict(int(conflict_id), verb, expected=seen),
            lambda c: decided(c),
            owner=screen,
            failed=lambda error: refused(error),
        )

    def refused(error: LedgerError) -> None:
        screen.detail.reload({claim_id})  # what the other person decided shows
        screen.notify(str(error), severity="warning", timeout=8)

    def decided(conflict: ConflictRecord) -> None:
        screen.detail.reload({conflict.claim.id, conflict.other.id})
        screen.notify(f"conflict {conflict.status}", timeout=2.5)

    screen.app.push_screen(ChoiceDialog(f"Conflicting figures of claim {claim_id}", options), done)


def go_to_pair(screen: LedgerScreen, claim_id: int, other_id: int) -> None:
    """The two claims side by side in the table, the cursor on the other one; Esc goes back."""
    screen.pending_jump = other_id
    screen.load_view(View(flt=ClaimFilter(ids=(claim_id, other_id)), order="id"))
