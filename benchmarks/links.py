"""Link checking speed: 1,000 evidence links against a local server, at concurrency 1 and 20.

Run: python benchmarks/links.py [--links 1000] [--latency-ms 5]
The server (127.0.0.1 only) answers each request after a fixed delay, as a real site would, so
the figures show what concurrency buys; nothing leaves this machine.
"""

from __future__ import annotations

import argparse
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from claimledger.links import LinkSettings, check_links_sync

PAGE = b"<html><head><title>Evidence</title></head><body><p>A fact, 102 people.</p></body></html>"


def serve(latency: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            time.sleep(latency)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--latency-ms", type=float, default=5.0)
    args = parser.parse_args()
    httpd = serve(args.latency_ms / 1000)
    base = f"http://127.0.0.1:{httpd.server_port}"
    items = [(i, f"{base}/evidence/{i}", None) for i in range(args.links)]
    settings = LinkSettings(timeout=10, retries=0, per_host_delay=0.0)
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
    httpd.shutdown()


if __name__ == "__main__":
    main()
