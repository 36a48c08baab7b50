"""The desk's report: counts from the ledger, and article words that never become markup."""

from __future__ import annotations

import json

from sqlalchemy.engine import Engine

from claimledger.export.report import markdown_report, md_escape, text_report
from claimledger.service import Ledger
from helpers import Cli


def _published(engine: Engine, cid: int) -> Ledger:
    ledger = Ledger(engine, "ed")
    ledger.set_publisher(org_name="Checks", url_template="https://checks.example/{id}")
    ledger.review(cid, evidence_status="contradicted", state="reviewed")
    ledger.review(cid, state="verified")
    ledger.publish(cid, statement="<script>alert(1)</script> | *bold* [x](y)", rating="False")
    return ledger


def test_the_report_counts_states_verdicts_and_people(
    engine: Engine, seeded: dict[str, int]
) -> None:
    report = _published(engine, seeded["c1"]).report()
    assert report.claims == 3
    assert {t.name: t.count for t in report.by_state}["verified"] == 1
    assert {t.name: t.count for t in report.by_state}["new"] == 2
    assert [(t.name, t.count) for t in report.by_rating] == [("False", 1)]
    assert [(t.name, t.count) for t in report.by_source] == [("City Paper", 3)]
    ed = next(r for r in report.by_reviewer if r.user == "ed")
    assert (ed.verified, ed.published) == (1, 1)
    [verdict] = report.recent
    assert verdict.claim_id == seeded["c1"] and verdict.rating == "False"


def test_markdown_escapes_every_word_from_outside(engine: Engine, seeded: dict[str, int]) -> None:
    text = markdown_report(_published(engine, seeded["c1"]).report())
    assert "<script>" not in text and "*bold*" not in text and "[x](y)" not in text
    assert r"\<script\>alert\(1\)\</script\> \| \*bold\* \[x\]\(y\)" in text
    # every table row has as many cells as its header (a | in a quote cannot add one)
    for line in text.splitlines():
        if line.startswith("| ") and "\\|" in line:
            assert line.replace("\\|", "").count("|") == 6


def test_md_escape_keeps_one_line() -> None:
    assert md_escape("a\n\n# b") == r"a \# b"


def test_text_report_and_cli_formats(
    cli: Cli, ledger_db: str, engine: Engine, seeded: dict[str, int]
) -> None:
    _published(engine, seeded["c1"])
    assert "By review state" in text_report(Ledger(engine, "x").report())
    result = cli("--db", ledger_db, "report")
    assert result.code == 0 and "verified" in result.out and "Latest verdicts" in result.out
    result = cli("--db", ledger_db, "report", "--json")
    assert json.loads(result.out)["claims"] == 3
    result = cli("--db", ledger_db, "report", "-f", "markdown")
    assert result.out.startswith("# Ledger report")
    result = cli("--db", ledger_db, "report", "-f", "pdf")
    assert result.code == 1 and "unknown format 'pdf'" in result.err
