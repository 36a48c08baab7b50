"""One export written to a file, whole or not at all, for front ends that have no stdout (the
review UI exports the view on screen through this)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from claimledger.export.claimreview import Refused, write_claimreview
from claimledger.export.files import whole_file
from claimledger.export.records import ExportRecord
from claimledger.export.spreadsheet import Per
from claimledger.export.tabular import write_csv, write_json
from claimledger.records import PublishingSettings

VIEW_FORMATS = ("csv", "json", "claimreview")
"""The formats of a selection of claims (JSON Lines is the whole ledger, not a view)."""
SUFFIXES = {"csv": ".csv", "json": ".json", "claimreview": ".json"}
KEPT_REFUSALS = 10


@dataclass(frozen=True)
class Exported:
    """What an export wrote, and the first claims ClaimReview left out (with how many)."""

    path: Path
    written: int
    refused: tuple[Refused, ...] = ()
    refused_count: int = 0


def write_records(
    records: Iterable[ExportRecord],
    fmt: str,
    out: TextIO,
    settings: PublishingSettings | None = None,
    *,
    refused: Callable[[Refused], None] | None = None,
    per: Per = "claim",
    bom: bool = False,
) -> int:
    """How many claims it wrote: the records in one of `VIEW_FORMATS` (the CLI's `export` and the
    review UI's both write through here); ClaimReview needs `settings` and tells `refused` of
    each claim it leaves out; `per` and `bom` are the CSV's layout."""
    if fmt == "claimreview":
        if settings is None:
            raise ValueError("ClaimReview needs the publishing settings")
        return write_claimreview(records, out, settings, refused=refused)
    if fmt == "csv":
        return write_csv(records, out, per=per, bom=bom)
    if fmt == "json":
        return write_json(records, out)
    raise ValueError(f"unknown format {fmt!r} (one of: {', '.join(VIEW_FORMATS)})")


def export_to_file(
    records: Iterable[ExportRecord],
    fmt: str,
    path: Path,
    settings: PublishingSettings | None = None,
) -> Exported:
    kept: list[Refused] = []
    left_out = 0

    def refused(item: Refused) -> None:
        nonlocal left_out
        left_out += 1
        if len(kept) < KEPT_REFUSALS:
            kept.append(item)

    with whole_file(path, newline="" if fmt == "csv" else None) as out:
        written = write_records(records, fmt, out, settings, refused=refused)
    return Exported(path, written, tuple(kept), left_out)
