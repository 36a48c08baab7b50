"""Fact-checks already published about a claim: the claim's words, searched in a ClaimReview API.

The search runs after the ledger is read (no transaction is open while the service answers).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlmodel import Session

from claimledger.ledger.queries import get_claim

if TYPE_CHECKING:
    from claimledger.links import FactCheckSearch


def published_fact_checks(
    open_session: Callable[[], AbstractContextManager[Session]],
    claim_id: int,
    *,
    query: str | None = None,
    max_results: int = 50,
) -> tuple[str, FactCheckSearch]:
    """The words searched (the quote's, unless given) and what the service found."""
    from claimledger.links import LinkSettings, fact_check_query, search_fact_checks_sync

    with open_session() as session:
        quote = get_claim(claim_id, session=session).quote
    words = query or fact_check_query(quote)
    found = search_fact_checks_sync(
        words, settings=LinkSettings.from_env(), max_results=max_results
    )
    return words, found
