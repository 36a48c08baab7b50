"""New blocking keys go to a small table and are folded into the big one in bulk: a look-up finds
the same claims wherever the keys are, and a fold loses or doubles none."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimledger.documents import SourceMeta, render_document
from claimledger.extract import similarity
from claimledger.ledger import claim_keys
from claimledger.service import Ledger, prepare

SOURCES = Path(__file__).resolve().parents[2] / "sources"
ORIGINAL = (
    "Between October 2008 and June 2010, 102 people were deported from Boston, officials said."
)
REPEAT = "Officials said 102 people were deported from Boston between October 2008 and June 2010."


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    opened = Ledger.open(ledger_db, user="ann", create=True)
    yield opened
    opened.close()


def _rows(ledger: Ledger, table: str) -> set[tuple[int, int]]:
    with ledger.tx.read() as s:
        rows = s.connection().execute(sa.text(f"SELECT key, claim_id FROM {table}"))
        return {(int(k), int(c)) for k, c in rows}


def _look_up_all(ledger: Ledger, keys: set[int]) -> dict[int, list[int]]:
    with ledger.tx.read() as s:
        return claim_keys.lookup(keys, session=s)


def _article(folder: Path, name: str, sentence: str) -> Path:
    path = folder / f"{name}.txt"
    text = f"{name}\n\n{sentence}\n"
    path.write_text(render_document(SourceMeta(outlet=name, published="2010-08-05"), text), "utf-8")
    return path


def test_a_fold_moves_every_key_once_and_look_ups_find_the_same(ledger: Ledger) -> None:
    for path in sorted(SOURCES.glob("*.txt"))[:3]:
        ledger.ingest(prepare(path))
    written = _rows(ledger, "claim_key_recent")
    assert written and not _rows(ledger, "claim_key")  # a few articles: nothing folded yet
    keys = {k for k, _ in written}
    before = _look_up_all(ledger, keys)

    assert ledger.fold_keys(whole=True) == len(written)

    assert _rows(ledger, "claim_key") == written
    assert not _rows(ledger, "claim_key_recent")
    assert _look_up_all(ledger, keys) == before
    assert ledger.fold_keys(whole=True) == 0  # nothing left to move


def test_a_look_up_takes_the_newest_claims_of_both_tables(ledger: Ledger, tmp_path: Path) -> None:
    """Older holders of a key in the big table, newer in the small one: the newest PER_KEY of all."""
    n = claim_keys.PER_KEY + 4
    for i in range(n):
        ledger.ingest(
            prepare(_article(tmp_path, f"old{i}", f"In 2009, {300 + i} people left Boston."))
        )
    ledger.fold_keys(whole=True)
    for i in range(3):
        ledger.ingest(
            prepare(_article(tmp_path, f"new{i}", f"In 2009, {900 + i} people left Boston."))
        )
    big, small = _rows(ledger, "claim_key"), _rows(ledger, "claim_key_recent")
    shared = {k for k, _ in big} & {k for k, _ in small}
    assert shared  # a key held in both tables
    for key, ids in _look_up_all(ledger, shared).items():
        holders = sorted((c for k, c in big | small if k == key), reverse=True)
        assert ids == holders[: claim_keys.PER_KEY]


def test_a_repeated_claim_is_found_after_its_original_was_folded(
    ledger: Ledger, tmp_path: Path
) -> None:
    ledger.ingest(prepare(_article(tmp_path, "first", ORIGINAL)))
    ledger.fold_keys(whole=True)
    ledger.ingest(prepare(_article(tmp_path, "second", REPEAT)))
    pairs = ledger.match_pairs()
    assert len(pairs) == 1
    assert {pairs[0].claim.quote, pairs[0].other.quote} == {ORIGINAL, REPEAT}


def test_ingest_folds_by_itself_once_the_small_table_is_full(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claim_keys, "RECENT_ROWS", 40)
    prepared = [prepare(p) for p in sorted(SOURCES.glob("*.txt"))]
    results = list(ledger.ingest_many(iter(prepared)))
    assert sum(r.claims for r in results) > 0
    big, small = _rows(ledger, "claim_key"), _rows(ledger, "claim_key_recent")
    assert big and len(small) < 40  # folded after the group that filled it
    assert not big & small


def test_a_fold_in_ranges_covers_every_key() -> None:
    ranges = claim_keys.fold_ranges(5)
    assert ranges[0][0] == 0 and ranges[-1][1] == claim_keys.KEY_SPACE
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))


def test_folds_and_an_ingest_at_once_lose_and_double_no_key(
    ledger: Ledger, ledger_db: str, tmp_path: Path
) -> None:
    """Two desks' ingests may fold at the same time as a third writes new keys (PostgreSQL does
    not make writers take turns): every claim keeps its keys, each once, in one table."""
    files = sorted(SOURCES.glob("*.txt"))
    for path in files[:3]:
        ledger.ingest(prepare(path))
    others = [Ledger.open(ledger_db, user=f"desk{i}", create=False) for i in range(3)]
    later = [prepare(p) for p in files[3:]]
    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            jobs: list[Future[object]] = [
                pool.submit(others[0].fold_keys, whole=True),
                pool.submit(lambda: [others[1].ingest(p) for p in later]),
                pool.submit(others[2].fold_keys, whole=True),
            ]
            for job in jobs:
                job.result()
        others[0].fold_keys(whole=True)
    finally:
        for other in others:
            other.close()
    big, small = _rows(ledger, "claim_key"), _rows(ledger, "claim_key_recent")
    assert not small and big  # the last fold took what the ingest wrote
    with ledger.tx.read() as s:
        rows = s.connection().execute(sa.text("SELECT id, quote, quantities FROM claim"))
        expected = {
            (k, int(cid))
            for cid, quote, quantities in rows
            for k in similarity.claim_keys(
                quote, json.loads(quantities) if isinstance(quantities, str) else quantities or []
            )
        }
    assert big == expected
    with ledger.tx.read() as s:
        (count,) = s.connection().execute(sa.text("SELECT count(*) FROM claim_key")).one()
    assert count == len(expected)  # no key twice


def test_two_ingests_at_once_both_land_and_match_each_other(
    ledger: Ledger, ledger_db: str, tmp_path: Path
) -> None:
    """On PostgreSQL writers run side by side: both articles are stored (no reach row written
    twice), and the one that matches second sees the other's claim."""
    crowd = [
        _article(tmp_path, f"c{i}", f"In 2009, {300 + i} people left Boston.") for i in range(6)
    ]
    first = [prepare(p) for p in crowd[:3]] + [prepare(_article(tmp_path, "one", ORIGINAL))]
    second = [prepare(p) for p in crowd[3:]] + [prepare(_article(tmp_path, "two", REPEAT))]
    desks = [Ledger.open(ledger_db, user=f"desk{i}", create=False) for i in range(2)]
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            done = list(
                pool.map(lambda d, ps: list(d.ingest_many(iter(ps))), desks, [first, second])
            )
    finally:
        for desk in desks:
            desk.close()
    assert [len(d) for d in done] == [4, 4]
    pairs = {frozenset((p.claim.quote, p.other.quote)) for p in ledger.match_pairs()}
    assert frozenset((ORIGINAL, REPEAT)) in pairs
