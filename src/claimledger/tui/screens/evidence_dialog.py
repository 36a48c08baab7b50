"""Add evidence: a URL, what it says about the claim (stance), and an optional note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from claimledger.vocab import Stance


@dataclass(frozen=True)
class EvidenceForm:
    url: str
    stance: str
    note: str | None


class EvidenceDialog(ModalScreen[EvidenceForm | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close, add nothing"),
        Binding("ctrl+s", "save", "Save", id="dialog.save", tooltip="Add this evidence"),
    ]

    def __init__(self, claim_id: int, quote: str = "", form: EvidenceForm | None = None) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.quote = " ".join(quote.split())
        self.form = form or EvidenceForm(
            "", Stance.CONTEXT.value, None
        )  # as the CLI: a choice to make

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Evidence for claim {self.claim_id}", classes="dialog-title")
            if self.quote:
                yield Label(f"“{self.quote}”", classes="dialog-quote")
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
                yield Button("Add", variant="primary", id="ev-save", compact=True)
                yield Button("Cancel", id="ev-cancel", compact=True)
            yield Label("Enter in the note or Ctrl+S to add · Esc to cancel", classes="dialog-hint")

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
