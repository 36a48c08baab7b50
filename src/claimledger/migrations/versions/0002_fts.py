"""full-text search over claim quotes and notes (SQLite FTS5)

Revision ID: 0002_fts
Revises: 0001_initial
Create Date: 2026-11-24

The index keeps its own copy of each claim's quote and notes, keyed by the claim's id, and
triggers keep it current. PostgreSQL searches with its own operators and needs no table here.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_fts"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATEMENTS = [
    "CREATE VIRTUAL TABLE claim_fts USING fts5("
    "quote, notes, tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO claim_fts(rowid, quote, notes) SELECT id, quote, '' FROM claim",
    "UPDATE claim_fts SET notes = (SELECT coalesce(group_concat(note, ' '), '') FROM history "
    "WHERE history.claim_id = claim_fts.rowid AND history.note IS NOT NULL)",
    "CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, quote, notes) VALUES (new.id, new.quote, ''); END",
    "CREATE TRIGGER claim_fts_update AFTER UPDATE OF quote ON claim BEGIN "
    "UPDATE claim_fts SET quote = new.quote WHERE rowid = new.id; END",
    "CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN "
    "DELETE FROM claim_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER claim_fts_note AFTER INSERT ON history WHEN new.note IS NOT NULL BEGIN "
    "UPDATE claim_fts SET notes = notes || ' ' || new.note WHERE rowid = new.claim_id; END",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("claim_fts_insert", "claim_fts_update", "claim_fts_delete", "claim_fts_note"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS claim_fts")
