"""Exports as an editor opens them: only verified claims by default, evidence included."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy.engine import Engine

from claimledger.db import session_scope
from claimledger.export.to_file import write_view
from claimledger.ledger import review
from claimledger.models import Evidence
from claimledger.records import ClaimFilter


def _verify(engine: Engine, cid: int, status: str = "contradicted") -> None:
    with session_scope(engine) as s:
        s.add(
            Evidence(claim_id=cid, url="https://data.example/r", stance="refutes", added_by="ann")
        )
        review.set_evidence_status(cid, status, session=s, user="ann")
        review.set_review_state(cid, "reviewed", session=s, user="ann")
        review.set_review_state(cid, "verified", session=s, user="ed")


def _export(engine: Engine, fmt: str) -> str:
    out = io.StringIO()
    with session_scope(engine) as s:
        write_view(s, ClaimFilter(states=("verified",)), fmt, out, verified=False)
    return out.getvalue()


def test_json_holds_verified_claims_with_their_evidence(
    engine: Engine, seeded: dict[str, int]
) -> None:
    _verify(engine, seeded["c1"])
    data = json.loads(_export(engine, "json"))
    assert [d["id"] for d in data] == [seeded["c1"]]
    assert data[0]["evidence"][0]["url"] == "https://data.example/r"
    assert data[0]["review_state"] == "verified" and data[0]["verified_at"]


def test_json_of_nothing_is_an_empty_array(engine: Engine, seeded: dict[str, int]) -> None:
    assert json.loads(_export(engine, "json")) == []


def test_csv_has_a_header_and_one_row_per_claim(engine: Engine, seeded: dict[str, int]) -> None:
    _verify(engine, seeded["c0"])
    _verify(engine, seeded["c1"], "supported")
    rows = list(csv.DictReader(io.StringIO(_export(engine, "csv"))))
    assert [r["evidence_status"] for r in rows] == ["contradicted", "supported"]
    assert rows[0]["evidence"] == "refutes: https://data.example/r"
    assert rows[0]["quote"].startswith("The city cut 12 bus routes")
