"""The ledger screen's keys that look outside the claim: matches in other articles, links to open.

A mixin like `ViewActions`, to keep the screen one readable file. The network work (fetching a link,
re-checking links, searching fact-checks) runs in workers like every ledger call.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from textual.screen import Screen

from claimledger.errors import NotFound
from claimledger.records import ClaimRow, LinkReport, MatchPair, MatchRecord
from claimledger.service import Ledger
from claimledger.tui.calls import desk
from claimledger.tui.screens.choice import ChoiceDialog
from claimledger.tui.widgets.detail import DetailPane
from claimledger.vocab import LinkState

if TYPE_CHECKING:
    from claimledger.links import FactCheckSearch


class ElsewhereActions(Screen[None]):
    _archive_told = False  # an archive problem is said once a session: it lasts until restart

    @property
    def current(self) -> ClaimRow | None:
        raise NotImplementedError

    def action_matches(self) -> None:
        row = self.current
        if row is None:
            return
        desk(self).read(
            lambda ledger: ledger.matches(row.id),
            lambda found: self._pick_match(row.id, found),
            owner=self,
            group="matches",
        )

    def _pick_match(self, claim_id: int, found: list[MatchRecord]) -> None:
        if not found:
            self.notify(f"Claim {claim_id} has no matches in other articles")
            return
        options = [
            (
                f"{verb}:{m.id}",
                f"{verb} #{m.claim_id} {m.source} ({m.similarity:.2f}, {m.status})",
            )
            for m in found
            for verb in ("confirmed", "rejected")
        ]

        def decided(pair: MatchPair) -> None:
            self.query_one(DetailPane).reload({pair.claim.id, pair.other.id})
            self.notify(f"match {pair.status}", timeout=2.5)

        def done(value: str | None) -> None:
            if not value:
                return
            status, match_id = value.split(":")
            desk(self).write(
                lambda ledger: ledger.decide_match(int(match_id), status), decided, owner=self
            )

        self.app.push_screen(ChoiceDialog(f"Matches of claim {claim_id}", options), done)

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
            lambda report: self._link_done(claim_id, report),
            owner=self,
            group="links",
            exclusive=False,
        )

    def _link_done(self, claim_id: int, report: LinkReport | None) -> None:
        if report is None:
            return
        self.notify(
            report.summary(),
            severity="warning" if report.state == LinkState.DEAD else "information",
        )
        if report.archive_problem and not self._archive_told:
            self._archive_told = True
            self.notify(f"Not archived: {report.archive_problem}", severity="warning")
        self.query_one(DetailPane).reload({claim_id})

    def action_check_links(self) -> None:
        row = self.current
        if row is None:
            return
        self.notify(f"Checking the links of claim {row.id}", timeout=2)
        app = desk(self)

        def check(ledger: Ledger) -> Counter[str]:
            with app.writing_now():
                return Counter(
                    str(link.check.state) for link in ledger.check_links(claim_id=row.id)
                )

        app.read(
            check,
            lambda counts: self._links_checked(row.id, counts),
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
        self.query_one(DetailPane).reload({claim_id})

    def action_open_link(self) -> None:
        """The article's own URL first: the claim is judged against what was published."""
        detail = self.query_one(DetailPane).detail
        if detail is None:
            return
        urls = [detail.source.url, *(e.url for e in detail.evidence)]
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
        desk(self).read(
            lambda ledger: ledger.fact_checks(row.id)[1],
            lambda found: self._show_fact_checks(row.id, found),
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
