"""One configured httpx client; callers (and tests) may pass their own instead."""

from __future__ import annotations

import httpx

from claimledger import __version__
from claimledger.links.settings import LinkSettings

USER_AGENT = f"claimledger/{__version__} (evidence link checker)"


def make_client(settings: LinkSettings) -> httpx.AsyncClient:
    """Redirects are followed by hand (to record the chain and catch loops)."""
    return httpx.AsyncClient(
        follow_redirects=False,
        timeout=httpx.Timeout(settings.timeout),
        headers={"User-Agent": USER_AGENT},
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
    )
