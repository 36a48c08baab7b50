"""Beside the claim: the verdict the desk reached on the same claim elsewhere, and copies to update."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from claimledger.records import Verdict
from claimledger.service import Ledger
from claimledger.terminal_text import visible
from claimledger.tui.calls import desk


@dataclass(frozen=True)
class Travel:
    """What `t` can do for one claim."""

    claim_id: int
    earlier: tuple[Verdict, ...]
    outdated_copies: tuple[int, ...]

    def __bool__(self) -> bool:
        return bool(self.earlier or self.outdated_copies)


def read_travel(ledger: Ledger, claim_id: int) -> Travel:
    return Travel(
        claim_id,
        tuple(ledger.earlier_verdicts(claim_id)),
        tuple(ledger.outdated_copies(claim_id)),
    )


def travel_text(travel: Travel) -> Text:
    text = Text()
    for v in travel.earlier:
        if text:
            text.append("\n")
        text.append("Already decided elsewhere", style="bold green")
        text.append("  t to take this verdict", style="dim")
        who = f" by {v.decided_by}" if v.decided_by else ""
        when = f" on {v.decided_at.date().isoformat()}" if v.decided_at else ""
        text.append(visible(f"\n#{v.claim_id} ({v.source}, {v.via}): "))
        text.append(f"{v.review_state}, {v.evidence_status}", style="bold")
        text.append(visible(f"{who}{when}"))
        for e in v.evidence[:3]:
            text.append(visible(f"\n  {e.stance}: {e.url}"), style="dim")
    if travel.outdated_copies:
        if text:
            text.append("\n")
        listed = ", ".join(f"#{c}" for c in travel.outdated_copies)
        text.append("Copies show an older verdict", style="bold yellow")
        text.append(f": {listed}  t to update them", style="dim")
    return text


class VerdictNote(Static):
    """Hidden unless the claim has a verdict to take, or copies to update."""

    DEFAULT_CSS = """
    VerdictNote { border-left: thick $success; padding-left: 1; }
    """

    claim_id: int | None = None
    travel: Travel | None = None

    def want(self, claim_id: int | None) -> None:
        self.claim_id = claim_id
        if claim_id is None:
            self._show(None)
            return
        desk(self).read(
            lambda ledger: read_travel(ledger, claim_id),
            self._show,
            owner=self,
            group="verdict-note",
        )

    def _show(self, travel: Travel | None) -> None:
        if travel is not None and travel.claim_id != self.claim_id:
            return
        self.travel = travel
        self.display = bool(travel)
        self.update(travel_text(travel) if travel else "")
