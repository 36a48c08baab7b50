"""Line 'Offline looks like link rot': no network is not a dead link, and a page that answered
but could not be read is alive-but-unread."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from helpers import Cli
from safety.support import CORPUS


@pytest.fixture
def db(cli: Cli, tmp_path: Path, quick_links: Path) -> Path:
    path = tmp_path / "l.db"
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(CORPUS / "credentials.md", folder)
    assert cli("--db", str(path), "ingest", str(folder)).code == 0
    return path


def _add(cli: Cli, db: Path, url: str, *, fetch: bool = False) -> None:
    flag = "--fetch" if fetch else "--no-fetch"
    result = cli("--db", str(db), "evidence", "add", "1", url, "--stance", "supports", flag)
    assert result.code == 0, result.err


def _was_alive(db: Path) -> None:
    """As if each link had answered when it was added."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE evidence SET link_state = 'alive'")


def _history(cli: Cli, db: Path) -> list[str]:
    return [h["action"] for h in json.loads(cli("--db", str(db), "history", "1", "--json").out)]


def _states(cli: Cli, db: Path) -> list[str]:
    evidence = json.loads(cli("--db", str(db), "show", "1", "--json").out)["evidence"]
    return [e["link_state"] for e in evidence]


def test_no_network_leaves_links_and_history_alone(
    cli: Cli, db: Path, closed_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(cli, db, f"http://127.0.0.1:{closed_port}/a")
    _add(cli, db, f"http://127.0.0.1:{closed_port}/b")
    _was_alive(db)
    before = _history(cli, db)
    monkeypatch.setenv("CLAIMLEDGER_NETWORK_PROBE", f"http://127.0.0.1:{closed_port}/")
    result = cli("--db", str(db), "links", "check")
    assert result.code == 0, result.err
    assert "2 link(s): 2 unchecked" in result.err
    assert "offline" in result.out
    assert _states(cli, db) == ["alive", "alive"]
    assert _history(cli, db) == before


def test_a_host_that_is_gone_while_the_network_answers_is_dead(
    cli: Cli, db: Path, closed_port: int, hostile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(cli, db, f"http://127.0.0.1:{closed_port}/a")
    _was_alive(db)
    monkeypatch.setenv("CLAIMLEDGER_NETWORK_PROBE", f"{hostile}/page")
    result = cli("--db", str(db), "links", "check")
    assert result.code == 0, result.err
    assert "1 link(s): 1 dead" in result.err
    assert _states(cli, db) == ["dead"]
    assert _history(cli, db)[-1] == "link_state"


def test_one_gone_host_among_answering_ones_is_dead_without_a_probe(
    cli: Cli, db: Path, closed_port: int, hostile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(cli, db, f"{hostile}/page")
    _add(cli, db, f"http://127.0.0.1:{closed_port}/a")
    _was_alive(db)
    monkeypatch.setenv("CLAIMLEDGER_NETWORK_PROBE", "none")
    result = cli("--db", str(db), "links", "check")
    assert "2 link(s): 1 alive, 1 dead" in result.err
    assert _states(cli, db) == ["alive", "dead"]


def test_a_page_that_answered_but_was_not_read_is_unread_not_dead(
    cli: Cli, db: Path, hostile: str
) -> None:
    _add(cli, db, f"{hostile}/huge")
    _add(cli, db, f"{hostile}/binary")
    _add(cli, db, f"{hostile}/gone")
    result = cli("--db", str(db), "links", "check", "--json")
    assert result.code == 0, result.err
    rows = [json.loads(line) for line in result.out.splitlines()]
    assert [r["state"] for r in rows] == ["unread", "unread", "dead"]
    assert "too large" in rows[0]["error"] and "not a readable page" in rows[1]["error"]
    assert _states(cli, db) == ["unread", "unread", "dead"]


def test_evidence_added_offline_is_unchecked_not_dead(
    cli: Cli, db: Path, closed_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_NETWORK_PROBE", f"http://127.0.0.1:{closed_port}/")
    monkeypatch.setenv("CLAIMLEDGER_ARCHIVE_ACCESS_KEY", "k")
    monkeypatch.setenv("CLAIMLEDGER_ARCHIVE_SECRET_KEY", "s")
    result = cli(
        "--db",
        str(db),
        "evidence",
        "add",
        "1",
        f"http://127.0.0.1:{closed_port}/x",
        "--stance",
        "supports",
    )
    assert result.code == 0, result.err
    assert "marked unchecked" in result.err
    assert _states(cli, db) == ["unchecked"]
    _add(cli, db, f"http://127.0.0.1:{closed_port}/y", fetch=True)
    assert _states(cli, db) == ["unchecked", "unchecked"]
