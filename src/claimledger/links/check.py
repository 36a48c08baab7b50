"""Re-checking evidence links: alive, dead, redirected elsewhere, or changed since added.

Many links at once, politely: bounded concurrency overall, a few requests at a time per host with
a pause between them, and retries with backoff on 429 and 5xx that honour Retry-After (capped).
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from claimledger.links.client import make_client
from claimledger.links.fetch import PageSnapshot, fetch_page
from claimledger.links.settings import LinkSettings
from claimledger.links.urls import InvalidURL

RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class LinkCheck:
    url: str
    state: str  # alive | dead | redirected | changed | unread | unchecked (see vocab.LinkState)
    status: int | None = None
    final_url: str | None = None
    content_hash: str | None = None
    title: str | None = None
    error: str | None = None
    checked_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    attempts: int = 1
    unreachable: bool = False
    """No server answered (connection refused, DNS failure, connect timeout): the host is
    gone, or the network is; `check_and_record` tells which before anything is written."""


def _same_place(a: str, b: str) -> bool:
    """http->https, a trailing slash or a host's case is not a move elsewhere."""
    pa, pb = urlsplit(a), urlsplit(b)
    return (
        pa.netloc.lower().removeprefix("www.") == pb.netloc.lower().removeprefix("www.")
        and pa.path.rstrip("/") == pb.path.rstrip("/")
        and pa.query == pb.query
    )


def classify(url: str, snap: PageSnapshot, previous_hash: str | None) -> str:
    if snap.refused:
        return "unchecked"
    if snap.unread:
        return "unread"  # it answered: alive, but too large or not text to compare
    if (snap.error and not snap.content_hash) or (snap.status or 0) >= 400:
        return "dead"
    if snap.final_url and not _same_place(url, snap.final_url):
        return "redirected"
    if previous_hash and snap.content_hash and snap.content_hash != previous_hash:
        return "changed"
    return "alive"


def retry_after(value: str | None, cap: float) -> float | None:
    """Seconds to wait, from a Retry-After header (seconds or an HTTP date), capped."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        if parsed is None:
            return None
        seconds = (parsed - datetime.now(UTC)).total_seconds()
    return max(0.0, min(seconds, cap))


class _Host:
    def __init__(self, per_host: int) -> None:
        self.gate = asyncio.Semaphore(per_host)
        self.last = 0.0


async def _polite_fetch(
    client: httpx.AsyncClient, url: str, settings: LinkSettings, host: _Host | None
) -> tuple[PageSnapshot, int]:
    """Fetch with retries; returns the last snapshot and how many attempts it took."""
    attempts = 0
    delay = settings.backoff
    while True:
        attempts += 1
        if host is not None:
            async with host.gate:
                wait = host.last + settings.per_host_delay - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                host.last = time.monotonic()
                snap = await fetch_page(client, url, settings=settings)
        else:
            snap = await fetch_page(client, url, settings=settings)
        transient = snap.status in RETRY_STATUS or (
            snap.status is None and snap.error is not None and not snap.refused
        )
        if not transient or attempts > settings.retries:
            return snap, attempts
        pause = retry_after(snap.retry_after, settings.max_retry_after)
        await asyncio.sleep(pause if pause is not None else delay)
        delay *= 2


async def check_link(
    client: httpx.AsyncClient,
    url: str,
    *,
    previous_hash: str | None = None,
    settings: LinkSettings,
    _host: _Host | None = None,
) -> LinkCheck:
    try:
        snap, attempts = await _polite_fetch(client, url, settings, _host)
    except InvalidURL as exc:
        return LinkCheck(url=url, state="dead", error=str(exc), attempts=0)
    return LinkCheck(
        url=url,
        state=classify(url, snap, previous_hash),
        status=snap.status,
        final_url=snap.final_url,
        content_hash=snap.content_hash,
        title=snap.title,
        error=snap.error,
        checked_at=snap.retrieved_at,
        attempts=attempts,
        unreachable=snap.unreachable,
    )


async def network_answers(client: httpx.AsyncClient, settings: LinkSettings) -> bool:
    """Whether the network is there at all: does the probe page (the archive service's, by
    default) answer anything? Asked only when no link of a check answered."""
    probe = settings.network_probe or settings.archive_endpoint
    if not probe or probe.strip().lower() == "none":
        return False
    try:
        async with client.stream("HEAD", probe):
            return True
    except httpx.HTTPError:
        return False


def network_answers_sync(settings: LinkSettings) -> bool:
    async def run() -> bool:
        async with make_client(settings) as client:
            return await network_answers(client, settings)

    return asyncio.run(run())


Item = tuple[Hashable, str, str | None]


async def check_links(
    items: list[Item],
    *,
    client: httpx.AsyncClient,
    settings: LinkSettings,
    concurrency: int = 20,
    per_host: int = 2,
    on_progress: Callable[[Hashable, LinkCheck], None] | None = None,
) -> list[tuple[Hashable, LinkCheck]]:
    """Check (key, url, previous_hash) items; results in the order given."""
    gate = asyncio.Semaphore(max(1, concurrency))
    hosts: dict[str, _Host] = {}

    async def one(key: Hashable, url: str, previous: str | None) -> tuple[Hashable, LinkCheck]:
        host = hosts.setdefault(urlsplit(url).netloc.lower(), _Host(max(1, per_host)))
        async with gate:
            result = await check_link(
                client, url, previous_hash=previous, settings=settings, _host=host
            )
        if on_progress is not None:
            on_progress(key, result)
        return key, result

    return list(await asyncio.gather(*(one(k, u, h) for k, u, h in items)))


def check_links_sync(
    items: list[Item],
    *,
    settings: LinkSettings,
    client: httpx.AsyncClient | None = None,
    concurrency: int = 20,
    per_host: int = 2,
    on_progress: Callable[[Hashable, LinkCheck], None] | None = None,
) -> list[tuple[Hashable, LinkCheck]]:
    async def run() -> list[tuple[Hashable, LinkCheck]]:
        own = client or make_client(settings)
        try:
            return await check_links(
                items,
                client=own,
                settings=settings,
                concurrency=concurrency,
                per_host=per_host,
                on_progress=on_progress,
            )
        finally:
            if client is None:
                await own.aclose()

    return asyncio.run(run())
