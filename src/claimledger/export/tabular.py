"""CSV and JSON for the desks: one row (or object) per claim, its evidence included."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

CSV_COLUMNS = [
    "id",
    "quote",
    "state",
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


def write_json(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array, written as it streams so a large ledger never sits in memory whole."""
    n = 0
    out.write("[")
    for record in records:
        out.write(",\n  " if n else "\n  ")
        out.write(json.dumps(record, ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def _csv_row(record: dict[str, Any]) -> dict[str, Any]:
    period = record.get("period") or {}
    evidence = record.get("evidence") or []
    row = {k: record.get(k) for k in CSV_COLUMNS}
    row["period_start"] = period.get("start")
    row["period_end"] = period.get("end")
    row["quantities"] = "; ".join(q.get("text", "") for q in record.get("quantities") or [])
    row["evidence_count"] = len(evidence)
    row["evidence"] = " | ".join(f"{e['stance']}: {e['url']}" for e in evidence)
    return row


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(_csv_row(record))
        n += 1
    return n
