"""The `E` key: correct, remove, or acknowledge the changed page of one of a claim's evidence links.

Each goes through the ledger's own evidence edits, so each is in the claim's history; a choice the
ledger refuses (the same link twice, nothing changed) says why and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from claimledger.errors import LedgerError
from claimledger.records import ClaimRow, EvidenceRecord
from claimledger.service import Ledger
from claimledger.tui.calls import desk
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.screens.evidence_dialog import EvidenceDialog, EvidenceForm
from claimledger.tui.screens.text_prompt import TextPrompt
from claimledger.vocab import LinkState

if TYPE_CHECKING:
    from claimledger.tui.screens.ledger import LedgerScreen

EDIT, REMOVE, ACKNOWLEDGE = "edit", "remove", "acknowledge"


def _label(ev: EvidenceRecord) -> str:
    state = f" · {ev.link_state}" if ev.link_state != LinkState.UNCHECKED.value else ""
    return f"#{ev.id} {ev.stance} {ev.url}{state}"


def fix_evidence(screen: LedgerScreen, row: ClaimRow) -> None:
    """Read the claim's evidence, then ask which link and what to do with it."""
    desk(screen).read(
        lambda ledger: ledger.evidence(row.id),
        lambda found: _pick_link(screen, row, found),
        owner=screen,
        group="evidence",
    )


def _pick_link(screen: LedgerScreen, row: ClaimRow, found: list[EvidenceRecord]) -> None:
    if not found:
        screen.notify(f"Claim {row.id} has no evidence yet: l adds a link")
        return
    by_id = {str(ev.id): ev for ev in found}
    if len(found) == 1:
        _pick_action(screen, row, found[0])
        return

    def picked(value: str | None) -> None:
        if value in by_id:
            _pick_action(screen, row, by_id[value])

    options = [(str(ev.id), _label(ev)) for ev in found]
    screen.app.push_screen(ChoiceDialog(f"Evidence of claim {row.id}", options), picked)


def _pick_action(screen: LedgerScreen, row: ClaimRow, ev: EvidenceRecord) -> None:
    options = [(EDIT, "Correct the URL, stance or note"), (REMOVE, "Remove this link")]
    if ev.link_state == LinkState.CHANGED.value:
        options.append((ACKNOWLEDGE, "The page changed and still says the same: acknowledge"))

    def picked(value: str | None) -> None:
        if value == EDIT:
            _edit(screen, row, ev)
        elif value == REMOVE:
            _remove(screen, row, ev)
        elif value == ACKNOWLEDGE:
            _acknowledge(screen, row, ev)

    screen.app.push_screen(ChoiceDialog(_label(ev), options), picked)


def _save(
    screen: LedgerScreen,
    row: ClaimRow,
    work: Callable[[Ledger], EvidenceRecord],
    said: str,
    again: Callable[[], None] | None = None,
) -> None:
    def saved(_record: EvidenceRecord) -> None:
        screen.refresh_claims({row.id})
        screen.notify(f"claim {row.id}: {said}", timeout=2.5)

    def refused(error: LedgerError) -> None:
        screen.notify(str(error), severity="error")
        if again is not None:
            again()

    desk(screen).write(work, saved, owner=screen, failed=refused)


def _edit(
    screen: LedgerScreen, row: ClaimRow, ev: EvidenceRecord, form: EvidenceForm | None = None
) -> None:
    typed = form or EvidenceForm(ev.url, ev.stance, ev.note)

    def done(f: EvidenceForm | None) -> None:
        if f is None:
            return
        _save(
            screen,
            row,
            lambda ledger: ledger.edit_evidence(
                ev.id,
                url=f.url if f.url != ev.url else None,
                stance=f.stance if f.stance != ev.stance else None,
                note=(f.note or "") if f.note != ev.note else None,
            ),
            f"evidence {ev.id} corrected",
            again=lambda: _edit(screen, row, ev, f),  # keep what was typed, let them fix it
        )

    dialog = EvidenceDialog(
        row.id, row.quote, typed, title=f"Correct evidence {ev.id}", save_label="Save"
    )
    screen.app.push_screen(dialog, done)


def _remove(screen: LedgerScreen, row: ClaimRow, ev: EvidenceRecord) -> None:
    def done(reason: str | None) -> None:
        if reason is not None:
            _save(
                screen,
                row,
                lambda ledger: ledger.remove_evidence(ev.id, reason.strip() or None),
                f"evidence {ev.id} removed",
            )

    prompt = TextPrompt(
        f"Remove evidence {ev.id} ({ev.url})? Why (optional)",
        placeholder="reason, for the history",
        hint="Enter to remove · Esc to keep it",
    )
    screen.app.push_screen(prompt, done)


def _acknowledge(screen: LedgerScreen, row: ClaimRow, ev: EvidenceRecord) -> None:
    def done(note: str | None) -> None:
        if note is not None:
            _save(
                screen,
                row,
                lambda ledger: ledger.acknowledge_link_change(ev.id, note.strip() or None),
                f"change to evidence {ev.id} acknowledged",
            )

    prompt = TextPrompt(
        f"Evidence {ev.id} changed: what did you check (optional)?",
        placeholder="e.g. the figure is still on the page",
        hint="Enter to acknowledge · Esc to cancel",
    )
    screen.app.push_screen(prompt, done)
