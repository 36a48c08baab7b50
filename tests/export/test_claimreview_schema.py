"""The ClaimReview JSON Schema and the JSON-LD expansion, both offline, both package data."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest
from pyld import jsonld  # type: ignore[import-untyped]

from claimledger.export.jsonld_check import (
    SCHEMA_ORG,
    expand,
    jsonld_errors_cached,
    jsonld_findings,
    offline_loader,
)
from claimledger.export.validate import (
    _findings,
    _parts,
    error_findings,
    format_checker,
    schema,
    validate_claim_review,
)


def _complete() -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://checks.example/1",
        "claimReviewed": "Buses are late",
        "reviewBody": "They were on time.",
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
            "firstAppearance": {"@type": "CreativeWork", "url": "https://news.example/a"},
        },
    }


def test_the_shipped_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_a_complete_object_passes_the_whole_schema_applied_by_jsonschema_itself() -> None:
    jsonschema.validate(
        _complete(), schema(), jsonschema.Draft202012Validator, format_checker=format_checker()
    )


BROKEN: list[tuple[str, Any]] = [
    ("url", "ftp://checks.example/1"),
    ("claimReviewed", ""),
    ("reviewRating", "False"),
    ("reviewRating.@type", "AggregateRating"),
    ("reviewRating.ratingValue", "one"),
    ("author", {"@type": "Thing", "name": "x"}),
    ("author", "Checks"),
    ("datePublished", "2026-02-30"),
    ("itemReviewed", []),
    ("@context", "https://example.org/"),
]


@pytest.mark.parametrize(("path", "value"), BROKEN)
def test_checking_property_by_property_finds_what_the_whole_schema_finds(
    path: str, value: Any
) -> None:
    """The exporter checks each property on its own (and remembers values it has seen): it
    must name the same properties as the whole schema applied at once."""
    obj = _complete()
    *parents, key = path.split(".")
    target = obj
    for part in parents:
        target = target[part]
    target[key] = value
    required = _parts()[0]
    whole = {f.path for f in _findings(required.whole, obj, "error")}
    parts = {f.path for f in error_findings(obj)}
    assert whole and whole == parts
    whole_schema = jsonschema.Draft202012Validator(schema(), format_checker=format_checker())
    assert not whole_schema.is_valid(obj)


def test_a_value_seen_before_gives_the_same_findings() -> None:
    obj = _complete()
    obj["datePublished"] = "yesterday"
    first = error_findings(copy.deepcopy(obj))
    assert [str(f) for f in first] == [str(f) for f in error_findings(obj)]
    assert "datePublished: must be an ISO 8601 date, not 'yesterday'" in [str(f) for f in first]


def test_a_recommended_property_missing_is_a_warning() -> None:
    obj = _complete()
    del obj["itemReviewed"]["appearance"]
    found = validate_claim_review(obj)
    assert [(f.level, f.path) for f in found] == [("warning", "itemReviewed.appearance")]
    assert "where it appeared" in found[0].message


def test_every_property_and_type_expands_to_schema_org() -> None:
    [node] = expand(_complete())
    assert node["@type"] == [SCHEMA_ORG + "ClaimReview"]
    assert all(k.startswith(SCHEMA_ORG) for k in node if not k.startswith("@"))
    item = node[SCHEMA_ORG + "itemReviewed"][0]
    assert item["@type"] == [SCHEMA_ORG + "Claim"]
    assert jsonld_findings(_complete()) == []


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"claimReviewd": "Buses"}, "claimReviewd", "not a schema.org property"),
        ({"@type": "ClaimReveiw"}, "@type", "not a schema.org type"),
        ({"verdict": "False"}, "verdict", "'verdict' is not in its vocabulary"),
        ({"http://example.org/score": 3}, "http://example.org/score", "not a schema.org property"),
    ],
)
def test_an_unknown_or_misspelled_term_is_an_error(
    change: dict[str, Any], path: str, words: str
) -> None:
    obj = {**_complete(), **change}
    found = jsonld_findings(obj)
    assert [f.path for f in found] == [path]
    assert found[0].level == "error" and words in found[0].message


def test_a_misspelled_term_deep_inside_is_named_with_its_path() -> None:
    obj = _complete()
    obj["itemReviewed"]["author"]["nmae"] = "Jane"
    assert [str(f).split(":")[0] for f in jsonld_findings(obj)] == ["itemReviewed.author.nmae"]


def test_no_context_is_fetched_from_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(url: str, options: Any = None) -> Any:
        raise AssertionError(f"the default document loader was asked for {url}")

    monkeypatch.setattr(jsonld, "_default_document_loader", no_network)
    assert jsonld_findings(_complete()) == []
    other = {**_complete(), "@context": "https://example.org/context.jsonld"}
    [finding] = jsonld_findings(other)
    assert finding.path == "@context" and "cannot be read offline" in finding.message
    with pytest.raises(jsonld.JsonLdError):
        offline_loader("https://example.org/context.jsonld")


def test_the_exporter_expands_each_shape_once_with_the_same_findings() -> None:
    bad = {**_complete(), "claimReviewd": "x"}
    assert list(jsonld_errors_cached(bad)) == jsonld_findings(bad)
    other_values = {**bad, "url": "https://checks.example/2", "claimReviewd": "y"}
    assert jsonld_errors_cached(other_values) is jsonld_errors_cached(bad)
