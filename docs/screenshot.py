"""Redraw docs/screenshot.svg: the review UI on a copy of the shipped ledger, 120x36.

Run: python docs/screenshot.py (the shipped claims.db is copied first and never written).
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from pathlib import Path

from claimledger.db import open_ledger
from claimledger.tui.app import ClaimLedgerApp

ROOT = Path(__file__).resolve().parents[1]


async def shoot(db: Path, out: Path) -> None:
    app = ClaimLedgerApp(
        engine=open_ledger(db).engine, user="fact-checker", keymap=db.with_suffix(".keys")
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("n")  # the first claim still to review, shown in its paragraph
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(filename=out.name, path=str(out.parent))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "claims.db"
        shutil.copy(ROOT / "claims.db", copy)
        asyncio.run(shoot(copy, ROOT / "docs" / "screenshot.svg"))
    print("wrote docs/screenshot.svg")


if __name__ == "__main__":
    main()
