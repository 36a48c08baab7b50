"""`links check`: re-fetch every evidence link and record what became of it."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from claimledger.cli.context import err_console, say, settings, write_out
from claimledger.terminal_text import json_safe

links_app = typer.Typer(
    help="Evidence links: re-check that they still say what they said.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(links_app, name="links")


@links_app.command("check")
def check(
    ctx: typer.Context,
    claim_id: Annotated[
        int | None, typer.Option("--claim", help="Only this claim's links.")
    ] = None,
    concurrency: Annotated[int, typer.Option("--concurrency", help="Links fetched at once.")] = 20,
    per_host: Annotated[int, typer.Option("--per-host", help="At once per host (politeness).")] = 2,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per link.")] = False,
) -> None:
    """Re-fetch every evidence link: alive, dead, redirected elsewhere, or changed since added."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    ledger = settings(ctx).ledger()
    progress = Progress(
        TextColumn("checking links"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
    )
    task = progress.add_task("links", total=None)
    with progress:
        results = ledger.check_links(
            claim_id=claim_id,
            concurrency=concurrency,
            per_host=per_host,
            on_start=lambda total: progress.update(task, total=total),
            on_progress=lambda _key, _result: progress.advance(task),
        )
    if not results:
        err_console.print("no evidence links to check", markup=False)
        return
    summary: dict[str, int] = {}
    for link in results:
        summary[link.check.state] = summary.get(link.check.state, 0) + 1
    if as_json:
        for link in results:
            r = link.check
            write_out(
                json_safe(
                    json.dumps(
                        {
                            "evidence_id": link.evidence_id,
                            "claim_id": link.claim_id,
                            "url": r.url,
                            "state": r.state,
                            "status": r.status,
                            "final_url": r.final_url,
                            "error": r.error,
                            "checked_at": r.checked_at.isoformat(),
                        }
                    )
                )
                + "\n"
            )
    else:
        for link in results:
            r = link.check
            if r.state != "alive":
                detail = r.error or (
                    f"now at {r.final_url}" if r.state == "redirected" else f"HTTP {r.status}"
                )
                say(f"{r.state:<10} claim {link.claim_id}: {r.url} ({detail})")
    err_console.print(
        f"{len(results)} link(s): "
        + ", ".join(f"{n} {state}" for state, n in sorted(summary.items())),
        markup=False,
    )
