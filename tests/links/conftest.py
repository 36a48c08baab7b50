"""A real HTTP server on 127.0.0.1 serving every kind of page a link checker meets."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from claimledger.links import LinkSettings

ARTICLE = """<!doctype html><html><head><title>Agents sent to Boston</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2020-02-14T18:00:00Z">
<link rel="canonical" href="https://news.example/2020/02/14/agents">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
"headline":"Border agents sent to Boston","author":[{"@type":"Person","name":"Ann Lee"}],
"datePublished":"2020-02-14","publisher":{"@type":"Organization","name":"Example News"}}]}</script>
</head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav><article>
<h1>Border agents sent to Boston</h1>
<p>The agency is sending 100 agents to ten cities, including Boston, officials said Friday.</p>
<p>The deployment will run through May, according to a statement from the Department of Homeland Security.</p>
<p>Boston limited its cooperation with federal immigration agents under the Trust Act, which the city council passed in 2014.</p>
<p>Mayor Ann Smith said the city would not change its policies.</p>
</article><footer>Follow us on Twitter. Sign up for our newsletter.</footer></body></html>"""


class State:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()

    def hit(self, path: str) -> int:
        with self.lock:
            self.hits[path] += 1
            return self.hits[path]


class Handler(BaseHTTPRequestHandler):
    state: State

    def log_message(self, *args: object) -> None:  # keep test output clean
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
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, data: object, status: int = 200) -> None:
        self._send(status, json.dumps(data).encode(), "application/json")

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode())
        n = self.state.hit(parts.path)
        if parts.path.startswith("/spn-busy/"):
            return self._send(429, b"slow down", **{"Retry_After": "1"})
        if "LOW key:secret" not in (self.headers.get("Authorization") or ""):
            return self._json({"message": "bad credentials"}, 401)
        target = form.get("url", [""])[0]
        kind = parts.path.split("/")[1]
        return self._json({"job_id": f"{kind}-{n}", "url": target})

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        n = self.state.hit(path)
        if path == "/page":
            return self._send(
                200, b"<html><head><title>A page</title></head><body><p>Fact.</p></body></html>"
            )
        if path == "/reformatted":
            return self._send(
                200,
                b"<html>\n<head><title>A page</title></head>\n<body>  <p>Fact.</p>\n<script>x=1</script></body></html>",
            )
        if path == "/article":
            return self._send(200, ARTICLE.encode())
        if path == "/moved":
            return self._send(301, location="/page")
        if path == "/elsewhere":
            return self._send(302, location="/other-place")
        if path == "/other-place":
            return self._send(200, b"<html><title>Other</title>Other words.</html>")
        if path.startswith("/chain/"):
            step = int(path.rsplit("/", 1)[1])
            return self._send(302, location=f"/chain/{step + 1}" if step < 3 else "/page")
        if path == "/loop-a":
            return self._send(302, location="/loop-b")
        if path == "/loop-b":
            return self._send(302, location="/loop-a")
        if path == "/missing":
            return self._send(404, b"<html><title>Not found</title></html>")
        if path == "/broken":
            return self._send(500, b"oops")
        if path.startswith("/busy-then-ok/"):
            if n == 1:
                return self._send(429, b"slow down", **{"Retry_After": "0"})
            return self._send(200, b"<html><title>Fine now</title>ok</html>")
        if path.startswith("/always-busy/"):
            return self._send(503, b"down", **{"Retry_After": "0"})
        if path == "/slow":
            time.sleep(1.5)
            return self._send(200, b"late")
        if path == "/huge":
            return self._send(200, b"x" * 300_000, "text/plain")
        if path == "/huge-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"y" * 10_000)
            return None
        if path == "/binary":
            return self._send(200, bytes(range(256)) * 10, "application/octet-stream")
        if path.startswith("/changing/"):
            return self._send(200, f"<html><title>Live</title><p>Count {n}</p></html>".encode())
        # the archive service: jobs, statuses, availability
        if path.startswith("/spn/save/status/"):
            job = path.rsplit("/", 1)[1]
            if self.state.hit(f"status-{job}") < 2:
                return self._json({"status": "pending"})
            return self._json(
                {
                    "status": "success",
                    "timestamp": "20990101120000",
                    "original_url": "http://x.example/p",
                }
            )
        if path.startswith("/spn-err/save/status/"):
            return self._json({"status": "error", "message": "capture failed"})
        if path == "/available":
            url = parse_qs(parts.query).get("url", [""])[0]
            if "archived-anyway" in url:
                return self._json(
                    {
                        "archived_snapshots": {
                            "closest": {
                                "available": True,
                                "timestamp": "20990101000000",
                                "url": f"https://archive.example/20990101000000/{url}",
                            }
                        }
                    }
                )
            return self._json({"archived_snapshots": {}})
        if path == "/factchecks":
            query = parse_qs(parts.query)
            token = query.get("pageToken", [None])[0]
            claims = [
                {
                    "text": f"claim {i}",
                    "claimant": "Someone",
                    "claimReview": [
                        {
                            "publisher": {"name": "Checker"},
                            "url": f"https://checker.example/{i}",
                            "textualRating": "False",
                        }
                    ],
                }
                for i in range(20 if not token else 5)
            ]
            data: dict[str, object] = {"claims": claims}
            if not token:
                data["nextPageToken"] = "page2"
            return self._json(data)
        return self._send(404, b"no route")


@pytest.fixture(scope="module")
def server(quiet_server: type[ThreadingHTTPServer]) -> Iterator[tuple[str, State]]:
    state = State()
    handler = type("BoundHandler", (Handler,), {"state": state})
    httpd = quiet_server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def base(server: tuple[str, State]) -> str:
    return server[0]


@pytest.fixture
def settings(base: str) -> LinkSettings:
    return LinkSettings(
        allow_private=True,
        timeout=0.5,
        max_bytes=100_000,
        retries=2,
        backoff=0.01,
        max_retry_after=0.05,
        per_host_delay=0.0,
        archive_endpoint=f"{base}/spn",
        archive_access_key="key",
        archive_secret_key="secret",
        availability_endpoint=f"{base}/available",
        replay_base="https://archive.example",
        archive_poll_interval=0.01,
        archive_timeout=5,
        factcheck_endpoint=f"{base}/factchecks",
        factcheck_key="k",
    )
