"""Each claim's reach is kept as matches change (claim_reach), and always equals the reach the
matches give; on either backend, through ingest, decisions, an upgrade, a copy and an import."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from claimledger.db import make_engine, open_ledger, write_engine
from claimledger.documents import SourceMeta, render_document
from claimledger.ledger.demand import reach_table
from claimledger.records import Reach
from claimledger.service import Ledger, copy_ledger, prepare

QUOTE = "Between October 2008 and June 2010, 102 people were deported from Boston, officials said."
OUTLETS = {"one.txt": ("WBUR", "2010-08-05"), "two.txt": ("ACLU", "2011-11-30")}


def _kept(engine: sa.Engine) -> dict[int, tuple[int, int, str]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT claim_id, articles, outlets, latest FROM claim_reach"))
        return {int(c): (int(a), int(o), str(latest)) for c, a, o, latest in rows}


def _computed(engine: sa.Engine) -> dict[int, tuple[int, int, str]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(reach_table()))
        return {int(c): (int(a), int(o), str(latest)) for c, a, o, latest in rows}


def _ingest_two(ledger: Ledger, tmp_path: Path) -> None:
    for name, (outlet, published) in OUTLETS.items():
        path = tmp_path / name
        meta = SourceMeta(outlet=outlet, published=published)
        text = f"Deportations, as {outlet} tells it\n\n{QUOTE}\n"
        path.write_text(render_document(meta, text), "utf-8")
        ledger.ingest(prepare(path))


def test_ingest_and_decisions_keep_the_reach(ledger_db: str, tmp_path: Path) -> None:
    ledger = Ledger.open(ledger_db, user="ann", create=True)
    _ingest_two(ledger, tmp_path)
    engine = ledger.tx.engine
    (pair,) = ledger.match_pairs()
    both = {pair.claim.id, pair.other.id}
    assert _kept(engine) == _computed(engine)
    assert set(_kept(engine)) == both
    first = ledger.rows(order="demand", limit=1)[0]
    assert first.reach == Reach(articles=2, outlets=2, latest="2011-11-30")
    ledger.decide_match(pair.id, "rejected")
    assert _kept(engine) == {}  # a rejected match carries nothing
    assert ledger.rows(order="demand", limit=1)[0].reach is None
    ledger.decide_match(pair.id, "confirmed")
    assert set(_kept(engine)) == both
    assert _kept(engine) == _computed(engine)
    ledger.close()


def test_a_copy_and_an_import_carry_the_reach(ledger_db: str, tmp_path: Path, backend: str) -> None:
    ledger = Ledger.open(ledger_db, user="ann", create=True)
    _ingest_two(ledger, tmp_path)
    expected = _kept(ledger.tx.engine)
    archive = tmp_path / "ledger.jsonl"
    archive.write_text("".join(f"{line}\n" for line in ledger.archive_lines()), "utf-8")
    ledger.close()
    copied = tmp_path / "copy.db"
    copy_ledger(ledger_db, str(copied))
    target = open_ledger(copied)
    assert _kept(target.engine) == expected
    target.engine.dispose()
    imported = Ledger.open(str(tmp_path / "imported.db"), user="ann", create=True)
    imported.import_archive(archive)
    assert set(_kept(imported.tx.engine)) and _kept(imported.tx.engine) == expected
    imported.close()


def _ledger_at_0011_with_a_match(path: Path) -> None:
    from alembic import command

    from claimledger.db import _alembic_config

    engine = make_engine(f"sqlite:///{path}")
    cfg = _alembic_config()
    with write_engine(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0011_export_log")
        for n, (outlet, published) in enumerate(OUTLETS.values(), 1):
            conn.execute(
                sa.text(
                    "INSERT INTO source (id, path, content_hash, text, outlet, published, "
                    "ingested_at) VALUES (:n, :p, :h, :t, :o, :d, '2024-01-01 00:00:00')"
                ),
                {"n": n, "p": f"{n}.txt", "h": f"h{n}", "t": QUOTE, "o": outlet, "d": published},
            )
            conn.execute(
                sa.text(
                    'INSERT INTO claim (id, source_id, quote, start, "end", prefix, suffix, type, '
                    "score, quantities, fingerprint, origin, review_state, evidence_status, "
                    "version, created_at, updated_at) VALUES (:n, :n, :q, 0, 10, '', '', "
                    "'quantity', 0.9, '[]', '', 'extracted', 'new', 'unverified', 1, "
                    "'2024-01-01', '2024-01-01')"
                ),
                {"n": n, "q": QUOTE},
            )
        conn.execute(
            sa.text(
                "INSERT INTO claim_match (claim_id, other_id, similarity, status) "
                "VALUES (1, 2, 0.9, 'suggested')"
            )
        )
    engine.dispose()


def test_an_older_ledger_gets_the_reach_of_its_matches(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _ledger_at_0011_with_a_match(path)
    opened = open_ledger(path)
    assert opened.upgraded_from == "0011_export_log"
    assert _kept(opened.engine) == {1: (2, 2, "2011-11-30"), 2: (2, 2, "2011-11-30")}
    opened.engine.dispose()


@pytest.mark.postgres
def test_the_upgrade_fills_the_reach_on_postgresql(pg_url: str) -> None:
    """The upgrade's own statement, on PostgreSQL's dialect."""
    from alembic import command

    from claimledger.db import HEAD_REVISION, _alembic_config

    engine = make_engine(pg_url)
    cfg = _alembic_config()
    with write_engine(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0011_export_log")
        conn.execute(
            sa.text(
                "INSERT INTO source (id, path, content_hash, text, outlet, published, ingested_at)"
                " VALUES (1, 'a', 'h1', 'x', 'WBUR', '2010-08-05', now()),"
                " (2, 'b', 'h2', 'x', NULL, '2011-11-30', now())"
            )
        )
        conn.execute(
            sa.text(
                'INSERT INTO claim (id, source_id, quote, start, "end", prefix, suffix, type, '
                "score, quantities, fingerprint, origin, review_state, evidence_status, "
                "version, created_at, updated_at) SELECT n, n, 'q', 0, 1, '', '', 'other', 0.5, "
                "'[]', '', 'extracted', 'new', 'unverified', 1, now(), now() "
                "FROM generate_series(1, 2) AS n"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO claim_match (claim_id, other_id, similarity, status) "
                "VALUES (1, 2, 0.9, 'confirmed')"
            )
        )
        command.upgrade(cfg, HEAD_REVISION)
    assert _kept(engine) == {1: (2, 2, "2011-11-30"), 2: (2, 2, "2011-11-30")}
    engine.dispose()


def _article(tmp_path: Path, name: str, outlet: str, published: str) -> Path:
    path = tmp_path / name
    text = f"Deportations, in {name}\n\n{QUOTE}\n"
    path.write_text(render_document(SourceMeta(outlet=outlet, published=published), text), "utf-8")
    return path


def test_each_new_article_adds_its_outlet_once(ledger_db: str, tmp_path: Path) -> None:
    """Claims already travelling gain one article, and an outlet only if it is new to them."""
    ledger = Ledger.open(ledger_db, user="ann", create=True)
    engine = ledger.tx.engine
    articles = [
        ("a.txt", "WBUR", "2010-08-05"),
        ("b.txt", "ACLU", "2011-11-30"),
        ("c.txt", "wbur", "2010-09-01"),  # an outlet already carrying it, an earlier date
        ("d.txt", "Globe", "2012-01-01"),
    ]
    for name, outlet, published in articles:
        ledger.ingest(prepare(_article(tmp_path, name, outlet, published)))
        assert _kept(engine) == _computed(engine)
    first = ledger.rows(order="demand", limit=1)[0]
    assert first.reach is not None and first.reach.outlets == 3
    assert first.reach.latest == "2012-01-01"
    # the same text again with another outlet: its claims' reach, and their partners', follow
    ledger.ingest(prepare(_article(tmp_path, "c.txt", "Herald", "2013-05-05")))
    assert _kept(engine) == _computed(engine)
    assert ledger.rows(order="demand", limit=1)[0].reach == Reach(4, 4, "2013-05-05")
    ledger.close()
