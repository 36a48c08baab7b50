"""Narrow the table: review state, evidence status, type, source, speaker, assignee, evidence, words."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from claimledger.ledger.queries import ClaimFilter
from claimledger.models import ClaimType, EvidenceStatus, ReviewState

HAS_EVIDENCE = [("with evidence", "yes"), ("without evidence", "no")]


def _one(values: tuple[str, ...]) -> str | None:
    return values[0] if len(values) == 1 else None


class FilterDialog(ModalScreen[ClaimFilter | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close, keep the filter"),
        Binding("ctrl+s", "apply", "Apply", id="dialog.apply", tooltip="Apply this filter"),
    ]

    def __init__(self, flt: ClaimFilter) -> None:
        super().__init__()
        self.flt = flt

    def compose(self) -> ComposeResult:
        f = self.flt
        with Vertical(classes="dialog wide"):
            yield Label("Filter claims (blank = any)", classes="dialog-title")
            with VerticalScroll():
                yield Select(
                    [(s.value, s.value) for s in ReviewState],
                    value=_one(f.states) or Select.NULL,
                    prompt="any review state",
                    id="f-state",
                )
                yield Select(
                    [(s.value, s.value) for s in EvidenceStatus],
                    value=_one(f.evidence_statuses) or Select.NULL,
                    prompt="any evidence status",
                    id="f-evidence",
                )
                yield Select(
                    [(t.value, t.value) for t in ClaimType],
                    value=_one(f.types) or Select.NULL,
                    prompt="any type",
                    id="f-type",
                )
                has = None if f.has_evidence is None else ("yes" if f.has_evidence else "no")
                yield Select(
                    HAS_EVIDENCE,
                    value=has or Select.NULL,
                    prompt="with or without evidence",
                    id="f-has",
                )
                yield Input(
                    f.source or "", placeholder="source: id, file name or outlet", id="f-source"
                )
                yield Input(f.speaker or "", placeholder="speaker", id="f-speaker")
                yield Input(f.assignee or "", placeholder="assignee", id="f-assignee")
                yield Input(f.text or "", placeholder="words in the quote or notes", id="f-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", variant="primary", id="f-apply")
                yield Button("Clear", id="f-clear")
            yield Label("Enter or Ctrl+S to apply · Esc to cancel", classes="dialog-hint")

    def _select(self, widget_id: str) -> str | None:
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else str(value)

    def _input(self, widget_id: str) -> str | None:
        return self.query_one(f"#{widget_id}", Input).value.strip() or None

    def action_apply(self) -> None:
        state, evidence, kind, has = (
            self._select(i) for i in ("f-state", "f-evidence", "f-type", "f-has")
        )
        self.dismiss(
            ClaimFilter(
                states=(state,) if state else (),
                evidence_statuses=(evidence,) if evidence else (),
                types=(kind,) if kind else (),
                has_evidence=None if has is None else has == "yes",
                source=self._input("f-source"),
                speaker=self._input("f-speaker"),
                assignee=self._input("f-assignee"),
                text=self._input("f-text"),
            )
        )

    def on_input_submitted(self) -> None:
        self.action_apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "f-clear":
            self.dismiss(ClaimFilter())
        else:
            self.action_apply()

    def action_cancel(self) -> None:
        self.dismiss(None)
