"""The benchmark ledger generator builds a ledger the app opens, with its search index and triggers whole."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path
from types import ModuleType

from claimledger.db import open_ledger, session_scope
from claimledger.ledger.queries import count_claims, counts_by_state
from claimledger.ledger.review import add_note
from claimledger.records import ClaimFilter

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "make_ledger.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_ledger", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_ledger_opens_searches_and_keeps_its_triggers(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    _generator().make_ledger(db, 500, seed=3)
    with sqlite3.connect(db) as conn:
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        indexed = conn.execute("SELECT count(*) FROM claim_fts").fetchone()[0]
    assert triggers == {
        "claim_fts_insert",
        "claim_fts_update",
        "claim_fts_delete",
        "claim_fts_note",
        "history_no_update",
        "history_no_delete",
    }
    assert indexed == 500
    engine = open_ledger(db).engine
    with session_scope(engine) as s:
        assert sum(counts_by_state(session=s).values()) == 500
        assert len(counts_by_state(session=s)) == 5
        assert count_claims(session=s, flt=ClaimFilter(text="between")) == 500
        add_note(1, "zebracrossing", session=s, user="t")
    with session_scope(engine) as s:
        assert count_claims(session=s, flt=ClaimFilter(text="zebracrossing")) == 1
    engine.dispose()


def test_claim_offsets_point_at_their_quotes(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    _generator().make_ledger(db, 120, seed=4)
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            'SELECT c.quote, c.start, c."end", s.text FROM claim c JOIN source s ON s.id = c.source_id'
        ).fetchall()
    assert all(text[start:end] == quote for quote, start, end, text in rows)
