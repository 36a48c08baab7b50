"""The HTTP layer: validating, fetching, checking and archiving evidence links (httpx)."""

from claimledger.links.urls import InvalidURL, validate_url

__all__ = ["InvalidURL", "validate_url"]
