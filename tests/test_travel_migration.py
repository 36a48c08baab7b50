"""Migration 0009: a ledger from before keys gets them for its claims; PostgreSQL too."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from claimledger.db import HEAD_REVISION, make_engine, open_ledger, write_engine

QUOTE = "Between October 2008 and June 2010, 102 people were deported from Boston, officials said."


def _ledger_at_0006(path: Path) -> None:
    from alembic import command

    from claimledger.db import _alembic_config

    engine = make_engine(f"sqlite:///{path}")
    cfg = _alembic_config()
    with write_engine(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006_source_genre")
        conn.execute(
            sa.text(
                "INSERT INTO source (id, path, content_hash, text, ingested_at) "
                "VALUES (1, 'a.txt', 'h', :t, '2024-01-01 00:00:00')"
            ),
            {"t": QUOTE},
        )
        conn.execute(
            sa.text(
                'INSERT INTO claim (id, source_id, quote, start, "end", prefix, suffix, type, '
                "score, quantities, fingerprint, origin, review_state, evidence_status, version, "
                "created_at, updated_at) VALUES (1, 1, :q, 0, 10, '', '', 'quantity', 0.9, :j, "
                "'', 'extracted', 'new', 'unverified', 1, '2024-01-01', '2024-01-01')"
            ),
            {
                "q": QUOTE,
                "j": '[{"text": "102 people", "kind": "count", "value": 102.0, '
                '"bound": "exact", "unit": "people"}]',
            },
        )
    engine.dispose()


def test_an_older_ledger_gets_keys_for_its_claims(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _ledger_at_0006(path)
    opened = open_ledger(path)
    assert opened.upgraded_from == "0006_source_genre"
    with opened.engine.connect() as conn:
        version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        keys = conn.execute(sa.text("SELECT count(*) FROM claim_key WHERE claim_id = 1")).scalar()
    assert version == HEAD_REVISION
    assert keys and keys > 5  # pairs for matching, and measure keys for its figure
    opened.engine.dispose()


@pytest.mark.postgres
def test_matches_and_conflicts_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    from claimledger.documents import SourceMeta, render_document
    from claimledger.service import Ledger, prepare

    texts = {
        "one.txt": f"Deportations\n\n{QUOTE}\n",
        "two.txt": "Again\n\nIn that period, 340 people were deported from Boston, advocates said.\n\n"
        f"{QUOTE}\n",
    }
    ledger = Ledger.open(pg_url, user="ann", create=True)
    for name, text in texts.items():
        path = tmp_path / name
        path.write_text(render_document(SourceMeta(published="2010-08-05"), text), "utf-8")
        ledger.ingest(prepare(path))
    assert len(ledger.match_pairs()) == 1
    conflicts = ledger.conflicts()
    assert len(conflicts) == 2  # 340 against 102 in each article
    decided = ledger.decide_conflict(conflicts[0].id, "confirmed")
    assert decided.status == "confirmed"
    assert ledger.history(decided.claim.id)[-1].action.value == "conflict"
    ledger.close()
