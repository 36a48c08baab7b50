"""The main screen: the claim table, the detail pane, and every action a reviewer takes on claims.

Nothing here waits on the ledger: reads and writes go through the app's `read` and `write`, which run
them in workers and call back here with the result. Another person's change (or this person's, in
another terminal) shows up on its own: a thread waits on the ledger's watcher (PostgreSQL's
LISTEN/NOTIFY, SQLite's change counter) and the claims it names that are on screen are read again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer

from claimledger.errors import LedgerError, StaleEdit
from claimledger.records import Activity, Change, ClaimFilter, ClaimRow, Counts, Outcome
from claimledger.service import Ledger
from claimledger.tui.calls import desk
from claimledger.tui.conflict_actions import pick_conflict
from claimledger.tui.evidence_actions import fix_evidence
from claimledger.tui.export_actions import ask_for_export
from claimledger.tui.row_window import RowWindow
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.screens.evidence_dialog import EvidenceAdded, ask_for_evidence
from claimledger.tui.screens.filter_dialog import FilterDialog
from claimledger.tui.screens.ledger_bindings import LEDGER_BINDINGS, NEEDS
from claimledger.tui.screens.publish_dialog import Published, ask_for_publication
from claimledger.tui.screens.text_prompt import TextPrompt
from claimledger.tui.undo_stack import UndoStack
from claimledger.tui.verdict_actions import pick_verdict
from claimledger.tui.view import View
from claimledger.tui.widgets.claim_table import ClaimTable, flags_legend
from claimledger.tui.widgets.desk_footer import DeskFooter
from claimledger.tui.widgets.detail import DetailPane
from claimledger.tui.widgets.status_line import StatusLine
from claimledger.tui.widgets.verdict_note import read_travel
from claimledger.vocab import EvidenceStatus, HistoryAction, Permission, ReviewState

PAGE = 100


class LedgerScreen(Screen[None]):
    AUTO_FOCUS = "#table"
    BINDINGS: ClassVar[list[BindingType]] = LEDGER_BINDINGS
    WATCH_SECONDS: ClassVar[float] = 0.25
    """The longest one wait on the watcher blocks: how soon the watching thread sees it must stop
    (a change itself wakes it at once)."""
    WATCH_RETRY: ClassVar[float] = 2.0
    """After the watcher lost the ledger (a server restarted), the pause before watching again."""

    def __init__(self) -> None:
        super().__init__()
        self.view = View()
        self.generation = 0
        self.counts: Counts | None = None
        self.saving = 0
        self.undo = UndoStack()
        self.pending_jump: int | None = None
        self.window = RowWindow(page=PAGE)
        self._stop_watching = threading.Event()
        self.watch_thread: threading.Thread | None = None
        self.watching = False
        """True once the watcher listens: from then on no change made elsewhere is missed."""

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with Horizontal(id="main"):
            yield ClaimTable(self.window, id="table")
            yield DetailPane(id="detail")
        yield DeskFooter(compact=True)

    def on_mount(self) -> None:
        self.table.focus()
        desk(self).writes_signal.subscribe(self, self._writes_changed)
        self.load_view(self.view)
        ledger = desk(self).ledger
        self.watch_thread = threading.Thread(
            target=self._watch, args=(ledger,), name="claimledger-watch", daemon=True
        )
        self.watch_thread.start()

    def on_unmount(self) -> None:
        self._stop_watching.set()  # the watching thread ends within WATCH_SECONDS

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys the person's role may not use are hidden (the core refuses them anyway)."""
        needed = NEEDS.get(action)
        return needed is None or desk(self).actor.may(needed)

    def on_resize(self) -> None:
        # at 80 columns the footer's palette hint would cover the last keys; ? and Ctrl+P still work
        self.query_one(Footer).show_command_palette = self.size.width >= 100

    @property
    def table(self) -> ClaimTable:
        return self.query_one(ClaimTable)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def current(self) -> ClaimRow | None:
        return self.window.current

    # -- changes made elsewhere ---------------------------------------------
    def _watch(self, ledger: Ledger) -> None:
        """Wait for other people's changes until the screen goes; its own connection, its own
        thread (not a worker: the UI's workers come and go, this one lives with the screen),
        closed here when the screen is unmounted."""
        stop = self._stop_watching
        while not stop.is_set():
            try:
                watcher = ledger.watcher()
            except Exception:  # the ledger is unreachable for now: the page says so; try again
                stop.wait(self.WATCH_RETRY)
                continue
            try:
                self._from_watcher(self._live)
                while not stop.is_set():
                    found = watcher.changes(timeout=self.WATCH_SECONDS)
                    if found is not None:
                        self._from_watcher(self._changed_elsewhere, found, time.monotonic())
            except Exception:  # a lost connection: watch again (and catch up) in a moment
                stop.wait(self.WATCH_RETRY)
            finally:
                watcher.close()

    class _Watched(Message):
        """From the watching thread: a callback for the UI thread (posting never blocks, so the
        thread can always see it must stop)."""

        def __init__(self, callback: Callable[..., None], args: tuple[object, ...]) -> None:
            self.callback = callback
            self.args = args
            super().__init__()

    def _from_watcher(self, callback: Callable[..., None], *args: object) -> None:
        if not self._stop_watching.is_set():
            self.post_message(self._Watched(callback, args))

    def on_ledger_screen__watched(self, message: _Watched) -> None:
        message.callback(*message.args)

    def _live(self) -> None:
        """The watcher listens: read again what was shown before it did (a change made between
        the first page and the watcher's start is not missed)."""
        self.watching = True
        held = {r.id for r in self.window.rows}
        if held:
            self.refresh_claims(held)

    def _changed_elsewhere(self, activity: Activity, told: float) -> None:
        """Claims changed elsewhere: only those on screen are read again; the detail and the
        counts follow."""
        shown = activity.claim_ids & {r.id for r in self.window.rows}
        desk(self).read(
            lambda ledger: ledger.rows_by_id(shown),
            partial(self._shown_afresh, activity, told),
            owner=self,
            group="others",
            exclusive=False,
            failed=lambda _error: None,  # the next change, or a reload, shows it
        )

    def _shown_afresh(self, activity: Activity, told: float, fresh: list[ClaimRow]) -> None:
        self.table.show_rows(fresh)
        self.last_change_shown = (activity, told)
        self.on_claim_table_changed_elsewhere(ClaimTable.ChangedElsewhere(activity, len(fresh)))

    last_change_shown: tuple[Activity, float] | None = None
    """The last change made elsewhere that the screen showed, and when the watcher told of it."""

    def watch_others(self) -> None:
        """Look for claims changed by anyone else now, by reading the history (the watcher
        does not need this; kept for a look on demand)."""
        self.table.watch_others()

    def on_claim_table_changed_elsewhere(self, message: ClaimTable.ChangedElsewhere) -> None:
        """The table shows the claims afresh; the detail and the counts follow."""
        self.detail.reload(message.activity.claim_ids)
        self._fetch_counts()
        if message.on_screen:
            who = ", ".join(sorted(message.activity.users))
            self.notify(f"{message.on_screen} claim(s) on screen changed by {who}", timeout=3)

    # -- what the table shows ---------------------------------------------

    def load_view(self, view: View) -> None:
        """Show another view: the table reads its first page, the counts follow."""
        self.view = view
        self.generation += 1
        self.counts = None
        self.table.show_view(view)
        self._show_status()

    def on_claim_table_loaded(self, message: ClaimTable.Loaded) -> None:
        if message.view != self.view:
            return
        if self.pending_jump is not None:  # `!` asked for the other claim of a conflict
            target, self.pending_jump = self.pending_jump, None
            row = next((r for r in self.window.rows if r.id == target), None)
            if row is not None:
                self.table.jump_to(row)
        if message.error is not None:
            self.notify(str(message.error), severity="error")
        # the rows first: counting every match (a second or so on a million claims) starts once
        # they are painted, instead of competing with them for the cores
        self.call_after_refresh(self._fetch_counts)
        if self.focused is None or self.focused is self.detail:
            # Loading hides the table, and focus falls to the detail pane: give it back, as
            # after a search or a filter the next key is meant for the results.
            self.table.focus()
        self.table.empty_text = (
            "No claims match. Esc goes back to the queue."
            if self.view != View()
            else "Nothing left in the queue."
        )
        self.table.refresh()
        self._show_status()

    def action_mine(self) -> None:
        me = desk(self).ledger.user
        flt = self.view.flt
        mine = None if flt.assignee == me else me
        self.load_view(
            self.view.with_filter(replace(flt, assignee=mine, states=() if mine else flt.states))
        )

    def action_refresh(self) -> None:
        self.load_view(self.view)

    def action_cycle_state(self) -> None:
        self.load_view(self.view.next_state())

    def action_toggle_order(self) -> None:
        self.load_view(self.view.next_order())

    def action_clear_view(self) -> None:
        if self.view != View():
            self.load_view(View())

    def action_search(self) -> None:
        def done(text: str | None) -> None:
            if text is not None:
                self.load_view(self.view.with_search(text))

        prompt = TextPrompt(
            "Search every claim's quote and notes, in any state",
            value=self.view.flt.text or "",
            placeholder='words, "a phrase", prefix*, this OR that',
            hint="Enter to search · blank clears · Esc to cancel",
        )
        self.app.push_screen(prompt, done)

    def action_filter(self) -> None:
        def done(flt: ClaimFilter | None) -> None:
            if flt is not None:
                self.load_view(self.view.with_filter(flt))

        self.app.push_screen(FilterDialog(self.view.flt), done)

    def _fetch_counts(self) -> None:
        view, generation = self.view, self.generation
        desk(self).read(
            lambda ledger: ledger.counts(view.flt),
            partial(self._counts_loaded, generation),
            owner=self,
            group="counts",
            failed=lambda _error: None,  # a courtesy: the page reports a broken ledger
        )

    def _counts_loaded(self, generation: int, counts: Counts) -> None:
        if generation == self.generation:
            self.counts = counts
            self._show_status()

    def _writes_changed(self, pending: int) -> None:
        self.saving = pending
        self._show_status()

    def _show_status(self) -> None:
        self.query_one(StatusLine).show(
            view=self.view.describe(),
            count=self.counts.shown if self.counts else None,
            left=self.counts.left if self.counts else None,
            marked=len(self.table.marked),
            busy=self.table.fetching_view,
            saving=self.saving,
            who=None if desk(self).actor.open_ledger else desk(self).actor.describe(),
            legend=flags_legend(self.window.rows),
        )

    def on_claim_table_highlighted(self, message: ClaimTable.Highlighted) -> None:
        self.detail.want(message.row.id if message.row else None)
        self._show_status()  # a page with flags may have arrived

    # -- acting -------------------------------------------------------------
    def targets(self) -> list[int]:
        """The marked claims, else the one under the cursor."""
        if self.table.marked:
            return sorted(self.table.marked)
        return [self.current.id] if self.current else []

    def _what(self) -> str:
        ids = self.targets()
        return f"claim {ids[0]}" if len(ids) == 1 else f"{len(ids)} marked claims"

    def apply(
        self, action: HistoryAction, value: str | None, what: str, note: str | None = None
    ) -> None:
        """Change the targets; each says which version of it this screen showed, so a claim
        changed meanwhile (elsewhere) is refused rather than overwritten."""
        ids = self.targets()
        if not ids:
            self.notify("No claim selected", severity="warning")
            return
        wanted = set(ids)

        def run(ledger: Ledger) -> tuple[Outcome, list[ClaimRow]]:
            # read when the change's turn comes, after this screen's earlier changes landed
            seen = {r.id: r.version for r in list(self.window.rows) if r.id in wanted}
            outcome = ledger.apply(ids, action, value, note=note, seen=seen)
            return outcome, ledger.rows_by_id(ids)

        desk(self).write(run, partial(self._applied, ids, what), owner=self)

    def _applied(self, ids: list[int], what: str, result: tuple[Outcome, list[ClaimRow]]) -> None:
        outcome, fresh = result
        if outcome.changes:
            self.undo.push(list(outcome.changes))
        self._after_change(fresh, set(ids))
        if len(ids) == 1 and outcome.skipped:
            self.notify(outcome.skipped[0], severity="error", timeout=8)
        elif len(ids) > 1:
            self.notify(outcome.summary(what), timeout=4)
            for message in outcome.skipped[1:] if outcome.stale else ():
                self.notify(message, severity="warning", timeout=8)
        else:
            self.notify(f"claim {ids[0]}: {what}", timeout=2.5)

    def _after_change(self, fresh: list[ClaimRow], ids: set[int]) -> None:
        self.table.show_rows(fresh)
        self.detail.reload(ids)
        self._fetch_counts()

    def refresh_claims(self, ids: set[int]) -> None:
        """Read claims afresh (refused as stale: show what they are now)."""
        desk(self).read(
            lambda ledger: ledger.rows_by_id(ids),
            partial(self._after_change, ids=ids),
            owner=self,
            group="refresh",
            exclusive=False,
        )

    def action_evidence_status(self) -> None:
        current = self.current.evidence_status if self.current else None
        options = [(s.value, s.value) for s in EvidenceStatus]
        self._choose("Evidence status", options, current, HistoryAction.EVIDENCE_STATUS)

    def action_review_state(self) -> None:
        current = self.current.review_state if self.current else None
        signs_off = desk(self).actor.may(Permission.SIGN_OFF)
        if current == ReviewState.VERIFIED and not signs_off:
            self.notify("only an editor sends a verified claim back", severity="warning")
            return
        options = [
            (s.value, s.value.replace("_", " "))
            for s in ReviewState
            if signs_off or s != ReviewState.VERIFIED
        ]
        self._choose("Review state", options, current, HistoryAction.REVIEW_STATE)

    def _choose(
        self, title: str, options: list[tuple[str, str]], current: str | None, action: HistoryAction
    ) -> None:
        if not self.targets():
            return
        suffix = f" ({len(self.targets())} marked)" if self.table.marked else ""

        def done(value: str | None) -> None:
            if value:
                self.apply(action, value, f"{action.value.replace('_', ' ')} {value}")

        self.app.push_screen(ChoiceDialog(title + suffix, options, current), done)

    def action_start_review(self) -> None:
        self.apply(HistoryAction.REVIEW_STATE, ReviewState.IN_REVIEW, "in review")

    def action_verify(self) -> None:
        self.apply(HistoryAction.REVIEW_STATE, ReviewState.VERIFIED, "verified")

    def action_dismiss_claim(self) -> None:
        self.apply(HistoryAction.REVIEW_STATE, ReviewState.DISMISSED, "dismissed")

    def action_note(self) -> None:
        def done(text: str | None) -> None:
            if text is not None:
                self.apply(HistoryAction.NOTE, text, "note added")

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
                what = f"assigned to {who.strip()}" if who.strip() else "unassigned"
                self.apply(HistoryAction.ASSIGNEE, who, what)

        if self.targets():
            current = (self.current.assignee if self.current else None) or ""
            self.app.push_screen(
                TextPrompt(f"Assign {self._what()} to (blank: nobody)", value=current), done
            )

    def action_add_evidence(self) -> None:
        if self.current is not None:
            ask_for_evidence(self, self.current, self._evidence_added)

    def action_fix_evidence(self) -> None:
        if self.current is not None:
            fix_evidence(self, self.current)

    def _evidence_added(self, added: EvidenceAdded) -> None:
        claim_id = added.change.claim_id
        self.undo.push([added.change])
        self._after_change(added.fresh, {claim_id})
        self.notify(f"claim {claim_id}: evidence added", timeout=2.5)
        if added.change.evidence_id is not None:
            self.detail.fetch_link(claim_id, added.change.evidence_id, added.url)

    def action_publish(self) -> None:
        if self.current is not None:
            ask_for_publication(self, self.current, self._published)

    def _published(self, done: Published) -> None:
        self._after_change(done.fresh, {done.claim_id})
        what = (
            ", ".join(c.action.value.replace("_", " ") for c in done.changes) or "nothing changed"
        )
        self.notify(f"claim {done.claim_id}: {what}", timeout=3)

    def action_undo(self) -> None:
        """Undo this screen's last change; decided when its turn comes, after earlier changes."""

        def run(ledger: Ledger) -> tuple[list[Change], list[ClaimRow]]:
            changes = self.undo.pop()
            if changes is None:
                return [], []
            ledger.revert(changes)
            return changes, ledger.rows_by_id({c.claim_id for c in changes})

        desk(self).write(run, self._undone, owner=self, failed=self._undo_refused)

    def _undone(self, result: tuple[list[Change], list[ClaimRow]]) -> None:
        changes, fresh = result
        if not changes:
            self.notify("Nothing to undo", severity="warning")
            return
        self.undo.undone(changes, {r.id: r.version for r in fresh})
        if any(c.action == HistoryAction.CREATED for c in changes):
            self.load_view(self.view)  # a recorded claim is gone: the rows move
            self.notify("Undone")
            return
        ids = {c.claim_id for c in changes}
        self._after_change(fresh, ids)
        what = ", ".join(sorted({c.undone() for c in changes}))
        self.notify(f"Undone on {len(ids)} claim{'s' * (len(ids) != 1)}: {what}", timeout=2.5)

    def _undo_refused(self, error: LedgerError) -> None:
        self.notify(str(error), severity="error", timeout=8)
        if isinstance(error, StaleEdit):
            self.refresh_claims({error.claim_id})

    # -- moving and marking -------------------------------------------------
    def action_next_open(self) -> None:
        self.table.next_open(forward=True)

    def action_previous_open(self) -> None:
        self.table.next_open(forward=False)

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
                self.undo.push(changes)
                self.load_view(self.view)

        self.app.push_screen(ReaderScreen(row.source_id, row.id), done)

    # -- what the detail pane shows -----------------------------------------
    def action_matches(self) -> None:
        self.detail.pick_match()

    def action_check_links(self) -> None:
        self.detail.check_links()

    def action_conflicts(self) -> None:
        claim_id = self.detail.claim_id
        if claim_id is None:
            return
        desk(self).read(
            lambda ledger: ledger.conflicts(claim_id=claim_id),
            lambda found: pick_conflict(self, claim_id, found),
            owner=self,
            group="conflicts",
        )

    def action_take_verdict(self) -> None:
        claim_id = self.detail.claim_id
        if claim_id is None:
            return
        desk(self).read(
            lambda ledger: read_travel(ledger, claim_id),
            lambda travel: pick_verdict(self, travel),
            owner=self,
            group="verdicts",
        )

    def action_open_link(self) -> None:
        self.detail.open_link()

    def action_fact_checks(self) -> None:
        self.detail.search_fact_checks()

    def action_export_view(self) -> None:
        ask_for_export(self)
