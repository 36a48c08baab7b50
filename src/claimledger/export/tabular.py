"""JSON for the desks: one object per claim, its evidence included (CSV: `spreadsheet`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from claimledger.export.records import JsonRow

_encode = json.JSONEncoder(ensure_ascii=False).encode
"""One encoder for every object (json.dumps with options builds one per call)."""


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
    """A number as the finder stored it (the same keys, in the same order, as
    `records._quantities` reads them)."""
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


def json_object(row: JsonRow) -> dict[str, Any]:
    """A claim as the JSON export writes it (a `records.json_rows` row): plain values, dates in
    ISO 8601."""
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


def write_json(rows: Iterable[JsonRow], out: TextIO) -> int:
    """A JSON array of `records.json_rows`' claims, written as it streams so a large ledger never
    sits in memory whole; returns how many."""
    return _write_array(map(json_object, rows), out)
