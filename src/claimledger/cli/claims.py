"""`claims`, `show`, `history`, `review`: reading and changing claims, and opening the review UI."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from claimledger.cli.context import (
    Settings,
    fail,
    out_console,
    print_error,
    say,
    settings,
    write_json,
    write_json_array,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from claimledger.records import ClaimDetail, ClaimPage, Order


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)
    app.command("show")(show)
    app.command("history")(history)
    app.command("review")(review)


def claims(
    ctx: typer.Context,
    state: Annotated[
        list[str] | None, typer.Option("--state", "-s", help="Review state (repeatable).")
    ] = None,
    evidence_status: Annotated[
        list[str] | None,
        typer.Option("--evidence-status", "-e", help="Evidence status (repeatable)."),
    ] = None,
    claim_type: Annotated[
        list[str] | None, typer.Option("--type", "-t", help="Claim type (repeatable).")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Source id, or part of its file name or outlet.")
    ] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Part of the speaker's name.")
    ] = None,
    assignee: Annotated[
        str | None, typer.Option("--assignee", help="Assigned to this person.")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-q", help="Words in the quote or the notes.")
    ] = None,
    queue: Annotated[
        bool, typer.Option("--queue", help="Most check-worthy first (as --order queue).")
    ] = False,
    order: Annotated[
        str | None,
        typer.Option(
            "--order",
            help="queue: most check-worthy first; demand: the claims most articles and outlets "
            "carry first, then by check-worthiness; id: oldest first (the default).",
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", help="At most this many (0: all; default 100, all with --json)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List claims, filtered."""
    from claimledger.records import ClaimFilter
    from claimledger.vocab import parse_evidence_status, parse_state, parse_type

    types = tuple(parse_type(t).value for t in claim_type or ())
    flt = ClaimFilter(
        states=tuple(parse_state(s).value for s in state or ()),
        evidence_statuses=tuple(parse_evidence_status(s).value for s in evidence_status or ()),
        types=types,
        source=source,
        speaker=speaker,
        assignee=assignee,
        text=search,
    )
    ledger = settings(ctx).ledger()
    if limit is None:
        limit = 0 if as_json else 100  # a program gets everything unless it asks for less
    chosen = _order(order, queue=queue)
    if as_json:
        written = _write_json_pages(ledger.claim_pages(flt, chosen, limit=limit or None), chosen)
        if limit and written == limit and (total := ledger.count(flt)) > limit:
            print_error(f"{limit} of {total} claims shown; --limit 0 for all", level="note")
        return
    pages = list(ledger.claim_pages(flt, chosen, limit=limit or None))
    rows = [c for page in pages for c in page.claims]
    reach = {cid: r for page in pages for cid, r in page.reach.items()}
    signals = {cid: s for page in pages for cid, s in page.signals.items()}
    total = ledger.count(flt)
    from claimledger.cli.claims_listing import claims_listing

    shown = f"{len(rows)} of {total}" if total > len(rows) else str(total)
    title = f"{flt.describe()} — {shown} claim(s)" + (" by demand" if chosen == "demand" else "")
    notes = {
        cid: f"carried by {r.describe()}" + (f", latest {r.latest}" if r.latest else "")
        for cid, r in reach.items()
    }
    for cid, (conflicts, decided) in signals.items():
        said = [f"! {conflicts} conflicting figure(s): claimledger show {cid}"] if conflicts else []
        said += [f"= decided elsewhere: claimledger verdicts {cid}"] if decided else []
        notes[cid] = "\n".join([*([notes[cid]] if cid in notes else []), *said])
    from rich.console import Console

    width = _width()  # a console of that width: print(width=) never widens past the console's
    Console(highlight=False, width=width).print(
        claims_listing(rows, title=title, width=width, notes=notes)
    )


def _write_json_pages(pages: Iterable[ClaimPage], order: Order) -> int:
    """Each claim as an object of one JSON array, written a page at a time; how many."""
    from claimledger.records import Reach, to_json

    shown = 0

    def items() -> Iterator[object]:
        nonlocal shown
        for page in pages:
            for claim, item in zip(page.claims, to_json(list(page.claims)), strict=True):
                conflicts, decided = page.signals.get(claim.id, (0, False))
                item["conflicts"], item["decided_elsewhere"] = conflicts, decided
                if order == "demand":
                    item["reach"] = to_json(page.reach.get(claim.id, Reach()))
                shown += 1
                yield item

    write_json_array(items())
    return shown


def _order(order: str | None, *, queue: bool) -> Order:
    """--order's word, or --queue's; one clear line for anything else."""
    from claimledger.records import ORDERS

    if order is None:
        return "queue" if queue else "id"
    for known in ORDERS:
        if order.strip().lower() == known:
            if queue and known != "queue":
                raise fail("--queue and --order demand or id contradict each other: give one")
            return known
    raise fail(f"unknown order {order!r}: use one of {', '.join(ORDERS)}")


def show(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="Claim id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One claim in full: the quote in its paragraph, metadata, evidence, the published
    fact-check (page, statement, rating, summary, who published it and when), history."""
    from claimledger.records import to_json

    detail = settings(ctx).ledger().detail(claim_id)
    if as_json:
        write_json(to_json(detail))
        return
    from claimledger.cli.render import claim_panel

    out_console.print(claim_panel(detail))
    _print_links(detail)


def _print_links(detail: ClaimDetail) -> None:
    """Every URL once more, whole, one a line and never wrapped by us: tables fold long URLs,
    and a URL cut across table lines cannot be copied."""
    links = [("article", detail.source.url)] if detail.source.url else []
    links += [(f"evidence {e.id}", e.url) for e in detail.evidence]
    if detail.publication_url:
        links.append(("fact-check", detail.publication_url))
    if not links:
        return
    out_console.print("links", style="bold")
    for label, url in links:
        say(f"{label}: {url}")


def history(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="Claim id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every change to a claim: who, when, before, after, note."""
    from claimledger.records import to_json

    rows = settings(ctx).ledger().history(claim_id)
    if as_json:
        write_json(to_json(rows))
        return
    from claimledger.cli.render import history_table

    out_console.print(history_table(rows))


def review(
    ctx: typer.Context,
    claim_id: Annotated[
        int | None, typer.Argument(help="Claim id; without it, opens the review UI.")
    ] = None,
    state: Annotated[
        str | None, typer.Option("--state", help="new, in_review, reviewed, verified, dismissed.")
    ] = None,
    evidence_status: Annotated[
        str | None,
        typer.Option(
            "--evidence-status", help="unverified, supported, mixed, contradicted, unverifiable."
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="A note, recorded in the history.")
    ] = None,
    assign: Annotated[
        str | None, typer.Option("--assign", help="Assign to someone ('' to unassign).")
    ] = None,
    if_version: Annotated[
        int | None,
        typer.Option(
            "--if-version",
            help="Only if the claim is still at this version (as `show --json` printed it).",
        ),
    ] = None,
) -> None:
    """Set a claim's review state or evidence status, add a note, or (without an id) open the UI."""
    cfg = settings(ctx)
    if claim_id is None:
        if state or evidence_status or note or assign is not None:
            raise fail("name the claim: claimledger review ID --state ...")
        open_tui(cfg)
        return
    if not (state or evidence_status or note or assign is not None):
        raise fail("nothing to change: give --state, --evidence-status, --note or --assign")
    claim = cfg.ledger().review(
        claim_id,
        state=state,
        evidence_status=evidence_status,
        assignee=assign,
        note=note,
        expected_version=if_version,
    )
    summary = f"claim {claim_id}: {claim.review_state}, evidence {claim.evidence_status}"
    out_console.print(f"{summary} (version {claim.version})", markup=False)
    if copies := cfg.ledger().outdated_copies(claim_id):
        listed = ", ".join(map(str, copies))
        print_error(
            f"claim(s) {listed} took this claim's earlier verdict: "
            f"`claimledger verdicts {claim_id} --update-copies` updates them",
            level="note",
        )


def open_tui(cfg: Settings) -> None:
    from claimledger.tui.app import ClaimLedgerApp

    ClaimLedgerApp(cfg.ledger()).run()


def _width() -> int:
    """The terminal's width now (COLUMNS first, as Rich reads it, but read at each call)."""
    raw = os.environ.get("COLUMNS", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else out_console.width
