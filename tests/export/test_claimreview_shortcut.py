"""The ClaimReview exporter checks each object against the JSON Schema whole once per (rating,
date, review body or not) and, for the rest, passes the texts that differ from object to object
by the schema's own patterns: the same objects written, the same claims refused, for the same
reasons, as checking every object whole."""

from __future__ import annotations

import hashlib
import io
import itertools
from datetime import UTC, datetime
from importlib import resources

import pytest

from claimledger.export import claimreview
from claimledger.export import validate as v
from claimledger.export.records import ExportRecord
from claimledger.records import (
    ClaimRecord,
    PublicationRecord,
    PublishingSettings,
    Rating,
    RatingScale,
    SourceRecord,
)

SCALE = RatingScale((Rating("True", 5), Rating("False", 1), Rating("Unrateable", None)))
SETTINGS = PublishingSettings("Checks", "https://checks.example", None, SCALE)

PAGES = ["https://checks.example/{}", "ftp://checks.example/{}", "https://checks.example/ {}",
         "checks.example/{}", "HTTPS://CHECKS.EXAMPLE/{}", " https://checks.example/{}"]  # fmt: skip
STATEMENTS = ["Buses are late", " ", "\t\n", "x", "\u00a0"]
SUMMARIES = [None, "On time.", "   ", "\u2003"]
DAYS = [datetime(2026, 1, 2, 10, tzinfo=UTC), datetime(2025, 12, 31, 23, 59, tzinfo=UTC)]


def _records() -> list[ExportRecord]:
    source = SourceRecord(3, "City Paper", "a.txt", "City Paper", "Buses", None, "2025-12-01",
                          "https://paper.example/a")  # fmt: skip
    found = []
    combos = itertools.product(PAGES, STATEMENTS, SUMMARIES, DAYS, ["True", "Unrateable"])
    for cid, (page, statement, summary, day, rating) in enumerate(combos, start=1):
        claim = ClaimRecord(
            cid, 3, source.label, "Buses are late.", 0, 15, "", "", "statistic", "Jane", 0.5, (),
            None, "verified", "supported", None, "extracted", 1, day, day,
        )  # fmt: skip
        pub = PublicationRecord(cid, page.format(cid), statement, rating, summary, "ed", day)
        found.append(ExportRecord(claim, source, (), None, pub))
    return found


def _written(records: list[ExportRecord]) -> tuple[str, list[str]]:
    out = io.StringIO()
    refused: list[str] = []
    claimreview.write_claimreview(records, out, SETTINGS, refused=lambda r: refused.append(str(r)))
    return out.getvalue(), refused


def test_the_same_objects_and_refusals_as_checking_each_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    records = _records() * 2  # every key seen clean before its bad texts come
    text, refused = _written(records)
    checks: list[int] = []
    real = v.error_findings

    def whole(obj: object) -> list[v.Finding]:
        checks.append(1)
        return real(obj)

    monkeypatch.setattr(v, "error_findings", whole)
    monkeypatch.setattr(v, "varying_passes", lambda: None)  # no shortcut: every object whole
    assert _written(records) == (text, refused)
    assert len(checks) == len(records)
    assert refused and text.count('"@type": "ClaimReview"') == len(records) - len(refused)
    reasons = " ".join(refused)
    assert "url: must be an http(s) address" in reasons
    assert "claimReviewed: must be non-empty text" in reasons
    assert "reviewBody: must be non-empty text" in reasons


def test_most_objects_take_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    clean = [
        r
        for r in _records()
        if r.publication
        and r.publication.url in (PAGES[0].format(r.claim.id), PAGES[4].format(r.claim.id))
        and r.publication.statement == "x"
        and r.publication.summary in (None, "On time.")
    ] * 4
    checks: list[int] = []
    real = v.error_findings

    def whole(obj: object) -> list[v.Finding]:
        checks.append(1)
        return real(obj)

    monkeypatch.setattr(v, "error_findings", whole)
    assert _written(clean)[1] == []
    assert len(checks) == 8 == len(clean) / 8  # once per rating, date, and body or not


def test_the_shortcut_is_for_the_schema_it_was_written_against(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Change the schema and this fails: look at `claimreview._Shared.errors` again (does the
    required level still read nothing of an object but its keys, rating, date and those texts?)
    before updating `validate.KNOWN_SCHEMA`."""
    shipped = resources.files("claimledger.export.schemas").joinpath("claimreview.schema.json")
    assert hashlib.sha256(shipped.read_bytes()).hexdigest() == v.KNOWN_SCHEMA
    assert v.varying_passes() is not None
    monkeypatch.setattr(v, "KNOWN_SCHEMA", "0" * 64)
    v.varying_passes.cache_clear()
    try:
        assert v.varying_passes() is None
    finally:
        monkeypatch.undo()
        v.varying_passes.cache_clear()
