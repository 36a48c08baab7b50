"""JSON for the desks: one object per claim, its evidence included (CSV: `spreadsheet`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, TextIO

from claimledger.export.records import ExportRecord, JsonRow
from claimledger.export.spreadsheet import (  # the CSV's names, where they used to be
    CSV_COLUMNS as CSV_COLUMNS,
)
from claimledger.export.spreadsheet import csv_row as csv_row
from claimledger.export.spreadsheet import spreadsheet_safe as spreadsheet_safe
from claimledger.export.spreadsheet import write_csv as write_csv
from claimledger.records import Quantity


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


_encode = json.JSONEncoder(ensure_ascii=False).encode
"""One encoder for every object (json.dumps with options builds one per call)."""


def write_json(records: Iterable[ExportRecord], out: TextIO) -> int:
    """A JSON array, written as it streams so a large ledger never sits in memory whole."""
    return _write_array(map(json_object, records), out)


def _write_array(objects: Iterable[dict[str, Any]], out: TextIO) -> int:
    """The objects as a JSON array, one a line, written as they come; how many."""
    n = 0
    out.write("[")
    write = out.write
    for obj in objects:
        write((",\n  " if n else "\n  ") + _encode(obj))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def _stored_quantity(q: dict[str, Any]) -> dict[str, Any]:
    """`_quantity` of the quantity `records._quantities` reads from this stored one."""
    get = q.get
    return {
        "text": str(get("text", "?")),
        "kind": get("kind"),
        "value": get("value"),
        "bound": get("bound"),
        "low": get("low"),
        "high": get("high"),
        "unit": get("unit"),
    }


def json_row_object(row: JsonRow) -> dict[str, Any]:
    """`json_object` of a `records.json_rows` row: the same keys, in the same order."""
    (cid, quote, state, status, kind, label, path, title, url, published, speaker, score, start,
     end, prefix, suffix, quantities, period_start, period_end, assignee, verified_at, updated_at,
     links) = row  # fmt: skip
    return {
        "id": cid,
        "quote": quote,
        "review_state": state,
        "evidence_status": status,
        "type": kind,
        "source": label,
        "source_file": path,
        "source_title": title,
        "source_url": url,
        "source_published": published,
        "speaker": speaker,
        "score": score,
        "start": start,
        "end": end,
        "prefix": prefix,
        "suffix": suffix,
        "quantities": [_stored_quantity(q) for q in quantities],
        "period": {"start": period_start, "end": period_end}
        if period_start or period_end
        else None,
        "assignee": assignee,
        "verified_at": verified_at,
        "updated_at": updated_at,
        "evidence": [dict(zip(LINK_KEYS, link, strict=True)) for link in links],
    }


LINK_KEYS = (
    "url",
    "stance",
    "note",
    "added_by",
    "added_at",
    "link_state",
    "http_status",
    "title",
    "archive_url",
)


def write_json_rows(rows: Iterable[JsonRow], out: TextIO) -> int:
    """`write_json` from `records.json_rows`' tuples, the same bytes."""
    return _write_array(map(json_row_object, rows), out)
