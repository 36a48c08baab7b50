"""Fact-checks already published elsewhere, from a ClaimReview search API (Google's format)."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from claimledger.links.fetch import describe_error
from claimledger.links.settings import LinkSettings

PAGE_SIZE = 20


@dataclass
class FactCheck:
    claim: str
    claimant: str | None
    claim_date: str | None
    publisher: str | None
    url: str | None
    title: str | None
    rating: str | None
    review_date: str | None


@dataclass
class FactCheckSearch:
    ok: bool
    message: str
    results: list[FactCheck] = field(default_factory=list)


async def search_fact_checks(
    client: httpx.AsyncClient, query: str, *, settings: LinkSettings, max_results: int = 50
) -> FactCheckSearch:
    if not settings.factcheck_key or not settings.factcheck_endpoint:
        return FactCheckSearch(
            False, "fact-check search not configured (CLAIMLEDGER_FACTCHECK_KEY)"
        )
    results: list[FactCheck] = []
    token: str | None = None
    try:
        while len(results) < max_results:
            params = {"query": query, "key": settings.factcheck_key, "pageSize": str(PAGE_SIZE)}
            if token:
                params["pageToken"] = token
            response = await client.get(settings.factcheck_endpoint, params=params)
            if response.status_code >= 400:
                return FactCheckSearch(
                    False, f"fact-check search failed: HTTP {response.status_code}", results
                )
            data = response.json()
            for claim in data.get("claims", []):
                for review in claim.get("claimReview", []) or [{}]:
                    results.append(
                        FactCheck(
                            claim=claim.get("text", ""),
                            claimant=claim.get("claimant"),
                            claim_date=claim.get("claimDate"),
                            publisher=(review.get("publisher") or {}).get("name"),
                            url=review.get("url"),
                            title=review.get("title"),
                            rating=review.get("textualRating"),
                            review_date=review.get("reviewDate"),
                        )
                    )
            token = data.get("nextPageToken")
            if not token:
                break
    except httpx.HTTPError as exc:
        return FactCheckSearch(
            False, f"fact-check search unreachable: {describe_error(exc)}", results
        )
    except ValueError:
        return FactCheckSearch(
            False, "fact-check search answered something that is not JSON", results
        )
    return FactCheckSearch(
        True, f"{len(results[:max_results])} fact-check(s)", results[:max_results]
    )
