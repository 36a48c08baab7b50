"""Add evidence: a URL, what it says about the claim (stance), and an optional note.

`ask_for_evidence` opens the dialog and saves what it returns in a worker; a link the ledger refuses
(not a web address, say) opens the dialog again with what was typed, to fix it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Select

from claimledger.errors import LedgerError
from claimledger.records import Change, ClaimRow
from claimledger.service import Ledger
from claimledger.terminal_text import plain
from claimledger.tui.calls import desk
from claimledger.vocab import Stance


@dataclass(frozen=True)
class EvidenceForm:
    url: str
    stance: str
    note: str | None


@dataclass(frozen=True)
class EvidenceAdded:
    change: Change
    fresh: list[ClaimRow]
    """The claim's row read again after the change."""
    url: str


def ask_for_evidence(
    owner: Screen[Any],
    row: ClaimRow,
    added: Callable[[EvidenceAdded], None],
    form: EvidenceForm | None = None,
) -> None:
    """Ask for a link to a claim, then save it (in a worker, in turn with other changes)."""

    def save(f: EvidenceForm, ledger: Ledger) -> EvidenceAdded:
        _record, change = ledger.add_evidence(row.id, f.url, f.stance, f.note)
        return EvidenceAdded(change, ledger.rows_by_id([row.id]), f.url)

    def refused(f: EvidenceForm, error: LedgerError) -> None:
        owner.notify(str(error), severity="error")
        ask_for_evidence(owner, row, added, f)  # keep what was typed, let them fix it

    def done(f: EvidenceForm | None) -> None:
        if f is not None:
            desk(owner).write(partial(save, f), added, owner=owner, failed=partial(refused, f))

    owner.app.push_screen(EvidenceDialog(row.id, row.quote, form), done)


class EvidenceDialog(ModalScreen[EvidenceForm | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close, add nothing"),
        Binding("ctrl+s", "save", "Save", id="dialog.save", tooltip="Add this evidence"),
    ]

    def __init__(
        self,
        claim_id: int,
        quote: str = "",
        form: EvidenceForm | None = None,
        *,
        title: str | None = None,
        save_label: str = "Add",
    ) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.title_text = title or f"Evidence for claim {claim_id}"
        self.save_label = save_label
        self.quote = " ".join(quote.split())
        self.form = form or EvidenceForm(
            "", Stance.CONTEXT.value, None
        )  # as the CLI: a choice to make

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            if self.quote:
                yield Label(plain(f"“{self.quote}”"), classes="dialog-quote")
            with Grid(classes="form-grid"):
                yield Label("URL")
                yield Input(self.form.url, placeholder="https://…", id="ev-url", compact=True)
                yield Label("stance")
                yield Select(
                    [(s.value, s.value) for s in Stance],
                    value=self.form.stance,
                    allow_blank=False,
                    id="ev-stance",
                    compact=True,
                )
                yield Label("note")
                yield Input(
                    self.form.note or "", placeholder="optional", id="ev-note", compact=True
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.save_label, variant="primary", id="ev-save", compact=True)
                yield Button("Cancel", id="ev-cancel", compact=True)
            yield Label(
                f"Enter in the note or Ctrl+S to {self.save_label.lower()} · Esc to cancel",
                classes="dialog-hint",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "ev-url":
            self.query_one("#ev-stance", Select).focus()
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ev-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        url = self.query_one("#ev-url", Input).value.strip()
        stance = self.query_one("#ev-stance", Select).value
        note = self.query_one("#ev-note", Input).value.strip() or None
        self.dismiss(EvidenceForm(url, str(stance), note))

    def action_cancel(self) -> None:
        self.dismiss(None)
