"""The ClaimReview export reads plain rows (`review_rows`), not export records, and writes an
object that an earlier one vouches for from its parts' JSON: the same rows as the records give,
the same bytes as the encoder writes of each object, on both backends."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import Engine

from claimledger.export import claimreview
from claimledger.export.records import ReviewRow
from claimledger.records import ClaimFilter
from claimledger.service import Ledger

from .test_claimreview_shortcut import SETTINGS, _records


@pytest.fixture
def ledger(engine: Engine, seeded: dict[str, int]) -> Ledger:
    ledger = Ledger(engine, "ed")
    ledger.set_publisher(org_name="Checks", url_template="https://checks.example/{id}")
    for i in range(3):
        ledger.review(seeded[f"c{i}"], evidence_status="contradicted", state="reviewed")
        ledger.review(seeded[f"c{i}"], state="verified")
    return ledger


@pytest.mark.parametrize("verified", [False, True])
def test_the_rows_are_what_claimreview_reads_of_the_records(
    ledger: Ledger, seeded: dict[str, int], verified: bool
) -> None:
    late = datetime(2026, 1, 2, 23, 59, 59, 999999, tzinfo=UTC)
    ledger.publish(seeded["c0"], statement="Routes cut", rating="False", published_at=late)
    ledger.publish(seeded["c1"], url="https://x.example/1", statement="Ridership", rating="True",
                   summary="It fell.", published=None)  # fmt: skip
    rows = list(ledger.review_rows(ClaimFilter(), verified=verified))
    records = ledger.export_records(ClaimFilter(), verified=verified, details=False)
    assert rows == [claimreview.review_row(r) for r in records]
    assert [row[3] and row[3][4] for row in rows] == ["2026-01-02", None, None]


def test_the_feed_from_rows_is_the_feed_from_records(
    ledger: Ledger, seeded: dict[str, int]
) -> None:
    for n, cid in enumerate(seeded[f"c{i}"] for i in range(3)):
        ledger.publish(cid, statement=f"Claim {n}", rating="False", summary="S" if n else None)
    out = io.StringIO()
    records = ledger.export_records(ClaimFilter(), details=False)
    assert claimreview.write_claimreview(records, out, ledger.publishing_settings()) == 3
    rows = io.StringIO()
    settings = ledger.publishing_settings()
    assert claimreview.write_claimreview(ledger.review_rows(ClaimFilter()), rows, settings) == 3
    assert rows.getvalue() == out.getvalue()


def test_objects_written_from_their_parts_are_the_encoders_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    records = _records() * 2  # the second time round every clean object has been vouched for
    whole: list[int] = []
    real = claimreview._Shared._whole

    def spy(self: claimreview._Shared, row: ReviewRow) -> object:
        whole.append(row[0])
        return real(self, row)

    monkeypatch.setattr(claimreview._Shared, "_whole", spy)
    out = io.StringIO()
    written = claimreview.write_claimreview(records, out, SETTINGS)
    expected = [claimreview.claim_review(r, SETTINGS) for r in records]
    objects = [claimreview._encode(e) for e in expected if isinstance(e, dict)]
    assert written == len(objects) and len(whole) < len(records) - len(objects) / 3
    assert out.getvalue() == "[\n" + ",\n".join(objects) + "\n]\n"
    assert json.loads(out.getvalue())  # and it is JSON
