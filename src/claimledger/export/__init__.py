"""Exports for editors and desks: ClaimReview JSON-LD, CSV, JSON, each written from plain rows of
what it shows (`records`), the whole ledger as JSON Lines for another ledger to import, and reports
read from `ExportRecord`s."""

from typing import TYPE_CHECKING, Any

from claimledger.export.claimreview import Refused, claim_review, write_claimreview
from claimledger.export.files import remove_stale_partials, whole_file
from claimledger.export.records import ExportRecord, export_records, iter_records
from claimledger.export.spreadsheet import spreadsheet_safe, write_csv
from claimledger.export.tabular import json_object, write_json

if TYPE_CHECKING:
    from claimledger.export.validate import Finding, validate_claim_review

FORMATS = ("csv", "json", "claimreview", "jsonl")

__all__ = [
    "FORMATS",
    "ExportRecord",
    "Finding",
    "Refused",
    "claim_review",
    "export_records",
    "iter_records",
    "json_object",
    "remove_stale_partials",
    "spreadsheet_safe",
    "validate_claim_review",
    "whole_file",
    "write_claimreview",
    "write_csv",
    "write_json",
]


def __getattr__(name: str) -> Any:
    """The validator's names on first use: it loads jsonschema, which a CSV export never needs."""
    if name in ("Finding", "validate_claim_review"):
        from claimledger.export import validate

        return getattr(validate, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
