"""The detail pane: the claim inside its paragraph, then metadata, evidence, matches and history.

It loads what it shows, and it answers the keys about what it shows: the links (open, fetch,
re-check), the same claim in other articles, fact-checks published elsewhere. All of it is read and
written in workers; a failure is a message, never an exit.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from claimledger.errors import LedgerError, NotFound
from claimledger.records import ClaimDetail, LinkReport, MatchPair, MatchRecord
from claimledger.service import Ledger
from claimledger.tui.browser import graphical_browser, no_browser_message
from claimledger.tui.calls import desk
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.widgets.conflict_note import ConflictNote
from claimledger.tui.widgets.detail_text import (
    evidence_text,
    history_text,
    matches_text,
    metadata_text,
    paragraph_text,
)
from claimledger.tui.widgets.verdict_note import VerdictNote
from claimledger.vocab import LinkState

if TYPE_CHECKING:
    from claimledger.links import FactCheckSearch


class DetailPane(VerticalScroll):
    """Scrolls on its own, so a long history never pushes the table off screen.

    `want(id)` shows a claim a moment after the cursor stops on it (not for every row it passes);
    `reload(ids)` reads it again if it is one of the claims that just changed.
    """

    DEFAULT_CSS = """
    DetailPane { padding: 0 1; }
    DetailPane > Static { margin-bottom: 1; }
    """
    SETTLE_SECONDS = 0.05

    detail: ClaimDetail | None = None
    claim_id: int | None = None
    """The claim the pane shows, or is loading."""
    _archive_told = False  # an archive problem is said once a session: it lasts until restart

    def compose(self) -> ComposeResult:
        yield Static(id="detail-meta")
        yield ConflictNote(id="detail-conflicts")
        yield VerdictNote(id="detail-verdicts")
        yield Static(id="detail-paragraph")
        yield Static(id="detail-evidence")
        yield Static(id="detail-matches")
        yield Static(id="detail-history")

    def on_mount(self) -> None:
        self._timer: Timer | None = None
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show(self.detail))

    # -- loading ------------------------------------------------------------
    def want(self, claim_id: int | None) -> None:
        """Show this claim once the cursor has rested on it."""
        self.claim_id = claim_id
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.SETTLE_SECONDS, self._load)

    def reload(self, claim_ids: set[int] | frozenset[int]) -> None:
        """Read the claim again if it is one of these (it changed)."""
        if self.claim_id is not None and self.claim_id in claim_ids:
            self._load()

    def _load(self) -> None:
        claim_id = self.claim_id
        if claim_id is None:
            self.show(None)
            return
        desk(self).read(
            lambda ledger: ledger.detail(claim_id, related=False),
            self._loaded,
            owner=self,
            group="detail",
            failed=self._not_loaded,
        )

    def _loaded(self, detail: ClaimDetail) -> None:
        if detail.claim.id == self.claim_id:
            self.show(detail)

    def _not_loaded(self, error: LedgerError) -> None:
        self.show(None)
        self.query_one("#detail-meta", Static).update(Text(str(error), "dim"))

    def show(self, detail: ClaimDetail | None) -> None:
        self.detail = detail
        self.query_one(ConflictNote).want(detail.claim.id if detail is not None else None)
        self.query_one(VerdictNote).want(detail.claim.id if detail is not None else None)
        parts: dict[str, RenderableType] = {
            "detail-meta": Text("No claim selected.", "dim"),
            "detail-paragraph": "",
            "detail-evidence": "",
            "detail-matches": "",
            "detail-history": "",
        }
        if detail is not None:
            parts = {
                "detail-meta": metadata_text(detail, self.app.theme_variables),
                "detail-paragraph": paragraph_text(detail),
                "detail-evidence": evidence_text(detail),
                "detail-matches": matches_text(detail) if detail.matches else "",
                "detail-history": history_text(detail),
            }
        for widget_id, renderable in parts.items():
            widget = self.query_one(f"#{widget_id}", Static)
            widget.update(renderable)
            widget.display = bool(renderable)

    # -- the same claim in other articles -----------------------------------
    def pick_match(self) -> None:
        """Confirm or reject a suggested match of this claim."""
        claim_id = self.claim_id
        if claim_id is None:
            return
        desk(self).read(
            lambda ledger: ledger.matches(claim_id),
            lambda found: self._choose_match(claim_id, found),
            owner=self,
            group="matches",
        )

    def _choose_match(self, claim_id: int, found: list[MatchRecord]) -> None:
        if not found:
            self.notify(f"Claim {claim_id} has no matches in other articles")
            return
        options = [
            (f"{verb}:{m.id}", f"{verb} #{m.claim_id} {m.source} ({m.similarity:.2f}, {m.status})")
            for m in found
            for verb in ("confirmed", "rejected")
        ]

        def decided(pair: MatchPair) -> None:
            self.reload({pair.claim.id, pair.other.id})
            self.notify(f"match {pair.status}", timeout=2.5)

        def refused(error: LedgerError) -> None:
            self.reload({claim_id})  # what the other person decided shows
            self.notify(str(error), severity="warning", timeout=8)

        def done(value: str | None) -> None:
            if value:
                status, match_id = value.split(":")
                seen = next(m.status for m in found if m.id == int(match_id))
                desk(self).write(
                    lambda ledger: ledger.decide_match(int(match_id), status, expected=seen),
                    decided,
                    owner=self,
                    failed=refused,
                )

        self.app.push_screen(ChoiceDialog(f"Matches of claim {claim_id}", options), done)

    # -- links --------------------------------------------------------------
    def fetch_link(self, claim_id: int, evidence_id: int, url: str) -> None:
        """A link just added is fetched (and archived) in a worker; the row is already saved."""
        app = desk(self)

        def fetch(ledger: Ledger) -> LinkReport | None:
            with app.writing_now():  # it records what came back
                try:
                    return ledger.fetch_evidence(evidence_id, url)
                except (NotFound, LookupError):  # undone while the page loaded
                    return None

        app.read(
            fetch,
            lambda report: self._link_fetched(claim_id, report),
            owner=self,
            group="links",
            exclusive=False,
        )

    def _link_fetched(self, claim_id: int, report: LinkReport | None) -> None:
        if report is None:
            return
        dead = report.state == LinkState.DEAD
        self.notify(report.summary(), severity="warning" if dead else "information")
        if report.archive_problem and not self._archive_told:
            self._archive_told = True
            self.notify(f"Not archived: {report.archive_problem}", severity="warning")
        self.reload({claim_id})

    def check_links(self) -> None:
        """Fetch this claim's links again and record what changed."""
        claim_id = self.claim_id
        if claim_id is None:
            return
        self.notify(f"Checking the links of claim {claim_id}", timeout=2)
        app = desk(self)

        def check(ledger: Ledger) -> Counter[str]:
            with app.writing_now():
                return Counter(str(c.check.state) for c in ledger.check_links(claim_id=claim_id))

        app.read(
            check,
            lambda counts: self._links_checked(claim_id, counts),
            owner=self,
            group="check-links",
        )

    def _links_checked(self, claim_id: int, counts: Counter[str]) -> None:
        if not counts:
            self.notify(f"Claim {claim_id} has no evidence links", severity="warning")
            return
        total = sum(counts.values())
        states = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
        bad = any(state != LinkState.ALIVE for state in counts)
        self.notify(
            f"Claim {claim_id}: {total} link(s): {states}",
            severity="warning" if bad else "information",
        )
        self.reload({claim_id})

    def open_link(self) -> None:
        """The article's own URL first: the claim is judged against what was published."""
        detail = self.detail
        if detail is None:
            return
        urls = [detail.source.url, *(e.url for e in detail.evidence)]
        url = next((u for u in urls if u), None)
        if url is None:
            self.notify("No link for this claim", severity="warning")
            return
        if not graphical_browser():
            self.app.copy_to_clipboard(url)
            self.notify(no_browser_message(url), severity="warning", timeout=30, markup=True)
            return
        self.app.open_url(url)
        self.notify(f"Opening {url}", markup=False)

    # -- fact-checks published elsewhere ------------------------------------
    def search_fact_checks(self) -> None:
        claim_id = self.claim_id
        if claim_id is None:
            return
        self.notify(f"Searching published fact-checks for claim {claim_id}", timeout=2)
        desk(self).read(
            lambda ledger: ledger.fact_checks(claim_id)[1],
            lambda found: self._show_fact_checks(claim_id, found),
            owner=self,
            group="fact-checks",
        )

    def _show_fact_checks(self, claim_id: int, found: FactCheckSearch) -> None:
        if not found.results:
            text = "none published" if found.ok else found.message
            self.notify(
                f"Fact-checks of claim {claim_id}: {text}",
                severity="information" if found.ok else "warning",
            )
            return
        if not found.ok:
            self.notify(found.message, severity="warning")
        options = [
            (r.url or "", f"{r.rating or '?'} · {r.publisher or '?'} · {r.claim[:80]}")
            for r in found.results
            if r.url
        ]

        def done(url: str | None) -> None:
            if url:
                self.app.open_url(url)
                self.notify(f"Opening {url}")

        title = f"Published fact-checks like claim {claim_id} (Enter opens one)"
        self.app.push_screen(ChoiceDialog(title, options), done)
