"""`report`: where the desk stands, for the morning meeting (text, Markdown or JSON)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from claimledger.cli.context import fail, settings, write_out

FORMATS = ("text", "markdown", "json")


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def report(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, markdown or json.")] = "text",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    recent: Annotated[int, typer.Option("--recent", help="How many latest verdicts.")] = 10,
    sources: Annotated[int, typer.Option("--sources", help="How many articles to list.")] = 10,
) -> None:
    """Counts by review state, evidence status, verdict, article and person; latest verdicts."""
    from claimledger.export.report import markdown_report, text_report
    from claimledger.records import to_json

    fmt = "json" if as_json else fmt
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
    if recent < 0 or sources < 0:
        raise fail("--recent and --sources cannot be negative")
    data = settings(ctx).ledger().report(recent=recent, sources=sources)
    if fmt == "json":
        write_out(json.dumps(to_json(data), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "markdown":
        write_out(markdown_report(data) + "\n")
    else:
        write_out(text_report(data) + "\n")
