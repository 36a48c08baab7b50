"""`report`: where the desk stands, for the morning meeting (text, Markdown, JSON, or an HTML
page with each article's claims)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from claimledger.cli.context import fail, settings, write_json, write_out

if TYPE_CHECKING:
    from collections.abc import Iterable

    from claimledger.export.by_article import ArticleClaims
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
    from claimledger.export.report import text_report
    from claimledger.records import to_json

    fmt = "json" if as_json else fmt
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
    if recent < 0 or sources < 0:
        raise fail("--recent and --sources cannot be negative")
    if state and fmt not in ("html", "markdown"):
        raise fail("--state chooses the claims of the html and markdown reports' articles")
    ledger = settings(ctx).ledger()
    data = ledger.report(recent=recent, sources=sources)
    if fmt == "html":
        _html(ledger, data, state or ["verified"])
    elif fmt == "json":
        write_json(to_json(data))
    elif fmt == "markdown":
        _markdown(ledger, data, state or ["verified"])
    else:
        write_out(text_report(data) + "\n")


def _articles(ledger: Ledger, wanted: list[str]) -> tuple[str, Iterable[ArticleClaims]]:
    """The report's scope in words, and its articles (read one at a time)."""
    from claimledger.records import ClaimFilter
    from claimledger.vocab import parse_state

    states = () if "all" in wanted else tuple(parse_state(s).value for s in wanted)
    scope = "every claim" if not states else "review state " + ", ".join(states)
    return scope, ledger.report_articles(ClaimFilter(states=states))


def _markdown(ledger: Ledger, data: LedgerReport, wanted: list[str]) -> None:
    from claimledger.export.markdown_articles import markdown_articles
    from claimledger.export.report import markdown_report

    scope, articles = _articles(ledger, wanted)
    write_out(markdown_report(data) + "\n")
    write_out(f"Claims shown below: {scope}.\n\n")
    for line in markdown_articles(articles, ledger.publishing_settings()):
        write_out(line + "\n")


def _html(ledger: Ledger, data: LedgerReport, wanted: list[str]) -> None:
    import sys
    from datetime import UTC, datetime

    from claimledger.export.html_report import write_html_report

    scope, articles = _articles(ledger, wanted)
    write_html_report(
        data,
        articles,
        sys.stdout,
        scope=scope,
        generated=datetime.now(UTC),
        settings=ledger.publishing_settings(),
    )
