"""Fact-checks already published about a claim: the claim's words, searched in a ClaimReview API.

The search runs after the ledger is read (no transaction is open while the service answers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimledger.links import FactCheckSearch


def published_fact_checks(
    quote: str,
    *,
    query: str | None = None,
    max_results: int = 50,
) -> tuple[str, FactCheckSearch]:
    """The words searched (the quote's, unless given) and what the service found."""
    from claimledger.links import LinkSettings, fact_check_query, search_fact_checks_sync

    words = query or fact_check_query(quote)
    found = search_fact_checks_sync(
        words, settings=LinkSettings.from_env(), max_results=max_results
    )
    return words, found
