"""`verdicts`: the same claim already decided elsewhere; take its verdict; keep copies up to date."""

from __future__ import annotations

from typing import Annotated

import typer

from claimledger.cli.context import fail, out_console, settings, write_json
from claimledger.terminal_text import visible


def register(app: typer.Typer) -> None:
    app.command("verdicts")(verdicts)


def verdicts(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="Claim id.")],
    take_from: Annotated[
        int | None,
        typer.Option("--take-from", help="Give the claim this claim's verdict (history says so)."),
    ] = None,
    update_copies: Annotated[
        bool,
        typer.Option(
            "--update-copies", help="Carry the claim's changed verdict to the claims that took it."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The verdicts reached on the same claim elsewhere: take one, or update the copies of this one."""
    if take_from is not None and update_copies:
        raise fail("--take-from or --update-copies, not both")
    if take_from is not None:
        _take(ctx, claim_id, take_from)
    elif update_copies:
        _update(ctx, claim_id)
    else:
        _show(ctx, claim_id, as_json=as_json)


def _show(ctx: typer.Context, claim_id: int, *, as_json: bool) -> None:
    from claimledger.records import to_json

    ledger = settings(ctx).ledger()
    found = ledger.earlier_verdicts(claim_id)
    if as_json:
        write_json(to_json(found))
        return
    if not found:
        out_console.print(f"claim {claim_id}: no verdict on the same claim elsewhere", markup=False)
        return
    own = ledger.claim(claim_id)
    for v in found:
        when = v.decided_at.isoformat()[:16].replace("T", " ") if v.decided_at else "?"
        out_console.print(
            visible(
                f"claim {v.claim_id} ({v.source}, {v.via}): {v.review_state}, evidence "
                f"{v.evidence_status}, decided by {v.decided_by or '?'} at {when}"
            ),
            markup=False,
        )
        quote = " ".join(visible(v.quote).split())
        out_console.print(f"  {quote}", markup=False, style="italic")
        for e in v.evidence:
            out_console.print(visible(f"  {e.stance}: {e.url}"), markup=False, soft_wrap=True)
        if v.held_by(own.review_state, own.evidence_status):
            out_console.print(f"  claim {claim_id} already has this verdict", markup=False)
        else:
            out_console.print(
                f"  take it: claimledger verdicts {claim_id} --take-from {v.claim_id}",
                markup=False,
            )


def _take(ctx: typer.Context, claim_id: int, from_id: int) -> None:
    changes = settings(ctx).ledger().take_verdict(claim_id, from_id)
    done = ", ".join(f"{c.action.value} {c.before} -> {c.after}" for c in changes) or "no change"
    out_console.print(f"claim {claim_id}: {done} (taken from claim {from_id})", markup=False)


def _update(ctx: typer.Context, claim_id: int) -> None:
    changes = settings(ctx).ledger().update_copies(claim_id)
    copies = sorted({c.claim_id for c in changes})
    if not copies:
        out_console.print(f"no copy of claim {claim_id}'s verdict needs updating", markup=False)
        return
    listed = ", ".join(map(str, copies))
    out_console.print(
        f"updated {len(copies)} claim(s) from claim {claim_id}: {listed}", markup=False
    )
