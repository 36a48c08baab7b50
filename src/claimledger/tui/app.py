"""The review UI's app: opens the ledger screen, applies the user's keymap, offers the palette.

It is also the UI's only way to the ledger: `read` and `write` run a function of the `Ledger` in a
thread worker and hand its result back on the UI thread, so no key ever waits on the database or the
network. Writes run one at a time, in the order they were asked for (a lock held by another program
makes them wait in their worker, not in the UI). A failing call is a notification, never an exit.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import get_current_worker

from claimledger.credentials import without_credentials_in
from claimledger.errors import LedgerError
from claimledger.service import Ledger
from claimledger.terminal_text import visible
from claimledger.tui.commands import LedgerCommands
from claimledger.tui.keymap import keymap_path, load_keymap
from claimledger.tui.screens.help import HelpScreen
from claimledger.tui.screens.ledger import LedgerScreen

T = TypeVar("T")
Failed = Callable[[LedgerError], None]


def _unexpected(exc: BaseException) -> str:
    return f"Something went wrong: {type(exc).__name__}: {exc}"


class _Call:
    """One call to the ledger: what to run in the worker, and who to tell on the UI thread."""

    def __init__(
        self,
        run: Callable[[Ledger], Any],
        done: Callable[[Any], None],
        failed: Failed | None,
        owner: DOMNode,
    ) -> None:
        self.run, self.done, self.failed, self.owner = run, done, failed, owner


class ClaimLedgerApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "claimledger"
    COMMANDS = App.COMMANDS | {LedgerCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]  # noqa: RUF012 (Textual's own type)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (every change is already saved)"),
        Binding(
            "question_mark,f1",
            "help",
            "Help",
            show=False,
            id="app.help",
            tooltip="Show every key and what it does",
        ),
    ]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Messages carry ledger and page text (titles, URLs, names): shown as written, never
        obeyed by the terminal nor read as markup, and without URL passwords."""
        del markup
        super().notify(
            visible(without_credentials_in(message)),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def __init__(self, ledger: Ledger, *, keymap: Path | None = None) -> None:
        super().__init__()
        self.ledger = ledger
        self.keymap_file = keymap if keymap is not None else keymap_path()
        self.actor = ledger.person
        """Who is reviewing and what their role lets them do (keys it may not use are hidden)."""
        self.sub_title = f"reviewing as {self.actor.describe()}"
        self._writes: deque[_Call] = deque()
        self._lock = threading.Lock()
        self._draining = False
        self._in_flight = 0
        self._recording = 0
        self._quit_asked = False
        self.write_seq = 0
        """Counts writes started: a look at others' changes taken across one is not trusted."""
        self.writes_signal: Signal[int] = Signal(self, "writes")
        """Published with the number of changes waiting or being saved."""

    def on_load(self) -> None:
        keys, problem = load_keymap(self.keymap_file)
        self.set_keymap(keys)
        self._keymap_problem = problem

    def on_mount(self) -> None:
        if self._keymap_problem:
            self.notify(self._keymap_problem, severity="warning")

    def get_default_screen(self) -> Screen[None]:
        return LedgerScreen()

    # -- the way to the ledger ----------------------------------------------
    def read(
        self,
        run: Callable[[Ledger], T],
        done: Callable[[T], None],
        *,
        owner: DOMNode,
        group: str,
        exclusive: bool = True,
        failed: Failed | None = None,
    ) -> None:
        """Run `run(ledger)` in a worker; `done(result)` on the UI thread if `owner` is still there.

        With `exclusive`, a newer call in the same group supersedes an older one's answer."""
        call = _Call(run, done, failed, owner)
        self.run_worker(
            partial(self._call, call),
            name=group,
            group=group,
            exclusive=exclusive,
            thread=True,
            exit_on_error=False,
        )

    def write(
        self,
        run: Callable[[Ledger], T],
        done: Callable[[T], None],
        *,
        owner: DOMNode,
        failed: Failed | None = None,
    ) -> None:
        """Queue a change: changes are saved one at a time, in the order asked for."""
        with self._lock:
            self._writes.append(_Call(run, done, failed, owner))
            start = not self._draining
            self._draining = True
        self.writes_signal.publish(self.pending_writes)
        if start:
            self._drain_writes()

    @property
    def pending_writes(self) -> int:
        """Changes the person asked for that are not saved (or refused) yet."""
        return len(self._writes) + self._in_flight

    @property
    def writing(self) -> bool:
        """Anything of ours being written: a queued change, or a link's state being recorded."""
        return self._in_flight + self._recording > 0

    @contextmanager
    def writing_now(self) -> Iterator[None]:
        """Around a call outside the queue that writes (a link fetched and its state recorded)."""
        with self._lock:
            self._recording += 1
            self.write_seq += 1
        try:
            yield
        finally:
            with self._lock:
                self._recording -= 1

    @work(thread=True, group="writes", exit_on_error=False)
    def _drain_writes(self) -> None:
        while True:
            with self._lock:
                if not self._writes:
                    self._draining = False
                    break
                call = self._writes.popleft()
                self._in_flight += 1  # in the same breath: never seen as neither queued nor saving
                self.write_seq += 1
            try:
                self._call(call, check_cancelled=False)
            finally:
                with self._lock:
                    self._in_flight -= 1
            self._back(self.writes_signal.publish, self.pending_writes)
        self._back(self.writes_signal.publish, self.pending_writes)

    def _call(self, call: _Call, check_cancelled: bool = True) -> None:
        """In a worker thread: run the call, hand back the result or the error."""
        try:
            result = call.run(self.ledger)
        except Exception as exc:  # LedgerError, or a bug or a bad setting: a message, not an exit
            self._back(self._failed, call, exc)
            return
        if check_cancelled and get_current_worker().is_cancelled:
            return  # a newer call of the same kind answers instead
        self._back(self._done, call, result)

    def _back(self, callback: Callable[..., None], *args: Any) -> None:
        """Run on the UI thread; if the app is closing there is no one to tell."""
        if not self.is_running:
            return
        try:
            self.call_from_thread(callback, *args)
        except Exception as exc:  # the callback failed: say so rather than lose the worker
            if self.is_running:
                self.call_from_thread(self.notify, _unexpected(exc), severity="error", timeout=8)

    def _done(self, call: _Call, result: Any) -> None:
        if call.owner.is_attached:
            call.done(result)

    def _failed(self, call: _Call, exc: Exception) -> None:
        if not isinstance(exc, LedgerError):  # a bug or a bad setting, said in one line
            exc = LedgerError(_unexpected(exc))
        if call.failed is not None and call.owner.is_attached:
            call.failed(exc)
        else:
            self.notify(str(exc), severity="error", timeout=8)

    async def action_quit(self) -> None:
        """Quit; with changes still waiting for the ledger, only when asked twice."""
        waiting = self.pending_writes
        if waiting and not self._quit_asked:
            self._quit_asked = True
            self.notify(
                f"{waiting} change{'s' * (waiting != 1)} still waiting for the ledger (another "
                "program is writing). Press q again to quit: it is still saved if the ledger "
                f"frees within {self.ledger.tx.wait:g} s.",
                severity="warning",
                timeout=10,
            )
            return
        self.exit()

    # -- help ---------------------------------------------------------------
    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_table()))

    def key_table(self) -> list[tuple[str, str, str]]:
        """(keys, what it does, binding id) for the screen in front, keys as the keymap set them."""
        grouped: dict[str, tuple[list[str], str]] = {}
        for active in self.active_bindings.values():
            binding = active.binding
            if not binding.description:
                continue
            name = binding.id or binding.action
            keys, _ = grouped.setdefault(name, ([], binding.tooltip or binding.description))
            display = self.get_key_display(binding)
            if display not in keys:
                keys.append(display)
        rows = [(" ".join(keys), what, name) for name, (keys, what) in grouped.items()]
        # The desk's own actions first, then moving around, then Textual's generic keys.
        rank = {"ledger": 0, "reader": 0, "table": 1, "app": 2}
        return sorted(rows, key=lambda row: rank.get(row[2].split(".")[0], 3))
