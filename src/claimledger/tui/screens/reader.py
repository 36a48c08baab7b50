"""Reader mode: the whole article, all its claims highlighted; record a selection, reject a claim.

Extractors miss claims and catch non-claims. Here a person reads, selects the words (shift+arrows
or the mouse) and records them as a claim, or rejects the claim under the cursor as not a claim.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from claimledger.errors import LedgerError
from claimledger.records import Change, ClaimRow
from claimledger.service import Ledger
from claimledger.terminal_text import plain
from claimledger.tui.calls import desk
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.widgets.article import ArticleArea
from claimledger.vocab import ClaimType, ReviewState


def _b(key: str, action: str, label: str, tooltip: str, *, show: bool = True) -> Binding:
    return Binding(key, action, label, show=show, id=f"reader.{action}", tooltip=tooltip)


class ReaderScreen(Screen[list[Change]]):
    BINDINGS: ClassVar[list[BindingType]] = [
        _b("r", "record", "Record claim", "Record the selected words as a new claim"),
        _b("x", "reject", "Not a claim", "Reject the claim under the cursor as not a claim"),
        _b(
            "right_square_bracket",
            "next_claim",
            "Next claim",
            "Move to the next claim in the article",
        ),
        _b("left_square_bracket", "previous_claim", "Prev claim", "Move to the previous claim"),
        _b("escape", "close", "Back", "Back to the ledger"),
    ]

    def __init__(self, source_id: int, claim_id: int | None = None) -> None:
        super().__init__()
        self.source_id = source_id
        self.claim_id = claim_id
        self.changes: list[Change] = []
        self.claims: list[ClaimRow] = []
        self.spans: dict[int, tuple[int, int]] = {}
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Static("Reading…", id="reader-title")
        yield ArticleArea("", id="article")
        yield Static(id="reader-hint")
        yield Footer()

    @property
    def article(self) -> ArticleArea:
        return self.query_one(ArticleArea)

    def on_mount(self) -> None:
        source_id = self.source_id
        desk(self).read(
            lambda ledger: ledger.source_text(source_id),
            self._text_loaded,
            owner=self,
            group="reader-text",
            failed=self._not_loaded,
        )
        self.article.focus()

    def _not_loaded(self, error: LedgerError) -> None:
        self.notify(str(error), severity="error")
        self.dismiss(self.changes)

    def _text_loaded(self, found: tuple[str, str]) -> None:
        text, title = found
        self.query_one("#reader-title", Static).update(plain(f"Reading: {title}"))
        self.article.show_text(text)
        self._reload(go_to_claim=True)

    def _reload(self, *, go_to_claim: bool = False) -> None:
        """The article's claims and where they stand, read in a worker."""
        source_id = self.source_id

        def read(ledger: Ledger) -> tuple[list[ClaimRow], dict[int, tuple[int, int]]]:
            claims = ledger.source_claims(source_id)
            return claims, ledger.spans(r.id for r in claims)

        desk(self).read(
            read, lambda found: self._claims_loaded(found, go_to_claim), owner=self, group="reader"
        )

    def _claims_loaded(
        self, found: tuple[list[ClaimRow], dict[int, tuple[int, int]]], go_to_claim: bool
    ) -> None:
        self.claims, self.spans = found
        self.loaded = True
        self._paint()
        if go_to_claim and self.claim_id in self.spans:
            # after the layout, so the claim lands mid-screen rather than at the bottom
            self.call_after_refresh(self.article.go_to, self.spans[self.claim_id][0])

    def _paint(self) -> None:
        states = {r.id: r.review_state for r in self.claims}
        spans = [
            (
                s,
                e,
                "claim.dismissed"
                if states[cid] == ReviewState.DISMISSED
                else ("claim.current" if cid == self.claim_id else "claim"),
            )
            for cid, (s, e) in self.spans.items()
        ]
        self.article.set_spans(spans)
        self._show_hint()

    def _show_hint(self) -> None:
        """Which claim the cursor is on, or how many the article has."""
        cid = self._claim_at_cursor()
        row = next((r for r in self.claims if r.id == cid), None)
        if row is not None:
            text = f"claim {row.id} · {row.review_state} · evidence {row.evidence_status} · x rejects it as not a claim"
        else:
            live = sum(1 for r in self.claims if r.review_state != "dismissed")
            text = (
                f"{live} claims here ({len(self.claims) - live} rejected) · "
                "select words (shift+arrows, mouse) and press r to record one"
            )
        self.query_one("#reader-hint", Static).update(text)

    def on_text_area_selection_changed(self) -> None:
        self._show_hint()

    def _claim_at_cursor(self) -> int | None:
        here = self.article.cursor_index
        for cid, (s, e) in self.spans.items():
            if s <= here <= e:
                return cid
        return None

    def action_record(self) -> None:
        start, end = self.article.selected_span
        if start == end:
            self.notify(
                "Select the claim's words first (shift+arrows or drag the mouse)",
                severity="warning",
            )
            return

        def recorded(kind: str, change: Change) -> None:
            self.changes.append(change)
            self.claim_id = change.claim_id
            self._reload()
            self.notify(f"Recorded as claim {change.claim_id} ({kind.replace('_', ' ')})")

        def record(kind: str | None) -> None:
            if kind is not None:
                desk(self).write(
                    lambda ledger: ledger.record_span(self.source_id, start, end, kind),
                    lambda change: recorded(kind, change),
                    owner=self,
                )

        types = [(t.value, t.value.replace("_", " ")) for t in ClaimType]
        self.app.push_screen(ChoiceDialog("What kind of claim is it?", types), record)

    def action_reject(self) -> None:
        cid = self._claim_at_cursor()
        if cid is None:
            self.notify("Put the cursor on a highlighted claim first", severity="warning")
            return
        seen = next((r.version for r in self.claims if r.id == cid), None)

        def rejected(change: Change | None) -> None:
            if change is not None:
                self.changes.append(change)
            self._reload()
            self.notify(f"Claim {cid} rejected: not a claim")

        def refused(error: LedgerError) -> None:
            self.notify(str(error), severity="error", timeout=8)
            self._reload()  # a claim changed elsewhere: show it as it is now

        desk(self).write(
            lambda ledger: ledger.reject(cid, expected_version=seen),
            rejected,
            owner=self,
            failed=refused,
        )

    def _jump(self, forward: bool) -> None:
        here = self.article.cursor_index
        starts = sorted(s for s, _ in self.spans.values())
        later = [s for s in starts if s > here] if forward else [s for s in starts if s < here]
        if not later:
            return
        target = later[0] if forward else later[-1]
        self.article.go_to(target)
        self.claim_id = next((cid for cid, (s, _) in self.spans.items() if s == target), None)
        self._paint()

    def action_next_claim(self) -> None:
        self._jump(True)

    def action_previous_claim(self) -> None:
        self._jump(False)

    def action_close(self) -> None:
        self.dismiss(self.changes)
