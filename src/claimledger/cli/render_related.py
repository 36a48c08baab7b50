"""What `show` prints about a claim's relations elsewhere: figures that cannot be true with its
own, the same claim in other articles, and the verdicts the desk already reached there.

The review UI shows these beside the claim; `show` must not hide them, or a desk working from the
command line would check a claim twice or publish one that another article contradicts.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from claimledger.records import ClaimDetail, ConflictRecord, MatchRecord, Verdict
from claimledger.terminal_text import visible


def related_parts(detail: ClaimDetail) -> list[Table]:
    """The tables to print between the claim's evidence and its history (none when it has none)."""
    claim = detail.claim
    parts = []
    if detail.conflicts:
        parts.append(conflicts_table(claim.id, detail.conflicts))
    if detail.verdicts_elsewhere:
        parts.append(
            verdicts_table(
                claim.id, (claim.review_state, claim.evidence_status), detail.verdicts_elsewhere
            )
        )
    decided = {v.claim_id for v in detail.verdicts_elsewhere}
    if undecided := [m for m in detail.matches if m.claim_id not in decided]:
        parts.append(matches_table(undecided))
    return parts


def _flat(text: str) -> str:
    return " ".join(visible(text).split())


def conflicts_table(claim_id: int, conflicts: Sequence[ConflictRecord]) -> Table:
    table = Table(
        title="conflicting figures (claimledger conflicts confirm|dismiss ID)",
        title_justify="left",
        title_style="bold red",
        expand=True,
    )
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("the other claim", ratio=1, overflow="fold")
    for c in conflicts:
        mine, theirs = (c.claim, c.other) if c.claim.id == claim_id else (c.other, c.claim)
        status = c.status + (f" by {c.decided_by}" if c.decided_by else "")
        figure = mine.quantity.describe() if mine.quantity else "?"
        their_figure = theirs.quantity.describe() if theirs.quantity else "?"
        cell = Text(f"#{theirs.id} ", style="bold")
        cell.append(visible(f"({theirs.source}, {theirs.review_state}, {status}): "))
        cell.append(visible(f"{their_figure} there, {figure} here"), style="red")
        cell.append("\n" + _flat(theirs.quote), style="italic")
        cell.append("\n" + visible(c.reason), style="dim")
        table.add_row(str(c.id), cell)
    return table


def verdicts_table(claim_id: int, own: tuple[str, str], verdicts: Sequence[Verdict]) -> Table:
    """Each verdict with who reached it and how to take it (or that this claim already has it)."""
    table = Table(
        title="decided elsewhere (the same claim in another article)",
        title_justify="left",
        title_style="bold",
        expand=True,
    )
    table.add_column("claim", ratio=1, overflow="fold")
    for v in verdicts:
        when = v.decided_at.isoformat()[:16].replace("T", " ") if v.decided_at else "?"
        cell = Text(f"#{v.claim_id} ", style="bold")
        cell.append(visible(f"{v.review_state}, evidence {v.evidence_status}"), style="green")
        cell.append(visible(f" · {v.decided_by or '?'} at {when} · {v.source} · {v.via}"))
        cell.append("\n" + _flat(v.quote), style="italic")
        for e in v.evidence:
            cell.append("\n" + visible(f"{e.stance}: {e.url}"))
        if v.held_by(*own):
            cell.append("\nthis claim already has this verdict", style="dim")
        else:
            take = f"take it: claimledger verdicts {claim_id} --take-from {v.claim_id}"
            cell.append("\n" + take, style="dim")
        table.add_row(cell)
    return table


def matches_table(matches: Sequence[MatchRecord]) -> Table:
    table = Table(
        title="the same claim elsewhere, not yet decided", title_justify="left", expand=True
    )
    table.add_column("claim", ratio=1, overflow="fold")
    for m in matches:
        how = "confirmed" if m.status == "confirmed" else f"suggested, {m.similarity:.2f}"
        cell = Text(f"#{m.claim_id} ", style="bold")
        cell.append(visible(f"({m.source}, {m.review_state}, {how}) "))
        cell.append(_flat(m.quote), style="italic")
        if m.evidence:
            cell.append("\n" + visible(f"its evidence: {', '.join(m.evidence)}"), style="green")
        table.add_row(cell)
    return table
