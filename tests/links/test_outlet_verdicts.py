"""Other outlets' verdicts: `evidence add` on a fact-check page with ClaimReview markup records
the outlet's rating with the evidence, in the history, and `verify` holds it; against pages
served on 127.0.0.1 (JSON-LD, microdata, RDFa, a malformed block, a hostile one)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from claimledger.links.claimreview import MAX_TEXT, MAX_VERDICTS, outlet_verdicts
from claimledger.service import Ledger
from helpers import Cli

JSONLD = """<!doctype html><html><head><title>Fact check: bus routes</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"ClaimReview",
"url":"https://checks.example/bus","claimReviewed":"The city cut 12 bus routes",
"datePublished":"2024-03-05","author":{"@type":"Organization","name":"Example Checks",
"url":"https://checks.example"},"itemReviewed":{"@type":"Claim","author":{"@type":"Person",
"name":"Mayor Jane Doe"}},"reviewRating":{"@type":"Rating","ratingValue":2,"bestRating":5,
"worstRating":1,"alternateName":"Mostly False"}}</script></head><body><p>We checked.</p></body></html>"""

MICRODATA = """<!doctype html><html><body>
<div itemscope itemtype="https://schema.org/ClaimReview">
 <span itemprop="claimReviewed">Ridership fell by 30 percent</span>
 <meta itemprop="datePublished" content="2024-04-01">
 <div itemprop="author" itemscope itemtype="https://schema.org/Organization">
   <span itemprop="name">Microdata Facts</span></div>
 <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
   <meta itemprop="ratingValue" content="5"><meta itemprop="bestRating" content="5">
   <meta itemprop="worstRating" content="1"><span itemprop="alternateName">True</span></div>
</div></body></html>"""

RDFA = """<!doctype html><html><body>
<div vocab="https://schema.org/" typeof="ClaimReview">
 <span property="claimReviewed">Buses are worse than ever</span>
 <div property="author" typeof="Organization"><span property="name">RDFa Review</span></div>
 <div property="reviewRating" typeof="Rating"><span property="ratingValue">3</span>
   <span property="alternateName">Half True</span></div>
</div></body></html>"""

MALFORMED = """<!doctype html><html><head>
<script type="application/ld+json">{"@type":"ClaimReview", "reviewRating": {oops</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"ClaimReview",
"claimReviewed":"Still read","author":{"name":"Second Block"},
"reviewRating":{"alternateName":"False","ratingValue":"1"}}</script>
</head><body>text</body></html>"""

ESC = "\x1b[2J\x1b]8;;https://evil.example\x07"


def _hostile() -> str:
    """Escapes in every field, a 200,000-level nesting, thousands of reviews, a giant claim."""
    deep = "[" * 200_000 + "]" * 200_000
    review = {
        "@type": "ClaimReview",
        "claimReviewed": "x" * 100_000,
        "author": {"name": ESC + "Evil Checks"},
        "reviewRating": {"alternateName": ESC + "False", "ratingValue": "1"},
    }
    many = [dict(review, claimReviewed=f"claim {n}") for n in range(5000)]
    return (
        "<html><head>"
        f'<script type="application/ld+json">{deep}</script>'
        f'<script type="application/ld+json">{json.dumps(review)}</script>'
        f'<script type="application/ld+json">{json.dumps(many)}</script>'
        "</head><body>ClaimReview</body></html>"
    )


PAGES = {
    "/jsonld": JSONLD,
    "/microdata": MICRODATA,
    "/rdfa": RDFA,
    "/malformed": MALFORMED,
    "/plain": "<html><body><p>No markup here.</p></body></html>",
}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = (_hostile() if self.path == "/hostile" else PAGES.get(self.path, "")).encode()
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site(quiet_server: type[ThreadingHTTPServer]) -> Iterator[str]:
    server = quiet_server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _no_archive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMLEDGER_CONFIG", str(tmp_path / "no-config.toml"))
    for var in ("CLAIMLEDGER_ARCHIVE_ACCESS_KEY", "CLAIMLEDGER_ARCHIVE_SECRET_KEY"):
        monkeypatch.delenv(var, raising=False)


def _add(cli: Cli, db: str, cid: int, url: str) -> str:
    result = cli("--db", db, "--user", "rev", "evidence", "add", str(cid), url)
    assert result.code == 0, result.err
    return result.out


def _evidence(db: str, cid: int) -> list[dict[str, Any]]:
    ledger = Ledger.open(db, user="ann")
    try:
        return [
            {"url": e.url, "verdicts": [v.to_dict() for v in e.outlet_verdicts]}
            for e in ledger.evidence(cid)
        ]
    finally:
        ledger.close()


def test_jsonld_verdict_is_recorded_with_the_evidence(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    out = _add(cli, ledger_db, seeded["c0"], f"{site}/jsonld")
    assert "Example Checks: Mostly False (2, scale 1-5)" in out
    [ev] = _evidence(ledger_db, seeded["c0"])
    assert ev["verdicts"] == [
        {
            "outlet": "Example Checks",
            "rating": "Mostly False",
            "rating_value": "2",
            "best_rating": "5",
            "worst_rating": "1",
            "claim_reviewed": "The city cut 12 bus routes",
            "claim_by": "Mayor Jane Doe",
            "date_published": "2024-03-05",
            "review_url": "https://checks.example/bus",
        }
    ]


def test_the_verdict_is_in_the_history_and_shown(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    cid = str(seeded["c0"])
    _add(cli, ledger_db, seeded["c0"], f"{site}/jsonld")
    history = json.loads(cli("--db", ledger_db, "history", cid, "--json").out)
    [entry] = [h for h in history if h["action"] == "outlet_verdict"]
    assert entry["after"].startswith(f"{site}/jsonld [")
    assert entry["user"] == "rev"
    shown = cli("--db", ledger_db, "show", cid)
    assert "other outlets' verdicts" in shown.out and "Example Checks" in shown.out
    listed = cli("--db", ledger_db, "evidence", "list", cid)
    assert "Mostly False" in listed.out
    assert cli("--db", ledger_db, "verify").code == 0


def test_microdata_and_rdfa_are_read(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    _add(cli, ledger_db, seeded["c1"], f"{site}/microdata")
    _add(cli, ledger_db, seeded["c1"], f"{site}/rdfa")
    by_url = {e["url"]: e["verdicts"] for e in _evidence(ledger_db, seeded["c1"])}
    [micro] = by_url[f"{site}/microdata"]
    assert (micro["outlet"], micro["rating"], micro["rating_value"]) == (
        "Microdata Facts",
        "True",
        "5",
    )
    [rdfa] = by_url[f"{site}/rdfa"]
    assert (rdfa["outlet"], rdfa["rating"], rdfa["claim_reviewed"]) == (
        "RDFa Review",
        "Half True",
        "Buses are worse than ever",
    )


def test_a_malformed_block_does_not_hide_the_next(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    _add(cli, ledger_db, seeded["c0"], f"{site}/malformed")
    [ev] = _evidence(ledger_db, seeded["c0"])
    assert [v["outlet"] for v in ev["verdicts"]] == ["Second Block"]


def test_a_page_without_markup_records_no_verdict(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    _add(cli, ledger_db, seeded["c0"], f"{site}/plain")
    [ev] = _evidence(ledger_db, seeded["c0"])
    assert ev["verdicts"] == []
    history = json.loads(cli("--db", ledger_db, "history", str(seeded["c0"]), "--json").out)
    assert not [h for h in history if h["action"] == "outlet_verdict"]


def test_a_hostile_page_is_bounded_and_its_escapes_shown_not_obeyed(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    out = _add(cli, ledger_db, seeded["c0"], f"{site}/hostile")
    [ev] = _evidence(ledger_db, seeded["c0"])
    verdicts = ev["verdicts"]
    assert isinstance(verdicts, list) and 1 <= len(verdicts) <= MAX_VERDICTS
    assert all(len(v["claim_reviewed"]) <= MAX_TEXT for v in verdicts)
    assert verdicts[0]["outlet"].startswith("\x1b")  # the ledger keeps the words as captured
    shown = cli("--db", ledger_db, "show", str(seeded["c0"])).out
    for text in (out, shown):
        assert "\x1b" not in text and "\x07" not in text
        assert "␛" in text


def test_verify_names_a_verdict_changed_behind_the_ledgers_back(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    _add(cli, ledger_db, seeded["c0"], f"{site}/jsonld")
    from claimledger.db import open_ledger

    engine = open_ledger(ledger_db).engine
    forged = [{"outlet": "Example Checks", "rating": "True", "rating_value": "5"}]
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE evidence SET outlet_verdicts = :v"), {"v": json.dumps(forged)})
    engine.dispose()
    result = cli("--db", ledger_db, "verify")
    assert result.code == 1
    assert "outlet verdicts kept with" in result.out + result.err


def test_removing_the_link_takes_its_verdicts_and_verify_follows(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    _add(cli, ledger_db, seeded["c0"], f"{site}/jsonld")
    [ev] = json.loads(cli("--db", ledger_db, "evidence", "list", str(seeded["c0"]), "--json").out)
    assert ev["outlet_verdicts"][0]["rating"] == "Mostly False"
    edited = cli("--db", ledger_db, "--user", "rev", "evidence", "edit", str(ev["id"]), "--url",
                 f"{site}/plain")  # fmt: skip
    assert edited.code == 0, edited.err
    [ev] = _evidence(ledger_db, seeded["c0"])
    assert ev["verdicts"] == []
    assert cli("--db", ledger_db, "verify").code == 0


def test_parser_reads_a_graph_and_ignores_reviews_without_a_verdict() -> None:
    page = (
        '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},'
        '{"@type":["ClaimReview"],"claimReviewed":"A","reviewRating":{"name":"Wrong"},'
        '"author":"Plain Name"},{"@type":"ClaimReview","claimReviewed":"no rating"}]}</script>'
    )
    [verdict] = outlet_verdicts(page)
    assert (verdict.outlet, verdict.rating, verdict.claim_reviewed) == ("Plain Name", "Wrong", "A")


def test_the_verdicts_travel_in_the_archive_and_back(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str, tmp_path: Path
) -> None:
    _add(cli, ledger_db, seeded["c0"], f"{site}/jsonld")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert cli("--db", ledger_db, "export", "-f", "jsonl", "-o", str(first)).code == 0
    fresh = str(tmp_path / "fresh.db")
    imported = cli("--db", fresh, "--user", "ann", "import", str(first))
    assert imported.code == 0, imported.err
    assert cli("--db", fresh, "export", "-f", "jsonl", "-o", str(second)).code == 0
    assert first.read_bytes() == second.read_bytes()
    assert '"outlet_verdicts":[{' in first.read_text()
    assert cli("--db", fresh, "verify").code == 0
