"""claim versions, for edits checked against what the editor saw

Revision ID: 0003_versions
Revises: 0002_fts
Create Date: 2026-11-30

Each claim carries a version, raised by every change; each history entry records the version it
produced, so a refused stale edit can say what changed since and who changed it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_versions"
down_revision: str | None = "0002_fts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("claim") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("history") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("history") as batch:
        batch.drop_column("version")
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("version")
