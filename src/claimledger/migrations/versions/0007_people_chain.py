"""people and their roles, the ledger's rules, and the history as a hash chain

Revision ID: 0007_people_chain
Revises: 0006_source_genre
Create Date: 2026-12-01

Entries written before this upgrade are sealed as they were found: the chain starts from them.
The history becomes append-only (a trigger refuses edits, and removals while the claim stays).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from claimledger.ledger.chain import GENESIS, entry_hash, subject_digest
from claimledger.models import UTCDateTime

revision: str = "0007_people_chain"
down_revision: str | None = "0006_source_genre"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000

PG_GUARD = """
CREATE OR REPLACE FUNCTION claimledger_history_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'the history is append-only';
    END IF;
    IF EXISTS (SELECT 1 FROM claim WHERE id = OLD.claim_id) THEN
        RAISE EXCEPTION 'the history is append-only';
    END IF;
    RETURN OLD;
END
$$ LANGUAGE plpgsql
"""
SQLITE_GUARDS = (
    """CREATE TRIGGER history_no_update BEFORE UPDATE ON history
    BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END""",
    """CREATE TRIGGER history_no_delete BEFORE DELETE ON history
    WHEN EXISTS (SELECT 1 FROM claim WHERE id = OLD.claim_id)
    BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END""",
)


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False, unique=True),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("added_by", sa.String(), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "ledger_rule",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("set_by", sa.String(), nullable=False),
        sa.Column("set_at", UTCDateTime(), nullable=False),
    )
    with op.batch_alter_table("history") as batch:
        batch.add_column(sa.Column("hash", sa.String(), nullable=True))
    _seal(op.get_bind())
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_GUARD)
        op.execute(
            "CREATE TRIGGER history_guard BEFORE UPDATE OR DELETE ON history "
            "FOR EACH ROW EXECUTE FUNCTION claimledger_history_guard()"
        )
    else:
        for ddl in SQLITE_GUARDS:
            op.execute(ddl)


def _seal(conn: sa.Connection) -> None:
    """Hash every existing entry, claim by claim, a batch of claims at a time."""
    meta = sa.MetaData()
    history = sa.Table(
        "history",
        meta,
        sa.Column("id", sa.Integer),
        sa.Column("claim_id", sa.Integer),
        sa.Column("at", UTCDateTime()),
        sa.Column("user", sa.String),
        sa.Column("action", sa.String),
        sa.Column("before", sa.String),
        sa.Column("after", sa.String),
        sa.Column("note", sa.String),
        sa.Column("version", sa.Integer),
        sa.Column("hash", sa.String),
    )
    claim = sa.Table(
        "claim",
        meta,
        sa.Column("id", sa.Integer),
        sa.Column("source_id", sa.Integer),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("quote", sa.Text),
        sa.Column("version", sa.Integer),
    )
    source = sa.Table(
        "source", meta, sa.Column("id", sa.Integer), sa.Column("content_hash", sa.String)
    )
    last = 0
    while True:
        ids = [
            r[0]
            for r in conn.execute(
                sa.select(claim.c.id).where(claim.c.id > last).order_by(claim.c.id).limit(BATCH)
            )
        ]
        if not ids:
            return
        subjects = {
            r.id: subject_digest(r.content_hash, r.start, r.end, r.quote)
            for r in conn.execute(
                sa.select(
                    claim.c.id, claim.c.start, claim.c.end, claim.c.quote, source.c.content_hash
                )
                .join(source, source.c.id == claim.c.source_id)
                .where(claim.c.id.in_(ids))
            )
        }
        prev: dict[int, str] = {}
        count: dict[int, int] = {}
        updates = []
        rows = conn.execute(
            sa.select(history)
            .where(history.c.claim_id.in_(ids))
            .order_by(history.c.claim_id, history.c.id)
        )
        for h in rows:
            before = prev.get(h.claim_id)
            count[h.claim_id] = count.get(h.claim_id, 0) + 1
            # an entry's place in its claim's history is its version, as the core numbers it
            # (ledgers from before claim versions, 0001 and 0002, kept none)
            version = count[h.claim_id]
            digest = entry_hash(
                before if before is not None else GENESIS,
                version=version,
                at=h.at,
                user=h.user,
                action=h.action,
                before=h.before,
                after=h.after,
                note=h.note,
                subject=subjects.get(h.claim_id) if before is None else None,
            )
            prev[h.claim_id] = digest
            updates.append({"hid": h.id, "digest": digest, "v": version})
        if updates:
            conn.execute(
                history.update()
                .where(history.c.id == sa.bindparam("hid"))
                .values(hash=sa.bindparam("digest"), version=sa.bindparam("v")),
                updates,
            )
            conn.execute(
                claim.update()
                .where(claim.c.id == sa.bindparam("cid"))
                .values(version=sa.bindparam("n")),
                [{"cid": cid, "n": n} for cid, n in count.items()],
            )
        last = ids[-1]


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS history_guard ON history")
        op.execute("DROP FUNCTION IF EXISTS claimledger_history_guard()")
    else:
        op.execute("DROP TRIGGER IF EXISTS history_no_update")
        op.execute("DROP TRIGGER IF EXISTS history_no_delete")
    with op.batch_alter_table("history") as batch:
        batch.drop_column("hash")
    op.drop_table("ledger_rule")
    op.drop_table("person")
