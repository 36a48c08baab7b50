"""The one way a selection of claims is written as CSV, JSON or ClaimReview: the CLI's `export`
and the review UI's `X` both come here, so the two never lay a claim out differently."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlmodel import Session

from claimledger.export.claimreview import Refused, write_claimreview
from claimledger.export.files import whole_file
from claimledger.export.records import csv_evidence_rows, csv_rows, json_rows, review_rows
from claimledger.export.spreadsheet import Per, write_csv, write_csv_per_evidence
from claimledger.export.tabular import write_json
from claimledger.records import ClaimFilter, PublishingSettings

VIEW_FORMATS = ("csv", "json", "claimreview")
"""The formats of a selection of claims (JSON Lines is the whole ledger, not a view)."""
SUFFIXES = {"csv": ".csv", "json": ".json", "claimreview": ".json"}
KEPT_REFUSALS = 10

Progress = Callable[[Iterable[Any]], Iterable[Any]]
"""Wraps the claims as they are read (a progress bar), giving them back unchanged."""


def _as_read(rows: Iterable[Any]) -> Iterable[Any]:
    return rows


@dataclass(frozen=True)
class Exported:
    """What an export wrote, and the first claims ClaimReview left out (with how many)."""

    path: Path
    written: int
    refused: tuple[Refused, ...] = ()
    refused_count: int = 0


def write_view(
    session: Session,
    flt: ClaimFilter,
    fmt: str,
    out: TextIO,
    settings: PublishingSettings | None = None,
    *,
    verified: bool,
    refused: Callable[[Refused], None] | None = None,
    per: Per = "claim",
    bom: bool = False,
    progress: Progress | None = None,
) -> int:
    """How many claims it wrote: those the filter selects, in one of `VIEW_FORMATS`, read in
    `session`'s snapshot; with `verified`, each page of claims is verified before any of it is
    written (`RecordAltered` otherwise). ClaimReview needs `settings` and tells `refused` of each
    claim it leaves out; `per` and `bom` are the CSV's layout; `progress` sees the claims go by."""
    progress = progress or _as_read
    if fmt == "claimreview":
        if settings is None:
            raise ValueError("ClaimReview needs the publishing settings")
        rows = review_rows(session=session, flt=flt, verified=verified)
        return write_claimreview(progress(rows), out, settings, refused=refused)
    if fmt == "csv" and per == "evidence":
        linked = csv_evidence_rows(session=session, flt=flt, verified=verified)
        return write_csv_per_evidence(progress(linked), out, bom=bom)
    if fmt == "csv":
        return write_csv(
            progress(csv_rows(session=session, flt=flt, verified=verified)), out, bom=bom
        )
    if fmt == "json":
        return write_json(progress(json_rows(session=session, flt=flt, verified=verified)), out)
    raise ValueError(f"unknown format {fmt!r} (one of: {', '.join(VIEW_FORMATS)})")


def export_to_file(
    session: Session,
    flt: ClaimFilter,
    fmt: str,
    path: Path,
    settings: PublishingSettings | None = None,
) -> Exported:
    """`write_view`, verified, into a file that appears whole or not at all (for front ends that
    have no stdout), keeping the first few claims ClaimReview left out."""
    kept: list[Refused] = []
    left_out = 0

    def refused(item: Refused) -> None:
        nonlocal left_out
        left_out += 1
        if len(kept) < KEPT_REFUSALS:
            kept.append(item)

    with whole_file(path, newline="" if fmt == "csv" else None) as out:
        written = write_view(session, flt, fmt, out, settings, verified=True, refused=refused)
    return Exported(path, written, tuple(kept), left_out)
