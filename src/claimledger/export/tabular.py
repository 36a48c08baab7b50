"""CSV and JSON for the desks: one row (or object) per claim, its evidence included."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, TextIO

from claimledger.export.records import ExportRecord
from claimledger.records import Quantity

CSV_COLUMNS = [
    "id",
    "quote",
    "review_state",
    "evidence_status",
    "type",
    "source",
    "source_title",
    "source_url",
    "source_published",
    "speaker",
    "score",
    "start",
    "end",
    "period_start",
    "period_end",
    "quantities",
    "assignee",
    "verified_at",
    "evidence_count",
    "evidence",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""
FORMULA_CHARS = frozenset("".join(FORMULA_STARTS))

TEXT_CELLS = tuple(
    i
    for i, name in enumerate(CSV_COLUMNS)
    if name not in {"id", "score", "start", "end", "verified_at", "evidence_count"}
)
"""The cells that hold text (numbers and the ledger's own timestamps never start a formula)."""


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _quantity(q: Quantity) -> dict[str, Any]:
    """A number as the finder stored it (the same keys, in the same order)."""
    return {
        "text": q.text,
        "kind": q.kind,
        "value": q.value,
        "bound": q.bound,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
    }


def json_object(record: ExportRecord) -> dict[str, Any]:
    """A claim as the JSON export writes it: plain values, dates in ISO 8601."""
    claim, source = record.claim, record.source
    period = claim.period
    return {
        "id": claim.id,
        "quote": claim.quote,
        "review_state": claim.review_state,
        "evidence_status": claim.evidence_status,
        "type": claim.type,
        "source": source.label,
        "source_file": source.path,
        "source_title": source.title,
        "source_url": source.url,
        "source_published": source.published,
        "speaker": claim.speaker,
        "score": claim.score,
        "start": claim.start,
        "end": claim.end,
        "prefix": claim.prefix,
        "suffix": claim.suffix,
        "quantities": [_quantity(q) for q in claim.quantities],
        "period": {"start": period.start, "end": period.end} if period else None,
        "assignee": claim.assignee,
        "verified_at": _iso(record.verified_at),
        "updated_at": _iso(claim.updated_at),
        "evidence": [
            {
                "url": ev.url,
                "stance": ev.stance,
                "note": ev.note,
                "added_by": ev.added_by,
                "added_at": _iso(ev.added_at),
                "link_state": ev.link_state,
                "http_status": ev.http_status,
                "title": ev.title,
                "archive_url": ev.archive_url,
            }
            for ev in record.evidence
        ],
    }


def write_json(records: Iterable[ExportRecord], out: TextIO) -> int:
    """A JSON array, written as it streams so a large ledger never sits in memory whole."""
    n = 0
    out.write("[")
    for record in records:
        out.write(",\n  " if n else "\n  ")
        out.write(json.dumps(json_object(record), ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def spreadsheet_safe(value: str) -> str:
    """Text a spreadsheet shows as text: a cell that would start a formula gets a leading quote.

    "=HYPERLINK(...)" from an article becomes "'=HYPERLINK(...)", which Excel, LibreOffice and
    Google Sheets display instead of running. Only the CSV does this; the ledger keeps the words.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_row(record: ExportRecord) -> list[Any]:
    """The cells of one claim, in the order of CSV_COLUMNS; every text cell spreadsheet-safe."""
    claim, source = record.claim, record.source
    period = claim.period
    cells: list[Any] = [
        claim.id,
        claim.quote,
        claim.review_state,
        claim.evidence_status,
        claim.type,
        source.label,
        source.title,
        source.url,
        source.published,
        claim.speaker,
        claim.score,
        claim.start,
        claim.end,
        period.start if period else None,
        period.end if period else None,
        "; ".join([q.text for q in claim.quantities]) if claim.quantities else "",
        claim.assignee,
        _iso(record.verified_at),
        len(record.evidence),
        " | ".join([f"{ev.stance}: {ev.url}" for ev in record.evidence]) if record.evidence else "",
    ]
    for i in TEXT_CELLS:  # spreadsheet_safe inlined: it runs for every text cell of every row
        c = cells[i]
        if c and c[0] in FORMULA_CHARS:
            cells[i] = "'" + c
    return cells


def write_csv(records: Iterable[ExportRecord], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for record in records:
        writer.writerow(csv_row(record))
        n += 1
    return n
