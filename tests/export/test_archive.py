"""The whole ledger as JSON Lines, read back: identical bytes after a round trip, on both backends;
importing twice adds nothing; a bad file writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.errors import InvalidValue
from claimledger.service import Ledger
from helpers import Cli

ARTICLE = "Buses\n\nThe city cut 12 bus routes in March.\n\nRidership fell by 30 percent.\n"


def _fill(ledger: Ledger, tmp_path: Path) -> list[int]:
    """A small ledger with some of everything: claims, a note, evidence, a publication, a match."""
    from claimledger.service import prepare

    article = tmp_path / "bus.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ledger.ingest(prepare(article))
    ids = [r.id for r in ledger.rows(limit=None)]
    first = ids[0]
    ledger.review(
        first, evidence_status="contradicted", state="reviewed", note="asked « the city »"
    )
    ledger.add_evidence(first, "https://data.example/routes", "refutes", "the real count")
    ledger.review(first, state="verified")
    ledger.set_publisher(org_name="Checks", url_template="https://checks.example/{id}")
    ledger.publish(first, statement="The city cut 12 routes", rating="False", summary="Eight.")
    return ids


def _archive(ledger: Ledger) -> str:
    return "".join(ledger.archive_lines())


def _round_trip(first: Ledger, second: Ledger, tmp_path: Path) -> None:
    _fill(first, tmp_path)
    text = _archive(first)
    path = tmp_path / "ledger.jsonl"
    path.write_text(text, encoding="utf-8")
    report = second.import_archive(path)
    assert report.added["claim"] == len(first.rows(limit=None))
    assert _archive(second) == text
    again = second.import_archive(path)
    assert sum(again.added.values()) == 0
    assert _archive(second) == text


def test_export_import_export_gives_identical_bytes(tmp_path: Path) -> None:
    one = Ledger.open(tmp_path / "one.db", user="ann")
    two = Ledger.open(tmp_path / "two.db", user="bob")
    _round_trip(one, two, tmp_path)
    kinds = [json.loads(line)["kind"] for line in _archive(two).splitlines()]
    assert kinds[0] == "header" and {"setting", "source", "claim"} <= set(kinds)


@pytest.mark.postgres
def test_round_trip_through_postgresql(tmp_path: Path, pg_url: str) -> None:
    one = Ledger.open(tmp_path / "one.db", user="ann")
    two = Ledger.open(pg_url, user="bob")
    _round_trip(one, two, tmp_path)
    # the imported claims are searchable there too (PostgreSQL's own index)
    from claimledger.records import ClaimFilter

    assert two.count(ClaimFilter(text="city")) >= 1
    assert two.count(ClaimFilter(text="asked")) == 1


def test_import_into_a_ledger_with_other_claims_merges(tmp_path: Path) -> None:
    one = Ledger.open(tmp_path / "one.db", user="ann")
    ids = _fill(one, tmp_path)
    path = tmp_path / "ledger.jsonl"
    path.write_text(_archive(one), encoding="utf-8")
    other = Ledger.open(tmp_path / "other.db", user="bob")
    article = tmp_path / "other.txt"
    article.write_text("Other\n\nUnemployment rose to 9 percent in 2020.\n", encoding="utf-8")
    from claimledger.service import prepare

    other.ingest(prepare(article))
    before = other.count()
    report = other.import_archive(path)
    assert other.count() == before + len(ids)
    assert report.renumbered >= 1  # their ids were taken by the other article's claims
    published = [r for r in other.claims(limit=None) if r.review_state == "verified"]
    [claim] = published
    pub = other.publication(claim.id)
    assert pub is not None and pub.statement == "The city cut 12 routes"
    assert [h.action.value for h in other.history(claim.id)] == [
        h.action.value for h in one.history(ids[0])
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "an empty file is not an archive"),
        ("not json\n", "line 1: not JSON"),
        ('{"kind": "claim"}\n', "not a claimledger archive"),
        ('{"kind":"header","format":"claimledger-archive","version":99}\n', "version 99"),
        ('{"kind":"header","format":"claimledger-archive","version":1}\n{"kind":"claim","id":1,'
         '"source":"nope","quote":"q","start":0,"end":1,"anchors":[],"evidence":[],"history":[]}\n',
         "line 2: claim 1 of an unknown article"),
        ('{"kind":"header","format":"claimledger-archive","version":1}\n{"kind":"source"}\n',
         "line 2: source without id, content_hash, path, text"),
    ],
)  # fmt: skip
def test_a_bad_file_is_one_line_and_writes_nothing(
    tmp_path: Path, cli: Cli, content: str, message: str
) -> None:
    db = tmp_path / "target.db"
    ledger = Ledger.open(db, user="ann")
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidValue, match=message):
        ledger.import_archive(path)
    result = cli("--db", str(db), "import", str(path))
    assert result.code == 1 and len(result.err.strip().splitlines()) == 1
    assert message in result.err
    assert ledger.count() == 0


def test_a_file_broken_after_good_lines_writes_nothing(tmp_path: Path) -> None:
    one = Ledger.open(tmp_path / "one.db", user="ann")
    _fill(one, tmp_path)
    path = tmp_path / "ledger.jsonl"
    path.write_text(_archive(one) + '{"kind": "mystery"}\n', encoding="utf-8")
    two = Ledger.open(tmp_path / "two.db", user="bob")
    with pytest.raises(InvalidValue, match="unknown kind 'mystery'"):
        two.import_archive(path)
    assert two.count() == 0


def test_cli_export_jsonl_then_import(tmp_path: Path, cli: Cli) -> None:
    one = Ledger.open(tmp_path / "one.db", user="ann")
    ids = _fill(one, tmp_path)
    out = tmp_path / "all.jsonl"
    result = cli("--db", str(tmp_path / "one.db"), "export", "-f", "jsonl", "-o", str(out))
    assert result.code == 0, result.err
    assert f"{len(ids)} claim(s) written" in result.err
    result = cli("--db", str(tmp_path / "new.db"), "import", str(out))
    assert result.code == 0, result.err
    assert f"imported 1 articles, {len(ids)} claims" in result.out
    again = tmp_path / "again.jsonl"
    cli("--db", str(tmp_path / "new.db"), "export", "-f", "jsonl", "-o", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_a_wrong_value_deep_in_the_file_writes_nothing(tmp_path: Path) -> None:
    one = Ledger.open(tmp_path / "one.db", user="ann")
    _fill(one, tmp_path)
    lines = _archive(one).splitlines(keepends=True)
    last = json.loads(lines[-1])
    assert last["kind"] == "claim"
    last["history"][0]["at"] = "yesterday"
    path = tmp_path / "ledger.jsonl"
    path.write_text("".join(lines[:-1]) + json.dumps(last) + "\n", encoding="utf-8")
    two = Ledger.open(tmp_path / "two.db", user="bob")
    with pytest.raises(InvalidValue, match=f"line {len(lines)}: a value of the wrong kind"):
        two.import_archive(path)
    assert two.count() == 0 and two.publishing_settings().org_name is None
