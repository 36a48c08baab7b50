"""Beside the claim: the figures elsewhere that cannot be true with its own, read in a worker."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from claimledger.records import ConflictRecord, ConflictSide
from claimledger.terminal_text import visible
from claimledger.tui.calls import desk


def other_side(conflict: ConflictRecord, claim_id: int) -> tuple[ConflictSide, ConflictSide]:
    """(this claim's side, the other claim's side)."""
    if conflict.claim.id == claim_id:
        return conflict.claim, conflict.other
    return conflict.other, conflict.claim


def conflict_text(claim_id: int, conflicts: list[ConflictRecord]) -> Text:
    text = Text("Conflicting figures", style="bold red")
    text.append("  ! to go to one, confirm or dismiss", style="dim")
    for c in conflicts:
        mine, theirs = other_side(c, claim_id)
        figure = mine.quantity.describe() if mine.quantity else "?"
        their_figure = theirs.quantity.describe() if theirs.quantity else "?"
        text.append(visible(f"\n{figure} here, {their_figure} in "))
        text.append(f"#{theirs.id}", style="bold")
        text.append(visible(f" ({theirs.source}, {c.status})"))
        text.append(f"\n  {' '.join(visible(theirs.quote).split())}", style="italic")
    return text


class ConflictNote(Static):
    """Hidden unless the claim shown has a conflict that is not dismissed."""

    DEFAULT_CSS = """
    ConflictNote { border-left: thick $error; padding-left: 1; }
    """

    claim_id: int | None = None
    conflicts: list[ConflictRecord] = []  # noqa: RUF012 (replaced whole, never mutated)

    def want(self, claim_id: int | None) -> None:
        self.claim_id = claim_id
        if claim_id is None:
            self._show(None, [])
            return
        desk(self).read(
            lambda ledger: ledger.conflicts(claim_id=claim_id),
            lambda found: self._show(claim_id, found),
            owner=self,
            group="conflict-note",
        )

    def _show(self, claim_id: int | None, found: list[ConflictRecord]) -> None:
        if claim_id != self.claim_id:
            return
        self.conflicts = found
        self.display = bool(found)
        self.update(conflict_text(claim_id, found) if claim_id is not None and found else "")
