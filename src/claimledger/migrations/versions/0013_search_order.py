"""the search table keeps each claim's queue score, and a trigger keeps it in step (PostgreSQL)

Revision ID: 0013_search_order
Revises: 0012_claim_reach
Create Date: 2026-12-01

A search across every state is ordered by the queue (score, then id). With the score beside the
words, PostgreSQL picks a search's page from `claim_search` alone (its GIN index, then a sort of
(score, id) pairs) and reads only that page's claims, instead of every matching claim.

A trigger on `claim` keeps the row in step, as SQLite's FTS5 triggers (0002) keep `claim_fts`: a
new claim gets its row (its words cut by `claimledger_words`, the server's approximation of
claimledger.ledger.search.tokens: the core then writes its own tokens where they differ), a changed
score or quote follows. So a claim inserted into the table by hand is searchable on PostgreSQL too.
SQLite needs nothing here (its search joins `claim_fts` to `claim`, which holds the score).

The whole upgrade is one transaction (PostgreSQL's DDL is transactional): interrupted, it leaves the
ledger at 0012.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013_search_order"
down_revision: str | None = "0012_claim_reach"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COMBINING = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
"""Combining marks (accents) as NFKD leaves them: removed, as search.tokens removes them."""

_NOT_WORD = (
    r"[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7"
    r"\u2000-\u206f\u20a0-\u20cf\u2190-\u2bff\u2e00-\u2e7f\u3000-\u3004\u3008-\u3020"
    r"\ufe00-\ufe19\ufe30-\ufe6f\U0001f000-\U0001faff]+"
)
"""What separates words: ASCII other than letters and digits (the underscore too), and the
punctuation, spaces, signs, arrows and emoji blocks; every other character is taken as part of a
word (no locale needed: a server with the C locale knows no letter past ASCII)."""


def _words_function(utf8: bool) -> str:
    text = "lower(normalize(t, NFKD))" if utf8 else "lower(t)"
    if utf8:  # what casefold does beyond lower case
        text = f"replace(replace({text}, 'ß', 'ss'), 'ς', 'σ')"
    return (
        "CREATE OR REPLACE FUNCTION claimledger_words(t text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT btrim(regexp_replace("
        f"regexp_replace({text}, '{_COMBINING}', '', 'g'), '{_NOT_WORD}', ' ', 'g')) $$"
    )


_SYNC = """
CREATE OR REPLACE FUNCTION claimledger_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO claim_search (claim_id, body, score)
        VALUES (NEW.id, claimledger_words(NEW.quote), NEW.score)
        ON CONFLICT (claim_id) DO UPDATE SET score = EXCLUDED.score;
    ELSIF NEW.quote IS DISTINCT FROM OLD.quote THEN
        UPDATE claim_search SET score = NEW.score, body = claimledger_words(concat_ws(' ',
            NEW.quote, (SELECT string_agg(note, ' ' ORDER BY id) FROM history
                        WHERE claim_id = NEW.id AND note IS NOT NULL)))
        WHERE claim_id = NEW.id;
    ELSIF NEW.score IS DISTINCT FROM OLD.score THEN
        UPDATE claim_search SET score = NEW.score WHERE claim_id = NEW.id;
    END IF;
    RETURN NULL;
END $$
"""


_REBUILD = (
    # a new table filled in one pass and indexed after (updating a million rows in place would
    # update the GIN index row by row), then put in the old one's place
    "SET LOCAL maintenance_work_mem = '256MB'",
    "CREATE TABLE claim_search_new ("
    "claim_id INTEGER PRIMARY KEY REFERENCES claim(id) ON DELETE CASCADE, "
    "body TEXT NOT NULL DEFAULT '', "
    "score DOUBLE PRECISION NOT NULL DEFAULT 0, "
    "doc TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)",
    "INSERT INTO claim_search_new (claim_id, body, score) "
    "SELECT s.claim_id, s.body, c.score FROM claim_search s JOIN claim c ON c.id = s.claim_id",
    "DROP TABLE claim_search",
    "ALTER TABLE claim_search_new RENAME TO claim_search",
    "ALTER INDEX claim_search_new_pkey RENAME TO claim_search_pkey",
    "ALTER TABLE claim_search RENAME CONSTRAINT claim_search_new_claim_id_fkey "
    "TO claim_search_claim_id_fkey",
    "CREATE INDEX ix_claim_search_doc ON claim_search USING GIN (doc)",
    "ANALYZE claim_search",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    encoding = bind.exec_driver_sql("SHOW server_encoding").scalar()
    for statement in _REBUILD:
        op.execute(statement)
    bind.exec_driver_sql(_words_function(str(encoding).upper() in ("UTF8", "UTF-8")))
    bind.exec_driver_sql(_SYNC)
    op.execute(
        "CREATE TRIGGER claim_search_sync AFTER INSERT OR UPDATE OF quote, score ON claim "
        "FOR EACH ROW EXECUTE FUNCTION claimledger_search_sync()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS claim_search_sync ON claim")
    op.execute("DROP FUNCTION IF EXISTS claimledger_search_sync()")
    op.execute("DROP FUNCTION IF EXISTS claimledger_words(text)")
    op.execute("ALTER TABLE claim_search DROP COLUMN IF EXISTS score")
