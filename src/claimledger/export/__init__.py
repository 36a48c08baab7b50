"""Exports for editors and desks: ClaimReview JSON-LD, CSV, JSON."""

from claimledger.export.claimreview import Publisher, claim_review, write_claimreview
from claimledger.export.records import iter_records
from claimledger.export.tabular import write_csv, write_json

FORMATS = ("csv", "json", "claimreview")

__all__ = [
    "FORMATS",
    "Publisher",
    "claim_review",
    "iter_records",
    "write_claimreview",
    "write_csv",
    "write_json",
]
