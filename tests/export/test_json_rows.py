"""The JSON export reads plain rows (`json_rows`), not export records: each object holds what
the core's record of the claim holds, on both backends, verified or not, keys in a fixed order."""

from __future__ import annotations

import io
import json
from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimledger.export.records import ExportRecord
from claimledger.export.tabular import json_object, write_json
from claimledger.records import ClaimFilter
from claimledger.service import Ledger

from .test_csv_rows import ledger as ledger  # the fixture: links, a period, quantities


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _expected_object(record: ExportRecord) -> dict[str, Any]:
    """What the JSON export must show of a claim, from the core's whole record: the test's own
    reading of the layout, not the exporter's."""
    claim, source, period = record.claim, record.source, record.claim.period
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
        "quantities": [
            {
                "text": q.text,
                "kind": q.kind,
                "value": q.value,
                "bound": q.bound,
                "low": q.low,
                "high": q.high,
                "unit": q.unit,
            }
            for q in claim.quantities
        ],
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


def _objects(ledger: Ledger, flt: ClaimFilter) -> list[dict[str, Any]]:
    return [_expected_object(r) for r in ledger.export_records(flt, publications=False)]


@pytest.mark.parametrize("verified", [False, True])
@pytest.mark.parametrize("states", [(), ("verified",)])
def test_each_object_holds_what_the_claims_record_holds(
    ledger: Ledger, verified: bool, states: tuple[str, ...]
) -> None:
    flt = ClaimFilter(states=states)
    objects = [json_object(r) for r in ledger.json_rows(flt, verified=verified)]
    assert objects == _objects(ledger, flt)
    assert [list(o) for o in objects] == [list(o) for o in _objects(ledger, flt)]
    assert len(objects) == (1 if states else 3)
    assert [e["url"] for e in objects[0]["evidence"]] == [
        "https://data.example/routes",
        "https://data.example/secret",
    ]
    assert objects[0]["verified_at"] and objects[0]["evidence"][0]["added_at"]
    if not states:
        assert objects[1]["period"] == {"start": "2019", "end": "2021"}
        assert [q["text"] for q in objects[1]["quantities"]] == ["30 percent", "?"]


def test_a_password_stored_in_a_link_never_reaches_the_json(ledger: Ledger, engine: Engine) -> None:
    with engine.begin() as conn:  # an older ledger's link, as `EvidenceRecord` is given it
        conn.execute(
            sa.text("UPDATE evidence SET url = :url WHERE url = :old"),
            {
                "url": "https://ann:hunter2@data.example/secret",
                "old": "https://data.example/secret",
            },
        )
    out = io.StringIO()
    write_json(ledger.json_rows(ClaimFilter()), out)
    assert "hunter2" not in out.getvalue()
    assert json.loads(out.getvalue()) == _objects(ledger, ClaimFilter())


@pytest.mark.parametrize("states", [(), ("published",)])
def test_the_file_is_a_json_array_of_the_objects(ledger: Ledger, states: tuple[str, ...]) -> None:
    flt = ClaimFilter(states=states)
    out = io.StringIO()
    assert write_json(ledger.json_rows(flt), out) == (0 if states else 3)
    assert json.loads(out.getvalue()) == _objects(ledger, flt)
    assert out.getvalue().endswith("]\n")
