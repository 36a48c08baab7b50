"""`publish` (a claim's fact-check as published) and `publishing` (the desk's settings for it)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from claimledger.cli.context import (
    err_console,
    fail,
    out_console,
    print_error,
    settings,
    write_json,
)

if TYPE_CHECKING:
    from claimledger.records import PublicationRecord, PublishingSettings

publishing_app = typer.Typer(
    help="The desk's publishing settings: organisation, page addresses, rating scale.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.command("publish")(publish)
    app.add_typer(publishing_app, name="publishing")


def _date(value: str) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise fail(f"--date must be an ISO date like 2026-11-30, not {value!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def publish(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="The claim's id.")],
    url: Annotated[
        str | None, typer.Option("--url", help='The fact-check\'s page ("" to clear).')
    ] = None,
    statement: Annotated[
        str | None,
        typer.Option(
            "--statement",
            help="The claim in a few words, no verdict (claimReviewed; under 75 characters).",
        ),
    ] = None,
    suggest: Annotated[
        bool, typer.Option("--suggest", help="Use the statement suggested from the quote.")
    ] = False,
    rating: Annotated[
        str | None, typer.Option("--rating", help="The verdict, from the desk's scale.")
    ] = None,
    summary: Annotated[str | None, typer.Option("--summary", help="The review's summary.")] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="When it was published (default: now).")
    ] = None,
    draft: Annotated[
        bool, typer.Option("--draft", help="Save what is given without publishing.")
    ] = False,
    withdraw: Annotated[
        bool, typer.Option("--withdraw", help="Mark the fact-check as no longer published.")
    ] = False,
    show: Annotated[
        bool, typer.Option("--show", help="Print what is recorded (and a suggested statement).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="With --show: print JSON.")] = False,
) -> None:
    """Record a claim's published fact-check: its page, short statement, verdict and summary.

    Each field changed is one entry in the claim's history. Publishing needs a verified claim
    with a page (or a URL template in `publishing set`), a statement and a rating.
    """
    ledger = settings(ctx).ledger()
    if show:
        _show(ledger.publication(claim_id), ledger.suggest_statement(claim_id), claim_id, as_json)
        return
    if draft and withdraw:
        raise fail("--draft and --withdraw contradict each other: choose one")
    if suggest:
        if statement is not None:
            raise fail("--statement and --suggest contradict each other: choose one")
        statement = ledger.suggest_statement(claim_id)
    for problem in ledger.statement_problems(statement) if statement else []:
        print_error(problem, level="warning")
    published = False if withdraw else None if draft else True
    changes = ledger.publish(
        claim_id,
        url=url,
        statement=statement,
        rating=rating,
        summary=summary,
        published=published,
        published_at=_date(date) if date else None,
    )
    if not changes:
        err_console.print(f"claim {claim_id}: nothing changed", markup=False)
    for change in changes:
        what = change.action.value.replace("_", " ")
        out_console.print(
            f"claim {claim_id}: {what} {change.after if change.after is not None else '(cleared)'}",
            markup=False,
            soft_wrap=True,
        )


def _show(pub: PublicationRecord | None, suggestion: str, claim_id: int, as_json: bool) -> None:
    from claimledger.records import to_json

    if as_json:
        data = {
            "claim_id": claim_id,
            "publication": to_json(pub),
            "suggested_statement": suggestion,
        }
        write_json(data)
        return
    if pub is None:
        out_console.print(f"claim {claim_id}: nothing recorded for publication", markup=False)
    else:
        when = pub.published_at.date().isoformat() if pub.published_at else None
        for label, value in (
            ("url", pub.url),
            ("statement", pub.statement),
            ("rating", pub.rating),
            ("summary", pub.summary),
            ("published", f"{when} by {pub.published_by}" if when else "not yet (draft)"),
        ):
            out_console.print(f"{label:>10}: {value or '-'}", markup=False, soft_wrap=True)
    out_console.print(f" suggested: {suggestion}", markup=False, soft_wrap=True)


# -- the desk's settings -------------------------------------------------------------------
def _print_settings(cfg: PublishingSettings) -> None:
    for label, value in (
        ("organisation", cfg.org_name),
        ("site", cfg.org_url),
        ("URL template", cfg.url_template),
    ):
        out_console.print(f"{label:>12}: {value or '-'}", markup=False, soft_wrap=True)
    out_console.print("rating scale (best first):", markup=False)
    for r in cfg.scale.ratings:
        number = str(r.value) if r.value is not None else "no number (not rateable)"
        out_console.print(f"  {r.label} = {number}", markup=False, soft_wrap=True)


@publishing_app.command("show")
def show_settings(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The publishing organisation, the page address template and the rating scale."""
    from claimledger.records import to_json

    cfg = settings(ctx).ledger().publishing_settings()
    if as_json:
        write_json(to_json(cfg))
    else:
        _print_settings(cfg)


@publishing_app.command("set")
def set_settings(
    ctx: typer.Context,
    org: Annotated[str | None, typer.Option("--org", help="Organisation name.")] = None,
    site_url: Annotated[str | None, typer.Option("--site-url", help="Organisation's site.")] = None,
    url_template: Annotated[
        str | None,
        typer.Option(
            "--url-template",
            help="Fact-check page address with {id}, e.g. https://example.org/fact-checks/{id}.",
        ),
    ] = None,
) -> None:
    """Change the publisher or the page address template ("" clears one)."""
    if org is None and site_url is None and url_template is None:
        raise fail("nothing to set: --org, --site-url or --url-template")
    cfg = (
        settings(ctx)
        .ledger()
        .set_publisher(org_name=org, org_url=site_url, url_template=url_template)
    )
    _print_settings(cfg)


@publishing_app.command("scale")
def set_scale(
    ctx: typer.Context,
    ratings: Annotated[
        list[str],
        typer.Argument(
            help='Best first, as "True=5" "Mostly True=4" ... "False=1" "Unrateable" '
            "(no number: a verdict that is not a rating)."
        ),
    ],
) -> None:
    """Replace the desk's rating scale (refused while a claim is rated with a label it drops)."""
    settings(ctx).ledger().set_rating_scale(ratings)
    _print_settings(settings(ctx).ledger().publishing_settings())
