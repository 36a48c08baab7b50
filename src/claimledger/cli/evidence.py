"""`evidence add|import|list|edit|remove|ack`: links that support, refute or give context to a claim."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimledger.cli.context import (
    err_console,
    fail,
    print_error,
    say,
    settings,
    write_json,
)
from claimledger.terminal_text import plain

if TYPE_CHECKING:
    from claimledger.records import EvidenceRecord

evidence_app = typer.Typer(help="Evidence links on claims.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(evidence_app, name="evidence")


@evidence_app.command("add")
def add(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="Claim id.")],
    url: Annotated[str, typer.Argument(help="An http(s) address.")],
    stance: Annotated[
        str, typer.Option("--stance", help="supports, refutes or context.")
    ] = "context",
    note: Annotated[str | None, typer.Option("--note", help="What the page shows.")] = None,
    fetch: Annotated[
        bool, typer.Option("--fetch/--no-fetch", help="Fetch (and archive) the page now.")
    ] = True,
) -> None:
    """Attach an evidence link to a claim; the page is fetched, fingerprinted and archived."""
    from claimledger.links import LinkSettings
    from claimledger.service import snapshot as snapshot_for_evidence

    ledger = settings(ctx).ledger()
    clean = ledger.check_evidence_target(claim_id, url, stance)  # mistakes before network work
    snapshot = archived = None
    if fetch and LinkSettings.from_env().offline:
        print_error("offline (CLAIMLEDGER_OFFLINE): the link is recorded unchecked", level="note")
    elif fetch:
        with err_console.status(plain(f"fetching {clean}")):
            snapshot, archived = snapshot_for_evidence(clean)
        if snapshot.error:
            state = (
                "unchecked"
                if snapshot.refused or snapshot.offline
                else ("unread: it answered" if snapshot.unread else "dead")
            )
            print_error(f"{clean}: {snapshot.error} (recorded, marked {state})", level="warning")
        if archived is not None and not archived.ok:
            print_error(archived.message, level="note")
    ev, _ = ledger.add_evidence(claim_id, clean, stance, note, snapshot=snapshot, archived=archived)
    say(f"evidence {ev.id} on claim {claim_id}: {ev.stance} {ev.url}")
    _say_verdicts(ev)


def _say_verdicts(ev: EvidenceRecord) -> None:
    """Other outlets' verdicts the page carried, one a line under its link."""
    for v in ev.outlet_verdicts:
        on = f" on “{v.claim_reviewed}”" if v.claim_reviewed else ""
        when = f", {v.date_published}" if v.date_published else ""
        say(f"      {v.describe()}{on}{when}")


@evidence_app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help="JSON: entries with source, claim (a phrase), url, stance, note.")
    ],
) -> None:
    """Attach evidence from a JSON file, finding each claim by a phrase of its text."""
    report = settings(ctx).ledger().import_evidence(file)
    say(f"{report.added} added, {report.already} already there")
    for missing in report.unmatched:
        print_error(f"no claim matches {missing}", level="warning")


@evidence_app.command("list")
def list_(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="Claim id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The evidence on one claim."""
    from claimledger.records import to_json

    rows = settings(ctx).ledger().evidence(claim_id)
    if as_json:
        write_json(to_json(rows))
        return
    if not rows:
        raise fail(f"claim {claim_id} has no evidence yet", code=0)
    for row in rows:
        say(f"{row.id:>4}  {row.stance:<9} {row.link_state:<10} {row.url}")
        _say_verdicts(row)


@evidence_app.command("edit")
def edit(
    ctx: typer.Context,
    evidence_id: Annotated[int, typer.Argument(help="Evidence id (as `evidence list` shows).")],
    stance: Annotated[
        str | None, typer.Option("--stance", help="supports, refutes or context.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="What the page shows.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="The right address.")] = None,
) -> None:
    """Correct a link's stance, note or address (recorded in the claim's history)."""
    if stance is None and note is None and url is None:
        raise fail("nothing to change: give --stance, --note or --url")
    ev = settings(ctx).ledger().edit_evidence(evidence_id, stance=stance, note=note, url=url)
    say(f"evidence {ev.id} on claim {ev.claim_id}: {ev.stance} {ev.url}")


@evidence_app.command("remove")
def remove(
    ctx: typer.Context,
    evidence_id: Annotated[int, typer.Argument(help="Evidence id.")],
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why, recorded in the history.")
    ] = None,
) -> None:
    """Take a link off its claim (the history keeps what it was)."""
    ev = settings(ctx).ledger().remove_evidence(evidence_id, reason)
    say(f"evidence {ev.id} removed from claim {ev.claim_id}")


@evidence_app.command("ack")
def ack(
    ctx: typer.Context,
    evidence_id: Annotated[int, typer.Argument(help="Evidence id of a changed link.")],
    note: Annotated[
        str | None, typer.Option("--note", help="What you checked, recorded in the history.")
    ] = None,
) -> None:
    """A changed page still says what the evidence note says: acknowledge it."""
    ev = settings(ctx).ledger().acknowledge_link_change(evidence_id, note)
    say(f"evidence {ev.id} on claim {ev.claim_id}: change acknowledged, {ev.link_state}")
