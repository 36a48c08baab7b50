"""The claim table: draws only the rows on screen, from a `RowWindow` that pages through the ledger.

A DataTable would want every row up front; a ledger of a million claims does not fit that. This widget
renders line by line (Textual's line API) from a window of a few hundred rows. It loads what it shows:
the first page of a view, then a page more whenever the cursor nears an edge, each read in a worker
while the keys keep moving over the rows already there.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import ClassVar, Self

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from claimledger.errors import LedgerError
from claimledger.records import Activity, ClaimRow, Cursor
from claimledger.service import Ledger
from claimledger.terminal_text import visible
from claimledger.tui.calls import desk
from claimledger.tui.row_window import (
    REPLACING,
    PageArrival,
    PageRequest,
    RowWindow,
    Want,
    fetch_page,
)
from claimledger.tui.styles import evidence_style, flag_style, short, state_style
from claimledger.tui.view import View

COLUMNS = (("", 2), ("id", 7), ("state", 10), ("evidence", 13), ("type", 12), ("source", 18))
NARROW = 100  # below this width the type column goes
REACH = ("reach", 7)  # in demand order: articles and outlets carrying the claim (3a 2o)
CONFLICT_FLAG = "!"
"""A row with conflicting figures elsewhere (`!` goes to them)."""
DECIDED_FLAG = "="
"""A row whose claim was reviewed or verified elsewhere (`t` takes the verdict)."""


def flags_legend(rows: Iterable[ClaimRow]) -> str | None:
    """What the flags among these rows mean, so nobody has to be told (None: no flags)."""
    conflict = decided = False
    for row in rows:
        conflict = conflict or bool(row.conflicts)
        decided = decided or row.decided_elsewhere
    parts = [f"{CONFLICT_FLAG} conflicting figures"] if conflict else []
    parts += [f"{DECIDED_FLAG} decided elsewhere (t)"] if decided else []
    return " · ".join(parts) or None


def flag(row: ClaimRow) -> str:
    """What the first column tells of a row before anyone asks: a conflict, or a verdict to take."""
    if row.conflicts:
        return CONFLICT_FLAG
    return DECIDED_FLAG if row.decided_elsewhere else " "


class ClaimTable(Widget, can_focus=True):
    """Claims, one a line; the cursor row is the one the detail pane shows."""

    DEFAULT_CSS = """
    ClaimTable { height: 1fr; }
    ClaimTable > .claim-table--header { text-style: bold; background: $panel; }
    ClaimTable > .claim-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    ClaimTable:blur > .claim-table--cursor { background: $block-cursor-blurred-background; }
    ClaimTable > .claim-table--marked { color: $warning; text-style: bold; }
    ClaimTable > .claim-table--empty { color: $text-muted; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claim-table--header",
        "claim-table--cursor",
        "claim-table--marked",
        "claim-table--empty",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False, id="table.down", tooltip="Next claim"),
        Binding("up,k", "move(-1)", "Up", show=False, id="table.up", tooltip="Previous claim"),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="table.page_down",
            tooltip="A screen down",
        ),
        Binding(
            "pageup", "page(-1)", "Page up", show=False, id="table.page_up", tooltip="A screen up"
        ),
        Binding("home,g", "home", "First", show=False, id="table.home", tooltip="First claim"),
        Binding("end,G", "end", "Last", show=False, id="table.end", tooltip="Last claim"),
    ]

    class Highlighted(Message):
        """The cursor is on another claim (or on none)."""

        def __init__(self, row: ClaimRow | None) -> None:
            self.row = row
            super().__init__()

    class Loaded(Message):
        """The first page of a view is on screen (or could not be read: `error`)."""

        def __init__(self, view: View, error: LedgerError | None) -> None:
            self.view = view
            self.error = error
            super().__init__()

    class ChangedElsewhere(Message):
        """Claims changed by someone else (or by this person in another terminal)."""

        def __init__(self, activity: Activity, on_screen: int) -> None:
            self.activity = activity
            self.on_screen = on_screen
            super().__init__()

    def __init__(self, window: RowWindow, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.window = window
        self.view = View()
        self.fetching_view = False
        self.marked: set[int] = set()
        self.empty_text = "No claims here."
        self._screen_row = 0
        self._last_id: int | None = None
        self._loads = 0
        self._seen_change: int | None = None
        self._looking = False
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        """Rendered rows, keyed by everything that shows in them: a move that scrolls draws one
        new line, not a screenful."""
        self._painted: tuple[int, ...] = ()
        """The ids of the rows on screen as last asked to paint, for moves that scroll nothing."""

    # -- loading ------------------------------------------------------------
    def show_view(self, view: View) -> None:
        """Show another view; the rows on screen stay until its first page comes."""
        self.view = view
        self.fetching_view = True
        self._loads += 1
        self.window.forget_pending()
        load = self._loads
        desk(self).read(
            lambda ledger: ledger.rows(view.flt, view.order, limit=self.window.page),
            partial(self._first_page, load),
            owner=self,
            group="page",
            failed=partial(self._first_page_failed, load),
        )

    def _first_page(
        self, load: int, rows: list[ClaimRow], error: LedgerError | None = None
    ) -> None:
        if load == self._loads:
            self.fetching_view = False
            self.window.reset(rows)
            self.reload()
            self.post_message(self.Loaded(self.view, error))

    def _first_page_failed(self, load: int, error: LedgerError) -> None:
        self._first_page(load, [], error)

    def _fetch(self, requests: list[PageRequest]) -> None:
        if self.fetching_view:
            return  # the rows on screen belong to the previous view: its first page replaces them
        view = self.view

        def rows(
            ledger: Ledger, after: Cursor | None, before: Cursor | None, n: int
        ) -> list[ClaimRow]:
            return ledger.rows(view.flt, view.order, after=after, before=before, limit=n)

        def run(request: PageRequest, ledger: Ledger) -> PageArrival:
            return fetch_page(request, partial(rows, ledger))

        for request in requests:
            desk(self).read(
                partial(run, request),
                self.arrived,
                owner=self,
                group=f"rows-{request.want.value}",
                exclusive=False,
                failed=self._fetch_failed,
            )

    def _fetch_failed(self, error: LedgerError) -> None:
        self.window.forget_pending()  # asked again on the next move
        self.notify(str(error), severity="error")

    def arrived(self, arrival: PageArrival) -> None:
        """A page came back from the ledger: show it, and ask for more if still near an edge."""
        if arrival.request.want in REPLACING:
            landed = self.window.arrive(arrival)
            if landed and arrival.request.want == Want.LAST:
                self._screen_row = self.visible_rows - 1
            self._changed(force=landed)
        elif self.window.arrive(arrival):
            self._changed()

    # -- changes made elsewhere ---------------------------------------------
    def watch_others(self) -> None:
        """Look for claims changed by anyone else: one indexed read of the newest history, and
        the rows on screen among them read again."""
        app = desk(self)
        if self._looking or app.writing:
            return  # a change of ours being saved is not someone else's: look after it
        self._looking = True
        seen, seq = self._seen_change, app.write_seq
        shown = frozenset(r.id for r in self.window.rows)

        def look(ledger: Ledger) -> tuple[Activity, list[ClaimRow]]:
            if seen is None:
                return Activity(ledger.latest_change(), frozenset(), frozenset()), []
            found = ledger.changes_since(seen)
            return found, ledger.rows_by_id(found.claim_ids & shown)

        app.read(
            look,
            partial(self._looked, seq),
            owner=self,
            group="others",
            exclusive=False,
            failed=self._not_looked,
        )

    def _not_looked(self, _error: LedgerError) -> None:
        self._looking = False  # a passing lock or a lost connection: look again next time

    def _looked(self, seq: int, found: tuple[Activity, list[ClaimRow]]) -> None:
        self._looking = False
        activity, fresh = found
        app = desk(self)
        if app.writing or app.write_seq != seq:
            return  # one of ours was saved meanwhile and may be in there: look again
        self._seen_change = max(self._seen_change or 0, activity.last_id)
        if activity.claim_ids:
            self.show_rows(fresh)
            self.post_message(self.ChangedElsewhere(activity, len(fresh)))

    def show_rows(self, fresh: list[ClaimRow]) -> None:
        """Claims read again after a change: shown in place, as they now are."""
        for row in fresh:
            self.window.replace(row)
        self.refresh()

    # -- moving -------------------------------------------------------------
    @property
    def visible_rows(self) -> int:
        return max(1, self.size.height - 1)

    def action_move(self, delta: int) -> None:
        was = self._screen_row
        self._moved(self.window.move(delta), was=was)

    def action_page(self, direction: int) -> None:
        self._moved(self.window.move(direction * self.visible_rows))

    def action_home(self) -> None:
        self._ask(self.window.home())
        self._screen_row = 0
        self._changed()

    def action_end(self) -> None:
        self._ask(self.window.end())
        self._screen_row = self.visible_rows - 1
        self._changed()

    def move_to_index(self, index: int) -> None:
        self._moved(self.window.move(index - self.window.cursor))

    def next_open(self, *, forward: bool) -> None:
        """To the nearest claim still to review below (or above) the cursor, wherever it is."""
        view, row, load = self.view, self.window.current, self._loads

        def found(row: ClaimRow | None) -> None:
            if load != self._loads:
                return
            if row is None:
                self.notify("No more claims to review " + ("below" if forward else "above"))
            else:
                self.jump_to(row)

        desk(self).read(
            lambda ledger: ledger.next_open(view.flt, view.order, row, forward=forward),
            found,
            owner=self,
            group="jump",
        )

    def jump_to(self, row: ClaimRow) -> None:
        """To a row found by a query: at once if held, else when its page arrives."""
        before = self.window.cursor
        self._ask(self.window.jump_to(row))
        self._moved(self.window.cursor - before)

    def _ask(self, request: PageRequest | None) -> None:
        if request is not None:
            self._fetch([request])

    def reload(self) -> None:
        """The window was refilled: keep the cursor's place on screen if it still fits."""
        self._changed(force=True)

    def _moved(self, moved: int, *, was: int | None = None) -> None:
        self._screen_row += moved
        self._changed(was=was)

    def _shown_ids(self) -> tuple[int, ...]:
        top = self.top
        return tuple(r.id for r in self.window.rows[max(0, top) : top + self.visible_rows])

    def _repaint(self, was: int | None) -> None:
        """After a move (`was`: the cursor's line before it) that left the same rows on screen,
        only the two cursor lines are drawn again: a key costs two lines, not a screenful."""
        shown = self._shown_ids()
        if was is None or shown != self._painted:
            self._painted = shown
            self.refresh()
            return
        width = self.size.width
        for line in {was, self._screen_row}:
            self.refresh(Region(0, line + 1, width, 1))

    def _changed(self, force: bool = False, *, was: int | None = None) -> None:
        self._screen_row = max(0, min(self._screen_row, self.visible_rows - 1, self.window.cursor))
        self._repaint(None if force else was)
        wanted = self.window.wanted()
        if wanted:
            self._fetch(wanted)
        row = self.window.current
        new_id = row.id if row else None
        if force or new_id != self._last_id:
            self._last_id = new_id
            self.post_message(self.Highlighted(row))

    @property
    def top(self) -> int:
        return self.window.cursor - self._screen_row

    # -- mouse --------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            index = self.top + event.y - 1
            if 0 <= index < len(self.window.rows):
                self._screen_row = event.y - 1
                self.window.cursor = index
                self._changed()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.action_move(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.action_move(-3)

    def on_resize(self) -> None:
        self._changed()

    # -- drawing ------------------------------------------------------------
    def _columns(self) -> list[tuple[str, int]]:
        hidden = {"type"} if self.size.width < NARROW else set()
        source_width = 18 if self.size.width >= NARROW else 12
        cols = [(n, source_width if n == "source" else w) for n, w in COLUMNS if n not in hidden]
        if self.view.order == "demand":
            cols.insert(2, REACH)
        used = sum(w for _, w in cols)
        cols.append(("quote", max(10, self.size.width - used)))
        return cols

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        self._base_style = None  # Textual refreshes on any change of style, focus or theme
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    _base_style: Style | None = None

    @property
    def base_style(self) -> Style:
        """`rich_style`, worked out once per repaint rather than once per line (it walks every
        ancestor's styles, and a repaint draws forty lines)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            cols = self._columns()
            style = self.get_component_rich_style("claim-table--header")
            text = "".join(name.ljust(w)[:w] for name, w in cols)
            return Strip([Segment(text.ljust(width)[:width], style)])
        index = self.top + y - 1
        rows = self.window.rows
        if not rows:
            if y == 1:
                style = self.get_component_rich_style("claim-table--empty")
                return Strip([Segment(f"  {self.empty_text}".ljust(width)[:width], style)])
            return Strip.blank(width, self.base_style)
        if index >= len(rows):
            return Strip.blank(width, self.base_style)
        row = rows[index]
        on_cursor = index == self.window.cursor
        # everything the line is drawn from: the order decides the columns (demand adds reach)
        key = (row, on_cursor, row.id in self.marked, width, self.view.order, self.has_focus,
               self.app.theme)  # fmt: skip
        strip = self._lines.get(key)
        if strip is None:
            line = self._row_text(row, self._columns())
            if on_cursor:
                line.stylize(self.get_component_rich_style("claim-table--cursor"))
            line.truncate(width, pad=True)
            segments = list(line.render(self.app.console))
            strip = Strip(segments, width).apply_style(self.base_style)
            self._lines[key] = strip
        return strip

    def _row_text(self, row: ClaimRow, cols: list[tuple[str, int]]) -> Text:
        marked = row.id in self.marked
        theme = self.app.theme_variables
        shown = "●" if marked else flag(row)
        mark_style = self.get_component_rich_style("claim-table--marked")
        cells: dict[str, tuple[str, Style | str]] = {
            "": (shown, mark_style if shown in "● " else flag_style(bool(row.conflicts), theme)),
            "reach": (row.reach.short() if row.reach else "", "dim"),
            "id": (str(row.id), ""),
            "state": (short(row.review_state), state_style(row.review_state, theme)),
            "evidence": (row.evidence_status, evidence_style(row.evidence_status, theme)),
            "type": (visible(short(row.type)), ""),
            "source": (visible(row.source), "dim"),
            "quote": (" ".join(visible(row.quote).split()), ""),
        }
        text = Text(no_wrap=True, overflow="ellipsis")
        for name, width in cols:
            value, style = cells[name]
            cell = value if len(value) < width else value[: max(0, width - 2)] + "…"
            text.append(cell.ljust(width)[:width], style)
        return text
