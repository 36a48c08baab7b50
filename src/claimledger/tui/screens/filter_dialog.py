"""Narrow the table: review state, evidence status, type, source, speaker, assignee, evidence, words."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select

from claimledger.records import ClaimFilter
from claimledger.vocab import ClaimType, EvidenceStatus, ReviewState

HAS_EVIDENCE = [("with evidence", "yes"), ("without evidence", "no")]


def _select(kind: type[StrEnum], value: str | None, prompt: str, widget_id: str) -> Select[str]:
    options = [(v.value.replace("_", " "), v.value) for v in kind]
    return Select(options, value=value or Select.NULL, prompt=prompt, id=widget_id, compact=True)


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
        has = None if f.has_evidence is None else ("yes" if f.has_evidence else "no")
        fields: list[tuple[str, Widget]] = [
            ("review state", _select(ReviewState, _one(f.states), "any", "f-state")),
            ("evidence", _select(EvidenceStatus, _one(f.evidence_statuses), "any", "f-evidence")),
            ("type", _select(ClaimType, _one(f.types), "any", "f-type")),
            (
                "links",
                Select(
                    HAS_EVIDENCE, value=has or Select.NULL, prompt="any", id="f-has", compact=True
                ),
            ),
            (
                "source",
                Input(
                    f.source or "",
                    placeholder="id, file name or outlet",
                    id="f-source",
                    compact=True,
                ),
            ),
            ("speaker", Input(f.speaker or "", placeholder="any", id="f-speaker", compact=True)),
            ("assignee", Input(f.assignee or "", placeholder="any", id="f-assignee", compact=True)),
            (
                "words",
                Input(f.text or "", placeholder="in the quote or notes", id="f-text", compact=True),
            ),
        ]
        with Vertical(classes="dialog wide"):
            yield Label("Filter claims", classes="dialog-title")
            with Grid(classes="form-grid"):
                for label, widget in fields:
                    yield Label(label)
                    yield widget
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", variant="primary", id="f-apply", compact=True)
                yield Button("Clear", id="f-clear", compact=True)
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
