"""Export records built field by field in order are the same records the classes build."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from claimledger.export.records import new_claim, new_evidence, new_export
from claimledger.records import ClaimRecord, EvidenceRecord, SourceRecord

NOW = datetime(2026, 11, 30, tzinfo=UTC)
CLAIM = (1, 2, "City Paper", "q", 0, 1, "", "", "other", None, 0.5, (), None, "new",
         "unverified", None, "extracted", 3, NOW, NOW)  # fmt: skip
EVIDENCE = (7, 1, "https://a.example", "refutes", None, "ann", NOW, "alive", 200, None, "T",
            None, None, None, None, None, None, ())  # fmt: skip


def test_the_maker_builds_equal_frozen_records() -> None:
    claim = new_claim(*CLAIM)
    assert claim == ClaimRecord(*CLAIM) and hash(claim) == hash(ClaimRecord(*CLAIM))
    assert new_evidence(*EVIDENCE) == EvidenceRecord(*EVIDENCE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.quote = "changed"  # type: ignore[misc]
    source = SourceRecord(2, "City Paper", "a.txt", None, None, None, None, None)
    record = new_export(claim, source, (), None, None)
    assert record.claim is claim and record.publication is None and record.evidence == ()


def test_a_missing_value_is_refused() -> None:
    with pytest.raises(ValueError):
        new_claim(*CLAIM[:-1])
