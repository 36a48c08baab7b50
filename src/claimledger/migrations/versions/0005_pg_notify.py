"""PostgreSQL tells listeners of every change: NOTIFY claimledger with each history entry

Revision ID: 0005_pg_notify
Revises: 0004_pg_search
Create Date: 2026-11-30

The payload is "HISTORY_ID CLAIM_ID USER"; notifications are delivered when the change commits.
SQLite has its own change counter (PRAGMA data_version) and needs nothing here.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005_pg_notify"
down_revision: str | None = "0004_pg_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION claimledger_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN PERFORM pg_notify('claimledger', NEW.id || ' ' || NEW.claim_id || ' ' || NEW.user); "
        "RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER history_notify AFTER INSERT ON history "
        "FOR EACH ROW EXECUTE FUNCTION claimledger_notify()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS history_notify ON history")
    op.execute("DROP FUNCTION IF EXISTS claimledger_notify()")
