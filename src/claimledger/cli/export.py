"""`export`: the verified claims for publishing (ClaimReview) or for the desks (CSV, JSON), or the
whole ledger as JSON Lines for another ledger (`import`)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from claimledger.cli.context import err_console, fail, print_error, settings

if TYPE_CHECKING:
    from claimledger.export import Refused
    from claimledger.records import ClaimFilter, PublishingSettings

T = TypeVar("T")
SHOWN_REFUSALS = 10

if TYPE_CHECKING:
    from claimledger.service import Ledger


def register(app: typer.Typer) -> None:
    app.command("export")(export)


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
    per: Annotated[
        str,
        typer.Option(
            "--per",
            help="claimreview: 'feed' (one JSON array, the default) or 'page' (one JSON-LD "
            "document per fact-check page, in the folder --out names).",
        ),
    ] = "feed",
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
) -> None:
    """Export claims with their evidence. By default only verified claims.

    The claims are verified first (their history's hash chain and state): an altered record
    is not published unless --force."""
    from claimledger.export import FORMATS, whole_file, write_claimreview, write_csv, write_json
    from claimledger.records import ClaimFilter
    from claimledger.vocab import parse_state

    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
    if per not in ("feed", "page"):
        raise fail(f"unknown --per {per!r} (feed or page)")
    if per == "page" and fmt != "claimreview":
        raise fail("--per page is for --format claimreview")
    if per == "page" and (output is None or not output.is_dir()):
        raise fail("--per page writes one file per fact-check page: --out names an existing folder")
    if fmt == "jsonl" and state:
        raise fail(
            "jsonl is the whole ledger, for another ledger to import: --state does not apply"
        )
    wanted = state or ["verified"]
    states = () if "all" in wanted else tuple(parse_state(s).value for s in wanted)
    newline = "" if fmt == "csv" else None  # the csv module writes its own line ends
    if output is not None and per == "feed" and not output.parent.exists():
        raise fail(f"folder {output.parent} does not exist")
    ledger = settings(ctx).ledger()
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
    if not force:
        _refuse_if_altered(ledger, () if fmt == "jsonl" else states)
    flt = ClaimFilter(states=states)
    refusals: list[Refused] = []
    refused_count = 0

    def refused(item: Refused) -> None:
        nonlocal refused_count
        refused_count += 1
        if len(refusals) < SHOWN_REFUSALS:
            refusals.append(item)

    if per == "page":
        assert output is not None and publishing is not None
        _pages(ledger, flt, output, publishing, refused)
        _report_refusals(refusals, refused_count)
        return
    target = nullcontext(sys.stdout) if output is None else whole_file(output, newline=newline)
    with target as out:
        if fmt == "jsonl":
            n = 0
            for line in with_progress(ledger.archive_lines(), ledger.count(), "export"):
                out.write(line)
                n += line.startswith('{"kind":"claim"')
        else:
            records = with_progress(ledger.export_records(flt), ledger.count(flt), "export")
            if publishing is not None:
                n = write_claimreview(records, out, publishing, refused=refused)
            elif fmt == "csv":
                n = write_csv(records, out)
            else:
                n = write_json(records, out)
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
) -> None:
    from claimledger.export.claimreview import write_claimreview_pages

    records = with_progress(ledger.export_records(flt), ledger.count(flt), "export")
    written = write_claimreview_pages(records, folder, publishing, refused=refused)
    err_console.print(
        f"{written.reviews} claim(s) written to {written.pages} page file(s) in {folder}",
        markup=False,
    )


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
