"""ClaimReview from the publication data: complete objects only, each checked by the validator."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import Any

import jsonschema
import pytest
from sqlalchemy.engine import Engine

from claimledger.export import Refused, validate_claim_review, write_claimreview
from claimledger.export.jsonld_check import jsonld_findings
from claimledger.export.validate import errors, format_checker, schema
from claimledger.records import ClaimFilter
from claimledger.service import Ledger

TEMPLATE = "https://checks.example/fact-checks/{id}"


def _verified(ledger: Ledger, cid: int) -> None:
    ledger.review(cid, evidence_status="contradicted", state="reviewed")
    ledger.review(cid, state="verified")


def _feed(ledger: Ledger) -> tuple[list[dict[str, Any]], list[Refused]]:
    out, refused = io.StringIO(), list[Refused]()
    write_claimreview(
        ledger.export_records(ClaimFilter()),
        out,
        ledger.publishing_settings(),
        refused=refused.append,
    )
    return json.loads(out.getvalue()), refused


@pytest.fixture
def ledger(engine: Engine, seeded: dict[str, int]) -> Ledger:
    ledger = Ledger(engine, "ed")
    ledger.set_publisher(
        org_name="Example Checks", org_url="https://checks.example", url_template=TEMPLATE
    )
    return ledger


def test_a_published_fact_check_has_every_required_and_recommended_property(
    ledger: Ledger, seeded: dict[str, int]
) -> None:
    cid = seeded["c1"]
    _verified(ledger, cid)
    when = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    ledger.publish(
        cid,
        statement="Ridership fell 30% from 2019 to 2021",
        rating="mostly false",
        summary="It fell 18%.",
        published_at=when,
    )
    [review], refused = _feed(ledger)
    assert {r.claim_id for r in refused} == {seeded["c0"], seeded["c2"]}
    assert all("nothing recorded for publication" in r.reason for r in refused)
    assert review["url"] == f"https://checks.example/fact-checks/{cid}"
    assert review["claimReviewed"] == "Ridership fell 30% from 2019 to 2021"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Mostly False",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert review["author"] == {
        "@type": "Organization",
        "name": "Example Checks",
        "url": "https://checks.example",
    }
    assert review["datePublished"] == "2026-11-02"
    assert review["reviewBody"] == "It fell 18%."
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2021-05-02"
    assert item["appearance"][0]["url"] == "https://news.example/bus"
    assert item["firstAppearance"]["headline"] == "Council cuts bus routes"
    assert validate_claim_review(review) == []
    jsonschema.validate(
        review, schema(), jsonschema.Draft202012Validator, format_checker=format_checker()
    )
    assert jsonld_findings(review) == []


def test_the_recorded_page_wins_over_the_template(ledger: Ledger, seeded: dict[str, int]) -> None:
    cid = seeded["c1"]
    _verified(ledger, cid)
    ledger.publish(cid, url="https://checks.example/2026/buses", statement="Buses", rating="False")
    [review], _ = _feed(ledger)
    assert review["url"] == "https://checks.example/2026/buses"


def test_an_unrateable_verdict_has_words_and_no_number(
    ledger: Ledger, seeded: dict[str, int]
) -> None:
    cid = seeded["c1"]
    _verified(ledger, cid)
    ledger.publish(cid, statement="Ridership fell 30%", rating="Unrateable")
    [review], _ = _feed(ledger)
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unrateable"}
    assert validate_claim_review(review) == []


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ("draft", "not published yet"),
        ("no-org", "no publishing organisation"),
        ("no-template", "no fact-check URL"),
    ],
)
def test_a_claim_lacking_a_required_property_is_refused_with_its_reason(
    ledger: Ledger, seeded: dict[str, int], setup: str, reason: str
) -> None:
    cid = seeded["c1"]
    _verified(ledger, cid)
    if setup == "draft":
        ledger.publish(cid, statement="Buses", rating="False", published=None)
    else:
        ledger.publish(cid, statement="Buses", rating="False")
    if setup == "no-org":
        ledger.set_publisher(org_name="")
    if setup == "no-template":
        ledger.set_publisher(url_template="")
    reviews, refused = _feed(ledger)
    assert reviews == []
    assert any(r.claim_id == cid and reason in r.reason for r in refused)


def _complete() -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://checks.example/1",
        "claimReviewed": "Buses are late",
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "False",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
        },
        "author": {"@type": "Organization", "name": "Checks", "url": "https://checks.example"},
        "datePublished": "2026-11-30",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Jane Doe"},
            "datePublished": "2026-11",
            "appearance": [{"@type": "CreativeWork", "url": "https://news.example/a"}],
        },
    }


def test_the_validator_accepts_a_complete_object() -> None:
    assert validate_claim_review(_complete()) == []


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("url", None, "url: missing"),
        ("url", "checks.example/1", "url: must be an http(s) address"),
        ("claimReviewed", "  ", "claimReviewed: must be non-empty text"),
        ("reviewRating", None, "reviewRating: missing"),
        ("reviewRating.alternateName", None, "reviewRating.alternateName: missing"),
        ("reviewRating.ratingValue", 9, "reviewRating.ratingValue: 9 is off the scale 1..5"),
        ("reviewRating.bestRating", None, "reviewRating.bestRating: missing beside ratingValue"),
        ("author", None, "author: missing"),
        ("author.name", None, "author.name: missing"),
        ("datePublished", "30/11/2026", "datePublished: must be an ISO 8601 date"),
        ("@type", "Review", "@type: must be ClaimReview"),
    ],
)
def test_the_validator_names_each_error(path: str, value: Any, message: str) -> None:
    obj = _complete()
    *parents, key = path.split(".")
    target = obj
    for part in parents:
        target = target[part]
    if value is None:
        del target[key]
    else:
        target[key] = value
    found = [str(f) for f in errors(validate_claim_review(obj))]
    assert any(f.startswith(message) for f in found), found


def test_missing_recommended_properties_are_warnings_not_errors() -> None:
    obj = _complete()
    del obj["itemReviewed"]["author"]
    obj["claimReviewed"] = "x" * 90
    found = validate_claim_review(obj)
    assert {f.level for f in found} == {"warning"}
    assert {f.path for f in found} == {"itemReviewed.author", "claimReviewed"}
