"""The ledger screen's keys that look outside the claim: matches in other articles, links to open.

A mixin like `ViewActions`, to keep the screen one readable file.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.screen import Screen

from claimledger.errors import LedgerError
from claimledger.ledger.queries import ClaimRow
from claimledger.ledger.undo import Change
from claimledger.links.factcheck import FactCheckSearch
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.store import LedgerStore, LinkReport
from claimledger.tui.widgets.detail import DetailPane


class ElsewhereActions(Screen[None]):
    store: LedgerStore
    _archive_told = False  # an archive problem is said once a session: it lasts until restart

    @property
    def current(self) -> ClaimRow | None:
        raise NotImplementedError

    def _changed(
        self, changes: list[Change], summary: str | None = None, *, undoable: bool = True
    ) -> None:
        raise NotImplementedError

    def action_matches(self) -> None:
        row = self.current
        if row is None:
            return
        try:
            found = self.store.matches(row.id)
        except LedgerError as exc:
            self.notify(str(exc), severity="error")
            return
        if not found:
            self.notify(f"Claim {row.id} has no matches in other articles")
            return
        options = [
            (
                f"{verb}:{m['id']}",
                f"{verb} #{m['claim_id']} {m['source']} ({m['similarity']:.2f}, {m['status']})",
            )
            for m in found
            for verb in ("confirmed", "rejected")
        ]

        def done(value: str | None) -> None:
            if not value:
                return
            status, match_id = value.split(":")
            try:
                self.store.decide_match(int(match_id), status)
            except (LedgerError, ImportError) as exc:
                self.notify(str(exc), severity="error")
                return
            self._changed([], f"match {status}")  # redraws the detail, which lists matches

        self.app.push_screen(ChoiceDialog(f"Matches of claim {row.id}", options), done)

    def fetch_link(self, claim_id: int, evidence_id: int, url: str) -> None:
        """A link just added is fetched (and archived) in a worker; the row is already saved."""
        self._fetch_link(claim_id, evidence_id, url)

    @work(thread=True, group="links")
    def _fetch_link(self, claim_id: int, evidence_id: int, url: str) -> None:
        try:
            report = self.store.fetch_evidence(evidence_id, url)
        except LookupError:  # undone while the page loaded
            return
        except LedgerError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        if report is not None:
            self.app.call_from_thread(self._link_done, claim_id, report)

    def _link_done(self, claim_id: int, report: LinkReport) -> None:
        self.notify(
            report.summary(), severity="warning" if report.state == "dead" else "information"
        )
        if report.archive_problem and not self._archive_told:
            self._archive_told = True
            self.notify(f"Not archived: {report.archive_problem}", severity="warning")
        self._refresh_detail(claim_id)

    def action_check_links(self) -> None:
        row = self.current
        if row is None:
            return
        self.notify(f"Checking the links of claim {row.id}", timeout=2)
        self._check_links(row.id)

    @work(thread=True, exclusive=True, group="check-links")
    def _check_links(self, claim_id: int) -> None:
        try:
            counts = self.store.check_links(claim_id)
        except LedgerError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self._links_checked, claim_id, counts)

    def _links_checked(self, claim_id: int, counts: dict[str, int]) -> None:
        if not counts:
            self.notify(f"Claim {claim_id} has no evidence links", severity="warning")
            return
        total = sum(counts.values())
        states = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
        bad = any(state != "alive" for state in counts)
        self.notify(
            f"Claim {claim_id}: {total} link(s): {states}",
            severity="warning" if bad else "information",
        )
        self._refresh_detail(claim_id)

    def _refresh_detail(self, claim_id: int) -> None:
        if self.current is not None and self.current.id == claim_id:
            self._fetch_detail(claim_id)

    _fetch_detail: Callable[..., object]  # the screen's detail worker

    def action_open_link(self) -> None:
        """The article's own URL first: the claim is judged against what was published."""
        detail = self.query_one(DetailPane).detail
        if detail is None:
            return
        urls = [detail["source"]["url"], *(e["url"] for e in detail["evidence"])]
        url = next((u for u in urls if u), None)
        if url is None:
            self.notify("No link for this claim", severity="warning")
            return
        self.app.open_url(url)
        self.notify(f"Opening {url}")

    def action_fact_checks(self) -> None:
        row = self.current
        if row is None:
            return
        self.notify(f"Searching published fact-checks for claim {row.id}", timeout=2)
        self._fact_checks(row.id)

    @work(thread=True, exclusive=True, group="fact-checks")
    def _fact_checks(self, claim_id: int) -> None:
        try:
            found = self.store.fact_checks(claim_id)
        except LedgerError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self._show_fact_checks, claim_id, found)

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
