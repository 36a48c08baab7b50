"""an article's genre, as the finder read it (news, analysis, opinion, live blog, ...)

Revision ID: 0006_source_genre
Revises: 0005_pg_notify
Create Date: 2026-11-30

Older sources have none until their article is ingested again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_source_genre"
down_revision: str | None = "0005_pg_notify"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("source") as batch:
        batch.add_column(sa.Column("genre", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("source") as batch:
        batch.drop_column("genre")
