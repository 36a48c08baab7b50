"""`conflicts`: claims whose figures for one measure cannot both be true; confirm or dismiss."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from claimledger.cli.context import out_console, settings, write_json
from claimledger.terminal_text import visible

if TYPE_CHECKING:
    from rich.text import Text

    from claimledger.records import ConflictRecord, ConflictSide

conflicts_app = typer.Typer(
    help="Claims whose figures cannot both be true.", invoke_without_command=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(conflicts_app, name="conflicts")


@conflicts_app.callback()
def list_(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(
            "--status", help="suggested, confirmed or dismissed (default: not dismissed)."
        ),
    ] = None,
    claim_id: Annotated[
        int | None, typer.Option("--claim", help="Only conflicts of this claim.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON: one object per pair.")
    ] = False,
) -> None:
    """List suggested (and decided) conflicting figures."""
    if ctx.invoked_subcommand is not None:
        return
    from claimledger.records import to_json

    rows = settings(ctx).ledger().conflicts(status=status, claim_id=claim_id)
    if as_json:
        write_json(to_json(rows))
        return
    from rich.table import Table

    table = Table(
        title=f"{len(rows)} conflict(s)", title_justify="left", expand=True, show_lines=True
    )
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("conflict", ratio=1)
    for r in rows:
        table.add_row(str(r.id), _cell(r))
    out_console.print(table)


def _side(side: ConflictSide) -> Text:
    from rich.text import Text

    cell = Text(f"[{side.id}] ", style="bold")
    cell.append(" ".join(visible(side.quote).split()))
    period = (
        f"{side.period.start} to {side.period.end}"
        if side.period and side.period.start
        else "no period"
    )
    figure = side.quantity.describe() if side.quantity else "?"
    facts = f"\n    {figure} · {period} · {side.source} · {side.review_state}"
    cell.append(visible(facts), style="dim")
    return cell


def _cell(r: ConflictRecord) -> Text:
    from rich.text import Text

    decided = visible(f" by {r.decided_by}") if r.decided_by else ""
    cell = Text(r.status + decided, style="yellow")
    cell.append("\n")
    cell.append_text(_side(r.claim))
    cell.append("\n")
    cell.append_text(_side(r.other))
    cell.append("\n" + visible(r.reason), style="italic")
    return cell


def _decide(ctx: typer.Context, conflict_id: int, status: str, note: str | None) -> None:
    c = settings(ctx).ledger().decide_conflict(conflict_id, status, note)
    out_console.print(
        f"conflict {c.id}: {c.status} (claims {c.claim.id} and {c.other.id})", markup=False
    )


NoteOption = Annotated[
    str | None, typer.Option("--note", help="Why, recorded in both claims' histories.")
]


@conflicts_app.command("confirm")
def confirm(
    ctx: typer.Context,
    conflict_id: Annotated[int, typer.Argument(help="Conflict id.")],
    note: NoteOption = None,
) -> None:
    """The two figures cannot both be true: one of the claims is wrong."""
    _decide(ctx, conflict_id, "confirmed", note)


@conflicts_app.command("dismiss")
def dismiss(
    ctx: typer.Context,
    conflict_id: Annotated[int, typer.Argument(help="Conflict id.")],
    note: NoteOption = None,
) -> None:
    """The figures only look alike (another place, another period, another measure)."""
    _decide(ctx, conflict_id, "dismissed", note)


@conflicts_app.command("scan")
def scan(ctx: typer.Context) -> None:
    """Look for conflicting figures across the whole ledger (new articles are checked as they come)."""
    n = settings(ctx).ledger().scan_conflicts()
    out_console.print(f"{n} new conflict(s)", markup=False)
