"""Ingest's writer takes work off its path without changing what it stores: keys computed by the
worker that found a claim, look-ups padded to a few statement sizes, plain driver rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimledger.errors import LedgerError
from claimledger.extract.similarity import claim_fingerprint, claim_keys, similarity_profile
from claimledger.ledger import claim_keys as keys_table
from claimledger.ledger.driver_rows import NO_ID, padded
from claimledger.ledger.ingest import _new_ids
from claimledger.service import Ledger, prepare

SOURCES = Path(__file__).resolve().parents[2] / "sources"


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    opened = Ledger.open(ledger_db, user="ann", create=True)
    yield opened
    opened.close()


def _stored(
    ledger: Ledger,
) -> tuple[dict[int, set[int]], dict[int, tuple[str, str, list[dict[str, object]]]]]:
    """Each claim's stored keys, and its fingerprint, quote and quantities as stored."""
    with ledger.tx.read() as s:
        conn = s.connection()
        keys: dict[int, set[int]] = {}
        both = "SELECT key, claim_id FROM claim_key UNION ALL SELECT key, claim_id FROM claim_key_recent"
        for key, cid in conn.execute(sa.text(both)):
            keys.setdefault(int(cid), set()).add(int(key))
        rows = conn.execute(sa.text("SELECT id, fingerprint, quote, quantities FROM claim"))
        claims = {}
        for cid, fingerprint, quote, quantities in rows:
            loaded = json.loads(quantities) if isinstance(quantities, str) else quantities
            claims[int(cid)] = (fingerprint, quote, loaded or [])
    return keys, claims


def test_keys_computed_in_the_worker_are_the_ones_the_ledger_computes(ledger: Ledger) -> None:
    prepared = prepare(sorted(SOURCES.glob("*.txt"))[0])
    assert prepared.keys is not None and len(prepared.keys) == len(prepared.claims)
    ledger.ingest(prepared)
    keys, claims = _stored(ledger)
    assert claims
    for cid, (fingerprint, quote, quantities) in claims.items():
        assert fingerprint == claim_fingerprint(quote)
        assert keys.get(cid, set()) == set(claim_keys(quote, quantities)), quote


def test_a_prepared_article_without_keys_stores_the_same(ledger: Ledger) -> None:
    """A `Prepared` built by other code (no keys) is written as one with them."""
    files = sorted(SOURCES.glob("*.txt"))[:2]
    ledger.ingest(replace(prepare(files[0]), keys=None))
    ledger.ingest(prepare(files[1]))
    keys, claims = _stored(ledger)
    for cid, (fingerprint, quote, quantities) in claims.items():
        assert fingerprint == claim_fingerprint(quote)
        assert keys.get(cid, set()) == set(claim_keys(quote, quantities))


def test_a_look_up_of_many_keys_finds_what_one_key_at_a_time_finds(ledger: Ledger) -> None:
    for path in sorted(SOURCES.glob("*.txt")):
        ledger.ingest(prepare(path))
    keys, _ = _stored(ledger)
    held = sorted({k for ks in keys.values() for k in ks})
    assert len(held) > keys_table.KEYS_PER_STATEMENT  # more than one statement's worth
    asked = [*held[:237], 1, 2, 3]  # not a padded size; three keys nobody holds
    with ledger.tx.read() as s:
        together = keys_table.lookup(asked, session=s)
        one_by_one = {
            k: ids
            for k in asked
            for k2, ids in keys_table.lookup([k], session=s).items()
            if k2 == k
        }
    assert together == one_by_one
    assert NO_ID not in together and 1 not in together


@pytest.mark.parametrize(("n", "size"), [(0, 16), (1, 16), (16, 16), (17, 32), (300, 500)])
def test_ids_are_padded_to_a_few_sizes(n: int, size: int) -> None:
    ids = list(range(1, n + 1))
    out = padded(ids)
    assert len(out) == size and out[:n] == ids and set(out[n:]) <= {NO_ID}


def test_more_ids_than_the_largest_size_are_left_as_they_are() -> None:
    ids = list(range(1, 700))
    assert padded(ids) == ids


def test_each_claim_gets_its_own_id_anchors_and_history(ledger: Ledger) -> None:
    """One executemany, ids read back: each stored claim is the prepared one at its place."""
    prepared = prepare(sorted(SOURCES.glob("*.txt"))[0])
    assert len(prepared.claims) > 1
    ledger.ingest(prepared)
    with ledger.tx.read() as s:
        conn = s.connection()
        stored = conn.execute(sa.text('SELECT id, start, "end", quote FROM claim ORDER BY id'))
        rows = [(int(i), a, b, q) for i, a, b, q in stored]
        counted = conn.execute(sa.text("SELECT claim_id, COUNT(*) FROM history GROUP BY claim_id"))
        created = {int(c): int(n) for c, n in counted}
        anchored = conn.execute(sa.text('SELECT claim_id, start, "end" FROM claim_anchor')).all()
    assert [(a, b, q) for _, a, b, q in rows] == [
        (c.start, c.end, c.quote) for c in prepared.claims
    ]
    assert all(created[cid] == 1 for cid, _, _, _ in rows)
    spans = {cid: (a, b) for cid, a, b, _ in rows}
    by_span = {(c.start, c.end): c for c in prepared.claims}
    for cid, a, b in anchored:
        assert (a, b) in by_span[spans[cid]].anchors
    assert ledger.verify().ok


def test_ids_read_back_follow_the_spans_whatever_their_order(ledger: Ledger) -> None:
    ledger.ingest(prepare(sorted(SOURCES.glob("*.txt"))[0]))
    with ledger.tx.read() as s:
        conn = s.connection()
        rows = conn.execute(sa.text('SELECT id, source_id, start, "end" FROM claim')).all()
        source = rows[0][1]
        spans = [(a, b) for _, _, a, b in reversed(rows)]
        assert _new_ids(conn, source, spans) == [int(i) for i, _, _, _ in reversed(rows)]
        with pytest.raises(LedgerError):
            _new_ids(conn, source, spans[1:])


def test_the_workers_profiles_are_the_writers() -> None:
    prepared = prepare(sorted(SOURCES.glob("*.txt"))[1])
    assert prepared.keys
    for claim, keys in zip(prepared.claims, prepared.keys, strict=True):
        assert keys.profile == similarity_profile(claim.quote)


def _ledger_state(ledger: Ledger) -> list[tuple[object, ...]]:
    with ledger.tx.read() as s:
        conn = s.connection()
        claims = conn.execute(
            sa.text("SELECT id, source_id, quote, score, fingerprint FROM claim ORDER BY id")
        ).all()
        matches = conn.execute(
            sa.text(
                "SELECT claim_id, other_id, similarity FROM claim_match ORDER BY claim_id, other_id"
            )
        ).all()
    return [tuple(r) for r in claims] + [tuple(r) for r in matches]


def test_articles_stored_in_one_group_are_stored_as_one_by_one(
    ledger_db: str, tmp_path: Path
) -> None:
    """The CLI stores a few articles per transaction: same claims, ids and suggested matches as
    a transaction each (the group's later articles see the earlier ones), and `verify` is clean."""
    prepared = [prepare(p) for p in sorted(SOURCES.glob("*.txt"))]
    one = Ledger.open(tmp_path / "one.db", user="ann", create=True)
    try:
        for p in prepared:
            one.ingest(p)
        expected = _ledger_state(one)
    finally:
        one.close()
    grouped = Ledger.open(ledger_db, user="ann", create=True)
    try:
        results = grouped.ingest_group(prepared + prepared[:1])  # the same text twice: no-op
        assert [r.added for r in results] == [True] * len(prepared) + [False]
        assert _ledger_state(grouped) == expected
        assert grouped.verify().ok
    finally:
        grouped.close()


def test_a_group_with_a_failing_article_keeps_those_before_it(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One article failing in a group does not cost the others before it: the group is stored
    again one at a time, and the error is that article's own."""
    import claimledger.ledger.ingest as ingest_module

    prepared = [prepare(p) for p in sorted(SOURCES.glob("*.txt"))[:3]]
    store = ingest_module.store
    failing = prepared[1].document.content_hash

    def store_or_fail(p: object, **kwargs: object) -> object:
        if p.document.content_hash == failing:  # type: ignore[attr-defined]
            raise LedgerError("this article cannot be stored")
        return store(p, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest_module, "store", store_or_fail)
    with pytest.raises(LedgerError, match="this article cannot be stored"):
        ledger.ingest_group(prepared)
    with ledger.tx.read() as s:
        stored = s.connection().execute(sa.text("SELECT content_hash FROM source")).scalars().all()
    assert stored == [prepared[0].document.content_hash]


def test_an_ingest_collects_garbage_less_often_and_puts_the_settings_back(
    ledger: Ledger,
) -> None:
    import gc

    from claimledger.ledger.bulk_gc import THRESHOLDS

    before = gc.get_threshold()
    seen = []
    for result in ledger.ingest_many(iter([prepare(p) for p in sorted(SOURCES.glob("*.txt"))[:2]])):
        seen.append(gc.get_threshold())
        assert result.claims > 0
    assert seen and all(t == THRESHOLDS for t in seen)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
