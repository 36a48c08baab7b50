"""Every kind of change the product makes leaves a record that verifies: evidence corrected and
removed, a claim published, a verdict taken over, a conflict decided, an undo."""

from __future__ import annotations

from claimledger.service import Ledger
from proof.conftest import Built


def test_evidence_corrected_removed_and_undone_still_verifies(built: Built) -> None:
    ledger = Ledger.open(built.url, user="ana", create=False)
    [ev] = ledger.evidence(built.ids[1])
    ledger.edit_evidence(ev.id, stance="context", note="only background")
    ledger.edit_evidence(ev.id, url="https://report.example/boston-2")
    _record, change = ledger.add_evidence(built.ids[1], "https://other.example/x", "refutes")
    ledger.revert([change])
    ledger.remove_evidence(ev.id, "wrong page")
    result = ledger.verify()
    assert result.ok, [f.describe() for f in result.findings]


def test_publishing_and_withdrawing_still_verifies(built: Built) -> None:
    ledger = Ledger.open(built.url, user="ana", create=False)
    ledger.publish(
        built.ids[0],
        url="https://checks.example/1",
        statement="102 people were deported",
        rating="False",
        summary="The count was 340.",
    )
    ledger.publish(built.ids[0], rating="Mostly False")
    ledger.publish(built.ids[0], published=False)
    result = ledger.verify()
    assert result.ok, [f.describe() for f in result.findings]
