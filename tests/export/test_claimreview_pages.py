"""ClaimReview as one JSON-LD document per fact-check page (`export --per page --out DIR`)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from claimledger.export.claimreview import page_file_name, write_claimreview_pages
from claimledger.export.records import ExportRecord
from claimledger.records import ClaimFilter
from claimledger.service import Ledger
from helpers import Cli

SAFE = re.compile(r"[a-z0-9][a-z0-9-]*-[0-9a-f]{10}\.jsonld")


def _publish(ledger: Ledger, cid: int, url: str | None = None) -> None:
    ledger.review(cid, evidence_status="contradicted", state="reviewed")
    ledger.review(cid, state="verified")
    ledger.publish(cid, url=url, statement=f"Claim {cid}", rating="False")


@pytest.fixture
def ledger(engine: Engine, seeded: dict[str, int]) -> Ledger:
    ledger = Ledger(engine, "ed")
    ledger.set_publisher(org_name="Checks", url_template="https://checks.example/fc/{id}")
    _publish(ledger, seeded["c0"], "https://checks.example/2026/buses")
    _publish(ledger, seeded["c1"], "https://checks.example/2026/buses")
    _publish(ledger, seeded["c2"])
    return ledger


def test_one_document_per_page_and_one_page_may_review_several_claims(
    ledger: Ledger, seeded: dict[str, int], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    written = write_claimreview_pages(
        ledger.export_records(ClaimFilter()), folder, ledger.publishing_settings()
    )
    assert (written.pages, written.reviews) == (2, 3)
    files = {p.name: json.loads(p.read_text()) for p in folder.iterdir()}
    assert len(files) == 2 and all(SAFE.fullmatch(name) for name in files)
    shared = files[page_file_name("https://checks.example/2026/buses")]
    assert [r["claimReviewed"] for r in shared] == [
        f"Claim {seeded['c0']}",
        f"Claim {seeded['c1']}",
    ]
    single = files[page_file_name(f"https://checks.example/fc/{seeded['c2']}")]
    assert single["@type"] == "ClaimReview" and single["url"].endswith(f"/fc/{seeded['c2']}")


def test_an_export_that_fails_leaves_the_folder_as_it_was(ledger: Ledger, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "kept.txt").write_text("mine")

    def failing() -> Iterator[ExportRecord]:
        yield from list(ledger.export_records(ClaimFilter()))[:1]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_claimreview_pages(failing(), folder, ledger.publishing_settings())
    assert [p.name for p in folder.iterdir()] == ["kept.txt"]


@pytest.mark.parametrize(
    "url",
    [
        "https://checks.example/../../etc/passwd",
        "https://checks.example/a b/ÉTÉ?x=1#top",
        "https://checks.example/CON",
        "https://checks.example/" + "x" * 500,
        "https://checks.example/\x1b[2J/nul",
        "https://user@checks.example/.hidden/",
    ],
)
def test_page_file_names_are_safe_slugs(url: str) -> None:
    name = page_file_name(url)
    assert SAFE.fullmatch(name), name
    assert len(name) <= 100
    assert page_file_name(url) == name  # the same page, the same file, every export


def test_two_pages_never_share_a_file() -> None:
    assert page_file_name("https://a.example/x?id=1") != page_file_name("https://a.example/x?id=2")
    assert page_file_name("https://a.example/X") != page_file_name("https://a.example/x")


def test_the_cli_writes_pages_into_the_folder(
    cli: Cli, ledger_db: str, ledger: Ledger, tmp_path: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    result = cli("--db", ledger_db, "export", "--format", "claimreview", "--per", "page",
                 "--out", str(folder))  # fmt: skip
    assert result.code == 0, result.err
    assert "3 claim(s) written to 2 page file(s)" in result.err
    assert len(list(folder.iterdir())) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "claimreview", "--per", "page"], "--out names an existing folder"),
        (
            ["--format", "csv", "--per", "page", "--out", "."],
            "--per 'page' with csv: one of claim, evidence",
        ),
        (["--format", "claimreview", "--per", "article"], "one of feed, page"),
        (["--format", "json", "--per", "evidence"], "--per is for csv and claimreview"),
        (["--format", "json", "--bom"], "--bom is for CSV"),
    ],
)
def test_the_cli_refuses_what_it_cannot_do(
    cli: Cli, ledger_db: str, ledger: Ledger, args: list[str], message: str
) -> None:
    result = cli("--db", ledger_db, "export", *args)
    assert result.code != 0 and message in result.err
