"""A second command that starts while a first one is writing, on SQLite and on PostgreSQL.

The test makes the first change itself, in a write transaction it keeps open, and starts the
second as a real `claimledger` process; on PostgreSQL it commits only once that process waits for
a lock (or has finished), so the second always reads before the first commits. On SQLite the
write lock is taken before anything is read, so the second simply waits its turn. Either way the
ledger must end as if the two had run one after the other: every change recorded once, no
traceback, `verify` clean, and no workflow rule side-stepped.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import sqlalchemy as sa

from claimledger.ledger import roles
from claimledger.ledger.conflicts import decide as decide_conflict
from claimledger.ledger.evidence import add_evidence
from claimledger.ledger.evidence_edits import acknowledge_change, edit_evidence, remove_evidence
from claimledger.ledger.matches import decide as decide_match
from claimledger.ledger.restore import check_file, restore
from claimledger.ledger.review import set_evidence_status, set_review_state
from claimledger.ledger.verdicts import carry
from claimledger.models import ClaimConflict, ClaimMatch
from claimledger.service import Ledger
from helpers import Cli, Result

COMMAND = [sys.executable, "-c", "from claimledger.cli import main; main()"]
URL = "https://example.org/report"


def _waiting(engine: sa.Engine) -> bool:
    """Some other session of this database waits for a lock (PostgreSQL)."""
    query = sa.text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock'"
    )
    with engine.connect() as conn:
        return bool(conn.execute(query).scalar())


def while_held(
    db: str,
    user: str,
    first: Callable[[Any], object],
    *argv: str,
    ready: Callable[[], bool] | None = None,
) -> Result:
    """Run `first` in a write transaction and, before it commits, `claimledger --db DB ARGV`;
    commit once `ready()` (by default on PostgreSQL: once the command waits for a lock)."""
    ledger = Ledger.open(db, user=user)
    proc: subprocess.Popen[str] | None = None

    def work(session: Any) -> None:
        nonlocal proc
        first(session)
        session.flush()
        proc = subprocess.Popen(
            [*COMMAND, "--db", db, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        done = ready or ((lambda: _waiting(ledger.tx.engine)) if ledger.tx.postgres else None)
        if done is not None:
            guard = time.monotonic() + 120  # a hang guard, not a figure under test
            while proc.poll() is None and not done():
                assert time.monotonic() < guard, "the second command neither waited nor ended"
                time.sleep(0.02)

    try:
        ledger.tx.write(work)
    finally:
        ledger.close()
    assert proc is not None
    out, err = proc.communicate(timeout=120)
    return Result(proc.returncode, out, err)


def _history(cli: Cli, db: str, cid: int) -> list[dict[str, Any]]:
    result = cli("--db", db, "history", str(cid), "--json")
    assert result.code == 0, result.err
    return list(json.loads(result.out))


def _verified_clean(cli: Cli, db: str) -> None:
    result = cli("--db", db, "verify")
    assert result.code == 0, result.out + result.err


def _one_line(result: Result) -> None:
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1, result.err


def _link(db: str, cid: int, url: str = URL) -> int:
    def work(s: Any) -> int:
        ev = add_evidence(cid, url, stance="supports", session=s, user="ann")
        assert ev.id is not None
        return ev.id

    ledger = Ledger.open(db, user="ann")
    try:
        return ledger.tx.write(work)
    finally:
        ledger.close()


def test_a_link_removed_twice_at_once_is_removed_once(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    cid = seeded["c0"]
    ev = _link(ledger_db, cid)
    second = while_held(
        ledger_db,
        "ann",
        lambda s: remove_evidence(ev, session=s, user="ann"),
        "--user",
        "bo",
        "evidence",
        "remove",
        str(ev),
    )
    _one_line(second)
    assert f"no evidence with id {ev}" in second.err
    removed = [h for h in _history(cli, ledger_db, cid) if h["after"] == "removed"]
    assert [h["user"] for h in removed] == ["ann"]
    _verified_clean(cli, ledger_db)


def test_a_link_edited_twice_at_once_keeps_both_edits_in_order(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    cid = seeded["c0"]
    ev = _link(ledger_db, cid)
    second = while_held(
        ledger_db,
        "ann",
        lambda s: edit_evidence(ev, session=s, user="ann", stance="refutes"),
        "--user",
        "bo",
        "evidence",
        "edit",
        str(ev),
        "--note",
        "page 4",
    )
    assert second.code == 0, second.err
    edits = [h for h in _history(cli, ledger_db, cid) if h["action"] == "evidence"][1:]
    assert [(h["user"], h["before"], h["after"]) for h in edits] == [
        ("ann", f"supports {URL}", f"refutes {URL}"),
        ("bo", f"refutes {URL}", f"refutes {URL} (page 4)"),
    ]
    shown = json.loads(cli("--db", ledger_db, "show", str(cid), "--json").out)
    assert [(e["stance"], e["note"]) for e in shown["evidence"]] == [("refutes", "page 4")]
    _verified_clean(cli, ledger_db)


def test_a_link_edited_while_it_is_removed_is_not_edited(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    cid = seeded["c0"]
    ev = _link(ledger_db, cid)
    second = while_held(
        ledger_db,
        "ann",
        lambda s: remove_evidence(ev, session=s, user="ann"),
        "--user",
        "bo",
        "evidence",
        "edit",
        str(ev),
        "--stance",
        "refutes",
    )
    _one_line(second)
    assert f"no evidence with id {ev}" in second.err
    entries = [h for h in _history(cli, ledger_db, cid) if h["action"] == "evidence"]
    assert [h["after"] for h in entries] == [f"supports {URL}", "removed"]
    _verified_clean(cli, ledger_db)


def test_a_change_acknowledged_twice_at_once_is_recorded_once(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    cid = seeded["c0"]
    ev = _link(ledger_db, cid)
    ledger = Ledger.open(ledger_db, user="ann")
    try:
        with ledger.tx.engine.begin() as conn:  # as a link check finds it
            conn.execute(
                sa.text("UPDATE evidence SET link_state = 'changed' WHERE id = :i"), {"i": ev}
            )
    finally:
        ledger.close()
    second = while_held(
        ledger_db,
        "ann",
        lambda s: acknowledge_change(ev, session=s, user="ann"),
        "--user",
        "bo",
        "evidence",
        "ack",
        str(ev),
    )
    _one_line(second)
    assert "is alive, not changed" in second.err
    acks = [h for h in _history(cli, ledger_db, cid) if h["action"] == "link_state"]
    assert [h["user"] for h in acks] == ["ann"]


def test_two_admins_removing_each_other_at_once_leave_one(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    for name in ("ann", "bo"):
        added = cli("--db", ledger_db, "--user", "ann", "user", "add", name, "--role", "admin")
        assert added.code == 0, added.err
    second = while_held(
        ledger_db,
        "ann",
        lambda s: roles.remove_person("bo", by="ann", session=s),
        "--user",
        "bo",
        "user",
        "remove",
        "ann",
    )
    _one_line(second)
    ledger = Ledger.open(ledger_db, user="ann")
    try:
        left = [(p.name, p.role.value) for p in ledger.people()]
    finally:
        ledger.close()
    assert left == [("ann", "admin")]


def _decided_pair(db: str, seeded: dict[str, int]) -> tuple[int, int]:
    """c0 reviewed with evidence 'supported', and c1 took its verdict; then c0 changed to 'contradicted'."""
    original, copy = seeded["c0"], seeded["c1"]
    ledger = Ledger.open(db, user="ann")

    def work(s: Any) -> None:
        set_evidence_status(original, "supported", session=s, user="ann")
        set_review_state(original, "in_review", session=s, user="ann")
        set_review_state(original, "reviewed", session=s, user="ann")
        carry(copy, original, session=s, user="ann")
        set_evidence_status(original, "contradicted", session=s, user="ann")

    try:
        ledger.tx.write(work)
    finally:
        ledger.close()
    return original, copy


def test_update_copies_leaves_a_copy_an_editor_just_verified_and_says_so(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    original, copy = _decided_pair(ledger_db, seeded)
    second = while_held(
        ledger_db,
        "ed",
        lambda s: set_review_state(copy, "verified", session=s, user="ed"),
        "--user",
        "bo",
        "verdicts",
        str(original),
        "--update-copies",
    )
    assert second.code == 0, second.err
    shown = json.loads(cli("--db", ledger_db, "show", str(copy), "--json").out)
    assert (shown["claim"]["review_state"], shown["claim"]["evidence_status"]) == (
        "verified",
        "supported",
    )
    _verified_clean(cli, ledger_db)


def test_taking_a_verdict_does_not_undo_an_editors_sign_off(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    original, copy = seeded["c0"], seeded["c1"]
    ledger = Ledger.open(ledger_db, user="ann")

    def work(s: Any) -> None:
        for cid in (original, copy):
            set_evidence_status(cid, "supported", session=s, user="ann")
            set_review_state(cid, "in_review", session=s, user="ann")
            set_review_state(cid, "reviewed", session=s, user="ann")

    try:
        ledger.tx.write(work)
    finally:
        ledger.close()
    second = while_held(
        ledger_db,
        "ed",
        lambda s: set_review_state(copy, "verified", session=s, user="ed"),
        "--user",
        "bo",
        "verdicts",
        str(copy),
        "--take-from",
        str(original),
    )
    _one_line(second)
    assert "verified" in second.err
    shown = json.loads(cli("--db", ledger_db, "show", str(copy), "--json").out)
    assert shown["claim"]["review_state"] == "verified"
    _verified_clean(cli, ledger_db)


ARTICLE = (
    "Council cuts bus routes\n\n"
    "The city cut 12 bus routes in March, the transit authority said.\n\n"
    "Ridership fell by 30 percent between 2019 and 2021, according to Mayor Jane Doe.\n"
)


def test_the_same_archive_imported_twice_at_once_is_imported_once(
    cli: Cli, ledger_db: str, tmp_path: Path
) -> None:
    elsewhere = str(tmp_path / "elsewhere.db")
    article = tmp_path / "bus.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    archive = tmp_path / "archive.jsonl"
    assert cli("--db", elsewhere, "ingest", str(article)).code == 0
    made = cli("--db", elsewhere, "export", "--format", "jsonl", "-o", str(archive))
    assert made.code == 0, made.err
    check_file(archive)
    second = while_held(
        ledger_db, "ann", lambda s: restore(archive, session=s), "import", str(archive)
    )
    assert second.code == 0, second.err
    assert "imported 0 articles, 0 claims" in second.out
    mine = json.loads(cli("--db", ledger_db, "claims", "--json").out)
    theirs = json.loads(cli("--db", elsewhere, "claims", "--json").out)
    assert len(mine) == len(theirs) > 0
    _verified_clean(cli, ledger_db)


class _Pages(BaseHTTPRequestHandler):
    asked: ClassVar[set[str]] = set()

    def do_GET(self) -> None:
        body = f"<html><title>report</title><p>{self.path}: 41 routes were cut</p></html>"
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        _Pages.asked.add(self.path)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site(quiet_server: type[ThreadingHTTPServer]) -> Iterator[str]:
    _Pages.asked.clear()
    server = quiet_server(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _state(db: str, ev: int) -> tuple[str, str, str | None]:
    ledger = Ledger.open(db, user="ann")
    try:
        with ledger.tx.engine.connect() as conn:
            url, state, digest = conn.execute(
                sa.text("SELECT url, link_state, content_hash FROM evidence WHERE id = :i"),
                {"i": ev},
            ).one()
    finally:
        ledger.close()
    return url, state, digest


def _changed_link(db: str, cid: int, url: str) -> int:
    ev = _link(db, cid, url)
    ledger = Ledger.open(db, user="ann")
    try:
        with ledger.tx.engine.begin() as conn:  # as an earlier check found it
            conn.execute(
                sa.text(
                    "UPDATE evidence SET link_state = 'changed', content_hash = 'old' WHERE id = :i"
                ),
                {"i": ev},
            )
    finally:
        ledger.close()
    return ev


def test_a_check_that_read_the_old_baseline_does_not_undo_an_acknowledgement(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    cid = seeded["c0"]
    ev = _changed_link(ledger_db, cid, f"{site}/report")
    second = while_held(
        ledger_db,
        "ann",
        lambda s: acknowledge_change(ev, session=s, user="ann"),
        "--user",
        "bo",
        "links",
        "check",
        ready=lambda: "/report" in _Pages.asked,
    )
    assert second.code == 0, second.err
    _, state, digest = _state(ledger_db, ev)
    assert state == "alive" and digest not in (None, "old")
    states = [h for h in _history(cli, ledger_db, cid) if h["action"] == "link_state"]
    assert [h["user"] for h in states] == ["ann"]  # the acknowledgement, nothing after it
    _verified_clean(cli, ledger_db)


def test_a_check_of_the_old_address_is_not_written_on_the_new_one(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    cid = seeded["c0"]
    ev = _link(ledger_db, cid, f"{site}/old")
    second = while_held(
        ledger_db,
        "ann",
        lambda s: edit_evidence(ev, session=s, user="ann", url=f"{site}/new"),
        "--user",
        "bo",
        "links",
        "check",
        ready=lambda: "/old" in _Pages.asked,
    )
    assert second.code == 0, second.err
    assert _state(ledger_db, ev) == (f"{site}/new", "unchecked", None)
    assert not [h for h in _history(cli, ledger_db, cid) if h["action"] == "link_state"]
    _verified_clean(cli, ledger_db)


def test_a_check_that_waited_for_a_removal_skips_the_removed_link(
    cli: Cli, ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    cid = seeded["c0"]
    ev = _link(ledger_db, cid, f"{site}/report")
    second = while_held(
        ledger_db,
        "ann",
        lambda s: remove_evidence(ev, session=s, user="ann"),
        "--user",
        "bo",
        "links",
        "check",
    )
    assert second.code == 0, second.err
    assert "Traceback" not in second.err
    assert not [h for h in _history(cli, ledger_db, cid) if h["action"] == "link_state"]
    _verified_clean(cli, ledger_db)


def _pair(db: str, seeded: dict[str, int], kind: type[ClaimConflict] | type[ClaimMatch]) -> int:
    def work(s: Any) -> int:
        if kind is ClaimConflict:
            row: ClaimConflict | ClaimMatch = ClaimConflict(
                claim_id=seeded["c0"], other_id=seeded["c1"], reason="12 against 14 routes"
            )
        else:
            row = ClaimMatch(claim_id=seeded["c0"], other_id=seeded["c1"], similarity=0.9)
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id

    ledger = Ledger.open(db, user="ann")
    try:
        return ledger.tx.write(work)
    finally:
        ledger.close()


def test_a_conflict_confirmed_twice_at_once_is_recorded_once(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    pair = _pair(ledger_db, seeded, ClaimConflict)
    second = while_held(
        ledger_db,
        "ann",
        lambda s: decide_conflict(pair, "confirmed", session=s, user="ann"),
        "--user",
        "bo",
        "conflicts",
        "confirm",
        str(pair),
    )
    assert second.code == 0, second.err
    for cid in (seeded["c0"], seeded["c1"]):
        decided = [h for h in _history(cli, ledger_db, cid) if h["action"] == "conflict"]
        assert [h["user"] for h in decided] == ["ann"]
    shown = json.loads(cli("--db", ledger_db, "conflicts", "--json").out)
    assert [c["decided_by"] for c in shown] == ["ann"]
    _verified_clean(cli, ledger_db)


def test_a_match_confirmed_twice_at_once_is_recorded_once(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    pair = _pair(ledger_db, seeded, ClaimMatch)
    second = while_held(
        ledger_db,
        "ann",
        lambda s: decide_match(pair, "confirmed", session=s, user="ann"),
        "--user",
        "bo",
        "matches",
        "confirm",
        str(pair),
    )
    assert second.code == 0, second.err
    for cid in (seeded["c0"], seeded["c1"]):
        decided = [h for h in _history(cli, ledger_db, cid) if h["action"] == "match"]
        assert [h["user"] for h in decided] == ["ann"]
    _verified_clean(cli, ledger_db)


def test_the_same_verdict_taken_twice_at_once_is_taken_once(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    original, copy = seeded["c0"], seeded["c1"]
    ledger = Ledger.open(ledger_db, user="ann")

    def decided(s: Any) -> None:
        set_evidence_status(original, "supported", session=s, user="ann")
        set_review_state(original, "in_review", session=s, user="ann")
        set_review_state(original, "reviewed", session=s, user="ann")

    try:
        ledger.tx.write(decided)
    finally:
        ledger.close()
    second = while_held(
        ledger_db,
        "ann",
        lambda s: carry(copy, original, session=s, user="ann"),
        "--user",
        "bo",
        "verdicts",
        str(copy),
        "--take-from",
        str(original),
    )
    assert second.code == 0, second.err
    taken = [
        h for h in _history(cli, ledger_db, copy) if h["note"] == f"taken from claim {original}"
    ]
    assert [(h["user"], h["action"]) for h in taken] == [
        ("ann", "evidence_status"),
        ("ann", "review_state"),
    ]
    ledger = Ledger.open(ledger_db, user="ann")
    try:
        with ledger.tx.engine.connect() as conn:
            copies = conn.execute(sa.text("SELECT count(*) FROM verdict_copy")).scalar()
    finally:
        ledger.close()
    assert copies == 1
    _verified_clean(cli, ledger_db)


def test_a_fetch_of_the_old_address_is_not_written_on_the_new_one(
    ledger_db: str, seeded: dict[str, int], site: str
) -> None:
    """The review UI fetches a link just added after saving it; an edit may land in between."""
    cid = seeded["c0"]
    ev = _link(ledger_db, cid, f"{site}/old")
    ledger = Ledger.open(ledger_db, user="ann")
    try:
        ledger.edit_evidence(ev, url=f"{site}/new")
        with pytest.raises(LookupError):
            ledger.fetch_evidence(ev, f"{site}/old")
        assert "/old" in _Pages.asked
    finally:
        ledger.close()
    assert _state(ledger_db, ev) == (f"{site}/new", "unchecked", None)
