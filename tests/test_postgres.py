"""Team mode: the same ledger code on a real PostgreSQL server, started here on loopback."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    pytest.importorskip("psycopg")
    # PostgreSQL refuses to run as root: run it as the postgres account when we are root.
    as_user: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            pytest.skip("running as root without runuser")
        as_user = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
    base.chmod(0o777)
    data = base / "data"
    port = _free_port()
    subprocess.run(
        [*as_user, initdb, "-D", str(data), "-U", "claimledger", "--auth=trust", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*as_user, pg_ctl, "-D", str(data), "-o", opts, "-l", str(base / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://claimledger@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[sa.Engine]:
    from claimledger.db import open_ledger

    opened = open_ledger(pg_url)
    yield opened.engine
    with opened.engine.begin() as conn:
        conn.exec_driver_sql(
            "TRUNCATE source, claim, claim_anchor, evidence, history, claim_match RESTART IDENTITY CASCADE"
        )
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
    from claimledger.ledger.queries import ClaimFilter, Cursor, list_claims
    from claimledger.models import Claim, Source

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
                    source_id=src.id, quote=quote, start=start, end=start + len(quote), score=score
                )
            )  # type: ignore[arg-type]
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
        assert [c.id for c in list_claims(session=s, flt=ClaimFilter(text='"cut" OR'))] == []
        records = list(iter_records(session=s, flt=ClaimFilter(states=("verified",))))
    assert [r["id"] for r in records] == [cid]
    assert records[0]["verified_at"]
    from claimledger.ledger.activity import changes_since

    with session_scope(pg_engine) as s:  # what ed's desk sees of ann's work
        seen = changes_since(0, session=s, not_by="ed")
        assert (seen.claim_ids, seen.users) == ({cid}, {"ann"})
        assert changes_since(seen.last_id, session=s).claim_ids == frozenset()
