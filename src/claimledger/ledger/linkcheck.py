"""What the HTTP layer found, written onto evidence rows.

The network work happens before or after the write (never inside a transaction); these functions
only copy results onto rows, so a slow page never holds the ledger locked.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from claimledger.credentials import without_credentials
from claimledger.errors import LedgerError, NotFound
from claimledger.ledger.queries import get_claim
from claimledger.ledger.review import lock_claim, record
from claimledger.models import Evidence
from claimledger.vocab import HistoryAction, LinkState

if TYPE_CHECKING:
    from claimledger.ledger.transactions import Transactions
    from claimledger.links import ArchiveResult, LinkCheck, LinkSettings, PageSnapshot


def apply_snapshot(evidence: Evidence, snap: PageSnapshot) -> None:
    """The page as it was when the evidence was added: the baseline later checks compare with."""
    evidence.final_url = snap.final_url
    evidence.http_status = snap.status
    evidence.title = snap.title
    evidence.content_hash = snap.content_hash
    evidence.retrieved_at = snap.retrieved_at
    evidence.fetch_error = snap.error
    evidence.checked_at = snap.retrieved_at
    if snap.refused or snap.offline:
        evidence.link_state = LinkState.UNCHECKED.value
        evidence.checked_at = None
    elif snap.unread:
        evidence.link_state = LinkState.UNREAD.value
    elif snap.error or (snap.status or 0) >= 400:
        evidence.link_state = LinkState.DEAD.value
    else:
        evidence.link_state = LinkState.ALIVE.value


def apply_archive(evidence: Evidence, result: ArchiveResult) -> None:
    if result.ok and result.archive_url:
        evidence.archive_url = result.archive_url
        evidence.archived_at = result.archived_at


def links_to_check(*, session: Session, claim_id: int | None = None) -> list[Evidence]:
    stmt = select(Evidence).order_by(col(Evidence.id))
    if claim_id is not None:
        stmt = stmt.where(Evidence.claim_id == claim_id)
    return list(session.exec(stmt))


def apply_check(
    evidence_id: int,
    check: LinkCheck,
    *,
    session: Session,
    user: str,
    checked: tuple[str, str | None] | None = None,
) -> Evidence:
    """Record a re-check; a change of state is also written in the claim's history.

    A link that was not checked (refused by the settings) keeps its state: only why is noted.
    `checked` is the address and the baseline the check read before fetching: the link may
    have been edited meanwhile (see `_rebased`)."""
    evidence = _locked(evidence_id, session=session)
    if checked is not None:
        url, baseline = checked
        if evidence.url != url:  # re-addressed since: this check is of another page
            raise LookupError(evidence_id)
        check = _rebased(check, baseline, evidence.content_hash)
    if check.state == LinkState.UNCHECKED:
        evidence.fetch_error = check.error
        session.add(evidence)
        return evidence
    before = evidence.link_state
    evidence.link_state = check.state
    evidence.checked_at = check.checked_at
    evidence.http_status = check.status
    evidence.fetch_error = check.error
    if check.final_url:
        evidence.final_url = check.final_url
    if evidence.content_hash is None and check.content_hash and check.state == "alive":
        evidence.content_hash = check.content_hash  # first successful fetch becomes the baseline
    _save(evidence, before, session=session, user=user)
    return evidence


def _locked(evidence_id: int, *, session: Session) -> Evidence:
    """The link as it is now, its claim locked first (as every change to a link does).

    A link read before that lock may be one a colleague is removing or editing: on PostgreSQL a
    check that waited for a removal recorded a state for the removed link, then failed with a
    traceback."""
    found = session.get(Evidence, evidence_id)
    if found is None:  # deleted while the check ran
        raise LookupError(evidence_id)
    try:
        lock_claim(found.claim_id, session=session)
    except NotFound:  # its claim taken back (an undone span), the link with it
        raise LookupError(evidence_id) from None
    evidence = session.get(Evidence, evidence_id, populate_existing=True)
    if evidence is None:
        raise LookupError(evidence_id)
    return evidence


def _rebased(check: LinkCheck, baseline: str | None, now: str | None) -> LinkCheck:
    """A page compared with a baseline that has changed since (a change acknowledged while the
    check ran) is compared again with the baseline the link has now; otherwise the stale
    comparison flagged an acknowledged page as changed again."""
    from dataclasses import replace

    if baseline == now or check.state not in (LinkState.ALIVE, LinkState.CHANGED):
        return check
    if not check.content_hash:
        return check
    same = now is None or now == check.content_hash
    return replace(check, state=(LinkState.ALIVE if same else LinkState.CHANGED).value)


def _save(evidence: Evidence, before: str, *, session: Session, user: str) -> None:
    """Write the row; a link whose state changed says so in its claim's history."""
    session.add(evidence)
    if before != evidence.link_state:
        claim = lock_claim(evidence.claim_id, session=session)
        record(
            claim,
            HistoryAction.LINK_STATE,
            session=session,
            user=user,
            before=before,
            after=f"{evidence.link_state} {evidence.url}",
        )


def snapshot_for_evidence(
    url: str, *, archive: bool = True
) -> tuple[PageSnapshot, ArchiveResult | None]:
    """Fetch (and archive) a page before the evidence row is written; runs its own event loop."""
    import asyncio

    from claimledger.links import LinkSettings, archive_url, fetch_page, make_client
    from claimledger.links.check import network_answers

    settings = LinkSettings.from_env()
    url = without_credentials(url)  # neither fetched with nor sent to the archive

    async def run() -> tuple[PageSnapshot, ArchiveResult | None]:
        async with make_client(settings) as client:
            snap = await fetch_page(client, url, settings=settings, read_verdicts=True)
            if snap.unreachable and not await network_answers(client, settings):
                snap.offline = True
                snap.error = OFFLINE
                return snap, None
            if snap.refused:
                return snap, None  # a page we may not fetch is not sent to the archive either
            result = await archive_url(client, url, settings=settings) if archive else None
            return snap, result

    return asyncio.run(run())


def record_snapshot(
    evidence_id: int,
    snap: PageSnapshot,
    archived: ArchiveResult | None,
    *,
    session: Session,
    user: str,
    url: str | None = None,
) -> Evidence:
    """Write a fetch of `url` made after the evidence row was (a slow page must not delay the
    write); nothing when the link has another address by then."""
    evidence = _locked(evidence_id, session=session)
    if url is not None and evidence.url != url:  # re-addressed while the page loaded
        raise LookupError(evidence_id)
    before = evidence.link_state
    apply_snapshot(evidence, snap)
    if archived is not None:
        apply_archive(evidence, archived)
    _save(evidence, before, session=session, user=user)
    if snap.outlet_verdicts:
        from claimledger.ledger.outlet_verdicts import keep_verdicts

        claim = lock_claim(evidence.claim_id, session=session)
        keep_verdicts(claim, evidence, snap.outlet_verdicts, session=session, user=user)
    return evidence


OFFLINE = "not checked: no host answered and neither did the network probe (offline?)"

WRITE_BATCH = 200
"""Link results written per transaction: a check of thousands of links never holds the lock long."""


@dataclass(frozen=True)
class CheckedLink:
    evidence_id: int
    claim_id: int
    check: LinkCheck


def check_and_record(
    tx: Transactions,
    *,
    user: str,
    claim_id: int | None = None,
    concurrency: int = 20,
    per_host: int = 2,
    on_progress: Callable[[Hashable, LinkCheck], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> list[CheckedLink]:
    """Re-check evidence links (all, or one claim's) and record what changed.

    Three steps so no transaction is open while pages load: read the links, fetch them all
    concurrently, write the results in one transaction.
    """
    from claimledger.links import LinkSettings, check_links_sync

    settings = LinkSettings.from_env()
    if settings.offline:
        raise LedgerError("offline (CLAIMLEDGER_OFFLINE is set): links cannot be checked")
    with tx.read() as session:
        if claim_id is not None:
            get_claim(claim_id, session=session)  # an unknown id is a mistake, not "no links"
        rows = [
            (e.id or 0, e.claim_id, e.url, e.content_hash)
            for e in links_to_check(session=session, claim_id=claim_id)
        ]
    if on_start is not None:
        on_start(len(rows))
    if not rows:
        return []
    claims = {eid: cid for eid, cid, _, _ in rows}
    read = {eid: (cid, url, digest) for eid, cid, url, digest in rows}
    results = check_links_sync(
        [(eid, url, digest) for eid, _, url, digest in rows],
        settings=settings,
        concurrency=concurrency,
        per_host=per_host,
        on_progress=on_progress,
    )
    if _offline(results, settings):  # nothing learnt: no state changes, no history
        return [
            CheckedLink(int(str(key)), claims[int(str(key))], _unchecked(check))
            for key, check in results
        ]

    done: list[CheckedLink] = []
    for start in range(0, len(results), WRITE_BATCH):  # short transactions, however many links
        batch = results[start : start + WRITE_BATCH]
        done.extend(tx.write(lambda s, b=batch: _record_checks(b, read, session=s, user=user)))  # type: ignore[misc]
    return done


def _offline(results: Sequence[tuple[Hashable, LinkCheck]], settings: LinkSettings) -> bool:
    """No link's server answered and the probe does not either: the network is down, the
    links are not dead. (One host gone among answering ones is dead, as it should be.)"""
    from claimledger.links.check import network_answers_sync

    tried = [check for _, check in results if check.state != LinkState.UNCHECKED]
    if not tried or not all(check.unreachable for check in tried):
        return False
    return not network_answers_sync(settings)


def _unchecked(check: LinkCheck) -> LinkCheck:
    from dataclasses import replace

    if check.state == LinkState.UNCHECKED:
        return check
    return replace(check, state=LinkState.UNCHECKED.value, error=OFFLINE, status=None)


def _record_checks(
    results: Sequence[tuple[Hashable, LinkCheck]],
    read: dict[int, tuple[int, str, str | None]],
    *,
    session: Session,
    user: str,
) -> list[CheckedLink]:
    """Each result written on its link, its claim locked (all of the batch's first, in id
    order: two checks at once never wait on each other in a circle); what is reported is the
    state written."""
    from dataclasses import replace

    for claim_id in sorted({read[int(str(key))][0] for key, _ in results}):
        try:
            lock_claim(claim_id, session=session)
        except NotFound:  # the claim went while the check ran (its links with it)
            continue
    checked = []
    for key, result in results:
        eid = int(str(key))
        claim_id, url, baseline = read[eid]
        try:
            ev = apply_check(eid, result, session=session, user=user, checked=(url, baseline))
        except LookupError:  # removed or re-addressed while the check ran
            continue
        if result.state != LinkState.UNCHECKED and ev.link_state != result.state:
            result = replace(result, state=ev.link_state)
        checked.append(CheckedLink(eid, claim_id, result))
    return checked
