"""`X` exports the claims in view: the screen's filter, written by the core as `export` would."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy.engine import Engine
from textual.pilot import Pilot
from textual.widgets import Input

from claimledger.service import Ledger
from tui.support import MakeApp, settle

SIZE = (120, 36)


def _verify(engine: Engine, cid: int) -> None:
    ledger = Ledger(engine, "ed")
    ledger.review(cid, evidence_status="contradicted", state="reviewed")
    ledger.review(cid, state="verified")


async def _export(pilot: Pilot[None], choice: str, path: Path) -> None:
    await pilot.press("X")
    await settle(pilot)
    await pilot.press(choice)
    await settle(pilot)
    prompt = pilot.app.screen.query_one(Input)
    assert prompt.value.endswith((".csv", ".json"))  # a name is offered
    prompt.value = str(path)
    await pilot.press("enter")
    for _ in range(50):
        await settle(pilot, 0.1)
        if path.exists() or pilot.app._notifications:
            break


async def test_the_queue_exports_only_its_claims(
    engine: Engine, ledger_db: str, seeded: dict[str, int], make_app: MakeApp, tmp_path: Path
) -> None:
    _verify(engine, seeded["c1"])
    target = tmp_path / "queue.csv"
    app = make_app(ledger_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _export(pilot, "1", target)
        await settle(pilot, 0.2)
        messages = [n.message for n in app._notifications]
    with target.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(int(r["id"]) for r in rows) == [seeded["c0"], seeded["c2"]]
    assert {r["review_state"] for r in rows} == {"new"}
    assert any(f"2 claim(s) written to {target}" in m for m in messages)


async def test_a_state_shown_is_the_state_exported(
    engine: Engine, ledger_db: str, seeded: dict[str, int], make_app: MakeApp, tmp_path: Path
) -> None:
    _verify(engine, seeded["c1"])
    target = tmp_path / "verified.json"
    app = make_app(ledger_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "s", "s")  # the verified claims
        await settle(pilot)
        await _export(pilot, "2", target)
    assert [c["id"] for c in json.loads(target.read_text())] == [seeded["c1"]]


async def test_claimreview_without_an_organisation_is_refused_in_one_line(
    ledger_db: str, seeded: dict[str, int], make_app: MakeApp, tmp_path: Path
) -> None:
    target = tmp_path / "cr.json"
    app = make_app(ledger_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _export(pilot, "3", target)
        messages = [n.message for n in app._notifications]
    assert not target.exists()
    assert any("needs the publishing organisation" in m for m in messages)
