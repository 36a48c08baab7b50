"""`links check`: re-fetch every evidence link and record what became of it."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from claimledger.cli.context import err_console, out_console, settings, write_out

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

    from claimledger.ledger.linkcheck import apply_check, links_to_check
    from claimledger.links import LinkSettings, check_links_sync

    cfg = settings(ctx)
    with cfg.session() as session:
        rows = [
            (e.id, e.claim_id, e.url, e.content_hash)
            for e in links_to_check(session=session, claim_id=claim_id)
        ]
    if not rows:
        err_console.print("no evidence links to check", markup=False)
        return
    claims = {eid: cid for eid, cid, _, _ in rows}
    progress = Progress(
        TextColumn("checking links"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
    )
    with progress:
        task = progress.add_task("links", total=len(rows))
        results = check_links_sync(
            [(eid, url, digest) for eid, _, url, digest in rows],
            settings=LinkSettings.from_env(),
            concurrency=concurrency,
            per_host=per_host,
            on_progress=lambda _key, _result: progress.advance(task),
        )
    user = cfg.who
    with cfg.session() as session:
        for eid, result in results:
            try:
                apply_check(int(eid), result, session=session, user=user)  # type: ignore[call-overload]
            except LookupError:
                continue
    summary: dict[str, int] = {}
    for _, result in results:
        summary[result.state] = summary.get(result.state, 0) + 1
    if as_json:
        for eid, r in results:
            write_out(
                json.dumps(
                    {
                        "evidence_id": eid,
                        "claim_id": claims[eid],  # type: ignore[index]
                        "url": r.url,
                        "state": r.state,
                        "status": r.status,
                        "final_url": r.final_url,
                        "error": r.error,
                        "checked_at": r.checked_at.isoformat(),
                    }
                )
                + "\n"
            )
    else:
        for eid, r in results:
            if r.state != "alive":
                detail = r.error or (
                    f"now at {r.final_url}" if r.state == "redirected" else f"HTTP {r.status}"
                )
                out_console.print(
                    f"{r.state:<10} claim {claims[eid]}: {r.url} ({detail})",
                    markup=False,
                    soft_wrap=True,
                )  # type: ignore[index]
    err_console.print(
        f"{len(results)} link(s): "
        + ", ".join(f"{n} {state}" for state, n in sorted(summary.items())),
        markup=False,
    )
