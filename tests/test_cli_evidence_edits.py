"""Evidence corrected, removed, a duplicate refused, a changed page acknowledged: all in history."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from helpers import Cli

URL = "https://example.org/report"


def _add(cli: Cli, db: str | Path, cid: int, url: str = URL) -> int:
    result = cli(
        "--db", str(db), "evidence", "add", str(cid), url, "--stance", "supports", "--no-fetch"
    )
    assert result.code == 0, result.err
    return int(result.out.split()[1])


def _history(cli: Cli, db: str | Path, cid: int) -> list[dict[str, str]]:
    return list(json.loads(cli("--db", str(db), "history", str(cid), "--json").out))


def test_the_same_link_twice_is_refused_naming_the_first(
    cli: Cli, ledger_db: str, seeded: dict[str, int]
) -> None:
    first = _add(cli, ledger_db, seeded["c0"])
    again = cli("--db", ledger_db, "evidence", "add", str(seeded["c0"]), URL, "--no-fetch")
    assert again.code == 1
    assert f"already has this link as evidence {first} (supports)" in again.err
    assert len(again.err.strip().splitlines()) == 1


def test_evidence_can_be_corrected(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    ev = _add(cli, ledger_db, seeded["c0"])
    result = cli(
        "--db",
        ledger_db,
        "--user",
        "bo",
        "evidence",
        "edit",
        str(ev),
        "--stance",
        "refutes",
        "--note",
        "55% had convictions",
    )
    assert result.code == 0, result.err
    assert f"evidence {ev} on claim {seeded['c0']}: refutes {URL}" in result.out
    last = _history(cli, ledger_db, seeded["c0"])[-1]
    assert (last["action"], last["user"]) == ("evidence", "bo")
    assert last["before"] == f"supports {URL}"
    assert last["after"] == f"refutes {URL} (55% had convictions)"
    same = cli("--db", ledger_db, "evidence", "edit", str(ev), "--stance", "refutes")
    assert same.code == 1 and "already says that" in same.err


def test_evidence_can_be_removed(cli: Cli, ledger_db: str, seeded: dict[str, int]) -> None:
    ev = _add(cli, ledger_db, seeded["c0"])
    result = cli("--db", ledger_db, "evidence", "remove", str(ev), "--reason", "wrong report")
    assert result.code == 0, result.err
    shown = json.loads(cli("--db", ledger_db, "show", str(seeded["c0"]), "--json").out)
    assert shown["evidence"] == []
    last = _history(cli, ledger_db, seeded["c0"])[-1]
    assert (last["before"], last["after"], last["note"]) == (
        f"supports {URL}",
        "removed",
        "wrong report",
    )
    missing = cli("--db", ledger_db, "evidence", "remove", str(ev))
    assert missing.code == 1 and missing.err.strip() == f"error: no evidence with id {ev}"


def test_a_changed_link_can_be_acknowledged(
    cli: Cli, ledger_db: str, seeded: dict[str, int], engine: sa.Engine
) -> None:
    ev = _add(cli, ledger_db, seeded["c0"])
    not_changed = cli("--db", ledger_db, "evidence", "ack", str(ev))
    assert not_changed.code == 1 and "is unchecked, not changed" in not_changed.err
    with engine.begin() as conn:  # as a link check finds it
        conn.execute(
            sa.text(
                "UPDATE evidence SET link_state = 'changed', content_hash = 'old' WHERE id = :i"
            ),
            {"i": ev},
        )
    result = cli("--db", ledger_db, "evidence", "ack", str(ev), "--note", "same figures")
    assert result.code == 0, result.err
    last = _history(cli, ledger_db, seeded["c0"])[-1]
    assert (last["action"], last["after"], last["note"]) == (
        "link_state",
        f"alive {URL} (change acknowledged)",
        "same figures",
    )
    with engine.connect() as conn:
        state, digest = conn.execute(
            sa.text("SELECT link_state, content_hash FROM evidence WHERE id = :i"), {"i": ev}
        ).one()
    assert (state, digest) == ("alive", None)
