"""indexes in queue order for the evidence and type filters

Revision ID: 0010_tui_indexes
Revises: 0009_travel
Create Date: 2026-12-01

A filter on evidence status or type, shown most check-worthy first, read every matching claim and
sorted them (a tenth of a million-claim ledger for one status). With (status, score, id) the first
page is a short walk down one index, as the queue's own (review_state, score, id) already is.
Additive: the (status, id) indexes stay for id order.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_tui_indexes"
down_revision: str | None = "0009_travel"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_claim_evidence_queue", "claim", ["evidence_status", "score", "id"])
    op.create_index("ix_claim_type_queue", "claim", ["type", "score", "id"])


def downgrade() -> None:
    op.drop_index("ix_claim_type_queue", table_name="claim")
    op.drop_index("ix_claim_evidence_queue", table_name="claim")
