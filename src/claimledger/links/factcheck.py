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
    if settings.offline:
        return FactCheckSearch(False, "offline (CLAIMLEDGER_OFFLINE): fact-checks not searched")
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


def fact_check_query(quote: str, limit: int = 200) -> str:
    """A claim's words as a search: the API matches text, and a whole long sentence finds nothing."""
    query = " ".join(quote.replace("“", " ").replace("”", " ").replace('"', " ").split())
    if len(query) <= limit:
        return query
    return query[:limit].rsplit(" ", 1)[0]


def search_fact_checks_sync(
    query: str, *, settings: LinkSettings, max_results: int = 50
) -> FactCheckSearch:
    import asyncio

    from claimledger.links.client import make_client

    async def run() -> FactCheckSearch:
        async with make_client(settings) as client:
            return await search_fact_checks(
                client, query, settings=settings, max_results=max_results
            )

    return asyncio.run(run())
