"""blocking keys (claim_key), conflicting figures (claim_conflict), verdicts taken (verdict_copy)

Revision ID: 0009_travel
Revises: 0008_publication
Create Date: 2026-11-30

Keys of the claims already in the ledger are computed here, a batch at a time, so suggestions for
the next article find them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_travel"
down_revision: str | None = "0008_publication"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "claim_key",
        sa.Column("key", sa.BigInteger(), nullable=False, autoincrement=False),
        sa.Column(
            "claim_id",
            sa.Integer(),
            sa.ForeignKey("claim.id", ondelete="CASCADE"),
            nullable=False,
            autoincrement=False,
        ),
        sa.PrimaryKeyConstraint("key", "claim_id"),
        **({"sqlite_with_rowid": False} if sqlite else {}),
    )
    op.create_index("ix_claim_key_claim_id", "claim_key", ["claim_id"])
    op.create_table(
        "claim_conflict",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "other_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(), nullable=False, server_default="suggested"),
        sa.Column("decided_by", sa.String(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("claim_id", "other_id"),
    )
    op.create_index("ix_claim_conflict_claim_id", "claim_conflict", ["claim_id"])
    op.create_index("ix_claim_conflict_other_id", "claim_conflict", ["other_id"])
    op.create_table(
        "verdict_copy",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "from_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("user", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_verdict_copy_claim_id", "verdict_copy", ["claim_id"])
    op.create_index("ix_verdict_copy_from_id", "verdict_copy", ["from_id"])
    _backfill_keys()


def _backfill_keys() -> None:
    from claimledger.extract.similarity import claim_keys

    conn = op.get_bind()
    claim = sa.table(
        "claim",
        sa.column("id", sa.Integer),
        sa.column("quote", sa.Text),
        sa.column("quantities", sa.JSON),
    )
    keys = sa.table("claim_key", sa.column("key", sa.BigInteger), sa.column("claim_id"))
    last = 0
    while True:
        page = conn.execute(
            sa.select(claim.c.id, claim.c.quote, claim.c.quantities)
            .where(claim.c.id > last)
            .order_by(claim.c.id)
            .limit(BATCH)
        ).all()
        if not page:
            return
        rows = [
            {"key": k, "claim_id": cid}
            for cid, quote, quantities in page
            for k in claim_keys(quote, quantities or [])
        ]
        if rows:
            conn.execute(sa.insert(keys), rows)
        last = int(page[-1][0])


def downgrade() -> None:
    op.drop_table("verdict_copy")
    op.drop_table("claim_conflict")
    op.drop_table("claim_key")
