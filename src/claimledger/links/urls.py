"""Which addresses can be evidence: http(s) with a host, nothing else."""

from __future__ import annotations

from urllib.parse import urlsplit

from claimledger.credentials import without_credentials


class InvalidURL(ValueError):
    """An address a reader could not open in a browser; the message is one line."""


def validate_url(url: str) -> str:
    """The address, stripped of spaces and of any `user:password@`, if it is an http(s) URL
    with a host; InvalidURL otherwise (the message never repeats a password)."""
    clean = without_credentials((url or "").strip())
    if not clean:
        raise InvalidURL("empty URL")
    if any(ch.isspace() for ch in clean):
        raise InvalidURL(f"a URL cannot contain spaces: {clean!r}")
    try:
        parts = urlsplit(clean)
        port = parts.port  # raises for a malformed port
    except ValueError as exc:
        raise InvalidURL(f"not a valid URL: {clean!r} ({exc})") from None
    if parts.scheme.lower() not in {"http", "https"}:
        if not parts.scheme:
            raise InvalidURL(f"not an http(s) URL (no scheme): {clean!r}")
        raise InvalidURL(f"not an http(s) URL: {clean!r}")
    if not parts.hostname:
        raise InvalidURL(f"URL has no host: {clean!r}")
    del port
    return clean
