"""What the table shows: a filter and an order. The queue is the default view."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from claimledger.records import ORDERS, ClaimFilter, Order
from claimledger.vocab import ReviewState

# `s` cycles through these: the queue first, then each state, then everything.
STATE_CYCLE: tuple[tuple[str, ...], ...] = (
    ("new",),
    ("in_review",),
    ("reviewed",),
    ("verified",),
    ("dismissed",),
    (),
)


ORDER_WORDS: dict[Order, str] = {
    "queue": "by check-worthiness",
    "demand": "by demand: most articles (a) and outlets (o) first",
    "id": "oldest first",
}


@dataclass(frozen=True)
class View:
    flt: ClaimFilter = field(default_factory=lambda: ClaimFilter(states=(ReviewState.NEW.value,)))
    order: Order = "queue"
    states_before_search: tuple[str, ...] | None = None
    """A search looks through every state; clearing it brings back the states shown before."""

    def describe(self) -> str:
        if self.flt == ClaimFilter(states=("new",)) and self.order == "queue":
            return "Queue: new, most check-worthy first"
        return f"{self.flt.describe()} · {ORDER_WORDS[self.order]}"

    def next_order(self) -> View:
        """The next order: check-worthiness, demand (how widely a claim travels), age."""
        return replace(self, order=ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)])

    def with_filter(self, flt: ClaimFilter) -> View:
        return replace(self, flt=flt)

    def next_state(self) -> View:
        """The next state in the cycle, keeping every other filter."""
        try:
            n = STATE_CYCLE.index(self.flt.states)
        except ValueError:
            n = -1
        states = STATE_CYCLE[(n + 1) % len(STATE_CYCLE)]
        return replace(self, flt=replace(self.flt, states=states), states_before_search=None)

    def with_search(self, text: str | None) -> View:
        """Search every claim, whatever its state (the results show each one's state)."""
        text = (text or "").strip() or None
        kept = self.states_before_search
        if text:
            before = self.flt.states if kept is None else kept
            return replace(
                self, flt=replace(self.flt, text=text, states=()), states_before_search=before
            )
        states = self.flt.states if kept is None else kept
        return replace(
            self, flt=replace(self.flt, text=None, states=states), states_before_search=None
        )
