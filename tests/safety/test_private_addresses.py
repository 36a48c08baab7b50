"""Line 'private addresses': loopback, private, link-local and unspecified addresses are not
fetched unless the settings allow it; every resolved address and every redirect is checked."""

from __future__ import annotations

import ipaddress
import json
import shutil
from pathlib import Path

import httpx
import pytest

from claimledger.links import LinkSettings, addresses, fetch_page
from claimledger.links.addresses import refusal
from helpers import Cli
from safety.support import CORPUS


@pytest.fixture
def private_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMLEDGER_ALLOW_PRIVATE_URLS")


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.1.2.3:8080/x", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://localhost/", "loopback"),
        ("http://2130706433/", "loopback"),  # 127.0.0.1 written as one number
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://172.16.0.1/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://[fd00::1]/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://[::]/", "unspecified"),
    ],
)
async def test_non_public_addresses_are_refused_with_the_reason(url: str, kind: str) -> None:
    reason = await refusal(url)
    assert reason is not None and f"is a {kind} address" in reason
    assert "CLAIMLEDGER_ALLOW_PRIVATE_URLS=1" in reason


async def test_a_public_address_is_not_refused() -> None:
    assert await refusal("http://93.184.215.14/") is None
    assert await refusal("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/") is None


async def test_a_refused_page_is_never_requested(hostile: str) -> None:
    requested: list[str] = []

    async def record(request: httpx.Request) -> None:
        requested.append(str(request.url))

    settings = LinkSettings(retries=0)
    async with httpx.AsyncClient(event_hooks={"request": [record]}) as client:
        snap = await fetch_page(client, f"{hostile}/page", settings=settings)
    assert snap.refused and snap.error and "loopback" in snap.error
    assert requested == []


async def test_every_redirect_hop_is_checked(hostile: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test server stands in for a public site (its own address is let through); it
    redirects to a cloud metadata address and to another loopback address, both refused before
    a request."""
    real = addresses.kind_of
    monkeypatch.setattr(
        addresses,
        "kind_of",
        lambda a: None if a == ipaddress.ip_address("127.0.0.1") else real(a),
    )
    requested: list[str] = []

    async def record(request: httpx.Request) -> None:
        requested.append(request.url.host)

    settings = LinkSettings(retries=0)
    async with httpx.AsyncClient(event_hooks={"request": [record]}) as client:
        meta = await fetch_page(client, f"{hostile}/to-metadata", settings=settings)
        local = await fetch_page(client, f"{hostile}/to-loopback", settings=settings)
    assert meta.refused and "169.254.169.254 is a link-local address" in (meta.error or "")
    assert local.refused and "127.0.0.2 is a loopback address" in (local.error or "")
    assert requested == ["127.0.0.1", "127.0.0.1"]  # the two first hops only
    port = hostile.rsplit(":", 1)[1]
    allowed = LinkSettings(retries=0, allow_private=True)
    async with httpx.AsyncClient() as client:
        followed = await fetch_page(client, f"{hostile}/to-loopback", settings=allowed)
    assert not followed.refused and followed.redirects == [f"http://127.0.0.2:{port}/page"]


def test_ingest_of_a_private_url_is_one_line(
    cli: Cli, tmp_path: Path, hostile: str, private_refused: None
) -> None:
    sources = tmp_path / "sources"
    result = cli(
        "--db", str(tmp_path / "l.db"), "ingest", f"{hostile}/dated", "--sources-dir", str(sources)
    )
    assert result.code == 1
    assert result.err.startswith(
        f"error: could not fetch {hostile}/dated: refused: 127.0.0.1 is a loopback"
    )
    assert "CLAIMLEDGER_ALLOW_PRIVATE_URLS=1" in result.err
    assert not sources.exists()


def test_evidence_on_a_private_address_is_recorded_unchecked(
    cli: Cli, tmp_path: Path, hostile: str, private_refused: None, quick_links: Path
) -> None:
    db = tmp_path / "l.db"
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(CORPUS / "credentials.md", folder)
    assert cli("--db", str(db), "ingest", str(folder)).code == 0
    added = cli("--db", str(db), "evidence", "add", "1", f"{hostile}/page", "--stance", "supports")
    assert added.code == 0, added.err
    assert "loopback" in added.err
    [ev] = json.loads(cli("--db", str(db), "show", "1", "--json").out)["evidence"]
    assert ev["link_state"] == "unchecked" and "loopback" in ev["fetch_error"]
    checked = cli("--db", str(db), "links", "check", "--json")
    assert checked.code == 0, checked.err
    [row] = [json.loads(line) for line in checked.out.splitlines()]
    assert row["state"] == "unchecked" and "loopback" in row["error"]
    history = json.loads(cli("--db", str(db), "history", "1", "--json").out)
    assert [h["action"] for h in history] == ["created", "evidence"]


def test_the_setting_allows_private_addresses(cli: Cli, tmp_path: Path, hostile: str) -> None:
    sources = tmp_path / "sources"
    result = cli(
        "--db", str(tmp_path / "l.db"), "ingest", f"{hostile}/dated", "--sources-dir", str(sources)
    )
    assert result.code == 0, result.err
