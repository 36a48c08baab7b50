"""new blocking keys go to a small table (claim_key_recent), folded into claim_key in bulk

Revision ID: 0014_recent_keys
Revises: 0013_search_order
Create Date: 2026-12-01

A key is a hash, so each of an article's few hundred keys lands on its own page of `claim_key`:
at a million claims an ingest dirtied (and wrote to the log) a page per key, twice the writer's
time of an ingest into an empty ledger. New keys now go to `claim_key_recent`, small enough that an
article's keys share its pages; once it holds `claim_keys.RECENT_ROWS` rows they are moved into
`claim_key` in key order, so each page of the big table is written once per fold, not once per key
(`ledger.claim_keys`). Look-ups read both tables. The table starts empty: the upgrade is instant.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_recent_keys"
down_revision: str | None = "0013_search_order"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "claim_key_recent",
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
    op.create_index("ix_claim_key_recent_claim_id", "claim_key_recent", ["claim_id"])


def downgrade() -> None:
    op.execute("INSERT INTO claim_key (key, claim_id) SELECT key, claim_id FROM claim_key_recent")
    op.drop_index("ix_claim_key_recent_claim_id", table_name="claim_key_recent")
    op.drop_table("claim_key_recent")
