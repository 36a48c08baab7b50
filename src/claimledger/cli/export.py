"""`export`: the verified claims for publishing (ClaimReview) or for the desks (CSV, JSON)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimledger.cli.context import err_console, fail, settings

if TYPE_CHECKING:
    from claimledger.service import Ledger


def register(app: typer.Typer) -> None:
    app.command("export")(export)


def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, json or claimreview.")] = "json",
    state: Annotated[
        list[str] | None,
        typer.Option(
            "--state",
            help="Review states to export (repeatable; default verified; 'all' for every claim).",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
    site_url: Annotated[
        str | None,
        typer.Option(
            "--site-url",
            envvar="CLAIMLEDGER_SITE_URL",
            help="Where the fact-checks are published (ClaimReview url).",
            show_envvar=True,
        ),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            envvar="CLAIMLEDGER_ORG",
            help="Name of the publishing organisation.",
            show_envvar=True,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Export even if `verify` finds the record altered."),
    ] = False,
) -> None:
    """Export claims with their evidence. By default only verified claims.

    The claims are verified first (their history's hash chain and state): an altered record
    is not published unless --force."""
    from claimledger.export import (
        FORMATS,
        Publisher,
        whole_file,
        write_claimreview,
        write_csv,
        write_json,
    )
    from claimledger.records import ClaimFilter
    from claimledger.vocab import parse_state

    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
    wanted = state or ["verified"]
    states = () if "all" in wanted else tuple(parse_state(s).value for s in wanted)
    newline = "" if fmt == "csv" else None  # the csv module writes its own line ends
    publisher = None
    if fmt == "claimreview":
        if not site_url:
            raise fail(
                "ClaimReview needs the address where the fact-checks are published: --site-url URL"
            )
        publisher = Publisher(site_url=site_url, name=org)
    cfg = settings(ctx)
    flt = ClaimFilter(states=states)
    if output is not None and not output.parent.exists():
        raise fail(f"folder {output.parent} does not exist")
    target = nullcontext(sys.stdout) if output is None else whole_file(output, newline=newline)
    ledger = cfg.ledger()
    if not force:
        _refuse_if_altered(ledger, states)
    with target as out:
        records = ledger.export_records(flt)
        if publisher is not None:
            n = write_claimreview(records, out, publisher)
        elif fmt == "csv":
            n = write_csv(records, out)
        else:
            n = write_json(records, out)
    if output is not None:
        err_console.print(f"{n} claim(s) written to {output}", markup=False)
    elif n == 0:
        err_console.print(
            "no claims to export (only verified claims by default: --state)", markup=False
        )


def _refuse_if_altered(ledger: Ledger, states: tuple[str, ...]) -> None:
    checked = ledger.verify(states=states)
    if checked.ok:
        return
    first = checked.findings[0].describe()
    more = f" and {len(checked.findings) - 1} more" if len(checked.findings) > 1 else ""
    raise fail(
        f"not exported: the ledger's record was altered ({first}{more}); "
        "`claimledger verify` lists every problem, --force exports anyway"
    )
