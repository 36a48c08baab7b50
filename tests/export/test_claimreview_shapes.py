"""The exporter expands one ClaimReview per shape with the JSON-LD processor: a shape is what
expansion depends on (the keys, nesting and @types), never the string and number values, which
the JSON Schema checks on every object."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import pytest

from claimledger.export import claimreview
from claimledger.export import jsonld_check as jc
from claimledger.export.records import ExportRecord
from claimledger.records import (
    ClaimRecord,
    PublicationRecord,
    PublishingSettings,
    Rating,
    RatingScale,
    SourceRecord,
)

T = datetime(2026, 1, 2, tzinfo=UTC)
SCALE = RatingScale((Rating("True", 5), Rating("False", 1), Rating("Unrateable", None)))


def _record(
    cid: int, *, speaker: str | None, outlet: bool, published: bool, url: bool, title: bool,
    label: bool, summary: bool, rating: str,
) -> ExportRecord:  # fmt: skip
    name = "City Paper" if label else None
    source = SourceRecord(
        3, name or "a.txt", "a.txt", name, "Buses" if title else None, None,
        "2025-12-01" if published else None, "https://paper.example/a" if url else None,
    )  # fmt: skip
    who = (name if outlet else speaker) if speaker else None
    claim = ClaimRecord(
        cid, 3, source.label, "Buses are late.", 0, 15, "", "", "statistic", who, 0.5, (),
        None, "verified", "supported", None, "extracted", 1, T, T,
    )  # fmt: skip
    pub = PublicationRecord(
        cid, f"https://checks.example/{cid}", "Buses are late", rating,
        "On time." if summary else None, "ed", T,
    )  # fmt: skip
    return ExportRecord(claim, source, (), None, pub)


def test_the_builders_shape_names_exactly_one_skeleton(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every branch of the builder, every combination: objects the exporter gives the same
    shape have the same skeleton, so one expansion speaks for all of them."""
    seen: dict[Any, set[Any]] = {}
    real = jc.jsonld_errors_of_shape

    def spy(shape: Any, obj: Any) -> Any:
        seen.setdefault(shape, set()).add(jc._skeleton(obj))
        return real(shape, obj)

    monkeypatch.setattr(jc, "jsonld_errors_of_shape", spy)
    cid = 0
    for org_url in (None, "https://checks.example"):
        settings = PublishingSettings("Checks", org_url, None, SCALE)
        for speaker, rating, flags in itertools.product(
            [None, "Jane"], ["True", "Unrateable"], itertools.product([False, True], repeat=6)
        ):
            outlet, published, url, title, label, summary = flags
            cid += 1
            record = _record(
                cid, speaker=speaker, outlet=outlet, published=published, url=url, title=title,
                label=label, summary=summary, rating=rating,
            )  # fmt: skip
            review = claimreview.claim_review(record, settings)
            assert isinstance(review, dict), review
    assert len(seen) > 50
    assert all(len(skeletons) == 1 for skeletons in seen.values())


VALUES: list[Any] = [
    "", " ", "x", "_:b0", "schema:Thing", "http://schema.org/Person", "@type", "@id", "@context",
    "javascript:alert(1)", "http://[::1", "urn:claimledger:unknown-term:x", "\u00e9\u2028\n",
    0, -1, 2.5, True,
]  # fmt: skip
"""Values a desk or an article could put in a field, IRIs, keywords and blank nodes included."""


def _with_values(node: Any, value: Any, key: str = "") -> Any:
    """`node` with every value but @type's and @context's replaced by `value`."""
    if isinstance(node, dict):
        return {k: _with_values(v, value, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_with_values(v, value, key) for v in node]
    return node if key in ("@type", "@context") else value


def _complete_review() -> dict[str, Any]:
    record = _record(
        1, speaker="Jane", outlet=False, published=True, url=True, title=True, label=True,
        summary=True, rating="True",
    )  # fmt: skip
    review = claimreview.claim_review(record, PublishingSettings("Checks", "https://c.example"))
    assert isinstance(review, dict)
    return review


@pytest.mark.parametrize("misspelled", [False, True])
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_no_value_changes_the_expansions_verdict(misspelled: bool, value: Any) -> None:
    """Expansion's findings name properties and types, never values: whatever a field holds,
    the verdict on the object is the verdict on its shape (what the schema says of the values
    themselves, an address's validity included, is `validate`'s to check on every object)."""
    obj = _complete_review()
    if misspelled:
        obj["itemReviewed"]["author"]["nmae"] = "Jane"
    other = _with_values(obj, value)
    assert jc._skeleton(other) == jc._skeleton(obj)
    assert jc.jsonld_findings(other) == jc.jsonld_findings(obj)
    assert bool(jc.jsonld_findings(obj)) is misspelled


def test_a_null_is_part_of_the_shape() -> None:
    """The one value expansion does look at: a property whose value is null is dropped, a
    misspelled one with it, so a null is not the same shape as a value."""
    obj = _complete_review()
    obj["itemReviewed"]["author"]["nmae"] = "Jane"
    nulled = _with_values(obj, None)
    assert jc.jsonld_findings(nulled) == [] != jc.jsonld_findings(obj)
    assert jc._skeleton(nulled) != jc._skeleton(obj)
