"""The UI's one door to the ledger: each method is a short transaction over a core function.

Screens call these (directly for quick writes, from thread workers for reads that may be slow); no
SQL and no session handling lives in a screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from claimledger.db import session_scope
from claimledger.errors import LedgerError
from claimledger.ledger import activity, bulk, manual, queries, undo
from claimledger.ledger.detail import claim_detail
from claimledger.ledger.evidence import add_evidence
from claimledger.ledger.matches_view import matches_for
from claimledger.ledger.queries import ClaimFilter, ClaimRow, Cursor
from claimledger.tui.view import View

if TYPE_CHECKING:
    from claimledger.links import FactCheckSearch


@dataclass(frozen=True)
class Counts:
    shown: int
    left: int


@dataclass(frozen=True)
class LinkReport:
    """What fetching a new evidence link found, for a one-line notification."""

    state: str
    status: int | None
    title: str | None
    error: str | None
    archive_problem: str | None

    def summary(self) -> str:
        if self.state == "dead":
            return f"Link dead ({self.error or f'HTTP {self.status}'}): kept, marked dead"
        return f"Link {self.state} (HTTP {self.status}): {self.title or 'no title'}"


class LedgerStore:
    def __init__(self, engine: Engine, user: str) -> None:
        self.engine = engine
        self.user = user

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction; a locked or unreachable database becomes one line, not a crash."""
        try:
            with session_scope(self.engine) as s:
                yield s
        except DBAPIError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
            raise LedgerError(f"the ledger did not answer: {reason}") from exc

    # -- reading ------------------------------------------------------------
    def rows(
        self,
        view: View,
        after: Cursor | None = None,
        before: Cursor | None = None,
        limit: int = 100,
    ) -> list[ClaimRow]:
        with self.session() as s:
            return queries.list_rows(
                session=s, flt=view.flt, order=view.order, after=after, before=before, limit=limit
            )

    def rows_by_id(self, claim_ids: Iterable[int]) -> list[ClaimRow]:
        """Fresh rows for claims just changed (one query, however many were marked)."""
        ids = tuple(claim_ids)
        if not ids:
            return []
        with self.session() as s:
            return queries.list_rows(session=s, flt=ClaimFilter(ids=ids), limit=None)

    def counts(self, view: View) -> Counts:
        with self.session() as s:
            shown = queries.count_claims(session=s, flt=view.flt)
            by_state = queries.counts_by_state(session=s)
        return Counts(shown, sum(by_state.get(st, 0) for st in queries.OPEN_STATES))

    def detail(self, claim_id: int) -> dict[str, Any]:
        with self.session() as s:
            return {
                **claim_detail(claim_id, session=s),
                "matches": matches_for(claim_id, session=s),
            }

    def next_open(self, view: View, row: ClaimRow | None, forward: bool) -> ClaimRow | None:
        edge = row.cursor if row else None
        with self.session() as s:
            return queries.next_open(
                session=s,
                flt=view.flt,
                order=view.order,
                after=edge if forward else None,
                before=None if forward else edge,
            )

    def source_claims(self, source_id: int) -> list[ClaimRow]:
        """Every claim of one article, in reading order, for the reader."""
        with self.session() as s:
            rows = queries.list_rows(
                session=s, flt=ClaimFilter(source=str(source_id)), order="id", limit=None
            )
        return sorted(rows, key=lambda r: r.id)

    def source_text(self, source_id: int) -> tuple[str, str]:
        with self.session() as s:
            source = queries.get_source(source_id, session=s)
            return source.text, source.title or source.path

    def spans(self, claim_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
        with self.session() as s:
            return {
                cid: (c.start, c.end)
                for cid in claim_ids
                for c in [queries.get_claim(cid, session=s)]
            }

    # -- writing ------------------------------------------------------------
    def apply(
        self, ids: list[int], action: str, value: str | None, note: str | None = None
    ) -> bulk.Outcome:
        with self.session() as s:
            return bulk.apply(ids, action, value, session=s, user=self.user, note=note)

    def add_evidence(self, claim_id: int, url: str, stance: str, note: str | None) -> undo.Change:
        with self.session() as s:
            ev = add_evidence(claim_id, url, stance=stance, note=note, session=s, user=self.user)
            return undo.Change(
                claim_id, "evidence", after=f"{ev.stance} {ev.url}", evidence_id=ev.id
            )

    def fetch_evidence(self, evidence_id: int, url: str) -> LinkReport | None:
        """Fetch (and archive) a link just added and record what came back: run it in a worker.

        None when the desk is offline (the link stays unchecked until `links check`)."""
        from claimledger.ledger.linkcheck import record_snapshot, snapshot_for_evidence
        from claimledger.links import LinkSettings

        if LinkSettings.from_env().offline:
            return None
        snap, archived = snapshot_for_evidence(url)
        with self.session() as s:
            ev = record_snapshot(evidence_id, snap, archived, session=s, user=self.user)
            return LinkReport(
                state=ev.link_state,
                status=ev.http_status,
                title=ev.title,
                error=ev.fetch_error,
                archive_problem=archived.message if archived and not archived.ok else None,
            )

    def check_links(self, claim_id: int) -> dict[str, int]:
        """Re-check a claim's evidence links; how many came back in each state."""
        from claimledger.ledger.linkcheck import check_and_record

        counts: dict[str, int] = {}
        for link in check_and_record(self.session, user=self.user, claim_id=claim_id):
            counts[link.check.state] = counts.get(link.check.state, 0) + 1
        return counts

    def fact_checks(self, claim_id: int) -> FactCheckSearch:
        """Fact-checks other outlets published about this claim: run it in a worker."""
        from claimledger.ledger.factchecks import published_fact_checks

        return published_fact_checks(self.session, claim_id)[1]

    def latest_change(self) -> int:
        with self.session() as s:
            return activity.latest_change(session=s)

    def others_changes(self, after_id: int) -> activity.Activity:
        """What other people changed since then (a desk sharing one ledger)."""
        with self.session() as s:
            return activity.changes_since(after_id, session=s, not_by=self.user)

    def matches(self, claim_id: int) -> list[dict[str, Any]]:
        with self.session() as s:
            return matches_for(claim_id, session=s)

    def decide_match(self, match_id: int, status: str) -> None:
        """Confirm or reject a suggested match; both claims' histories record it."""
        from claimledger.ledger.matches import decide  # needs the extractor: load it when used

        with self.session() as s:
            decide(match_id, status, session=s, user=self.user)

    def revert(self, changes: list[undo.Change]) -> int:
        with self.session() as s:
            return undo.revert(changes, session=s, user=self.user)

    def record_span(self, source_id: int, start: int, end: int, kind: str = "other") -> undo.Change:
        with self.session() as s:
            claim = manual.record_span(source_id, start, end, session=s, user=self.user, type=kind)
            assert claim.id is not None
            return undo.Change(claim.id, "created", after="new")

    def reject(self, claim_id: int) -> undo.Change | None:
        with self.session() as s:
            before = queries.get_claim(claim_id, session=s).review_state
            claim = manual.reject(claim_id, session=s, user=self.user)
            if claim.review_state == before:
                return None
            return undo.Change(claim_id, "review_state", before=before, after=claim.review_state)


def search_view(view: View, text: str) -> View:
    return replace(view, flt=replace(view.flt, text=text.strip() or None))
