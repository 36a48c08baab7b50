"""Hostile pages served on 127.0.0.1, and helpers for the safety tests.

Every page here is something a real site could serve: a date that is a path, a redirect to a
cloud metadata address or with a password in it, a page too large or not text.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from safety.support import POSTED, article_page


class Hostile(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(
        self,
        status: int,
        body: bytes = b"",
        ctype: str = "text/html; charset=utf-8",
        **headers: str,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # an archive service: remember what it was asked to capture
        length = int(self.headers.get("Content-Length") or 0)
        POSTED.append(self.rfile.read(length).decode("utf-8", "replace"))
        self._send(429, b"slow down")

    def do_HEAD(self) -> None:
        self._send(200)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        port = self.server.server_port  # type: ignore[attr-defined]
        path = parts.path
        if path == "/dated":  # the page's date (and title) are whatever the query says
            return self._send(
                200,
                article_page(
                    query.get("title", "Border agents sent to Boston"),
                    query.get("published"),
                    query.get("json_ld"),
                ),
            )
        if path == "/page":
            return self._send(200, b"<html><title>A page</title><p>Fact.</p></html>")
        if path == "/escapes":
            title = "Agents \x1b]0;owned\x07 sent \u202eto Boston [bold red]now[/]"
            return self._send(200, article_page(title, "2020-02-14"))
        if path == "/with-password-redirect":
            return self._send(302, Location=f"http://editor:hunter2@127.0.0.1:{port}/page")
        if path == "/to-metadata":
            return self._send(302, Location="http://169.254.169.254/latest/meta-data/")
        if path == "/to-loopback":  # another loopback address, by name
            return self._send(302, Location=f"http://127.0.0.2:{port}/page")
        if path == "/huge":
            return self._send(200, b"x" * 300_000, "text/plain")
        if path == "/binary":
            return self._send(200, bytes(range(256)) * 4, "application/octet-stream")
        if path == "/gone":
            return self._send(404, b"<html><title>Not found</title></html>")
        return self._send(404, b"no route")


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up is expected


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    """The base URL of a server of hostile pages on 127.0.0.1."""
    httpd = _Quiet(("127.0.0.1", 0), Hostile)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (connection refused)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def quick_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Link settings for tests: no retries, no politeness pauses (a config file, as a user)."""
    config = tmp_path / "links.toml"
    config.write_text(
        "[links]\nretries = 0\nper_host_delay = 0.0\ntimeout = 2.0\nmax_bytes = 100000\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CLAIMLEDGER_CONFIG", str(config))
    return config
