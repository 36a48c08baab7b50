"""`export`: the verified claims for publishing (ClaimReview) or for the desks (CSV, JSON), or the
whole ledger as JSON Lines for another ledger (`import`)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from claimledger.cli.context import err_console, fail, print_error, settings
from claimledger.errors import RecordAltered

if TYPE_CHECKING:
    from claimledger.cli.export_filters import ExportFilters
    from claimledger.export import Refused
    from claimledger.records import ClaimFilter, ExportLogRecord, PublishingSettings

T = TypeVar("T")
SHOWN_REFUSALS = 10

if TYPE_CHECKING:
    from claimledger.service import Ledger


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("exports")(exports)


def with_progress(items: Iterable[T], total: int, what: str) -> Iterator[T]:
    """`items`, with a progress bar on stderr when it is a terminal (nothing otherwise)."""
    if not err_console.is_terminal:
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(what, total=total)
        for n, item in enumerate(items, start=1):
            yield item
            if n % 500 == 0:
                progress.update(task, completed=n)


def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="csv, json, claimreview, or jsonl (the whole ledger, for import).",
        ),
    ] = "json",
    state: Annotated[
        list[str] | None,
        typer.Option(
            "--state",
            help="Review states to export (repeatable; default verified; 'all' for every claim).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            "--out",
            help="File to write (default stdout); with --per page, the folder to write into.",
        ),
    ] = None,
    site_url: Annotated[
        str | None,
        typer.Option(
            "--site-url",
            envvar="CLAIMLEDGER_SITE_URL",
            help="The publishing organisation's site (ClaimReview author url; default: settings).",
            show_envvar=True,
        ),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            envvar="CLAIMLEDGER_ORG",
            help="Name of the publishing organisation (default: settings).",
            show_envvar=True,
        ),
    ] = None,
    url_template: Annotated[
        str | None,
        typer.Option(
            "--url-template",
            help="Fact-check page address with {id} (default: settings; a claim's own URL wins).",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Export even if `verify` finds the record altered."),
    ] = False,
    evidence_status: Annotated[
        list[str] | None,
        typer.Option("--evidence-status", "-e", help="Evidence status (repeatable)."),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Source id, or part of its file name or outlet.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Claims last changed on or after this date (YYYY-MM-DD, UTC) or moment."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", help="Claims last changed before the end of this date, or moment."),
    ] = None,
    since_last_export: Annotated[
        bool,
        typer.Option(
            "--since-last-export",
            help="Only claims changed since the last export of this format (every claim the "
            "first time).",
        ),
    ] = False,
    per: Annotated[
        str | None,
        typer.Option(
            "--per",
            help="CSV: 'claim' (one row per claim, the default) or 'evidence' (one per link); "
            "claimreview: 'feed' (one JSON array, the default) or 'page' (one JSON-LD document "
            "per fact-check page, in the folder --out names).",
        ),
    ] = None,
    bom: Annotated[
        bool, typer.Option("--bom", help="CSV: start with a byte order mark (for Excel).")
    ] = False,
) -> None:
    """Export claims with their evidence. By default only verified claims, in id order.

    The claims are verified first (their history's hash chain and state): an altered record
    is not published unless --force. Each export is remembered (`claimledger exports`)."""
    from claimledger.cli.export_filters import ExportFilters
    from claimledger.export import FORMATS, whole_file
    from claimledger.export.spreadsheet import PER

    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
    filters = ExportFilters.parse(state, evidence_status, source, since, until, since_last_export)
    if fmt == "jsonl" and (state or filters.given()):
        raise fail("jsonl is the whole ledger, for another ledger to import: filters do not apply")
    layouts = {"csv": PER, "claimreview": ("feed", "page")}.get(fmt, ())
    if per is not None and per not in layouts:
        if not layouts:
            raise fail(f"--per is for csv and claimreview, not {fmt}")
        raise fail(f"--per {per!r} with {fmt}: one of {', '.join(layouts)}")
    per = per or (layouts[0] if layouts else None)
    if bom and fmt != "csv":
        raise fail("--bom is for CSV (--format csv)")
    if per == "page" and (output is None or not output.is_dir()):
        raise fail("--per page writes one file per fact-check page: --out names an existing folder")
    states = filters.states
    newline = "" if fmt == "csv" else None  # the csv module writes its own line ends
    if output is not None and per != "page" and not output.parent.exists():
        raise fail(f"folder {output.parent} does not exist")
    ledger = settings(ctx).ledger()
    previous = ledger.last_export(fmt) if since_last_export else None
    if since_last_export:
        print_error(
            f"since the last {fmt} export: {previous.describe()}"
            if previous
            else f"no earlier {fmt} export: every claim the filters select",
            level="note",
        )
    flt = filters.claim_filter(previous.history_mark if previous else None)
    publishing = None
    if fmt == "claimreview":
        publishing = ledger.publishing_settings()
        publishing = replace(
            publishing,
            org_name=org or publishing.org_name,
            org_url=site_url or publishing.org_url,
            url_template=url_template or publishing.url_template,
        )
        if not publishing.org_name:
            raise fail(
                "ClaimReview needs the publishing organisation: "
                "claimledger publishing set --org NAME (or --org)"
            )
    # Into a file (or a folder of pages) each page of claims is verified as it is written, and
    # an altered record removes the unfinished file; to stdout nothing can be taken back, so the
    # record is verified whole first (the archive: the whole ledger).
    in_one_pass = not force and output is not None
    if not force and not in_one_pass:
        _refuse_if_altered(ledger, () if fmt == "jsonl" else states)
    mark = ledger.export_mark()  # before reading: a change made meanwhile is in the next one
    started = datetime.now(UTC)
    refusals: list[Refused] = []
    refused_count = 0

    def refused(item: Refused) -> None:
        nonlocal refused_count
        refused_count += 1
        if len(refusals) < SHOWN_REFUSALS:
            refusals.append(item)

    try:
        if per == "page":
            assert output is not None and publishing is not None
            n = _pages(ledger, flt, output, publishing, refused, verified=in_one_pass)
            _log(ledger, fmt, filters, previous, per, bom, started, n, mark)
            _report_refusals(refusals, refused_count)
            return
        target = nullcontext(sys.stdout) if output is None else whole_file(output, newline=newline)
        with target as out:
            if fmt == "jsonl":
                n = 0
                for line in with_progress(
                    ledger.archive_lines(verified=in_one_pass), ledger.count(), "export"
                ):
                    out.write(line)
                    n += line.startswith('{"kind":"claim"')
            else:
                total = ledger.count(flt)
                n = ledger.write_export(
                    flt,
                    fmt,
                    out,
                    publishing,
                    verified=in_one_pass,
                    refused=refused,
                    per="evidence" if per == "evidence" else "claim",
                    bom=bom,
                    progress=lambda rows: with_progress(rows, total, "export"),
                )
    except RecordAltered as exc:
        raise fail(f"{exc}, --force exports anyway") from None
    _log(ledger, fmt, filters, previous, per, bom, started, n, mark)
    _report_refusals(refusals, refused_count)
    if output is not None:
        err_console.print(f"{n} claim(s) written to {output}", markup=False)
    elif n == 0 and not refused_count:
        err_console.print(
            "no claims to export (only verified claims by default: --state)", markup=False
        )


def _pages(
    ledger: Ledger,
    flt: ClaimFilter,
    folder: Path,
    publishing: PublishingSettings,
    refused: Callable[[Refused], None],
    *,
    verified: bool,
) -> int:
    from claimledger.export.claimreview import write_claimreview_pages

    records = with_progress(ledger.review_rows(flt, verified=verified), ledger.count(flt), "export")
    written = write_claimreview_pages(records, folder, publishing, refused=refused)
    err_console.print(
        f"{written.reviews} claim(s) written to {written.pages} page file(s) in {folder}",
        markup=False,
    )
    return written.reviews


def _log(
    ledger: Ledger,
    fmt: str,
    filters: ExportFilters,
    previous: ExportLogRecord | None,
    per: str | None,
    bom: bool,
    started: datetime,
    n: int,
    mark: int,
) -> None:
    """Remember the export, so `--since-last-export` knows where the next one starts."""
    layout: dict[str, object] = {"per": per if per not in (None, "claim", "feed") else None}
    layout["bom"] = bom
    logged = filters.to_log(previous.id if previous else None, **layout)
    ledger.log_export(fmt, logged, started_at=started, claims=n, mark=mark)


def _report_refusals(refusals: list[Refused], count: int) -> None:
    for item in refusals:
        print_error(str(item), level="not published")
    if count > len(refusals):
        print_error(f"and {count - len(refusals)} more", level="not published")


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


def exports(
    ctx: typer.Context,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="Only exports of this format.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """The exports this ledger remembers: format, filters, when, by whom, how many claims."""

    from claimledger.cli.context import say, write_json
    from claimledger.records import to_json

    found = settings(ctx).ledger().exports(fmt)
    if as_json:
        write_json(to_json(found))
        return
    if not found:
        raise fail("no exports yet", code=0)
    for e in found:
        filters = ", ".join(f"{k}={v}" for k, v in e.filters.items())
        say(f"{e.id:>4}  {e.describe()}  [{filters}]")
