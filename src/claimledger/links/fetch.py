"""Fetching one page: redirects followed by hand, a size cap, a content fingerprint.

The fingerprint of an HTML page is the hash of its visible text with whitespace collapsed, so a
page whose markup, scripts or ad slots change but whose words do not is not reported as changed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import httpx

from claimledger.credentials import without_credentials
from claimledger.links.addresses import Unresolvable, refusal
from claimledger.links.claimreview import outlet_verdicts
from claimledger.links.metadata import parse_page_metadata
from claimledger.links.settings import LinkSettings
from claimledger.links.urls import validate_url
from claimledger.records import OutletVerdict

READABLE_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/pdf",
    "application/json",
)
_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass
class PageSnapshot:
    url: str
    final_url: str | None = None
    status: int | None = None
    title: str | None = None
    content_type: str | None = None
    content_hash: str | None = None
    retrieved_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    redirects: list[str] = field(default_factory=list)
    error: str | None = None
    retry_after: str | None = None
    body: bytes = field(default=b"", repr=False)
    reached: bool = False
    """A server answered (or at least accepted the connection): the network was there."""
    refused: bool = False
    """Not fetched on purpose (a private address the settings do not allow)."""
    unread: bool = False
    """The server answered 2xx but the page was not read: too large, or not text."""
    offline: bool = False
    """No server answered and neither did the network probe: nothing is known of the page."""
    outlet_verdicts: tuple[OutletVerdict, ...] = ()
    """Other outlets' verdicts in the page's ClaimReview markup (read when asked: `read_verdicts`)."""

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400

    @property
    def unreachable(self) -> bool:
        """No server could be reached: the host is gone, or the network is."""
        return not self.reached and not self.refused and self.error is not None


def visible_text(html: str) -> str:
    return _SPACE.sub(" ", _TAG.sub(" ", _SCRIPT.sub(" ", html))).strip()


def fingerprint(body: bytes, content_type: str | None) -> str:
    if content_type and "html" in content_type:
        text = visible_text(body.decode("utf-8", errors="replace"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
    return hashlib.sha256(body).hexdigest()


def describe_error(exc: Exception) -> str:
    """A short phrase a reviewer understands, for any transport failure."""
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        if (
            "name or service" in text
            or "nodename" in text
            or "getaddrinfo" in text
            or "resolve" in text
        ):
            return "DNS failure: host not found"
        return "connection refused or unreachable"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "server broke the connection"
    if isinstance(exc, httpx.HTTPError):
        return f"network error: {type(exc).__name__}"
    return f"error: {exc}"


async def fetch_page(
    client: httpx.AsyncClient,
    url: str,
    *,
    settings: LinkSettings,
    keep_body: bool = False,
    read_verdicts: bool = False,
) -> PageSnapshot:
    """GET a page, following redirects by hand; network trouble is recorded, never raised."""
    snap = PageSnapshot(url=validate_url(url))
    current = snap.url
    seen = {current}
    try:
        for _ in range(settings.max_redirects + 1):
            if not settings.allow_private:
                reason = await refusal(current)
                if reason is not None:
                    snap.final_url = current
                    snap.error = reason
                    snap.refused = True
                    return snap
            async with client.stream("GET", current) as response:
                snap.reached = True
                snap.status = response.status_code
                if response.is_redirect and "location" in response.headers:
                    # a password in a redirect is neither followed with nor recorded
                    target = without_credentials(urljoin(current, response.headers["location"]))
                    snap.redirects.append(target)
                    if target in seen:
                        snap.final_url = target
                        snap.error = "redirect loop"
                        return snap
                    seen.add(target)
                    current = target
                    continue
                snap.final_url = current
                snap.retry_after = response.headers.get("retry-after")
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                snap.content_type = ctype or None
                answered = response.status_code < 400
                if ctype and not ctype.startswith(READABLE_TYPES):
                    snap.error = f"not a readable page ({ctype})"
                    snap.unread = answered
                    return snap
                declared = _declared_length(response.headers.get("content-length"))
                if declared > settings.max_bytes:
                    snap.error = f"too large ({declared} bytes)"
                    snap.unread = answered
                    return snap
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > settings.max_bytes:
                        snap.error = f"too large (over {settings.max_bytes} bytes)"
                        snap.unread = answered
                        return snap
                    chunks.append(chunk)
                body = b"".join(chunks)
                snap.content_hash = fingerprint(body, ctype)
                if "html" in ctype:
                    encoding = response.encoding or "utf-8"
                    snap.title = parse_page_metadata(body.decode(encoding, errors="replace"))[
                        "title"
                    ]
                if read_verdicts and "html" in ctype and response.status_code < 400:
                    snap.outlet_verdicts = outlet_verdicts(body, current)
                if keep_body:
                    snap.body = body
                if response.status_code >= 400:
                    snap.error = f"HTTP {response.status_code}"
                return snap
        snap.error = f"too many redirects (over {settings.max_redirects})"
        return snap
    except Unresolvable:
        snap.error = "DNS failure: host not found"
        return snap
    except httpx.HTTPError as exc:
        snap.error = describe_error(exc)
        if not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
            snap.reached = True  # connected, then the server failed us: the network is there
        return snap
    finally:
        snap.retrieved_at = datetime.now(UTC)


def _declared_length(value: str | None) -> int:
    """A Content-Length header as a number; a nonsense one counts as not given."""
    try:
        return max(0, int(value or 0))
    except ValueError:
        return 0


@dataclass
class FetchedArticle:
    url: str
    final_url: str | None
    status: int | None
    html: str
    metadata: dict[str, str | None]
    error: str | None = None


async def fetch_article(
    client: httpx.AsyncClient, url: str, *, settings: LinkSettings
) -> FetchedArticle:
    """An article page's HTML and what its meta tags and JSON-LD say about it."""
    snap = await fetch_page(client, url, settings=settings, keep_body=True)
    html = snap.body.decode("utf-8", errors="replace") if snap.body else ""
    if snap.ok and snap.content_type and "html" not in snap.content_type:
        snap.error = f"not an HTML page ({snap.content_type})"
    return FetchedArticle(
        url=snap.url,
        final_url=snap.final_url,
        status=snap.status,
        html=html,
        metadata=parse_page_metadata(html) if html else {},
        error=snap.error,
    )
