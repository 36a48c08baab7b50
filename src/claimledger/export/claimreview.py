"""ClaimReview JSON-LD (schema.org), with the properties Google requires and those it recommends.

Required: claimReviewed, reviewRating (with alternateName, the verdict in words), url (the page of
the fact-check, built from the publishing site's address). Recommended and filled where known:
author, datePublished, itemReviewed (the Claim, who made it, where and when it appeared).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO
from urllib.parse import urlsplit

from claimledger.errors import InvalidValue
from claimledger.export.records import ExportRecord

# evidence status -> (ratingValue on a 1..5 scale, alternateName)
RATINGS: dict[str, tuple[int | None, str]] = {
    "supported": (5, "Supported"),
    "mixed": (3, "Mixed"),
    "contradicted": (1, "Contradicted"),
    "unverifiable": (None, "Unverifiable"),
    "unverified": (None, "Not yet rated"),
}


@dataclass(frozen=True)
class Publisher:
    """The organisation publishing the fact-checks, and the site where they live."""

    site_url: str
    name: str | None = None

    def __post_init__(self) -> None:
        parts = urlsplit(self.site_url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise InvalidValue(f"site URL must be an http(s) address, not {self.site_url!r}")

    @property
    def label(self) -> str:
        return self.name or urlsplit(self.site_url).netloc

    def review_url(self, claim_id: int) -> str:
        return f"{self.site_url.rstrip('/')}/claims/{claim_id}"


def claim_review(record: ExportRecord, publisher: Publisher) -> dict[str, Any]:
    claim, source = record.claim, record.source
    value, name = RATINGS.get(claim.evidence_status, (None, claim.evidence_status))
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": name}
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker:
        is_outlet = claim.speaker == source.label
        item["author"] = {"@type": "Organization" if is_outlet else "Person", "name": claim.speaker}
    if source.published:
        item["datePublished"] = source.published
    if source.url:
        appearance: dict[str, Any] = {"@type": "CreativeWork", "url": source.url}
        if source.title:
            appearance["headline"] = source.title
        if source.label:
            appearance["publisher"] = {"@type": "Organization", "name": source.label}
        item["appearance"] = [appearance]
        item["firstAppearance"] = appearance
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": publisher.review_url(claim.id),
        "claimReviewed": claim.quote,
        "author": {"@type": "Organization", "name": publisher.label, "url": publisher.site_url},
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if record.verified_at:
        review["datePublished"] = record.verified_at.date().isoformat()
    return review


def write_claimreview(records: Iterable[ExportRecord], out: TextIO, publisher: Publisher) -> int:
    n = 0
    out.write("[")
    for record in records:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(claim_review(record, publisher), ensure_ascii=False, indent=2))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n
