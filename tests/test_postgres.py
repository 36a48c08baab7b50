"""Team mode: the same ledger code on a real PostgreSQL server, started here on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[sa.Engine]:
    from claimledger.db import open_ledger

    opened = open_ledger(pg_url)
    yield opened.engine
    opened.engine.dispose()


def test_migrations_run_on_postgresql(pg_engine: sa.Engine) -> None:
    from claimledger.db import HEAD_REVISION

    with pg_engine.connect() as conn:
        assert (
            conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            == HEAD_REVISION
        )


def test_review_search_and_export_on_postgresql(pg_engine: sa.Engine) -> None:
    from claimledger.db import session_scope
    from claimledger.export import iter_records
    from claimledger.ledger import review
    from claimledger.ledger.queries import list_claims
    from claimledger.models import Claim, Source
    from claimledger.records import ClaimFilter, Cursor

    with session_scope(pg_engine) as s:
        src = Source(
            path="a.txt",
            content_hash="h",
            outlet="Paper",
            text="The city cut 12 routes. Fares rose.",
        )
        s.add(src)
        s.flush()
        for quote, score in (("The city cut 12 routes.", 0.9), ("Fares rose.", 0.4)):
            start = src.text.index(quote)
            s.add(
                Claim(
                    source_id=src.id or 0,
                    quote=quote,
                    start=start,
                    end=start + len(quote),
                    score=score,
                )
            )
    with session_scope(pg_engine) as s:  # claims enter through ingest, which indexes them
        from claimledger.ledger.search import index_claims

        index_claims([(c.id or 0, c.quote) for c in list_claims(session=s)], session=s)
    with session_scope(pg_engine) as s:
        first = list_claims(session=s, order="queue", limit=1)
        second = list_claims(
            session=s, order="queue", after=Cursor(first[0].id or 0, first[0].score)
        )
        assert [c.quote for c in first + second] == ["The city cut 12 routes.", "Fares rose."]
        cid = first[0].id or 0
        review.add_note(cid, "check the 100% figure", session=s, user="ann")
        review.set_evidence_status(cid, "supported", session=s, user="ann")
        review.set_review_state(cid, "reviewed", session=s, user="ann")
        review.set_review_state(cid, "verified", session=s, user="ed")
    with session_scope(pg_engine) as s:
        assert [c.id for c in list_claims(session=s, flt=ClaimFilter(text="100%"))] == [cid]
        found = list_claims(session=s, flt=ClaimFilter(text='"cut" OR'))  # a trailing OR: dropped
        assert [c.id for c in found] == [
            c.id for c in list_claims(session=s, flt=ClaimFilter(text='"cut"'))
        ]
        records = list(iter_records(session=s, flt=ClaimFilter(states=("verified",))))
    assert [r["id"] for r in records] == [cid]
    assert records[0]["verified_at"]
    from claimledger.ledger.activity import changes_since

    with session_scope(pg_engine) as s:  # what another desk sees of this work
        seen = changes_since(0, session=s)
        assert seen.claim_ids == {cid}
        assert seen.users == {"ann", "ed"}
        assert changes_since(seen.last_id, session=s).claim_ids == frozenset()


def test_a_busy_claim_on_postgresql_names_who_holds_it(pg_url: str, tmp_path: Path) -> None:
    from claimledger.errors import LedgerBusy
    from claimledger.service import Ledger, prepare

    article = tmp_path / "bus.txt"
    article.write_text("Buses\n\nThe city cut 12 bus routes in March, the authority said.\n")
    ann, bo = Ledger.open(pg_url, user="ann", wait=1), Ledger.open(pg_url, user="bo", wait=30)
    ann.ingest(prepare(article))
    cid = ann.rows(limit=1)[0].id
    holding = threading.Event()
    release = threading.Event()

    def slow_write(session: Session) -> None:
        from claimledger.ledger.review import lock_claim

        lock_claim(cid, session=session)
        holding.set()
        release.wait(10)

    holder = threading.Thread(target=bo.tx.write, args=(slow_write,), daemon=True)
    holder.start()
    assert holding.wait(10)
    with pytest.raises(LedgerBusy, match=r"held by claimledger \(bo\)"):
        ann.apply([cid], "review_state", "in_review")
    release.set()
    holder.join()
    assert [c.after for c in ann.apply([cid], "review_state", "in_review").changes] == ["in_review"]
    ann.close()
    bo.close()
