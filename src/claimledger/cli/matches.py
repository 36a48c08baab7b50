"""`matches`: the same claim in different articles, suggested by the finder, decided by a person."""

from __future__ import annotations

from typing import Annotated

import typer

from claimledger.cli.context import out_console, say, settings, write_json
from claimledger.terminal_text import plain

matches_app = typer.Typer(
    help="Claims that say the same thing in different articles.", invoke_without_command=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(matches_app, name="matches")


@matches_app.callback()
def list_(
    ctx: typer.Context,
    status: Annotated[
        str | None, typer.Option("--status", help="suggested, confirmed or rejected.")
    ] = None,
    claim_id: Annotated[
        int | None, typer.Option("--claim", help="Only matches of this claim.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List suggested (and decided) matches."""
    if ctx.invoked_subcommand is not None:
        return
    from claimledger.records import to_json

    rows = settings(ctx).ledger().match_pairs(status=status, claim_id=claim_id)
    if as_json:
        write_json(to_json(rows))
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} match(es)", title_justify="left", expand=True)
    for column in ("id", "status", "sim", "claim", "other claim"):
        table.add_column(column, ratio=1 if "claim" in column else None)
    for r in rows:
        table.add_row(
            str(r.id),
            plain(r.status),
            f"{r.similarity:.2f}",
            plain(f"[{r.claim.id}] {r.claim.quote}"),
            plain(f"[{r.other.id}] {r.other.quote}"),
        )
    out_console.print(table)


def _decide(ctx: typer.Context, match_id: int, status: str) -> None:
    m = settings(ctx).ledger().decide_match(match_id, status)
    say(f"match {m.id}: {m.status} (claims {m.claim.id} and {m.other.id})")


@matches_app.command("confirm")
def confirm(ctx: typer.Context, match_id: Annotated[int, typer.Argument(help="Match id.")]) -> None:
    """The two claims are the same claim."""
    _decide(ctx, match_id, "confirmed")


@matches_app.command("reject")
def reject(ctx: typer.Context, match_id: Annotated[int, typer.Argument(help="Match id.")]) -> None:
    """The two claims only look alike."""
    _decide(ctx, match_id, "rejected")


@matches_app.command("suggest")
def suggest(ctx: typer.Context) -> None:
    """Look for matches across the whole ledger again (after the finder improved, say)."""
    n = settings(ctx).ledger().suggest_matches()
    say(f"{n} new suggestion(s)")
