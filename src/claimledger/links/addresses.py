"""Which hosts a link may make us fetch: public addresses only, unless the settings allow more.

An evidence link or an article URL is written by whoever wrote the page or the note. Fetched
blindly, `http://169.254.169.254/` reads a cloud machine's credentials and `http://127.0.0.1:5432/`
probes the desk's own services. Each host is resolved and every address it resolves to is checked,
before the first request and before each redirect is followed.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
ALLOW_VARIABLE = "CLAIMLEDGER_ALLOW_PRIVATE_URLS"


class Unresolvable(OSError):
    """The host name has no address (DNS failure, or no network at all)."""


def kind_of(address: Address) -> str | None:
    """Why an address may not be fetched ('loopback', 'private', ...), or None if it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return kind_of(address.ipv4_mapped)
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_private:
        return "private"
    if address.is_multicast:
        return "multicast"
    if not address.is_global:
        return "reserved"
    return None


async def resolve(host: str, port: int) -> list[Address]:
    """Every address the host name resolves to (an address literal is itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Unresolvable(str(exc)) from None
    found: list[Address] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


async def refusal(url: str) -> str | None:
    """Why this URL may not be fetched, or None; raises Unresolvable for a host with no address."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for address in await resolve(host, port):
        kind = kind_of(address)
        if kind is not None:
            shown = host if host == str(address) else f"{host} ({address})"
            return f"refused: {shown} is a {kind} address ({ALLOW_VARIABLE}=1 allows it)"
    return None
