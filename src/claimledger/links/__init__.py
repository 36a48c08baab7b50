"""The HTTP layer: validating, fetching, checking and archiving evidence links (httpx).

Every function takes the client it uses, so tests and the ledger can pass one in; network
trouble comes back as a value (an error phrase, a 'dead' state), never as an exception.
"""

from claimledger.links.archive import ArchiveResult, archive_url
from claimledger.links.check import LinkCheck, check_link, check_links, check_links_sync
from claimledger.links.client import make_client
from claimledger.links.factcheck import (
    FactCheck,
    FactCheckSearch,
    fact_check_query,
    search_fact_checks,
    search_fact_checks_sync,
)
from claimledger.links.fetch import FetchedArticle, PageSnapshot, fetch_article, fetch_page
from claimledger.links.metadata import parse_page_metadata
from claimledger.links.settings import LinkSettings
from claimledger.links.urls import InvalidURL, validate_url

__all__ = [
    "ArchiveResult",
    "FactCheck",
    "FactCheckSearch",
    "FetchedArticle",
    "InvalidURL",
    "LinkCheck",
    "LinkSettings",
    "PageSnapshot",
    "archive_url",
    "check_link",
    "check_links",
    "check_links_sync",
    "fact_check_query",
    "fetch_article",
    "fetch_page",
    "make_client",
    "parse_page_metadata",
    "search_fact_checks",
    "search_fact_checks_sync",
    "validate_url",
]
