"""The link layer against a real local server: every outcome a reviewer can meet."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Hashable
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimledger.links import (
    InvalidURL,
    LinkSettings,
    archive_url,
    check_link,
    check_links,
    check_links_sync,
    fetch_article,
    fetch_page,
    search_fact_checks,
    validate_url,
)


@pytest.fixture
async def client(settings: LinkSettings) -> AsyncIterator[httpx.AsyncClient]:
    from claimledger.links import make_client

    async with make_client(settings) as c:
        yield c


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/a", "not an http"),
        ("javascript:alert(1)", "not an http"),
        ("file:///etc/passwd", "not an http"),
        ("example.org/page", "no scheme"),
        ("http://", "no host"),
        ("http://exa mple.org", "spaces"),
        ("", "empty"),
        ("http://example.org:99999/", "not a valid URL"),
    ],
)
def test_bad_urls_are_refused_with_a_reason(url: str, message: str) -> None:
    with pytest.raises(InvalidURL, match=message):
        validate_url(url)


def test_good_urls_pass_stripped() -> None:
    assert validate_url("  https://example.org/a?b=1 ") == "https://example.org/a?b=1"


async def test_a_normal_page(client: httpx.AsyncClient, base: str, settings: LinkSettings) -> None:
    snap = await fetch_page(client, f"{base}/page", settings=settings)
    assert (snap.status, snap.title, snap.error) == (200, "A page", None)
    assert snap.final_url == f"{base}/page"
    assert len(snap.content_hash or "") == 64
    assert snap.retrieved_at.tzinfo is not None


async def test_markup_changes_alone_do_not_change_the_fingerprint(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    a = await fetch_page(client, f"{base}/page", settings=settings)
    b = await fetch_page(client, f"{base}/reformatted", settings=settings)
    assert a.content_hash == b.content_hash


async def test_redirect_chain_is_followed_and_recorded(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    snap = await fetch_page(client, f"{base}/chain/1", settings=settings)
    assert snap.final_url == f"{base}/page"
    assert snap.redirects == [f"{base}/chain/2", f"{base}/chain/3", f"{base}/page"]


async def test_redirect_loop_is_dead(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    check = await check_link(client, f"{base}/loop-a", settings=settings)
    assert (check.state, check.error) == ("dead", "redirect loop")


async def test_too_many_redirects(client: httpx.AsyncClient, base: str) -> None:
    strict = LinkSettings(max_redirects=2, retries=0, allow_private=True)
    snap = await fetch_page(client, f"{base}/chain/1", settings=strict)
    assert snap.error == "too many redirects (over 2)"


@pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/broken", 500)])
async def test_error_statuses_are_dead(
    client: httpx.AsyncClient, base: str, settings: LinkSettings, path: str, status: int
) -> None:
    check = await check_link(client, f"{base}{path}", settings=settings)
    assert (check.state, check.status) == ("dead", status)


async def test_500_is_retried(
    client: httpx.AsyncClient, server: tuple[str, Any], settings: LinkSettings
) -> None:
    base, state = server
    path = f"/always-busy/{uuid.uuid4().hex}"
    check = await check_link(client, f"{base}{path}", settings=settings)
    assert check.state == "dead" and check.attempts == 3
    assert state.hits[path] == 3


async def test_429_with_retry_after_then_ok(
    client: httpx.AsyncClient, server: tuple[str, Any], settings: LinkSettings
) -> None:
    base, state = server
    path = f"/busy-then-ok/{uuid.uuid4().hex}"
    check = await check_link(client, f"{base}{path}", settings=settings)
    assert (check.state, check.status, check.attempts) == ("alive", 200, 2)
    assert state.hits[path] == 2


async def test_a_slow_page_times_out(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    quick = LinkSettings(timeout=0.3, retries=0, allow_private=True)
    snap = await fetch_page(client, f"{base}/slow", settings=quick)
    assert snap.error == "timed out"


@pytest.mark.parametrize("path", ["/huge", "/huge-undeclared"])
async def test_a_huge_body_is_cut_off(
    client: httpx.AsyncClient, base: str, settings: LinkSettings, path: str
) -> None:
    snap = await fetch_page(client, f"{base}{path}", settings=settings)
    assert snap.error is not None and snap.error.startswith("too large")


async def test_a_binary_file_is_recorded_as_such(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    snap = await fetch_page(client, f"{base}/binary", settings=settings)
    assert snap.error == "not a readable page (application/octet-stream)"


async def test_connection_refused_is_dead_not_an_exception(
    client: httpx.AsyncClient, settings: LinkSettings
) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    check = await check_link(
        client, f"http://127.0.0.1:{port}/x", settings=LinkSettings(retries=0, allow_private=True)
    )
    assert check.state == "dead" and check.error == "connection refused or unreachable"


async def test_a_page_that_changes_between_checks(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    url = f"{base}/changing/{uuid.uuid4().hex}"
    first = await check_link(client, url, settings=settings)
    second = await check_link(client, url, previous_hash=first.content_hash, settings=settings)
    assert (first.state, second.state) == ("alive", "changed")


async def test_same_content_is_alive(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    first = await check_link(client, f"{base}/page", settings=settings)
    again = await check_link(
        client, f"{base}/page", previous_hash=first.content_hash, settings=settings
    )
    assert again.state == "alive"


async def test_moved_to_another_page_is_redirected(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    check = await check_link(client, f"{base}/elsewhere", settings=settings)
    assert check.state == "redirected" and check.final_url == f"{base}/other-place"


async def test_many_links_concurrently_in_order_with_progress(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    seen: list[object] = []
    items: list[tuple[Hashable, str, str | None]] = [
        (i, f"{base}/{p}", None) for i, p in enumerate(["page", "missing", "elsewhere", "page"])
    ]
    results = await check_links(
        items,
        client=client,
        settings=settings,
        concurrency=3,
        on_progress=lambda k, r: seen.append(k),
    )
    assert [r.state for _, r in results] == ["alive", "dead", "redirected", "alive"]
    assert sorted(seen) == [0, 1, 2, 3]  # type: ignore[type-var]


def test_sync_wrapper_builds_its_own_client(base: str, settings: LinkSettings) -> None:
    [(key, result)] = check_links_sync([("a", f"{base}/page", None)], settings=settings)
    assert (key, result.state) == ("a", "alive")


async def test_archive_polls_the_job_until_success(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    result = await archive_url(client, "http://x.example/p", settings=settings)
    assert result.ok
    assert result.archive_url == "https://archive.example/20990101120000/http://x.example/p"
    assert result.archived_at is not None and result.archived_at.year == 2099


async def test_archive_error_that_actually_archived_is_verified(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    s = LinkSettings(**{**settings.__dict__, "archive_endpoint": f"{base}/spn-err"})
    result = await archive_url(client, "http://archived-anyway.example/", settings=s)
    assert result.ok and result.archive_url and "archived-anyway" in result.archive_url
    failed = await archive_url(client, "http://never.example/", settings=s)
    assert not failed.ok and "capture failed" in failed.message


async def test_archive_rate_limited(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    s = LinkSettings(**{**settings.__dict__, "archive_endpoint": f"{base}/spn-busy"})
    result = await archive_url(client, "http://x.example/", settings=s)
    assert not result.ok and "rate-limiting" in result.message


async def test_archive_without_credentials_says_so_and_sends_nothing(
    client: httpx.AsyncClient, server: tuple[str, Any]
) -> None:
    base, state = server
    before = sum(state.hits.values())
    result = await archive_url(
        client, "http://x.example/", settings=LinkSettings(archive_endpoint=f"{base}/spn")
    )
    assert (result.ok, result.message) == (
        False,
        "archiving skipped: no archive credentials configured",
    )
    assert sum(state.hits.values()) == before


def test_secrets_never_show_in_repr() -> None:
    s = LinkSettings(archive_access_key="AK", archive_secret_key="SK", factcheck_key="FK")
    assert "AK" not in repr(s) and "SK" not in repr(s) and "FK" not in repr(s)


def test_settings_from_environment_and_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[links]\ntimeout = 3\narchive_access_key = "from-file"\n')
    s = LinkSettings.from_env(
        {
            "CLAIMLEDGER_CONFIG": str(config),
            "CLAIMLEDGER_ARCHIVE_SECRET_KEY": "env",
            "CLAIMLEDGER_HTTP_TIMEOUT": "7",
        }
    )
    assert (s.timeout, s.archive_access_key, s.archive_secret_key) == (7.0, "from-file", "env")


async def test_article_metadata_from_meta_tags_and_json_ld(
    client: httpx.AsyncClient, base: str, settings: LinkSettings
) -> None:
    article = await fetch_article(client, f"{base}/article", settings=settings)
    assert article.error is None
    assert article.metadata == {
        "title": "Border agents sent to Boston",
        "author": "Ann Lee",
        "published": "2020-02-14",
        "url": "https://news.example/2020/02/14/agents",
        "site_name": "Example News",
    }
    assert "100 agents" in article.html


async def test_fact_check_search_paginates(
    client: httpx.AsyncClient, settings: LinkSettings
) -> None:
    found = await search_fact_checks(client, "border agents", settings=settings, max_results=50)
    assert found.ok and len(found.results) == 25
    assert found.results[0].rating == "False"


async def test_fact_check_search_not_configured(client: httpx.AsyncClient) -> None:
    found = await search_fact_checks(client, "x", settings=LinkSettings())
    assert not found.ok and "not configured" in found.message


async def test_transport_is_closed_cleanly_for_unreachable_hosts(settings: LinkSettings) -> None:
    transport = httpx.MockTransport(
        lambda request: (_ for _ in ()).throw(httpx.ConnectError("Name or service not known"))
    )
    async with httpx.AsyncClient(transport=transport) as c:
        check = await check_link(
            c, "http://nowhere.invalid/", settings=LinkSettings(retries=0, allow_private=True)
        )
    assert check.error == "DNS failure: host not found"
