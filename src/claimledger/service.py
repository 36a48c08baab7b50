"""The one door to the ledger: every read and write the CLI and the TUI do goes through `Ledger`.

It owns the engine and every transaction (see `ledger.transactions`); what it hands out are the
typed, immutable records of `records`, never table rows or sessions. A change takes the write lock,
checks the workflow and (when given) the version the caller saw, and writes, in one transaction.
Network work (fetching a page, checking links) happens outside any transaction.

Adding an action: a function in `ledger/` that takes a session, and a method here that runs it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from claimledger.errors import InvalidValue, LedgerError
from claimledger.records import (
    Activity,
    Actor,
    Change,
    ClaimBrief,
    ClaimDetail,
    ClaimFilter,
    ClaimPage,
    ClaimRecord,
    ClaimRow,
    ConflictRecord,
    Counts,
    Cursor,
    EvidenceRecord,
    ExportLogRecord,
    HistoryRecord,
    ImportReport,
    IngestResult,
    LedgerReport,
    LinkReport,
    MatchPair,
    MatchRecord,
    Order,
    Outcome,
    PersonRecord,
    PublicationRecord,
    PublishingSettings,
    RatingScale,
    Reach,
    Verdict,
    Verification,
)
from claimledger.vocab import OPEN_STATES, HistoryAction

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from claimledger.export.by_article import ArticleClaims
    from claimledger.export.claimreview import Refused
    from claimledger.export.records import CsvRow, ExportRecord, JsonRow, ReviewRow
    from claimledger.export.spreadsheet import Per
    from claimledger.export.to_file import Exported, Progress
    from claimledger.ledger.backup import BackupReport
    from claimledger.ledger.copy import CopyReport
    from claimledger.ledger.ingest import Prepared as Prepared  # the CLI names it
    from claimledger.ledger.linkcheck import CheckedLink
    from claimledger.ledger.restore import RestoreReport
    from claimledger.ledger.transactions import Transactions
    from claimledger.ledger.watch import Watcher
    from claimledger.links import ArchiveResult, FactCheckSearch, LinkCheck, PageSnapshot


def busy_wait() -> float:
    """Seconds a change waits for another writer: CLAIMLEDGER_BUSY_WAIT, else 30."""
    from claimledger.ledger.transactions import DEFAULT_WAIT

    raw = os.environ.get("CLAIMLEDGER_BUSY_WAIT", "").strip()
    if not raw:
        return DEFAULT_WAIT
    try:
        value = float(raw)
    except ValueError:
        raise InvalidValue(
            f"CLAIMLEDGER_BUSY_WAIT must be a number of seconds, not {raw!r}"
        ) from None
    if not 0 <= value <= 3600:
        raise InvalidValue("CLAIMLEDGER_BUSY_WAIT must be between 0 and 3600 seconds")
    return value


@dataclass(frozen=True)
class Opened:
    """How the ledger was opened: whether it was upgraded, and where the backup went."""

    url: str
    upgraded_from: str | None
    backup: Path | None


INGEST_GROUP = 32
"""Articles stored per transaction by `Ledger.ingest_many`: fewer commits, and a stopped ingest
loses at most these few (the same command again adds them). Each commit writes the pages of the
recent keys' table it dirtied, about all of them whether 8 or 32 articles' keys went in: 32 cut
the writer's CPU by a tenth against 8 (three paired runs), and hold the write lock about 0.3 s."""
FOLD_CHECK_CLAIMS = 2_000
"""Claims an ingest stores between two looks at the recent keys' table (`fold_keys`): a look is a
count, cheap on SQLite, a scan on PostgreSQL."""
INGEST_GROUP_SECONDS = 0.25
"""Nor does a finished article wait longer than this for slower ones to join it."""


class Ledger:
    """A ledger opened for one person: `user` signs every change."""

    def __init__(self, engine: Engine, user: str, *, wait: float | None = None) -> None:
        from claimledger.ledger.transactions import Transactions

        self.user = user
        self.tx: Transactions = Transactions(engine, wait=busy_wait() if wait is None else wait)
        self.opened: Opened | None = None
        self.person = Actor(user, None, open_ledger=True)
        """Who opened it and their role, as of opening (the core checks again at every change)."""

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str] | None = None,
        *,
        user: str | None = None,
        create: bool = True,
        wait: float | None = None,
    ) -> Ledger:
        """Open (creating or upgrading if needed) the ledger at a path or URL."""
        from claimledger.db import open_ledger
        from claimledger.ledger.users import current_user

        who = current_user(user)
        wait = busy_wait() if wait is None else wait
        opened = open_ledger(target, create=create, label=f"claimledger ({who})", wait=wait)
        ledger = cls(opened.engine, who, wait=wait)
        ledger.opened = Opened(opened.url, opened.upgraded_from, opened.backup)
        ledger.person = ledger.actor()
        return ledger

    def close(self) -> None:
        self.tx.engine.dispose()

    # -- reading claims -----------------------------------------------------
    def rows(
        self,
        flt: ClaimFilter = ClaimFilter(),
        order: Order = "id",
        *,
        after: Cursor | None = None,
        before: Cursor | None = None,
        limit: int | None = 100,
    ) -> list[ClaimRow]:
        """One keyset page of light rows, for tables that scroll."""
        from claimledger.ledger import queries

        with self.tx.read() as s:
            return queries.list_rows(
                session=s, flt=flt, order=order, after=after, before=before, limit=limit
            )

    def rows_by_id(self, claim_ids: Iterable[int]) -> list[ClaimRow]:
        """Fresh rows for claims just changed (one query, however many)."""
        ids = tuple(claim_ids)
        return self.rows(ClaimFilter(ids=ids), limit=None) if ids else []

    def claims(
        self, flt: ClaimFilter = ClaimFilter(), order: Order = "id", *, limit: int | None = 100
    ) -> list[ClaimRecord]:
        """Claims in full, for listings that print everything."""
        return [c for page in self.claim_pages(flt, order, limit=limit) for c in page.claims]

    def claim_pages(
        self,
        flt: ClaimFilter = ClaimFilter(),
        order: Order = "id",
        *,
        limit: int | None = None,
        size: int = 1000,
    ) -> Iterator[ClaimPage]:
        """Claims in full, a keyset page at a time, from one snapshot, each page with its rows'
        flags: a listing of a million claims is written as it is read, never held whole."""
        from claimledger.ledger import queries
        from claimledger.ledger.convert import claim_record
        from claimledger.ledger.demand import reach_of, signals_of

        left = limit
        after: Cursor | None = None
        with self.tx.read() as s:
            while left is None or left > 0:
                want = size if left is None else min(size, left)
                found = queries.list_claims(
                    session=s, flt=flt, order=order, after=after, limit=want
                )
                if not found:
                    return
                ids = [c.id or 0 for c in found]
                labels = queries.source_names({c.source_id for c in found}, session=s)
                reach = reach_of(ids, session=s) if order == "demand" else {}
                yield ClaimPage(
                    tuple(claim_record(c, labels.get(c.source_id)) for c in found),
                    signals_of(ids, session=s),
                    reach,
                )
                last = found[-1]
                after = Cursor(id=last.id or 0, score=last.score, reach=reach.get(last.id or 0))
                s.expunge_all()  # the page's objects go: memory stays one page's
                if len(found) < want:
                    return
                if left is not None:
                    left -= len(found)

    def reach(self, claim_ids: Iterable[int]) -> dict[int, Reach]:
        """How widely each of these claims travels (claims only their own article carries are
        left out)."""
        from claimledger.ledger.demand import reach_of

        with self.tx.read() as s:
            return reach_of(claim_ids, session=s)

    def count(self, flt: ClaimFilter = ClaimFilter()) -> int:
        from claimledger.ledger import queries

        with self.tx.read() as s:
            return queries.count_claims(session=s, flt=flt)

    def counts(self, flt: ClaimFilter) -> Counts:
        """How many claims the filter shows, and how many are still to review in the ledger."""
        from claimledger.ledger import queries

        with self.tx.read() as s:
            shown = queries.count_claims(session=s, flt=flt)
            by_state = queries.counts_by_state(session=s)
        return Counts(shown, sum(by_state.get(st, 0) for st in OPEN_STATES))

    def claim(self, claim_id: int) -> ClaimRecord:
        from claimledger.ledger import queries
        from claimledger.ledger.convert import claim_record, source_label

        with self.tx.read() as s:
            claim = queries.get_claim(claim_id, session=s)
            return claim_record(claim, source_label(queries.get_source(claim.source_id, session=s)))

    def detail(self, claim_id: int, *, related: bool = True) -> ClaimDetail:
        """One claim in full; `related=False` leaves out its conflicts and verdicts elsewhere
        (the review UI reads those in notes of their own)."""
        from claimledger.ledger.detail import claim_detail

        with self.tx.read() as s:
            return claim_detail(claim_id, session=s, related=related)

    def history(self, claim_id: int) -> list[HistoryRecord]:
        """Every change to a claim, in the order the changes were committed."""
        from claimledger.ledger import queries
        from claimledger.ledger.convert import history_record

        with self.tx.read() as s:
            queries.get_claim(claim_id, session=s)
            return [history_record(h) for h in queries.history_for(claim_id, session=s)]

    def evidence(self, claim_id: int) -> list[EvidenceRecord]:
        from claimledger.ledger import queries
        from claimledger.ledger.convert import evidence_record

        with self.tx.read() as s:
            queries.get_claim(claim_id, session=s)
            return [evidence_record(e) for e in queries.evidence_for(claim_id, session=s)]

    def next_open(
        self, flt: ClaimFilter, order: Order, row: ClaimRow | None, *, forward: bool
    ) -> ClaimRow | None:
        """The nearest claim still to review after (or before) a row."""
        from claimledger.ledger import queries

        edge = row.cursor if row else None
        with self.tx.read() as s:
            return queries.next_open(
                session=s,
                flt=flt,
                order=order,
                after=edge if forward else None,
                before=None if forward else edge,
            )

    def source_claims(self, source_id: int) -> list[ClaimRow]:
        """Every claim of one article, in reading order, for the reader."""
        rows = self.rows(ClaimFilter(source=str(source_id)), limit=None)
        return sorted(rows, key=lambda r: r.id)

    def source_text(self, source_id: int) -> tuple[str, str]:
        """An article's text and its title (or file name)."""
        from claimledger.ledger import queries

        with self.tx.read() as s:
            source = queries.get_source(source_id, session=s)
            return source.text, source.title or source.path

    def spans(self, claim_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
        from claimledger.ledger import queries

        with self.tx.read() as s:
            return {
                cid: (c.start, c.end)
                for cid in claim_ids
                for c in [queries.get_claim(cid, session=s)]
            }

    def matches(self, claim_id: int) -> list[MatchRecord]:
        from claimledger.ledger.matches_view import matches_for

        with self.tx.read() as s:
            return matches_for(claim_id, session=s)

    def match_pairs(
        self, *, status: str | None = None, claim_id: int | None = None
    ) -> list[MatchPair]:
        from claimledger.ledger import queries
        from claimledger.ledger.matches import list_matches

        pairs = []
        with self.tx.read() as s:
            for m in list_matches(session=s, status=status, claim_id=claim_id):
                a = queries.get_claim(m.claim_id, session=s)
                b = queries.get_claim(m.other_id, session=s)
                assert m.id is not None and a.id is not None and b.id is not None
                pairs.append(
                    MatchPair(
                        id=m.id,
                        status=m.status,
                        similarity=m.similarity,
                        claim=ClaimBrief(a.id, a.source_id, a.quote),
                        other=ClaimBrief(b.id, b.source_id, b.quote),
                        decided_by=m.decided_by,
                    )
                )
        return pairs

    def export_records(
        self,
        flt: ClaimFilter,
        *,
        publications: bool = True,
        verified: bool = False,
        details: bool = True,
    ) -> Iterator[ExportRecord]:
        """One record per claim (what reports read), in id order, streamed in one consistent
        snapshot (one read transaction), a page in memory at a time; with `verified`, each page
        is verified as it is read and an altered one raises `RecordAltered` before any of its
        claims is yielded (write to a file that appears whole or not at all)."""
        from claimledger.export.records import export_records

        with self.tx.read() as s:
            yield from export_records(
                session=s,
                flt=flt,
                publications=publications,
                verified=verified,
                details=details,
            )

    def review_rows(self, flt: ClaimFilter, *, verified: bool = False) -> Iterator[ReviewRow]:
        """The claims as ClaimReview reads them: plain tuples of what it shows (see `export.records.review_rows`), in one read transaction."""
        from claimledger.export.records import review_rows

        with self.tx.read() as s:
            yield from review_rows(session=s, flt=flt, verified=verified)

    def csv_rows(self, flt: ClaimFilter, *, verified: bool = False) -> Iterator[CsvRow]:
        """The claims as the CSV (one row per claim) reads them: plain tuples of its cells (see `export.records.csv_rows`), in one read
        transaction."""
        from claimledger.export.records import csv_rows

        with self.tx.read() as s:
            yield from csv_rows(session=s, flt=flt, verified=verified)

    def json_rows(self, flt: ClaimFilter, *, verified: bool = False) -> Iterator[JsonRow]:
        """The claims as the JSON export reads them: plain tuples
        (see `export.records.json_rows`), in one read transaction."""
        from claimledger.export.records import json_rows

        with self.tx.read() as s:
            yield from json_rows(session=s, flt=flt, verified=verified)

    # -- other people's work ------------------------------------------------
    def latest_change(self) -> int:
        from claimledger.ledger import activity

        with self.tx.read() as s:
            return activity.latest_change(session=s)

    def changes_since(self, after_id: int) -> Activity:
        """Claims changed since a history id by anyone but this very `Ledger` (another terminal
        under the same name counts as someone else)."""
        from claimledger.ledger import activity

        with self.tx.read() as s:
            return activity.changes_since(after_id, session=s, not_ids=frozenset(self.tx.written))

    def watcher(self) -> Watcher:
        """Waits for changes others commit (SQLite's change counter, PostgreSQL's NOTIFY); give
        it its own thread: `watcher.changes(timeout)` blocks."""
        from claimledger.ledger.watch import Watcher

        return Watcher(self.tx.engine, self.changes_since, self.latest_change(), self.tx.written)

    # -- changing claims ----------------------------------------------------
    def review(
        self,
        claim_id: int,
        *,
        state: str | None = None,
        evidence_status: str | None = None,
        assignee: str | None = None,
        note: str | None = None,
        expected_version: int | None = None,
    ) -> ClaimRecord:
        """Several changes to one claim, all or none (evidence first, so a claim can be verified
        with the status that makes it verifiable)."""
        from claimledger.ledger import queries, review
        from claimledger.ledger.convert import claim_record

        def work(s: Any) -> ClaimRecord:
            review.lock_claim(claim_id, session=s, expected_version=expected_version)
            if evidence_status:
                review.set_evidence_status(claim_id, evidence_status, session=s, user=self.user)
            if state:
                review.set_review_state(claim_id, state, session=s, user=self.user)
            if assignee is not None:
                review.assign(claim_id, assignee, session=s, user=self.user)
            if note:
                review.add_note(claim_id, note, session=s, user=self.user)
            s.flush()
            claim = queries.get_claim(claim_id, session=s)
            return claim_record(claim, None)

        return self.tx.write(work)

    def apply(
        self,
        claim_ids: Iterable[int],
        action: str | HistoryAction,
        value: str | None,
        *,
        note: str | None = None,
        seen: Mapping[int, int] | None = None,
    ) -> Outcome:
        """One action on one or many claims; each refused claim is skipped with its reason.

        `seen`: the version of each claim the caller showed; a claim past it is refused as stale.
        """
        from claimledger.ledger import bulk

        kind = bulk.parse_action(str(action))
        ids = list(claim_ids)
        return self.tx.write(
            lambda s: bulk.apply(ids, kind, value, session=s, user=self.user, note=note, seen=seen)
        )

    def revert(self, changes: list[Change]) -> int:
        """Undo changes this person made, unless the claims moved on since."""
        from claimledger.ledger import undo

        return self.tx.write(lambda s: undo.revert(changes, session=s, user=self.user))

    def record_span(self, source_id: int, start: int, end: int, kind: str = "other") -> Change:
        """Record words the finder missed as a claim."""
        from claimledger.ledger import manual

        def work(s: Any) -> Change:
            claim = manual.record_span(source_id, start, end, session=s, user=self.user, type=kind)
            assert claim.id is not None
            return Change(claim.id, HistoryAction.CREATED, after="new", version=claim.version)

        return self.tx.write(work)

    def reject(self, claim_id: int, *, expected_version: int | None = None) -> Change | None:
        """Not a claim after all: dismissed, with the reason."""
        from claimledger.ledger import manual

        return self.tx.write(
            lambda s: manual.reject(
                claim_id, session=s, user=self.user, expected_version=expected_version
            )
        )

    def decide_match(self, match_id: int, status: str, *, expected: str | None = None) -> MatchPair:
        """Confirm or reject a suggested match; both claims' histories record it. `expected`: the
        status the person saw (the UI's), refused if someone decided otherwise since."""
        from claimledger.ledger.matches import decide

        def work(s: Any) -> int:
            return decide(match_id, status, session=s, user=self.user, expected=expected).claim_id

        claim_id = self.tx.write(work)
        return next(p for p in self.match_pairs(claim_id=claim_id) if p.id == match_id)

    def suggest_matches(self) -> int:
        """Look for the same claim in different articles across the whole ledger."""
        from claimledger.ledger.matches import suggest_all

        return self.tx.write(lambda s: suggest_all(session=s))

    # -- evidence -----------------------------------------------------------
    def add_evidence(
        self,
        claim_id: int,
        url: str,
        stance: str,
        note: str | None = None,
        *,
        snapshot: PageSnapshot | None = None,
        archived: ArchiveResult | None = None,
    ) -> tuple[EvidenceRecord, Change]:
        """A link on a claim; with a snapshot, the page as it was (the baseline for re-checks)."""
        from claimledger.ledger.convert import evidence_record
        from claimledger.ledger.evidence import add_evidence

        def work(s: Any) -> tuple[EvidenceRecord, Change]:
            ev = add_evidence(
                claim_id,
                url,
                stance=stance,
                note=note,
                session=s,
                user=self.user,
                snapshot=snapshot,
                archived=archived,
            )
            record = evidence_record(ev)
            from claimledger.ledger.queries import get_claim

            version = get_claim(claim_id, session=s).version
            change = Change(
                claim_id,
                HistoryAction.EVIDENCE,
                after=f"{ev.stance} {ev.url}",
                evidence_id=ev.id,
                version=version,
            )
            return record, change

        return self.tx.write(work)

    def check_evidence_target(self, claim_id: int, url: str, stance: str) -> str:
        """The cleaned URL, after checking the claim exists: mistakes before any network work."""
        from claimledger.ledger.evidence import check_url
        from claimledger.vocab import parse_stance

        clean = check_url(url)
        parse_stance(stance)
        self.claim(claim_id)
        return clean

    def fetch_evidence(self, evidence_id: int, url: str) -> LinkReport | None:
        """Fetch (and archive) a link just added, then record what came back.

        None when the desk is offline (the link stays unchecked until `links check`)."""
        from claimledger.ledger.evidence import check_url
        from claimledger.ledger.linkcheck import record_snapshot, snapshot_for_evidence
        from claimledger.links import LinkSettings

        if LinkSettings.from_env().offline:
            return None
        snap, archived = snapshot_for_evidence(url)
        added = check_url(url)  # the address as the link was stored

        def work(s: Any) -> LinkReport:
            ev = record_snapshot(evidence_id, snap, archived, session=s, user=self.user, url=added)
            return LinkReport(
                state=ev.link_state,
                status=ev.http_status,
                title=ev.title,
                error=ev.fetch_error,
                archive_problem=archived.message if archived and not archived.ok else None,
            )

        return self.tx.write(work)

    def check_links(
        self,
        *,
        claim_id: int | None = None,
        concurrency: int = 20,
        per_host: int = 2,
        on_progress: Callable[[Hashable, LinkCheck], None] | None = None,
        on_start: Callable[[int], None] | None = None,
    ) -> list[CheckedLink]:
        """Re-check evidence links (all, or one claim's) and record what changed."""
        from claimledger.ledger.linkcheck import check_and_record

        return check_and_record(
            self.tx,
            user=self.user,
            claim_id=claim_id,
            concurrency=concurrency,
            per_host=per_host,
            on_progress=on_progress,
            on_start=on_start,
        )

    def fact_checks(
        self, claim_id: int, *, query: str | None = None, max_results: int = 50
    ) -> tuple[str, FactCheckSearch]:
        """Fact-checks other outlets published about this claim: the words searched, what came."""
        from claimledger.ledger.factchecks import published_fact_checks

        quote = self.claim(claim_id).quote
        return published_fact_checks(quote, query=query, max_results=max_results)

    def import_evidence(self, path: Path, *, batch: int = 200) -> ImportReport:
        """Evidence from a JSON file: every entry checked first, then written `batch` entries a
        transaction (a big file never holds the lock long; running it again adds only what is
        missing)."""
        from claimledger.ledger.evidence import read_evidence_file

        entries = read_evidence_file(path)
        added = already = 0
        unmatched: list[str] = []
        for start in range(0, len(entries), batch):
            part = entries[start : start + batch]
            try:
                done = self._import_batch(part)
            except LedgerError as exc:  # the disk full, the server gone: say what is stored
                raise LedgerError(
                    f"{exc}; stopped after {start} of {len(entries)} entries ({added} added), "
                    "each batch stored whole or not at all; the same command again adds the rest"
                ) from exc
            added, already = added + done.added, already + done.already
            unmatched.extend(done.unmatched)
        return ImportReport(added, already, tuple(unmatched))

    def _import_batch(self, entries: list[dict[str, Any]]) -> ImportReport:
        from claimledger.ledger.evidence import import_entries

        return self.tx.write(lambda s: import_entries(entries, session=s, user=self.user))

    # -- people, rules and proof ---------------------------------------------
    def actor(self) -> Actor:
        """Who this ledger was opened for, and what their role lets them do."""
        from claimledger.ledger import roles

        with self.tx.read() as s:
            return roles.actor(self.user, session=s)

    def people(self) -> list[PersonRecord]:
        from claimledger.ledger import roles

        with self.tx.read() as s:
            return roles.people(session=s)

    def add_person(self, name: str, role: str) -> PersonRecord:
        """Add someone to the ledger, or change their role (an admin's work, once there is one)."""
        from claimledger.ledger import roles

        return self.tx.write(lambda s: roles.add_person(name, role, by=self.user, session=s))

    def remove_person(self, name: str) -> None:
        from claimledger.ledger import roles

        self.tx.write(lambda s: roles.remove_person(name, by=self.user, session=s))

    def rules(self) -> dict[str, bool]:
        from claimledger.ledger import roles

        with self.tx.read() as s:
            return roles.rules(session=s)

    def set_rule(self, key: str, on: bool) -> None:
        from claimledger.ledger import roles

        self.tx.write(lambda s: roles.set_rule(key, on, by=self.user, session=s))

    def verify(
        self,
        claim_ids: Iterable[int] | None = None,
        *,
        states: tuple[str, ...] = (),
        checkpoint: int | None = None,
    ) -> Verification:
        """Recompute the history's hash chain and every claim's state from it (read-only):
        all claims, some, or those in some review states."""
        from claimledger.ledger.verify import verify

        ids = None if claim_ids is None else list(claim_ids)
        with self.tx.read() as s:
            return verify(session=s, claim_ids=ids, states=states, checkpoint=checkpoint)

    def backup(self, target: Path, *, replace: bool = False) -> BackupReport:
        """A consistent copy of the ledger in a SQLite file, while others keep writing."""
        from claimledger.ledger.backup import backup

        assert self.opened is not None
        return backup(self.tx.engine, self.opened.url, target, replace=replace)

    def restore(self, backup_file: Path) -> BackupReport:
        """Replace this ledger with a backup (an admin's work on a ledger with people); the
        replaced ledger is kept beside it. The ledger is closed afterwards."""
        from claimledger.ledger.backup import restore
        from claimledger.vocab import Permission

        assert self.opened is not None
        with self.tx.read() as s:
            from claimledger.ledger import roles

            roles.require(self.user, Permission.PEOPLE, session=s)
        self.close()
        return restore(self.opened.url, backup_file)

    # -- articles -----------------------------------------------------------
    def ingest(self, prepared: Prepared) -> IngestResult:
        """Store one article read and extracted beforehand: one short transaction per article."""
        from claimledger.ledger.ingest import store

        return self.tx.write(lambda s: store(prepared, session=s, user=self.user))

    def ingest_many(self, articles: Iterable[Prepared]) -> Iterator[IngestResult]:
        """Store articles as they come, up to `INGEST_GROUP` a transaction (or what
        `INGEST_GROUP_SECONDS` brings), each still whole or not at all: a commit per article was
        a sixth of the writer's time. Each group's results are given once it is committed.
        Every FOLD_CHECK_CLAIMS claims and at the end, the recent keys are folded if enough."""
        from claimledger.ledger.bulk_gc import fewer_collections

        with fewer_collections():
            yield from self._ingest_groups(articles)

    def _ingest_groups(self, articles: Iterable[Prepared]) -> Iterator[IngestResult]:
        group: list[Prepared] = []
        started = 0.0
        unchecked = 0
        for prepared in articles:
            if not group:
                started = time.monotonic()
            group.append(prepared)
            if len(group) >= INGEST_GROUP or time.monotonic() - started > INGEST_GROUP_SECONDS:
                for result in self._stored(group):
                    unchecked += result.claims
                    yield result
                group = []
                if unchecked >= FOLD_CHECK_CLAIMS:
                    self.fold_keys()
                    unchecked = 0
        if group:
            yield from self._stored(group)
        self.fold_keys()

    def ingest_group(self, group: Sequence[Prepared]) -> list[IngestResult]:
        """Store several articles in one transaction. Should one of them fail, they are stored
        again one at a time, so those before it are kept and the error is that article's own."""
        return list(self._stored(group))

    def _stored(self, group: Sequence[Prepared]) -> Iterator[IngestResult]:
        """`ingest_group`, each result given once committed: when one article of the retry fails
        (the disk full), those stored before it are still reported."""
        from claimledger.ledger.ingest import store

        if len(group) == 1:
            yield self.ingest(group[0])
            return
        try:
            results = self.tx.write(lambda s: [store(p, session=s, user=self.user) for p in group])
        except LedgerError:
            for p in group:
                yield self.ingest(p)
            return
        yield from results

    def fold_keys(self, *, whole: bool = False) -> int:
        """Move the recent blocking keys into the big table once there are enough of them (or
        now, `whole`), a key range a transaction; returns how many moved (`ledger.claim_keys`)."""
        from claimledger.ledger import claim_keys

        with self.tx.read() as s:
            if not whole and claim_keys.recent_rows(session=s) < claim_keys.RECENT_ROWS:
                return 0

        def fold(low: int, high: int) -> Callable[[Session], int]:
            return lambda s: claim_keys.fold_range(low, high, session=s)

        return sum(self.tx.write(fold(low, high)) for low, high in claim_keys.fold_ranges())

    # publication ----------------------------------------------------------
    # What the published fact-check says (ledger.publication), the whole-ledger archive
    # (export.archive, ledger.restore) and the desk's report (ledger.report).
    def publishing_settings(self) -> PublishingSettings:
        """Who publishes, the fact-check page address template, the rating scale."""
        from claimledger.ledger.publication import read_settings

        with self.tx.read() as s:
            return read_settings(session=s)

    def set_publisher(
        self,
        *,
        org_name: str | None = None,
        org_url: str | None = None,
        url_template: str | None = None,
    ) -> PublishingSettings:
        """Change the given settings ("" clears one); the others stay."""
        from claimledger.ledger.publication import set_publisher

        return self.tx.write(
            lambda s: set_publisher(
                session=s,
                user=self.user,
                org_name=org_name,
                org_url=org_url,
                url_template=url_template,
            )
        )

    def set_rating_scale(self, specs: list[str]) -> RatingScale:
        """A new scale from `["True=5", ..., "Unrateable"]`, best first; refused while a claim
        carries a verdict it lacks."""
        from claimledger.ledger.publication import parse_scale, set_scale

        scale = parse_scale(specs)
        return self.tx.write(lambda s: set_scale(scale, session=s, user=self.user))

    def publication(self, claim_id: int) -> PublicationRecord | None:
        from claimledger.ledger import queries
        from claimledger.ledger.publication import publication_for

        with self.tx.read() as s:
            queries.get_claim(claim_id, session=s)
            return publication_for(claim_id, session=s)

    def suggest_statement(self, claim_id: int) -> str:
        """A short claimReviewed from the claim's quote, for the editor to rewrite."""
        from claimledger.ledger.publication import suggest_statement

        return suggest_statement(self.claim(claim_id).quote)

    def statement_problems(self, statement: str) -> list[str]:
        """What Google's guidance flags in a statement (too long, a verdict in it)."""
        from claimledger.ledger.publication import statement_problems

        return statement_problems(statement, self.publishing_settings().scale)

    def publish(
        self,
        claim_id: int,
        *,
        url: str | None = None,
        statement: str | None = None,
        rating: str | None = None,
        summary: str | None = None,
        published: bool | None = True,
        published_at: datetime | None = None,
        expected_version: int | None = None,
    ) -> list[Change]:
        """Record a claim's fact-check ("" clears a field, None leaves it); `published` True
        marks it published (verified claims only, with page, statement and rating), False
        withdraws it, None keeps it a draft. One history entry per field changed."""
        from claimledger.ledger.publication import publish

        return self.tx.write(
            lambda s: publish(
                claim_id,
                session=s,
                user=self.user,
                url=url,
                statement=statement,
                rating=rating,
                summary=summary,
                published=published,
                published_at=published_at,
                expected_version=expected_version,
            )
        )

    def write_export(
        self,
        flt: ClaimFilter,
        fmt: str,
        out: TextIO,
        settings: PublishingSettings | None = None,
        *,
        verified: bool,
        refused: Callable[[Refused], None] | None = None,
        per: Per = "claim",
        bom: bool = False,
        progress: Progress | None = None,
    ) -> int:
        """The claims the filter selects written to `out` (see `export.to_file.write_view`), in
        one consistent snapshot; how many."""
        from claimledger.export.to_file import write_view

        with self.tx.read() as s:
            return write_view(
                s, flt, fmt, out, settings, verified=verified, refused=refused, per=per, bom=bom,
                progress=progress,
            )  # fmt: skip

    def archive_lines(self, *, verified: bool = False) -> Iterator[str]:
        """The whole ledger as JSON Lines (see `export.archive`), in one consistent snapshot;
        with `verified`, each page of claims verified as it is read (as `export_records`)."""
        from claimledger.export.archive import archive_lines

        with self.tx.read() as s:
            yield from archive_lines(session=s, verified=verified)

    def import_archive(self, path: Path) -> RestoreReport:
        """An archive read back: checked whole first, then written in one transaction."""
        from claimledger.ledger import roles
        from claimledger.ledger.restore import check_file, restore
        from claimledger.vocab import Permission

        check_file(path)

        def work(s: Any) -> RestoreReport:
            roles.require(self.user, Permission.PEOPLE, session=s)  # entries signed by others
            return restore(path, session=s)

        return self.tx.write(work)

    # -- the exports the ledger remembers (ledger.export_log) ----------------
    def export_mark(self) -> int:
        """Where an export starting now stands in the history (see `ledger.export_log`)."""
        from claimledger.ledger.export_log import history_mark

        return self.tx.write(lambda s: history_mark(session=s))

    def last_export(self, fmt: str) -> ExportLogRecord | None:
        from claimledger.ledger.export_log import last_export

        with self.tx.read() as s:
            return last_export(fmt, session=s)

    def log_export(
        self, fmt: str, filters: dict[str, Any], *, started_at: datetime, claims: int, mark: int
    ) -> ExportLogRecord:
        """Remember an export that completed: what, with which filters, when, by whom."""
        from claimledger.ledger.export_log import log_export

        return self.tx.write(
            lambda s: log_export(
                fmt,
                filters,
                started_at=started_at,
                claims=claims,
                mark=mark,
                session=s,
                user=self.user,
            )
        )

    def exports(self, fmt: str | None = None) -> list[ExportLogRecord]:
        from claimledger.ledger.export_log import exports

        with self.tx.read() as s:
            return exports(session=s, fmt=fmt)

    def report(self, *, recent: int = 10, sources: int = 10) -> LedgerReport:
        from claimledger.ledger.report import ledger_report

        with self.tx.read() as s:
            return ledger_report(session=s, recent=recent, sources=sources)

    def export_view(self, flt: ClaimFilter, fmt: str, path: Path) -> Exported:
        """The claims the filter selects, written to `path` (see `export.to_file`), as the CLI's
        `export` writes them: their record verified first (an altered one is refused), ClaimReview
        only with a publishing organisation."""
        from claimledger.export.to_file import VIEW_FORMATS, export_to_file

        if fmt not in VIEW_FORMATS:
            raise InvalidValue(f"unknown format {fmt!r} (one of: {', '.join(VIEW_FORMATS)})")
        if not path.parent.is_dir():
            raise InvalidValue(f"folder {path.parent} does not exist")
        if path.is_dir():
            raise InvalidValue(f"{path} is a folder: name a file")
        settings = None
        if fmt == "claimreview":
            settings = self.publishing_settings()
            if not settings.org_name:
                raise InvalidValue(
                    "ClaimReview needs the publishing organisation: "
                    "claimledger publishing set --org NAME"
                )
        with self.tx.read() as s:
            return export_to_file(s, flt, fmt, path, settings)

    def report_articles(self, flt: ClaimFilter) -> Iterator[ArticleClaims]:
        """The claims the filter selects, article by article, with their notes (for the HTML
        report), streamed in one read transaction."""
        from claimledger.export.by_article import articles

        with self.tx.read() as s:
            yield from articles(session=s, flt=flt)

    # conflicts and travelling verdicts
    def conflicts(
        self, *, status: str | None = None, claim_id: int | None = None
    ) -> list[ConflictRecord]:
        """Pairs of claims whose figures cannot both be true (dismissed ones only when asked)."""
        from claimledger.ledger.conflicts_view import conflicts

        with self.tx.read() as s:
            return conflicts(session=s, status=status, claim_id=claim_id)

    def decide_conflict(
        self,
        conflict_id: int,
        status: str,
        note: str | None = None,
        *,
        expected: str | None = None,
    ) -> ConflictRecord:
        """Confirm or dismiss a suggested conflict; both claims' histories record it. `expected`:
        the status the person saw (the UI's), refused if someone decided otherwise since."""
        from claimledger.ledger.conflicts import decide
        from claimledger.ledger.conflicts_view import conflict_record

        def work(s: Any) -> ConflictRecord:
            row = decide(
                conflict_id, status, session=s, user=self.user, note=note, expected=expected
            )
            s.flush()
            found = conflict_record(row, session=s)
            assert found is not None
            return found

        return self.tx.write(work)

    def scan_conflicts(self) -> int:
        """Look for conflicting figures across the whole ledger (a ledger from before they were)."""
        from claimledger.ledger.conflicts import scan

        return self.tx.write(lambda s: scan(session=s))

    def earlier_verdicts(self, claim_id: int) -> list[Verdict]:
        """The same claim, already reviewed or verified elsewhere: verdict, evidence, who decided."""
        from claimledger.ledger.verdicts import earlier_verdicts

        with self.tx.read() as s:
            return earlier_verdicts(claim_id, session=s)

    def take_verdict(self, claim_id: int, from_id: int) -> list[Change]:
        """Give a claim the verdict of the same claim decided elsewhere (history says from where)."""
        from claimledger.ledger.verdicts import carry

        return self.tx.write(lambda s: carry(claim_id, from_id, session=s, user=self.user))

    def outdated_copies(self, claim_id: int) -> list[int]:
        """Claims that took this claim's verdict and show an older one since it changed."""
        from claimledger.ledger.verdicts import outdated_copies

        with self.tx.read() as s:
            return outdated_copies(claim_id, session=s)

    def update_copies(self, claim_id: int) -> list[Change]:
        """Carry this claim's current verdict to the claims that took an older one."""
        from claimledger.ledger.verdicts import update_copies

        return self.tx.write(lambda s: update_copies(claim_id, session=s, user=self.user))

    def edit_evidence(
        self,
        evidence_id: int,
        *,
        stance: str | None = None,
        note: str | None = None,
        url: str | None = None,
    ) -> EvidenceRecord:
        """Correct a link's stance, note or address (in the claim's history)."""
        from claimledger.ledger.convert import evidence_record
        from claimledger.ledger.evidence_edits import edit_evidence

        return self.tx.write(
            lambda s: evidence_record(
                edit_evidence(
                    evidence_id, session=s, user=self.user, stance=stance, note=note, url=url
                )
            )
        )

    def remove_evidence(self, evidence_id: int, reason: str | None = None) -> EvidenceRecord:
        """Take a link off its claim (the history keeps what it was)."""
        from claimledger.ledger.convert import evidence_record
        from claimledger.ledger.evidence_edits import remove_evidence

        def work(s: Any) -> EvidenceRecord:
            ev = remove_evidence(evidence_id, session=s, user=self.user, reason=reason)
            return evidence_record(ev)

        return self.tx.write(work)

    def acknowledge_link_change(self, evidence_id: int, note: str | None = None) -> EvidenceRecord:
        """A changed page looked at and still fine: it becomes the baseline at the next check."""
        from claimledger.ledger.convert import evidence_record
        from claimledger.ledger.evidence_edits import acknowledge_change

        return self.tx.write(
            lambda s: evidence_record(
                acknowledge_change(evidence_id, session=s, user=self.user, note=note)
            )
        )


# -- work that needs no ledger: reading articles and pages, before anything is written ---------
def prepare(path: Path | str) -> Prepared:
    """Read one article and find its claims (no database)."""
    from claimledger.ledger.ingest import prepare as run

    return run(path)


def prepare_many(files: list[Path]) -> Iterator[tuple[Path, Prepared | LedgerError]]:
    """Read and extract many articles (in worker processes when there are many)."""
    from claimledger.ledger.ingest import prepare_many as run

    yield from run(files)


def is_url(arg: str) -> bool:
    from claimledger.ledger.fetch_source import is_url as check

    return check(arg)


def fetch_source(url: str, sources_dir: Path) -> Path:
    """Fetch a page and save it as an article file in the sources folder."""
    from claimledger.ledger.fetch_source import fetch_source as run

    return run(url, sources_dir)


def snapshot(url: str) -> tuple[PageSnapshot, ArchiveResult | None]:
    """Fetch (and archive) a page, before its evidence row is written."""
    from claimledger.ledger.linkcheck import snapshot_for_evidence

    return snapshot_for_evidence(url)


def copy_ledger(
    source: str,
    target: str,
    *,
    replace: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> CopyReport:
    """Copy a whole ledger to another database (SQLite to PostgreSQL and back), ids kept."""
    from claimledger.db import database_url, open_ledger
    from claimledger.ledger.copy import copy_ledger as run

    if database_url(source) == database_url(target):
        raise InvalidValue("the source and the target are the same ledger")
    src = open_ledger(source, create=False)
    dst = open_ledger(target, create=True)
    try:
        return run(src.engine, dst.engine, replace=replace, progress=progress)
    finally:
        src.engine.dispose()
        dst.engine.dispose()
