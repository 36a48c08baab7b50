"""Exports for editors and desks: ClaimReview JSON-LD, CSV, JSON, each read from `ExportRecord`s."""

from claimledger.export.claimreview import Publisher, claim_review, write_claimreview
from claimledger.export.files import remove_stale_partials, whole_file
from claimledger.export.records import ExportRecord, export_records, iter_records
from claimledger.export.tabular import csv_row, json_object, spreadsheet_safe, write_csv, write_json

FORMATS = ("csv", "json", "claimreview")

__all__ = [
    "FORMATS",
    "ExportRecord",
    "Publisher",
    "claim_review",
    "csv_row",
    "export_records",
    "iter_records",
    "json_object",
    "remove_stale_partials",
    "spreadsheet_safe",
    "whole_file",
    "write_claimreview",
    "write_csv",
    "write_json",
]
