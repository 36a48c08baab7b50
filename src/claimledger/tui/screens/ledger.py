"""The main screen: the claim table, the detail pane, and every action a reviewer takes on claims."""

from __future__ import annotations

from contextlib import suppress
from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer

from claimledger.errors import LedgerError
from claimledger.ledger.activity import Activity
from claimledger.ledger.queries import ClaimRow, Cursor
from claimledger.ledger.undo import Change
from claimledger.models import EvidenceStatus, ReviewState
from claimledger.tui.messages import (
    CountsLoaded,
    DetailLoaded,
    OpenFound,
    OthersChanged,
    PageLoaded,
)
from claimledger.tui.row_window import RowWindow
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.screens.evidence_dialog import EvidenceDialog, EvidenceForm
from claimledger.tui.screens.ledger_bindings import LEDGER_BINDINGS
from claimledger.tui.screens.ledger_elsewhere import ElsewhereActions
from claimledger.tui.screens.ledger_views import ViewActions
from claimledger.tui.screens.text_prompt import TextPrompt
from claimledger.tui.store import Counts, LedgerStore
from claimledger.tui.view import View
from claimledger.tui.widgets.claim_table import ClaimTable
from claimledger.tui.widgets.detail import DetailPane
from claimledger.tui.widgets.status_line import StatusLine

PAGE = 100


class LedgerScreen(ViewActions, ElsewhereActions):
    AUTO_FOCUS = "#table"
    BINDINGS: ClassVar[list[BindingType]] = LEDGER_BINDINGS
    WATCH_SECONDS: ClassVar[float] = 3.0
    """How often to look for other people's changes to the ledger."""

    def __init__(self, store: LedgerStore) -> None:
        super().__init__()
        self.store = store
        self.view = View()
        self.generation = 0
        self.counts: Counts | None = None
        self.loading = False
        self.undo_stack: list[list[Change]] = []
        self.window = RowWindow(self._rows, page=PAGE)
        self._detail_timer: Timer | None = None
        self._pending_detail: int | None = None
        self._seen_change: int | None = None

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with Horizontal(id="main"):
            yield ClaimTable(self.window, id="table")
            yield DetailPane(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(ClaimTable).focus()
        self.load_view(self.view)
        self.watch_others()
        self.set_interval(self.WATCH_SECONDS, self.watch_others)

    # -- other people's work ------------------------------------------------
    def watch_others(self) -> None:
        """Look for claims others changed; the rows on screen and the detail follow."""
        self._fetch_others(self._seen_change)

    @work(thread=True, exclusive=True, group="others")
    def _fetch_others(self, after: int | None) -> None:
        with suppress(LedgerError):  # a passing lock or a lost connection: try again next time
            if after is None:
                latest = self.store.latest_change()
                self.post_message(OthersChanged(Activity(latest, frozenset(), frozenset())))
            else:
                self.post_message(OthersChanged(self.store.others_changes(after)))

    def on_others_changed(self, message: OthersChanged) -> None:
        found = message.activity
        self._seen_change = max(self._seen_change or 0, found.last_id)
        on_screen = found.claim_ids & {r.id for r in self.window.rows}
        if not on_screen:
            return
        try:
            fresh = self.store.rows_by_id(on_screen)
        except LedgerError:
            return
        for row in fresh:
            self.window.replace(row)
        self.table.reload()
        self._fetch_counts(self.view, self.generation)
        if self.current is not None and self.current.id in on_screen:
            self._fetch_detail(self.current.id)
        who = ", ".join(sorted(found.users))
        self.notify(f"{len(on_screen)} claim(s) on screen changed by {who}", timeout=3)

    def on_resize(self) -> None:
        # at 80 columns the footer's palette hint would cover the last keys; ? and Ctrl+P still work
        self.query_one(Footer).show_command_palette = self.size.width >= 100

    # -- loading ------------------------------------------------------------
    def _rows(self, after: Cursor | None, before: Cursor | None, limit: int) -> list[ClaimRow]:
        """Pages for the window as the cursor moves (one indexed query, a few ms)."""
        if self.loading:
            return []  # the rows on screen belong to the previous view: wait for the new page
        try:
            return self.store.rows(self.view, after, before, limit)
        except LedgerError as exc:
            self.notify(str(exc), severity="error")
            return []

    @property
    def table(self) -> ClaimTable:
        return self.query_one(ClaimTable)

    @property
    def current(self) -> ClaimRow | None:
        return self.window.current

    def load_view(self, view: View) -> None:
        """Show another view: the first page and the counts come from workers."""
        self.view = view
        self.generation += 1
        self.loading = True
        self.counts = None
        self._show_status()
        self._fetch_page(view, self.generation)  # counts follow the page: rows first, numbers after

    @work(thread=True, exclusive=True, group="page")
    def _fetch_page(self, view: View, generation: int) -> None:
        try:
            rows = self.store.rows(view, limit=PAGE)
        except LedgerError as exc:
            self.post_message(PageLoaded(generation, [], str(exc)))
            return
        self.post_message(PageLoaded(generation, rows))

    @work(thread=True, exclusive=True, group="counts")
    def _fetch_counts(self, view: View, generation: int) -> None:
        # The counts are a courtesy: the page worker is the one to report a broken ledger.
        with suppress(LedgerError):
            self.post_message(CountsLoaded(generation, self.store.counts(view)))

    def on_page_loaded(self, message: PageLoaded) -> None:
        if message.generation != self.generation:
            return
        self.loading = False
        if message.error:
            self.notify(message.error, severity="error")
        self._fetch_counts(self.view, self.generation)
        self.window.reset(message.rows)
        if self.focused is None or self.focused is self.query_one(DetailPane):
            # Loading hides the table, and focus falls to the detail pane: give it back, as
            # after a search or a filter the next key is meant for the results.
            self.table.focus()
        self.table.empty_text = (
            "No claims match. Esc goes back to the queue."
            if self.view != View()
            else "Nothing left in the queue."
        )
        self.table.reload()
        self._show_status()

    def on_counts_loaded(self, message: CountsLoaded) -> None:
        if message.generation == self.generation:
            self.counts = message.counts
            self._show_status()

    def _show_status(self) -> None:
        self.query_one(StatusLine).show(
            view=self.view.describe(),
            count=self.counts.shown if self.counts else None,
            left=self.counts.left if self.counts else None,
            marked=len(self.table.marked),
            busy=self.loading,
        )

    def on_claim_table_highlighted(self, message: ClaimTable.Highlighted) -> None:
        """Load the detail a moment after the cursor stops, not for every row it passes."""
        self._pending_detail = message.row.id if message.row else None
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(0.05, self._start_detail)

    def _start_detail(self) -> None:
        if self._pending_detail is None:
            self.query_one(DetailPane).show(None)
        else:
            self._fetch_detail(self._pending_detail)

    @work(thread=True, exclusive=True, group="detail")
    def _fetch_detail(self, claim_id: int) -> None:
        try:
            detail: dict[str, Any] | None = self.store.detail(claim_id)
        except LedgerError:
            detail = None
        self.post_message(DetailLoaded(claim_id, detail))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        if self.current is not None and message.claim_id == self.current.id:
            self.query_one(DetailPane).show(message.detail)

    # -- acting -------------------------------------------------------------
    def targets(self) -> list[int]:
        """The marked claims, else the one under the cursor."""
        if self.table.marked:
            return sorted(self.table.marked)
        return [self.current.id] if self.current else []

    def _changed(
        self, changes: list[Change], summary: str | None = None, *, undoable: bool = True
    ) -> None:
        """After a write: remember it for undo, redraw the rows, the detail and the counts."""
        if changes and undoable:
            self.undo_stack.append(changes)
        on_screen = {c.claim_id for c in changes} & {r.id for r in self.window.rows}
        try:
            fresh = self.store.rows_by_id(on_screen)
        except LedgerError:
            fresh = []
        for row in fresh:
            self.window.replace(row)
        self.table.reload()
        self._fetch_counts(self.view, self.generation)
        if summary:
            self.notify(summary, timeout=2.5)

    def _what(self) -> str:
        ids = self.targets()
        return f"claim {ids[0]}" if len(ids) == 1 else f"{len(ids)} marked claims"

    def apply(self, action: str, value: str | None, what: str, note: str | None = None) -> None:
        ids = self.targets()
        if not ids:
            self.notify("No claim selected", severity="warning")
            return
        try:
            outcome = self.store.apply(ids, action, value, note)
        except LedgerError as exc:
            self.notify(str(exc), severity="error")
            return
        if len(ids) == 1 and outcome.skipped:
            self.notify(outcome.skipped[0], severity="error")
            return
        summary = outcome.summary(what) if len(ids) > 1 else f"claim {ids[0]}: {what}"
        self._changed(outcome.changes, summary)

    def action_evidence_status(self) -> None:
        current = self.current.evidence_status if self.current else None
        options = [(s.value, s.value) for s in EvidenceStatus]
        self._choose("Evidence status", options, current, "evidence_status")

    def action_review_state(self) -> None:
        current = self.current.review_state if self.current else None
        options = [(s.value, s.value.replace("_", " ")) for s in ReviewState]
        self._choose("Review state", options, current, "review_state")

    def _choose(
        self, title: str, options: list[tuple[str, str]], current: str | None, action: str
    ) -> None:
        if not self.targets():
            return
        suffix = f" ({len(self.targets())} marked)" if self.table.marked else ""

        def done(value: str | None) -> None:
            if value:
                self.apply(action, value, f"{action.replace('_', ' ')} {value}")

        self.app.push_screen(ChoiceDialog(title + suffix, options, current), done)

    def action_start_review(self) -> None:
        self.apply("review_state", ReviewState.IN_REVIEW.value, "in review")

    def action_verify(self) -> None:
        self.apply("review_state", ReviewState.VERIFIED.value, "verified")

    def action_dismiss_claim(self) -> None:
        self.apply("review_state", ReviewState.DISMISSED.value, "dismissed")

    def action_note(self) -> None:
        def done(text: str | None) -> None:
            if text is not None:
                self.apply("note", text, "note added")

        if self.targets():
            self.app.push_screen(
                TextPrompt(
                    "Note (goes into the history)", placeholder="what you found, who you asked…"
                ),
                done,
            )

    def action_assign(self) -> None:
        def done(who: str | None) -> None:
            if who is not None:
                self.apply(
                    "assignee", who, f"assigned to {who.strip()}" if who.strip() else "unassigned"
                )

        if self.targets():
            current = (self.current.assignee if self.current else None) or ""
            self.app.push_screen(
                TextPrompt(f"Assign {self._what()} to (blank: nobody)", value=current), done
            )

    def action_add_evidence(self, form: EvidenceForm | None = None) -> None:
        row = self.current
        if row is None:
            return

        def done(result: EvidenceForm | None) -> None:
            if result is None:
                return
            try:
                change = self.store.add_evidence(row.id, result.url, result.stance, result.note)
            except LedgerError as exc:
                self.notify(str(exc), severity="error")
                self.action_add_evidence(result)  # keep what was typed, let them fix it
                return
            self._changed([change], f"claim {row.id}: evidence added")
            if change.evidence_id is not None:
                self.fetch_link(row.id, change.evidence_id, result.url)

        self.app.push_screen(EvidenceDialog(row.id, row.quote, form), done)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo", severity="warning")
            return
        changes = self.undo_stack.pop()
        try:
            self.store.revert(changes)
        except LedgerError as exc:
            self.notify(str(exc), severity="error")
            return
        if any(c.action == "created" for c in changes):
            self.load_view(self.view)  # a recorded claim is gone: the rows move
            self.notify("Undone")
            return
        claims = len({c.claim_id for c in changes})
        what = ", ".join(sorted({c.undone() for c in changes}))
        self._changed(
            changes, f"Undone on {claims} claim{'s' * (claims != 1)}: {what}", undoable=False
        )

    # -- moving and marking -------------------------------------------------
    def action_next_open(self) -> None:
        self._jump_open(forward=True)

    def action_previous_open(self) -> None:
        self._jump_open(forward=False)

    def _jump_open(self, *, forward: bool) -> None:
        self._find_open(self.view, self.current, forward, self.generation)

    @work(thread=True, exclusive=True, group="jump")
    def _find_open(self, view: View, row: ClaimRow | None, forward: bool, generation: int) -> None:
        try:
            found = self.store.next_open(view, row, forward)
        except LedgerError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.post_message(OpenFound(generation, found, forward))

    def on_open_found(self, message: OpenFound) -> None:
        if message.generation != self.generation:
            return
        found = message.row
        if found is None:
            self.notify("No more claims to review " + ("below" if message.forward else "above"))
            return
        index = self.window.index_of(found.id)
        if index is not None:
            self.table.move_to_index(index)
        else:
            self.window.jump_to(found)
            self.table.reload()

    def action_mark(self) -> None:
        row = self.current
        if row is None:
            return
        self.table.marked ^= {row.id}
        self.table.action_move(1)
        self._show_status()

    def action_clear_marks(self) -> None:
        self.table.marked.clear()
        self.table.refresh()
        self._show_status()

    def action_reader(self) -> None:
        row = self.current
        if row is None:
            return
        from claimledger.tui.screens.reader import ReaderScreen

        def done(changes: list[Change] | None) -> None:
            if changes:
                self.undo_stack.append(changes)
                self.load_view(self.view)

        try:
            reader = ReaderScreen(self.store, row.source_id, row.id)
        except LedgerError as exc:
            self.notify(str(exc), severity="error")
            return
        self.app.push_screen(reader, done)
