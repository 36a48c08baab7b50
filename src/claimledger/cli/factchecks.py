"""`factchecks ID`: fact-checks already published about a claim, from a ClaimReview search API."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer

from claimledger.cli.context import err_console, out_console, print_error, say, settings, write_out
from claimledger.errors import LedgerError
from claimledger.terminal_text import plain


def register(app: typer.Typer) -> None:
    app.command("factchecks")(factchecks)


def factchecks(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="Claim id.")],
    query: Annotated[
        str | None, typer.Option("--query", help="Search these words instead of the quote.")
    ] = None,
    limit: Annotated[int, typer.Option("--max", min=1, help="At most this many results.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """Fact-checks other outlets already published about a claim (Google Fact Check Tools format).

    Needs CLAIMLEDGER_FACTCHECK_KEY; CLAIMLEDGER_FACTCHECK_ENDPOINT names another service.
    """
    from rich.table import Table

    ledger = settings(ctx).ledger()
    with err_console.status(f"searching fact-checks for claim {claim_id}"):
        words, found = ledger.fact_checks(claim_id, query=query, max_results=limit)
    if not found.ok and not found.results:
        raise LedgerError(found.message)
    if not found.ok:
        print_error(f"{found.message}; showing what came before", level="warning")
    if as_json:
        write_out(
            json.dumps([asdict(r) for r in found.results], indent=2, ensure_ascii=False) + "\n"
        )
        return
    if not found.results:
        say(f"no published fact-checks found for: {words}", err=True)
        return
    table = Table("rating", "publisher", "claim", "fact-check", show_lines=False)
    for r in found.results:
        table.add_row(plain(r.rating), plain(r.publisher), plain(r.claim), plain(r.url))
    out_console.print(table)
    say(f"{len(found.results)} fact-check(s) for: {words}", err=True)
