"""Evidence links from the desk: fetched when added, re-checked with `L`, against a real local server."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rich.console import Console
from sqlmodel import Session, select
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from claimledger.models import Evidence
from claimledger.tui.app import ClaimLedgerApp
from claimledger.tui.widgets.detail import DetailPane
from claimledger.tui.widgets.detail_text import evidence_text
from tui.support import Db, MakeApp

SIZE = (120, 36)


class _Pages:
    version = 1


Site = tuple[str, type[_Pages]]
"""The local server's address, and its pages (change `version` to change the report)."""


class _Handler(BaseHTTPRequestHandler):
    pages: type[_Pages]

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/factchecks?"):
            review = {"publisher": {"name": "Checker"}, "textualRating": "Mostly false"}
            found = [
                {
                    "text": "Routes were cut",
                    "claimReview": [{**review, "url": "https://checker.example/1"}],
                }
            ]
            body = json.dumps({"claims": found}).encode()
            self.send_response(200)
        elif self.path == "/factcheck":
            review = {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": "Twelve routes were cut",
                "author": {"@type": "Organization", "name": "Other Desk"},
                "reviewRating": {"alternateName": "Mostly True", "ratingValue": 4,
                                 "bestRating": 5, "worstRating": 1},
            }  # fmt: skip
            body = (
                '<html><head><script type="application/ld+json">'
                f"{json.dumps(review)}</script></head><body><p>Checked.</p></body></html>"
            ).encode()
            self.send_response(200)
        elif self.path == "/report":
            body = (
                "<html><head><title>Transit report 2021</title></head><body>"
                f"<p>Routes cut: 12. Revision {self.pages.version}.</p></body></html>"
            ).encode()
            self.send_response(200)
        else:
            body = b"not here"
            self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site(
    monkeypatch: pytest.MonkeyPatch, quiet_server: type[ThreadingHTTPServer]
) -> Iterator[tuple[str, type[_Pages]]]:
    pages = type("Pages", (_Pages,), {"version": 1})
    httpd = quiet_server(("127.0.0.1", 0), type("H", (_Handler,), {"pages": pages}))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    monkeypatch.delenv("CLAIMLEDGER_OFFLINE")  # this test's links are on loopback
    monkeypatch.setenv("CLAIMLEDGER_HTTP_TIMEOUT", "5")
    yield f"http://127.0.0.1:{httpd.server_port}", pages
    httpd.shutdown()
    httpd.server_close()


def _shown(app: ClaimLedgerApp) -> str:
    """The evidence part of the detail pane, as text."""
    console = Console(width=100, record=True, file=io.StringIO())
    detail = app.screen.query_one(DetailPane).detail
    assert detail is not None
    console.print(evidence_text(detail))
    return console.export_text()


def _evidence(db: Db) -> list[Evidence]:
    with Session(db.engine) as s:
        return list(s.exec(select(Evidence)))


async def _add(pilot: Pilot[None], db: Db, url: str) -> None:
    await pilot.press("l")
    await pilot.pause()
    pilot.app.screen.query_one("#ev-url", Input).value = url
    await pilot.press("ctrl+s")
    await db.settle(pilot, 0.2)


async def test_a_new_link_is_fetched_and_its_state_shown(
    db: Db, make_app: MakeApp, site: Site
) -> None:
    base, _ = site
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await _add(pilot, db, f"{base}/report")
        [ev] = _evidence(db)
        assert (ev.link_state, ev.http_status, ev.title) == ("alive", 200, "Transit report 2021")
        assert ev.content_hash and ev.retrieved_at is not None
        shown = _shown(app)
        assert "[alive 200]" in shown and "Transit report 2021" in shown


async def test_an_outlets_verdict_on_the_page_is_kept_and_shown(
    db: Db, make_app: MakeApp, site: Site
) -> None:
    base, _ = site
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await _add(pilot, db, f"{base}/factcheck")
        [ev] = _evidence(db)
        assert ev.outlet_verdicts and ev.outlet_verdicts[0]["rating"] == "Mostly True"
        history = db.get(ev.claim_id)["history"]
        assert "outlet_verdict" in [h[0] for h in history]
        shown = " ".join(_shown(app).split())
        assert "Other Desk: Mostly True (4, scale 1-5)" in shown
        assert "Twelve routes were cut" in shown


async def test_a_dead_link_is_kept_and_marked_dead(db: Db, make_app: MakeApp, site: Site) -> None:
    base, _ = site
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await _add(pilot, db, f"{base}/gone")
        [ev] = _evidence(db)
        assert (ev.url, ev.link_state, ev.http_status) == (f"{base}/gone", "dead", 404)
        assert "[dead 404]" in _shown(app)


async def test_shift_l_rechecks_and_records_a_changed_page(
    db: Db, make_app: MakeApp, site: Site
) -> None:
    base, pages = site
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await _add(pilot, db, f"{base}/report")
        pages.version = 2  # the page now says something else
        await pilot.press("L")
        await db.settle(pilot, 0.2)
        [ev] = _evidence(db)
        assert ev.link_state == "changed"
        history = db.get(ev.claim_id)["history"]
        assert ("link_state", "alive", f"changed {base}/report") in [h[:3] for h in history]
        assert "[changed 200]" in _shown(app)


async def test_shift_f_lists_published_fact_checks_and_opens_one(
    db: Db, make_app: MakeApp, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, _ = site
    monkeypatch.setenv("CLAIMLEDGER_FACTCHECK_ENDPOINT", f"{base}/factchecks")
    monkeypatch.setenv("CLAIMLEDGER_FACTCHECK_KEY", "key")
    app = make_app(db.path)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("F")
        await db.settle(pilot, 0.2)
        assert "Mostly false · Checker · Routes were cut" in str(
            app.screen.query_one(OptionList).get_option_at_index(0).prompt
        )
        await pilot.press("enter")
        await pilot.pause()
    assert opened == ["https://checker.example/1"]


async def test_fact_checks_without_a_key_is_a_warning(
    db: Db, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_CONFIG", "no-such-config.toml")
    monkeypatch.delenv("CLAIMLEDGER_FACTCHECK_KEY", raising=False)
    monkeypatch.delenv("CLAIMLEDGER_OFFLINE")
    app = make_app(db.path)
    async with app.run_test(size=SIZE) as pilot:
        await db.settle(pilot)
        await pilot.press("F")
        await db.settle(pilot, 0.2)
        assert any("not configured" in n.message for n in app._notifications)
