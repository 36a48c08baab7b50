"""Direct edits of the database, as someone with the file (or a database login) would make them:
`verify` names every one, by claim and entry. The attacker here is careful: the append-only guard
is switched off for the edit and put back afterwards."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from claimledger.records import Verification
from claimledger.service import Ledger
from proof.conftest import Built

Edit = Callable[[Connection, list[int]], None]


def _guard_off(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE history DISABLE TRIGGER history_guard")
    else:
        conn.exec_driver_sql("DROP TRIGGER history_no_update")
        conn.exec_driver_sql("DROP TRIGGER history_no_delete")


def _guard_on(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE history ENABLE TRIGGER history_guard")
        return
    conn.exec_driver_sql(
        "CREATE TRIGGER history_no_update BEFORE UPDATE ON history "
        "BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END"
    )
    conn.exec_driver_sql(
        "CREATE TRIGGER history_no_delete BEFORE DELETE ON history "
        "WHEN EXISTS (SELECT 1 FROM claim WHERE id = OLD.claim_id) "
        "BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END"
    )


def _entries(conn: Connection, claim_id: int) -> list[int]:
    return [
        int(r[0])
        for r in conn.execute(
            sa.text("SELECT id FROM history WHERE claim_id = :c ORDER BY id"), {"c": claim_id}
        )
    ]


def _sql(statement: str) -> Callable[[Connection, dict[str, object]], None]:
    def run(conn: Connection, params: dict[str, object]) -> None:
        conn.execute(sa.text(statement), params)

    return run


def flip_verdict_in_history(conn: Connection, ids: list[int]) -> None:
    conn.execute(
        sa.text(
            "UPDATE history SET after = 'supported' "
            "WHERE claim_id = :c AND action = 'evidence_status'"
        ),
        {"c": ids[0]},
    )
    conn.execute(
        sa.text("UPDATE claim SET evidence_status = 'supported' WHERE id = :c"), {"c": ids[0]}
    )


def delete_middle_entry(conn: Connection, ids: list[int]) -> None:
    entry = _entries(conn, ids[0])[2]
    conn.execute(sa.text("DELETE FROM history WHERE id = :e"), {"e": entry})


def delete_latest_entry(conn: Connection, ids: list[int]) -> None:
    entry = _entries(conn, ids[1])[-1]
    conn.execute(sa.text("DELETE FROM history WHERE id = :e"), {"e": entry})


def swap_two_entries(conn: Connection, ids: list[int]) -> None:
    a, b = _entries(conn, ids[0])[1:3]
    cols = ["version", "action", "before", "after", "note", "hash"]
    rows = {
        e: conn.execute(
            sa.text(f"SELECT {', '.join(cols)} FROM history WHERE id = :e"), {"e": e}
        ).one()
        for e in (a, b)
    }
    for mine, theirs in ((a, b), (b, a)):
        values = dict(zip(cols, rows[theirs], strict=True))
        sets = ", ".join(f"{c} = :{c}" for c in cols)
        conn.execute(sa.text(f"UPDATE history SET {sets} WHERE id = :e"), {**values, "e": mine})


def flip_claim_evidence_status(conn: Connection, ids: list[int]) -> None:
    conn.execute(
        sa.text("UPDATE claim SET evidence_status = 'supported' WHERE id = :c"), {"c": ids[0]}
    )


def mark_claim_verified(conn: Connection, ids: list[int]) -> None:
    conn.execute(sa.text("UPDATE claim SET review_state = 'verified' WHERE id = :c"), {"c": ids[1]})


def backdate_verification(conn: Connection, ids: list[int]) -> None:
    conn.execute(
        sa.text(
            "UPDATE history SET at = :at WHERE claim_id = :c AND after = 'verified' "
            "AND action = 'review_state'"
        ),
        {"c": ids[0], "at": "2020-01-01 00:00:00"},
    )


def change_who_verified(conn: Connection, ids: list[int]) -> None:
    conn.execute(
        sa.text(
            "UPDATE history SET \"user\" = 'editor' WHERE claim_id = :c AND after = 'verified'"
        ),
        {"c": ids[0]},
    )


def edit_the_quote(conn: Connection, ids: list[int]) -> None:
    conn.execute(
        sa.text("UPDATE claim SET quote = replace(quote, '102', '340') WHERE id = :c"),
        {"c": ids[0]},
    )


def edit_the_article(conn: Connection, ids: list[int]) -> None:
    conn.execute(sa.text("UPDATE source SET text = replace(text, 'March', 'April')"))


def flip_evidence_stance(conn: Connection, ids: list[int]) -> None:
    conn.execute(
        sa.text("UPDATE evidence SET stance = 'supports' WHERE claim_id = :c"), {"c": ids[0]}
    )


def delete_evidence(conn: Connection, ids: list[int]) -> None:
    conn.execute(sa.text("DELETE FROM evidence WHERE claim_id = :c"), {"c": ids[1]})


def forge_an_entry(conn: Connection, ids: list[int]) -> None:
    conn.execute(
        sa.text(
            'INSERT INTO history (claim_id, at, "user", action, before, after, version) '
            "VALUES (:c, :at, 'editor', 'note', NULL, NULL, 99)"
        ),
        {"c": ids[2], "at": "2021-01-01 00:00:00"},
    )


def forge_an_entry_with_a_hash(conn: Connection, ids: list[int]) -> None:
    conn.execute(
        sa.text(
            'INSERT INTO history (claim_id, at, "user", action, before, after, version, hash) '
            "VALUES (:c, :at, 'editor', 'review_state', 'new', 'reviewed', 2, :h)"
        ),
        {"c": ids[2], "at": "2021-01-01 00:00:00", "h": "0" * 64},
    )
    conn.execute(
        sa.text("UPDATE claim SET review_state = 'reviewed', version = 2 WHERE id = :c"),
        {"c": ids[2]},
    )


def change_an_assignee(conn: Connection, ids: list[int]) -> None:
    conn.execute(sa.text("UPDATE claim SET assignee = 'mallory' WHERE id = :c"), {"c": ids[0]})


def change_a_note(conn: Connection, ids: list[int]) -> None:
    conn.execute(
        sa.text(
            "UPDATE history SET note = 'nothing to see' WHERE claim_id = :c AND note = 'checked'"
        ),
        {"c": ids[0]},
    )


EDITS: dict[str, tuple[Edit, int, str]] = {
    # name: (edit, index of the claim it hits, the kind of finding expected there)
    "history entry changed (verdict flipped)": (flip_verdict_in_history, 0, "edited"),
    "history entry removed from the middle": (delete_middle_entry, 0, "removed"),
    "latest history entry removed": (delete_latest_entry, 1, "removed"),
    "two history entries swapped": (swap_two_entries, 0, "reordered"),
    "claim's evidence status flipped": (flip_claim_evidence_status, 0, "inconsistent"),
    "claim marked verified": (mark_claim_verified, 1, "inconsistent"),
    "verification backdated to 2020": (backdate_verification, 0, "edited"),
    "who verified changed": (change_who_verified, 0, "edited"),
    "claim's words changed": (edit_the_quote, 0, "edited"),
    "evidence stance flipped": (flip_evidence_stance, 0, "inconsistent"),
    "evidence removed": (delete_evidence, 1, "removed"),
    "entry inserted by hand": (forge_an_entry, 2, "inserted"),
    "entry inserted with a made-up hash": (forge_an_entry_with_a_hash, 2, "edited"),
    "claim reassigned without a trace": (change_an_assignee, 0, "inconsistent"),
    "a note rewritten": (change_a_note, 0, "edited"),
}


def _tamper(url: str, edit: Callable[[Connection], None], *, guard_back: bool = True) -> None:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            _guard_off(conn)
            edit(conn)
            if guard_back:
                _guard_on(conn)
    finally:
        engine.dispose()


def _verify(url: str, **kw: object) -> Verification:
    ledger = Ledger.open(url, user="auditor", create=False)
    try:
        return ledger.verify(**kw)  # type: ignore[arg-type]
    finally:
        ledger.close()


def test_an_untouched_ledger_verifies(built: Built) -> None:
    result = _verify(built.url)
    assert result.ok, [f.describe() for f in result.findings]
    assert result.claims == len(built.ids)
    assert result.entries > result.claims


@pytest.mark.parametrize("name", list(EDITS))
def test_verify_names_each_kind_of_edit(built: Built, name: str) -> None:
    edit, index, kind = EDITS[name]
    _tamper(built.url, lambda conn: edit(conn, built.ids))
    result = _verify(built.url)
    assert not result.ok, f"{name}: not detected"
    hit = [f for f in result.findings if f.claim_id == built.ids[index]]
    assert hit, f"{name}: found {[f.describe() for f in result.findings]}"
    assert kind in {f.kind for f in hit}, [f.describe() for f in hit]


@pytest.mark.parametrize("name", [n for n, (_, index, _) in EDITS.items() if index != 1])
def test_verify_of_claims_apart_names_each_kind_of_edit(built: Built, name: str) -> None:
    """The first and last claims only: not one range of ids, so every read of the check takes
    them as a list (a whole ledger's pages are ranges)."""
    edit, index, kind = EDITS[name]
    apart = [built.ids[0], built.ids[2]]
    assert apart[1] - apart[0] > 1
    _tamper(built.url, lambda conn: edit(conn, built.ids))
    hit = [
        f for f in _verify(built.url, claim_ids=apart).findings if f.claim_id == built.ids[index]
    ]
    assert kind in {f.kind for f in hit}, f"{name}: found {[f.describe() for f in hit]}"


def test_claims_that_are_not_there_verify_as_none(built: Built) -> None:
    result = _verify(built.url, claim_ids=[max(built.ids) + 100])
    assert result.ok and result.claims == 0 and result.entries == 0


def test_an_edited_article_is_named(built: Built) -> None:
    _tamper(built.url, lambda conn: edit_the_article(conn, built.ids))
    kinds = {f.kind for f in _verify(built.url).findings}
    assert "source" in kinds


def test_a_removed_guard_is_named(built: Built) -> None:
    _tamper(built.url, lambda conn: None, guard_back=False)
    result = _verify(built.url)
    assert [f.kind for f in result.findings] and {f.kind for f in result.findings} == {"guard"}


def test_a_claim_removed_with_its_whole_history_fails_the_kept_checkpoint(built: Built) -> None:
    kept = _verify(built.url)

    def remove(conn: Connection) -> None:
        conn.execute(sa.text("DELETE FROM claim WHERE id = :c"), {"c": built.ids[2]})

    _tamper(built.url, remove)
    later = _verify(built.url, checkpoint=kept.checkpoint)
    assert later.ok  # what is left is consistent...
    assert later.digest != kept.digest  # ...but not what it was when the digest was kept


def test_the_checkpoint_still_holds_after_honest_work(built: Built) -> None:
    kept = _verify(built.url)
    ledger = Ledger.open(built.url, user="ana")
    ledger.review(built.ids[2], state="in_review", note="later work")
    ledger.close()
    later = _verify(built.url, checkpoint=kept.checkpoint)
    assert later.ok and later.digest == kept.digest
    assert _verify(built.url).digest != kept.digest


def test_the_history_refuses_edits_through_the_database(built: Built) -> None:
    engine = sa.create_engine(built.url)
    try:
        for statement in ("UPDATE history SET note = 'x'", "DELETE FROM history"):
            with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as conn:
                conn.execute(sa.text(statement))
    finally:
        engine.dispose()
