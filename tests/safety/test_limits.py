"""Line 'Bad input still reaches a traceback' (dates, deep HTML) and 'Limits with words'."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimledger.extract import read_article
from helpers import Cli
from safety.support import CORPUS

CLAIM = "The city cut {n} bus routes in March, the transit authority said.\n\n"


@pytest.mark.parametrize(
    ("name", "value", "why"),
    [
        ("impossible-date.md", "2010-13-45", "month must be in 1..12"),
        ("impossible-day.md", "2021-02-30", "day is out of range for month"),
    ],
)
def test_an_impossible_date_is_one_line(cli: Cli, name: str, value: str, why: str) -> None:
    result = cli("extract", str(CORPUS / name))
    assert result.code == 1
    assert result.err == (
        f"error: {CORPUS / name}: front matter 'published: {value}' is not a real date ({why})\n"
    )


def test_ingest_names_the_bad_file_and_adds_the_rest(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(CORPUS / "impossible-date.md", folder)
    shutil.copy(CORPUS / "credentials.md", folder)
    result = cli("--db", str(tmp_path / "l.db"), "ingest", str(folder))
    assert result.code == 1
    assert "1 new source(s)" in result.out
    assert (
        "impossible-date.md: front matter 'published: 2010-13-45' is not a real date" in result.err
    )
    assert "Traceback" not in result.err


def test_text_nested_deeper_than_the_parser_reads_is_kept(cli: Cli) -> None:
    result = cli("extract", str(CORPUS / "deep-nesting.html"), "--json")
    assert result.code == 0, result.err
    quotes = " ".join(c["quote"] for c in json.loads(result.out))
    assert "Ridership fell by 30 percent" in quotes  # 400 elements deep
    assert "$4 million in June" in quotes  # after it


def test_an_article_over_the_size_limit_is_one_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "big.txt"
    article.write_text(CLAIM.format(n=12) * 100, encoding="utf-8")
    monkeypatch.setenv("CLAIMLEDGER_MAX_ARTICLE_BYTES", "1000")
    result = cli("--db", str(tmp_path / "l.db"), "ingest", str(article))
    assert result.code == 1
    assert result.err == (
        f"error: {article}: 6,600 bytes, more than the 1,000 an article may have"
        " (CLAIMLEDGER_MAX_ARTICLE_BYTES raises the limit)\n"
    )
    monkeypatch.setenv("CLAIMLEDGER_MAX_ARTICLE_BYTES", "7000")
    assert cli("--db", str(tmp_path / "l.db"), "ingest", str(article)).code == 0


def test_more_claims_than_the_limit_is_one_line_and_nothing_is_added(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "many.txt"
    article.write_text("".join(CLAIM.format(n=n) for n in range(2, 40)), encoding="utf-8")
    monkeypatch.setenv("CLAIMLEDGER_MAX_CLAIMS", "10")
    db = tmp_path / "l.db"
    result = cli("--db", str(db), "ingest", str(article))
    assert result.code == 1
    assert result.err == (
        f"error: {article}: 11 claims found, more than the 10 one article may add"
        " (CLAIMLEDGER_MAX_CLAIMS raises the limit)\n"
    )
    assert "0 new source(s)" in result.out
    monkeypatch.setenv("CLAIMLEDGER_MAX_CLAIMS", "38")
    assert cli("--db", str(db), "ingest", str(article)).code == 0


@pytest.mark.parametrize("value", ["lots", "0", "-5"])
def test_a_bad_limit_is_named(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_MAX_CLAIMS", value)
    article = tmp_path / "a.txt"
    article.write_text(CLAIM.format(n=12), encoding="utf-8")
    result = cli("extract", str(article))
    assert result.code == 1
    assert result.err.startswith("error: CLAIMLEDGER_MAX_CLAIMS must be")


def test_a_sentence_repeated_many_times_is_one_claim_with_its_anchors() -> None:
    text = CLAIM.format(n=12) * 5000
    [claim] = read_article(text).claims
    assert len(claim.anchors) == 4999
    assert claim.anchors[-1] == (text.rindex("The city"), len(text) - 2)


def test_repeats_do_not_count_against_the_claims_limit() -> None:
    text = CLAIM.format(n=12) * 50 + CLAIM.format(n=13)
    assert len(read_article(text, max_claims=2).claims) == 2
