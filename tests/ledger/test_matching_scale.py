"""Matching that scales: a key many claims share brings a bounded number of candidates, and a
repeated claim is still found behind many newer claims that share its commonest keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.documents import SourceMeta, render_document
from claimledger.extract.similarity import SimilarityProfile, match_keys, profiles_similarity
from claimledger.ledger import claim_keys, matches
from claimledger.service import Ledger, prepare

ORIGINAL = (
    "Between October 2008 and June 2010, 102 people were deported from Boston, officials said."
)
REPEAT = "Officials said 102 people were deported from Boston between October 2008 and June 2010."
CROWD = 30  # newer claims sharing the original's commonest keys, more than PER_KEY of them


def _crowd(n: int) -> str:
    """Shares 'Boston' and 'deported' with the original, not its number or its other words."""
    return f"In {1990 + n % 10}, {500 + n} people were deported from Boston, the records show."


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    opened = Ledger.open(ledger_db, user="ann", create=True)
    yield opened
    opened.close()


def _ingest(ledger: Ledger, folder: Path, name: str, sentence: str) -> None:
    path = folder / f"{name}.txt"
    text = f"{name}\n\n{sentence}\n"
    path.write_text(render_document(SourceMeta(outlet=name, published="2010-08-05"), text), "utf-8")
    ledger.ingest(prepare(path))


def test_a_repeated_claim_is_found_behind_newer_claims_sharing_its_keys(
    tmp_path: Path, ledger: Ledger
) -> None:
    assert claim_keys.PER_KEY < CROWD
    _ingest(ledger, tmp_path, "original", ORIGINAL)
    for n in range(CROWD):
        _ingest(ledger, tmp_path, f"crowd-{n}", _crowd(n))
    _ingest(ledger, tmp_path, "repeat", REPEAT)
    pairs = ledger.match_pairs()
    found = {frozenset((p.claim.quote, p.other.quote)) for p in pairs}
    assert frozenset((ORIGINAL, REPEAT)) in found


def test_a_key_shared_by_many_claims_brings_per_key_candidates(
    tmp_path: Path, ledger: Ledger
) -> None:
    for n in range(CROWD):
        _ingest(ledger, tmp_path, f"crowd-{n}", _crowd(n))
    shared = match_keys(_crowd(0)) & match_keys(_crowd(1)) & match_keys(_crowd(2))
    assert shared, "the crowd shares a key"
    with ledger.tx.read() as s:
        found = claim_keys.lookup(shared, session=s)
    assert found and all(len(ids) == claim_keys.PER_KEY for ids in found.values())
    assert all(ids == sorted(ids, reverse=True) for ids in found.values()), "newest first"


def test_a_new_claim_is_scored_against_at_most_candidates(
    tmp_path: Path, ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(CROWD + matches.CANDIDATES):
        _ingest(ledger, tmp_path, f"crowd-{n}", _crowd(n))
    scored: list[tuple[SimilarityProfile, SimilarityProfile]] = []
    real = profiles_similarity

    def counting(a: SimilarityProfile, b: SimilarityProfile) -> float:
        scored.append((a, b))
        return real(a, b)

    monkeypatch.setattr(matches, "profiles_similarity", counting)
    _ingest(ledger, tmp_path, "last", _crowd(CROWD + matches.CANDIDATES))
    assert 0 < len(scored) <= matches.CANDIDATES
