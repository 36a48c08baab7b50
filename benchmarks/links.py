"""Link checking speed: 1,000 evidence links against a local server, at concurrency 1 and 20.

Run: python benchmarks/links.py [--links 1000] [--latency-ms 5]
The server (127.0.0.1 only, in its own process) answers each request after a fixed delay, as a
real site would, so the figures show what concurrency buys; nothing leaves this machine.
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from claimledger.links import LinkSettings, check_links_sync

PAGE = b"<html><head><title>Evidence</title></head><body><p>A fact, 102 people.</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes
    latency = 0.005

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        time.sleep(self.latency)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


def _serve_forever(latency: float, port: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    handler = type("Handler", (_Handler,), {"latency": latency})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    port.put(httpd.server_port)
    httpd.serve_forever()


def serve(latency: float) -> tuple[multiprocessing.Process, int]:
    """The server in its own process, so it does not share the checker's interpreter lock."""
    port: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    process = multiprocessing.Process(target=_serve_forever, args=(latency, port), daemon=True)
    process.start()
    return process, port.get(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--latency-ms", type=float, default=5.0)
    args = parser.parse_args()
    server, port = serve(args.latency_ms / 1000)
    base = f"http://127.0.0.1:{port}"
    items = [(i, f"{base}/evidence/{i}", None) for i in range(args.links)]
    settings = LinkSettings(timeout=10, retries=0, per_host_delay=0.0, allow_private=True)
    print(f"{args.links} links, local server answering after {args.latency_ms:g} ms each")
    for concurrency in (1, 20):
        start = time.perf_counter()
        results = check_links_sync(
            items, settings=settings, concurrency=concurrency, per_host=concurrency
        )
        elapsed = time.perf_counter() - start
        alive = sum(1 for _, r in results if r.state == "alive")
        print(
            f"concurrency {concurrency:>2}: {args.links / elapsed:8.0f} links/s  ({elapsed:.2f} s, {alive} alive)"
        )
    server.terminate()


if __name__ == "__main__":
    main()
