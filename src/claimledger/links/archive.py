"""Archiving a page with a Save Page Now style service (the Internet Archive's by default).

The service answers a capture request with a job to poll. It rate-limits, and it sometimes
reports an error for a capture that did succeed, so an error is checked against the availability
look-up before it is believed.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from claimledger.links.fetch import describe_error
from claimledger.links.settings import LinkSettings

NO_CREDENTIALS = "archiving skipped: no archive credentials configured"


@dataclass
class ArchiveResult:
    ok: bool
    message: str
    archive_url: str | None = None
    archived_at: datetime | None = None


def _stamp_time(stamp: str) -> datetime | None:
    try:
        return datetime.strptime(stamp[:14], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


async def _verify(
    client: httpx.AsyncClient, url: str, settings: LinkSettings, since: datetime
) -> ArchiveResult | None:
    """A snapshot newer than our request, if the availability look-up knows one."""
    try:
        response = await client.get(settings.availability_endpoint, params={"url": url})
        closest = response.json().get("archived_snapshots", {}).get("closest") or {}
    except (httpx.HTTPError, ValueError, AttributeError):
        return None
    when = _stamp_time(str(closest.get("timestamp", "")))
    if (
        closest.get("available")
        and closest.get("url")
        and when
        and when >= since.replace(microsecond=0)
    ):
        return ArchiveResult(
            True, "archived (confirmed by the availability look-up)", closest["url"], when
        )
    return None


async def archive_url(
    client: httpx.AsyncClient, url: str, *, settings: LinkSettings
) -> ArchiveResult:
    """Ask for a capture, poll the job, verify errors; never raises for network trouble."""
    if not settings.can_archive:
        return ArchiveResult(False, NO_CREDENTIALS)
    started = datetime.now(UTC)
    endpoint = settings.archive_endpoint.rstrip("/")
    headers = {
        "Authorization": f"LOW {settings.archive_access_key}:{settings.archive_secret_key}",
        "Accept": "application/json",
    }
    try:
        response = await client.post(f"{endpoint}/save", data={"url": url}, headers=headers)
        if response.status_code == 429:
            return ArchiveResult(False, "archive service is rate-limiting: try again later")
        if response.status_code in {401, 403}:
            return ArchiveResult(False, "archive service refused the credentials")
        job = response.json().get("job_id") if response.status_code < 400 else None
        if not job:
            verified = await _verify(client, url, settings, started)
            return verified or ArchiveResult(
                False, f"archive service did not start a capture (HTTP {response.status_code})"
            )
        deadline = time.monotonic() + settings.archive_timeout
        while time.monotonic() < deadline:
            status = await client.get(f"{endpoint}/save/status/{job}", headers=headers)
            if status.status_code == 429:
                await asyncio.sleep(settings.archive_poll_interval)
                continue
            data = status.json()
            state = data.get("status")
            if state == "success":
                stamp = str(data.get("timestamp", ""))
                original = data.get("original_url") or url
                return ArchiveResult(
                    True,
                    "archived",
                    f"{settings.replay_base.rstrip('/')}/{stamp}/{original}",
                    _stamp_time(stamp),
                )
            if state == "error":
                verified = await _verify(client, url, settings, started)
                return verified or ArchiveResult(
                    False,
                    f"capture failed: {data.get('message') or data.get('status_ext') or 'error'}",
                )
            await asyncio.sleep(settings.archive_poll_interval)
        verified = await _verify(client, url, settings, started)
        return verified or ArchiveResult(False, "capture did not finish in time")
    except httpx.HTTPError as exc:
        return ArchiveResult(False, f"archive service unreachable: {describe_error(exc)}")
    except ValueError:
        return ArchiveResult(False, "archive service answered something that is not JSON")
