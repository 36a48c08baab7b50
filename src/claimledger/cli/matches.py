"""`matches`: the same claim in different articles, suggested by the finder, decided by a person."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from claimledger.cli.context import out_console, settings, write_out

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
    from claimledger.ledger.matches import list_matches
    from claimledger.ledger.queries import get_claim

    with settings(ctx).session() as session:
        rows: list[dict[str, Any]] = []
        for m in list_matches(session=session, status=status, claim_id=claim_id):
            a, b = get_claim(m.claim_id, session=session), get_claim(m.other_id, session=session)
            rows.append(
                {
                    "id": m.id,
                    "status": m.status,
                    "similarity": m.similarity,
                    "claim": {"id": a.id, "source_id": a.source_id, "quote": a.quote},
                    "other": {"id": b.id, "source_id": b.source_id, "quote": b.quote},
                    "decided_by": m.decided_by,
                }
            )
    if as_json:
        write_out(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} match(es)", title_justify="left", expand=True)
    for column in ("id", "status", "sim", "claim", "other claim"):
        table.add_column(column, ratio=1 if "claim" in column else None)
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["status"],
            f"{r['similarity']:.2f}",
            f"[{r['claim']['id']}] {r['claim']['quote']}",
            f"[{r['other']['id']}] {r['other']['quote']}",
        )
    out_console.print(table)


def _decide(ctx: typer.Context, match_id: int, status: str) -> None:
    from claimledger.ledger.matches import decide

    cfg = settings(ctx)
    with cfg.session() as session:
        m = decide(match_id, status, session=session, user=cfg.who)
        out_console.print(
            f"match {m.id}: {m.status} (claims {m.claim_id} and {m.other_id})", markup=False
        )


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
    from claimledger.ledger.matches import suggest_all

    with settings(ctx).session() as session:
        n = suggest_all(session=session)
    out_console.print(f"{n} new suggestion(s)", markup=False)
