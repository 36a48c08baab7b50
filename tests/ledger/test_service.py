"""The one door: edits checked against what the editor saw, a busy ledger, history in commit order."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from claimledger.errors import InvalidValue, LedgerBusy, LedgerError, StaleEdit
from claimledger.service import Ledger
from claimledger.vocab import HistoryAction
from helpers import Cli


@pytest.fixture
def two_desks(ledger_db: str, seeded: dict[str, int]) -> Iterator[tuple[Ledger, Ledger]]:
    """Two terminals on one ledger, both signed in as the same person."""
    a, b = Ledger.open(ledger_db, user="ann"), Ledger.open(ledger_db, user="ann")
    yield a, b
    a.close()
    b.close()


def test_an_edit_from_a_stale_copy_is_refused_naming_what_changed_and_who(
    ledger_db: str, seeded: dict[str, int]
) -> None:
    cid = seeded["c0"]
    mine, theirs = Ledger.open(ledger_db, user="ann"), Ledger.open(ledger_db, user="bo")
    seen = mine.rows_by_id([cid])[0]
    theirs.apply([cid], "review_state", "reviewed")
    outcome = mine.apply([cid], "assignee", "ann", seen={cid: seen.version})
    assert outcome.changes == ()
    assert outcome.stale == (cid,)
    assert "review state new -> reviewed by bo" in outcome.skipped[0]
    assert mine.claim(cid).assignee is None  # nothing overwritten
    fresh = mine.rows_by_id([cid])[0]
    assert fresh.review_state == "reviewed" and fresh.version == seen.version + 1
    assert mine.apply([cid], "assignee", "ann", seen={cid: fresh.version}).changes


def test_a_single_edit_with_an_old_version_raises_stale_edit(
    two_desks: tuple[Ledger, Ledger], seeded: dict[str, int]
) -> None:
    a, b = two_desks
    cid = seeded["c1"]
    version = a.claim(cid).version
    b.review(cid, note="called the transit authority")
    with pytest.raises(StaleEdit, match=r"note .called the transit authority. by ann"):
        a.review(cid, state="in_review", expected_version=version)
    assert a.claim(cid).review_state == "new"


def test_every_change_raises_the_version_and_the_history_says_which(
    two_desks: tuple[Ledger, Ledger], seeded: dict[str, int]
) -> None:
    a, _ = two_desks
    cid = seeded["c0"]
    a.review(cid, evidence_status="supported", state="reviewed", note="ok")
    history = a.history(cid)
    assert [h.version for h in history] == [1, 2, 3, 4]
    assert [h.action for h in history][1:] == [
        HistoryAction.EVIDENCE_STATUS,
        HistoryAction.REVIEW_STATE,
        HistoryAction.NOTE,
    ]
    assert a.claim(cid).version == 4


def test_a_refused_change_in_a_review_leaves_the_claim_as_it_was(
    two_desks: tuple[Ledger, Ledger], seeded: dict[str, int]
) -> None:
    a, _ = two_desks
    cid = seeded["c0"]
    with pytest.raises(InvalidValue, match="cannot go to verified"):
        a.review(cid, evidence_status="supported", state="verified")
    claim = a.claim(cid)
    assert (claim.evidence_status, claim.version) == ("unverified", 1)


def test_undo_is_refused_once_someone_else_changed_the_claim(
    ledger_db: str, seeded: dict[str, int]
) -> None:
    cid = seeded["c0"]
    mine, theirs = Ledger.open(ledger_db, user="ann"), Ledger.open(ledger_db, user="bo")
    done = mine.apply([cid], "review_state", "in_review").changes
    theirs.apply([cid], "note", "I had a look too")
    with pytest.raises(StaleEdit, match=r"note .I had a look too. by bo"):
        mine.revert(list(done))
    assert mine.claim(cid).review_state == "in_review"


def test_changes_made_under_the_same_name_elsewhere_are_seen(
    two_desks: tuple[Ledger, Ledger], seeded: dict[str, int]
) -> None:
    a, b = two_desks
    start = a.latest_change()
    a.apply([seeded["c0"]], "note", "mine")
    b.apply([seeded["c1"]], "note", "the other terminal's")
    seen = a.changes_since(start)
    assert seen.claim_ids == {seeded["c1"]}  # its own change is not news to it
    assert seen.users == {"ann"}


def _hold_write_lock(ledger_db: str, claim_id: int, seconds: float) -> threading.Thread:
    """Another program takes the claim's write lock and keeps it for a while (on SQLite the
    ledger's one write lock, on PostgreSQL the claim's row)."""
    locked = threading.Event()

    def hold() -> None:
        if "://" not in ledger_db:
            conn = sqlite3.connect(ledger_db, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            locked.set()
            time.sleep(seconds)
            conn.execute("ROLLBACK")
            conn.close()
            return
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(ledger_db).set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False)) as pg:
            pg.execute("SELECT id FROM claim WHERE id = %s FOR UPDATE", (claim_id,))
            locked.set()
            time.sleep(seconds)
            pg.rollback()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    locked.wait(5)
    return thread


def test_a_write_waits_for_a_lock_and_then_goes_through(
    ledger_db: str, seeded: dict[str, int]
) -> None:
    ledger = Ledger.open(ledger_db, user="ann", wait=20)
    holder = _hold_write_lock(ledger_db, seeded["c0"], 1.5)
    outcome = ledger.apply([seeded["c0"]], "review_state", "in_review")
    holder.join()
    assert [c.after for c in outcome.changes] == ["in_review"]


def test_past_the_wait_the_write_is_refused_as_busy_and_nothing_changes(
    ledger_db: str, seeded: dict[str, int]
) -> None:
    ledger = Ledger.open(ledger_db, user="ann", wait=0.5)
    holder = _hold_write_lock(ledger_db, seeded["c0"], 3)
    with pytest.raises(LedgerBusy, match="the ledger is busy"):
        ledger.apply([seeded["c0"]], "review_state", "in_review")
    holder.join()
    assert ledger.claim(seeded["c0"]).review_state == "new"


def test_the_cli_says_busy_in_one_line(
    cli: Cli,
    ledger_db: str,
    seeded: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_BUSY_WAIT", "0.5")
    holder = _hold_write_lock(ledger_db, seeded["c0"], 3)
    result = cli("--db", ledger_db, "review", str(seeded["c0"]), "--state", "in_review")
    holder.join()
    assert result.code == 1
    assert result.err.startswith("error: the ledger is busy")
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


def test_the_cli_refuses_a_stale_version(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    cid = str(seeded["c0"])
    assert cli("--db", ledger_db, "--user", "bo", "review", cid, "--note", "x").code == 0
    result = cli("--db", ledger_db, "review", cid, "--state", "in_review", "--if-version", "1")
    assert result.code == 1
    assert "changed since you read it: note “x” by bo" in result.err
    ok = cli("--db", ledger_db, "review", cid, "--state", "in_review", "--if-version", "2")
    assert ok.code == 0 and "in_review" in ok.out


def test_a_bad_busy_setting_is_one_line(
    cli: Cli,
    ledger_db: str,
    seeded: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_BUSY_WAIT", "soon")
    result = cli("--db", ledger_db, "claims")
    assert result.code == 1
    assert (
        result.err.strip() == "error: CLAIMLEDGER_BUSY_WAIT must be a number of seconds, not 'soon'"
    )


def test_a_watcher_is_told_of_a_change_under_the_same_name_elsewhere(
    ledger_db: str, tmp_path: Path
) -> None:
    from claimledger.service import prepare

    article = tmp_path / "bus.txt"
    article.write_text("Buses\n\nThe city cut 12 bus routes in March, the authority said.\n")
    mine = Ledger.open(ledger_db, user="ann")
    mine.ingest(prepare(article))
    cid = mine.rows(limit=1)[0].id
    other = Ledger.open(ledger_db, user="ann")
    watcher = mine.watcher()
    try:
        assert watcher.changes(timeout=0.3) is None  # nothing yet
        mine.apply([cid], "note", "mine")  # this terminal's own change is no news
        assert watcher.changes(timeout=0.5) is None
        other.apply([cid], "review_state", "in_review")
        seen = watcher.changes(timeout=5)
        assert seen is not None and seen.claim_ids == {cid} and seen.users == {"ann"}
    finally:
        watcher.close()
        mine.close()
        other.close()


def test_an_evidence_file_with_one_bad_entry_adds_nothing(
    ledger_db: str, seeded: dict[str, int], tmp_path: Path
) -> None:
    import json

    good = {"source": "bus.txt", "claim": "cut 12 bus routes", "url": "https://a.example/1"}
    entries = [{**good, "stance": "supports"}] * 3 + [{**good, "stance": "maybe"}]
    path = tmp_path / "evidence.json"
    path.write_text(json.dumps(entries))
    ledger = Ledger.open(ledger_db, user="ann")
    with pytest.raises(LedgerError, match="entry 4: unknown stance 'maybe'"):
        ledger.import_evidence(path)
    assert ledger.evidence(seeded["c0"]) == []
    path.write_text(
        json.dumps([*entries[:3], {**good, "url": "https://a.example/2", "stance": "refutes"}])
    )
    report = ledger.import_evidence(path, batch=2)
    assert (report.added, report.already) == (2, 2)  # the same link twice is one piece of evidence
    assert [e.url for e in ledger.evidence(seeded["c0"])] == [
        "https://a.example/1",
        "https://a.example/2",
    ]


def test_undo_of_evidence_goes_through_after_its_link_was_checked(
    ledger_db: str, seeded: dict[str, int]
) -> None:
    from claimledger.ledger.review import lock_claim, record

    cid = seeded["c0"]
    ledger = Ledger.open(ledger_db, user="ann")
    _, change = ledger.add_evidence(cid, "https://a.example/report", "supports")

    def link_checked(session: Session) -> None:  # what fetching the new link records
        claim = lock_claim(cid, session=session)
        record(claim, HistoryAction.LINK_STATE, session=session, user="ann", after="alive")

    ledger.tx.write(link_checked)
    assert ledger.revert([change]) == 1
    assert ledger.evidence(cid) == []
