"""Publish a claim's fact-check: its page, the short statement, the verdict, the summary.

`ask_for_publication` reads what is recorded (and a statement suggested from the quote) in a
worker, opens the dialog, and saves what it returns through the app's queue of changes; a value
the ledger refuses (a rating not on the desk's scale, a claim not verified yet) opens the dialog
again with what was typed.
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
from textual.widgets import Button, Checkbox, Input, Label, Select

from claimledger.errors import LedgerError
from claimledger.records import Change, ClaimRow, PublicationRecord, RatingScale
from claimledger.service import Ledger
from claimledger.tui.calls import desk


@dataclass(frozen=True)
class PublishForm:
    url: str
    statement: str
    rating: str
    summary: str
    published: bool
    was_published: bool = False
    """Unticking a published fact-check withdraws it; unticking a draft keeps it one."""

    @property
    def publish(self) -> bool | None:
        return True if self.published else False if self.was_published else None


@dataclass(frozen=True)
class Published:
    claim_id: int
    changes: list[Change]
    fresh: list[ClaimRow]


@dataclass(frozen=True)
class _Current:
    publication: PublicationRecord | None
    suggestion: str
    scale: RatingScale
    template: str | None


def ask_for_publication(
    owner: Screen[Any],
    row: ClaimRow,
    saved: Callable[[Published], None],
    form: PublishForm | None = None,
) -> None:
    """Read what is recorded, ask, then save (in a worker, in turn with other changes)."""

    def read(ledger: Ledger) -> _Current:
        cfg = ledger.publishing_settings()
        return _Current(
            ledger.publication(row.id),
            ledger.suggest_statement(row.id),
            cfg.scale,
            cfg.url_template,
        )

    def save(f: PublishForm, ledger: Ledger) -> Published:
        changes = ledger.publish(
            row.id,
            url=f.url,
            statement=f.statement,
            rating=f.rating,
            summary=f.summary,
            published=f.publish,
        )
        return Published(row.id, changes, ledger.rows_by_id([row.id]))

    def refused(f: PublishForm, error: LedgerError) -> None:
        owner.notify(str(error), severity="error", timeout=8)
        ask_for_publication(owner, row, saved, f)

    def done(f: PublishForm | None) -> None:
        if f is not None:
            desk(owner).write(partial(save, f), saved, owner=owner, failed=partial(refused, f))

    def show(current: _Current) -> None:
        owner.app.push_screen(PublishDialog(row, current, form), done)

    desk(owner).read(read, show, owner=owner, group="publication")


class PublishDialog(ModalScreen[PublishForm | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close, change nothing"),
        Binding("ctrl+s", "save", "Save", id="dialog.save", tooltip="Save the publication"),
    ]

    def __init__(self, row: ClaimRow, current: _Current, form: PublishForm | None = None) -> None:
        super().__init__()
        self.row = row
        self.scale = current.scale
        self.template = current.template
        pub = current.publication
        self.form = form or PublishForm(
            url=(pub.url if pub else None) or "",
            statement=(pub.statement if pub else None) or current.suggestion,
            rating=(pub.rating if pub else None) or "",
            summary=(pub.summary if pub else None) or "",
            published=pub is None or pub.published_at is not None,
            was_published=pub is not None and pub.published_at is not None,
        )

    def compose(self) -> ComposeResult:
        f = self.form
        url_hint = "from the site's template" if self.template else "https://…"
        with Vertical(classes="dialog wide"):
            yield Label(f"Publish the fact-check of claim {self.row.id}", classes="dialog-title")
            yield Label(f"“{' '.join(self.row.quote.split())}”", classes="dialog-quote")
            with Grid(classes="form-grid"):
                yield Label("page URL")
                yield Input(f.url, placeholder=url_hint, id="pub-url", compact=True)
                yield Label("statement")
                yield Input(
                    f.statement, placeholder="the claim, short, no verdict", id="pub-statement",
                    compact=True, max_length=200,
                )  # fmt: skip
                yield Label("rating")
                yield Select(
                    [(r.label, r.label) for r in self.scale.ratings],
                    value=f.rating if self.scale.find(f.rating) else Select.NULL,
                    prompt="choose a verdict",
                    id="pub-rating",
                    compact=True,
                )
                yield Label("summary")
                yield Input(f.summary, placeholder="optional", id="pub-summary", compact=True)
                yield Label("")
                yield Checkbox(
                    "published (unticked: a draft)", f.published, id="pub-published", compact=True
                )
            yield Label("", id="pub-length", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="pub-save", compact=True)
                yield Button("Cancel", id="pub-cancel", compact=True)
            yield Label("Ctrl+S to save · Esc to cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self._show_length(self.form.statement)
        self.query_one("#pub-statement", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "pub-statement":
            self._show_length(event.value)

    def _show_length(self, text: str) -> None:
        n = len(" ".join(text.split()))
        advice = "" if n <= 75 else ": Google asks for under 75"
        self.query_one("#pub-length", Label).update(f"statement: {n} characters{advice}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "pub-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        rating = self.query_one("#pub-rating", Select).value
        self.dismiss(
            PublishForm(
                url=self.query_one("#pub-url", Input).value.strip(),
                statement=self.query_one("#pub-statement", Input).value,
                rating="" if rating is Select.NULL else str(rating),
                summary=self.query_one("#pub-summary", Input).value,
                published=self.query_one("#pub-published", Checkbox).value,
                was_published=self.form.was_published,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
