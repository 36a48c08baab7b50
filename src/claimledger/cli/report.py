"""`report`: where the desk stands, for the morning meeting (text, Markdown, JSON, or an HTML
page with each article's claims)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from claimledger.cli.context import fail, settings, write_out

if TYPE_CHECKING:
    from claimledger.records import LedgerReport
    from claimledger.service import Ledger

FORMATS = ("text", "markdown", "json", "html")


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def report(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text, markdown, json or html.")
    ] = "text",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    recent: Annotated[int, typer.Option("--recent", help="How many latest verdicts.")] = 10,
    sources: Annotated[int, typer.Option("--sources", help="How many articles to list.")] = 10,
    state: Annotated[
        list[str] | None,
        typer.Option(
            "--state",
            help="html: review states of the claims shown per article (repeatable; default "
            "verified; 'all' for every claim).",
        ),
    ] = None,
) -> None:
    """Counts by review state, evidence status, verdict, article and person; latest verdicts.
    --format html is a page for a browser or a printer: the counts, then each article with its
    claims, verdicts, notes and evidence links."""
    from claimledger.export.report import markdown_report, text_report
    from claimledger.records import to_json

    fmt = "json" if as_json else fmt
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
    if recent < 0 or sources < 0:
        raise fail("--recent and --sources cannot be negative")
    if state and fmt != "html":
        raise fail("--state chooses the claims of the html report's articles")
    ledger = settings(ctx).ledger()
    data = ledger.report(recent=recent, sources=sources)
    if fmt == "html":
        _html(ledger, data, state or ["verified"])
    elif fmt == "json":
        write_out(json.dumps(to_json(data), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "markdown":
        write_out(markdown_report(data) + "\n")
    else:
        write_out(text_report(data) + "\n")


def _html(ledger: Ledger, data: LedgerReport, wanted: list[str]) -> None:
    import sys
    from datetime import UTC, datetime

    from claimledger.export.html_report import write_html_report
    from claimledger.records import ClaimFilter
    from claimledger.vocab import parse_state

    states = () if "all" in wanted else tuple(parse_state(s).value for s in wanted)
    flt = ClaimFilter(states=states)
    scope = "every claim" if not states else "review state " + ", ".join(states)
    articles = ledger.report_articles(flt)
    write_html_report(
        data,
        articles,
        sys.stdout,
        scope=scope,
        generated=datetime.now(UTC),
        settings=ledger.publishing_settings(),
    )
