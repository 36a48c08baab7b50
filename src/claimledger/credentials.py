"""User names and passwords written into URLs (`http://user:pass@host/`), taken out.

A URL is copied into the ledger, the history, exports, a terminal and the archive service; a
password inside it would travel everywhere the URL goes. Links are stripped on the way in, and
again on the way out for ledgers written before that.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_USERINFO = re.compile(r"(?i)\b(https?://)[^/?#\s]*@")


def without_credentials(url: str) -> str:
    """The URL without its `user:password@` part; anything else is returned as it was."""
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return without_credentials_in(url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=host))


def without_credentials_in(text: str) -> str:
    """Every http(s) URL inside a piece of text (a history entry, an error) without credentials."""
    if "@" not in text:
        return text
    return _USERINFO.sub(r"\1", text)


def has_credentials(url: str) -> bool:
    return without_credentials(url) != url
