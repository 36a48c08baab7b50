"""Exports as an editor opens them: only verified claims by default, evidence included."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from claimledger.db import session_scope
from claimledger.errors import InvalidValue
from claimledger.export import (
    Publisher,
    export_records,
    write_claimreview,
    write_csv,
    write_json,
)
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


def _export(engine: Engine, writer: Callable[..., int], **kw: Any) -> str:
    out = io.StringIO()
    with session_scope(engine) as s:
        writer(export_records(session=s, flt=ClaimFilter(states=("verified",))), out, **kw)
    return out.getvalue()


def test_json_holds_verified_claims_with_their_evidence(
    engine: Engine, seeded: dict[str, int]
) -> None:
    _verify(engine, seeded["c1"])
    data = json.loads(_export(engine, write_json))
    assert [d["id"] for d in data] == [seeded["c1"]]
    assert data[0]["evidence"][0]["url"] == "https://data.example/r"
    assert data[0]["state"] == "verified" and data[0]["verified_at"]


def test_json_of_nothing_is_an_empty_array(engine: Engine, seeded: dict[str, int]) -> None:
    assert json.loads(_export(engine, write_json)) == []


def test_csv_has_a_header_and_one_row_per_claim(engine: Engine, seeded: dict[str, int]) -> None:
    _verify(engine, seeded["c0"])
    _verify(engine, seeded["c1"], "supported")
    rows = list(csv.DictReader(io.StringIO(_export(engine, write_csv))))
    assert [r["evidence_status"] for r in rows] == ["contradicted", "supported"]
    assert rows[0]["evidence"] == "refutes: https://data.example/r"
    assert rows[0]["quote"].startswith("The city cut 12 bus routes")


def test_claimreview_has_googles_required_properties(
    engine: Engine, seeded: dict[str, int]
) -> None:
    _verify(engine, seeded["c1"])
    pub = Publisher(site_url="https://factcheck.example/", name="Example Checks")
    [review_ld] = json.loads(_export(engine, write_claimreview, publisher=pub))
    assert review_ld["@context"] == "https://schema.org"
    assert review_ld["@type"] == "ClaimReview"
    assert review_ld["claimReviewed"] == "Ridership fell by 30 percent between 2019 and 2021"
    assert review_ld["url"] == f"https://factcheck.example/claims/{seeded['c1']}"
    rating = review_ld["reviewRating"]
    assert rating["alternateName"] == "Contradicted"
    assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (1, 1, 5)
    item = review_ld["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["appearance"][0]["url"] == "https://news.example/bus"
    assert item["author"] == {"@type": "Organization", "name": "City Paper"}
    assert review_ld["author"]["name"] == "Example Checks"
    assert len(review_ld["datePublished"]) == 10


def test_unverifiable_claims_get_words_but_no_number(
    engine: Engine, seeded: dict[str, int]
) -> None:
    _verify(engine, seeded["c0"], "unverifiable")
    pub = Publisher(site_url="https://factcheck.example")
    [review_ld] = json.loads(_export(engine, write_claimreview, publisher=pub))
    assert review_ld["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_publisher_needs_a_web_address() -> None:
    with pytest.raises(InvalidValue, match="http"):
        Publisher(site_url="factcheck.example")
