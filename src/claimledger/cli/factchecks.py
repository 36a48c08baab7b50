"""`factchecks ID`: fact-checks already published about a claim, from a ClaimReview search API."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from claimledger.cli.context import err_console, print_error, say, settings, write_json
from claimledger.errors import LedgerError


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
    ledger = settings(ctx).ledger()
    with err_console.status(f"searching fact-checks for claim {claim_id}"):
        words, found = ledger.fact_checks(claim_id, query=query, max_results=limit)
    if not found.ok and not found.results:
        raise LedgerError(found.message)
    if not found.ok:
        print_error(f"{found.message}; showing what came before", level="warning")
    if as_json:
        write_json([asdict(r) for r in found.results])
        return
    if not found.results:
        say(f"no published fact-checks found for: {words}", err=True)
        return
    for r in found.results:  # a block each, the URL on a line of its own, never cut or wrapped
        say(f"{r.rating or '?'} · {r.publisher or '?'}")
        say(f"  {r.claim}")
        if r.url:
            say(f"  {r.url}")
    say(f"{len(found.results)} fact-check(s) for: {words}", err=True)
