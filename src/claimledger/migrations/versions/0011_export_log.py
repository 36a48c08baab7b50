"""exports remembered (export_log); other outlets' verdicts read with evidence (evidence.outlet_verdicts)

Revision ID: 0011_export_log
Revises: 0010_tui_indexes
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_export_log"
down_revision: str | None = "0010_tui_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "export_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("user", sa.String(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("history_mark", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_index("ix_export_log_format", "export_log", ["format", "id"])
    op.add_column("evidence", sa.Column("outlet_verdicts", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("outlet_verdicts")
    op.drop_index("ix_export_log_format", table_name="export_log")
    op.drop_table("export_log")
