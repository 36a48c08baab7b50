"""full-text search on PostgreSQL: a tsvector per claim with a GIN index

Revision ID: 0004_pg_search
Revises: 0003_versions
Create Date: 2026-11-30

The same words SQLite's FTS5 index keeps (see claimledger.ledger.search): `body` holds them,
`doc` is generated from it. SQLite has its own index (0002) and needs nothing here.
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_pg_search"
down_revision: str | None = "0003_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def _words(text: str) -> str:
    """As claimledger.ledger.search.tokens, frozen here as this migration first wrote them."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(_TOKEN.findall("".join(c for c in decomposed if not unicodedata.combining(c))))


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE claim_search ("
        "claim_id INTEGER PRIMARY KEY REFERENCES claim(id) ON DELETE CASCADE, "
        "body TEXT NOT NULL DEFAULT '', "
        "doc TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)"
    )
    op.execute("CREATE INDEX ix_claim_search_doc ON claim_search USING GIN (doc)")
    notes: dict[int, list[str]] = {}
    for claim_id, note in bind.execute(
        sa.text("SELECT claim_id, note FROM history WHERE note IS NOT NULL ORDER BY id")
    ):
        notes.setdefault(claim_id, []).append(note)
    rows = [
        {"id": cid, "body": _words(" ".join([quote, *notes.get(cid, [])]))}
        for cid, quote in bind.execute(sa.text("SELECT id, quote FROM claim"))
    ]
    if rows:
        bind.execute(sa.text("INSERT INTO claim_search (claim_id, body) VALUES (:id, :body)"), rows)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS claim_search")
