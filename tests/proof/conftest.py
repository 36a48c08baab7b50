"""A small ledger built the way the product builds one, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimledger.service import Ledger, prepare

ARTICLE = """---
title: Deportations rise
outlet: City Paper
published: 2010-08-05
---
Officials said 102 people were deported between October 2008 and June 2010.

More than half of those picked up in Boston had no criminal convictions, the report found.

The city cut 12 bus routes in March, the transit authority said.
"""


@dataclass
class Built:
    url: str
    ids: list[int]
    """The claims: [0] verified (contradicted), [1] reviewed with evidence, [2] new."""


def build(url: str, tmp: Path) -> Built:
    article = tmp / "deportations.md"
    article.write_text(ARTICLE)
    ledger = Ledger.open(url, user="ana")
    ledger.ingest(prepare(article))
    ids = [r.id for r in ledger.rows(limit=None)]
    assert len(ids) >= 3, ids
    ledger.review(ids[0], evidence_status="contradicted", state="reviewed", note="checked")
    ledger.add_evidence(ids[0], "https://stats.example/deportations", "refutes", "the figures")
    ledger.review(ids[0], state="verified", assignee="bo")
    ledger.add_evidence(ids[1], "https://report.example/boston", "supports")
    ledger.review(ids[1], evidence_status="supported", state="reviewed")
    ledger.close()
    return Built(url, ids)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def built(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Built]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'proof.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    yield build(url, tmp_path)
