"""Evidence links on claims: added by a reviewer with a stance, checked when the network allows."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from claimledger.errors import InvalidValue, LedgerError
from claimledger.ledger.linkcheck import apply_archive, apply_snapshot
from claimledger.ledger.outlet_verdicts import keep_verdicts
from claimledger.ledger.review import lock_claim, record
from claimledger.models import Claim, Evidence, Source
from claimledger.records import ImportReport
from claimledger.vocab import HistoryAction, parse_stance

if TYPE_CHECKING:
    from claimledger.links import ArchiveResult, PageSnapshot


def check_url(url: str) -> str:
    """http(s) URLs with a host only: evidence must be a page a reader can open."""
    from claimledger.links import InvalidURL, validate_url

    try:
        return validate_url(url)
    except InvalidURL as exc:
        raise InvalidValue(str(exc)) from None


def add_evidence(
    claim_id: int,
    url: str,
    *,
    stance: str,
    session: Session,
    user: str,
    note: str | None = None,
    snapshot: PageSnapshot | None = None,
    archived: ArchiveResult | None = None,
) -> Evidence:
    """A link on a claim; with a snapshot, what the page was when added (the baseline for re-checks)."""
    clean = check_url(url)
    claim = lock_claim(claim_id, session=session)
    refuse_duplicate(claim_id, clean, session=session)
    evidence = Evidence(
        claim_id=claim_id,
        url=clean,
        stance=parse_stance(stance).value,
        note=note.strip() if note and note.strip() else None,
        added_by=user,
    )
    if snapshot is not None:
        apply_snapshot(evidence, snapshot)
    if archived is not None:
        apply_archive(evidence, archived)
    session.add(evidence)
    record(
        claim,
        HistoryAction.EVIDENCE,
        session=session,
        user=user,
        after=f"{evidence.stance} {clean}",
    )
    if snapshot is not None and snapshot.outlet_verdicts:
        keep_verdicts(claim, evidence, snapshot.outlet_verdicts, session=session, user=user)
    session.flush()
    return evidence


def refuse_duplicate(claim_id: int, url: str, *, session: Session) -> None:
    """The same link twice on one claim is a mistake: say which one is there already."""
    same = session.exec(
        select(Evidence).where(Evidence.claim_id == claim_id, Evidence.url == url)
    ).first()
    if same is not None:
        raise InvalidValue(
            f"claim {claim_id} already has this link as evidence {same.id} ({same.stance}); "
            f"`claimledger evidence edit {same.id}` changes it"
        )


def get_evidence(evidence_id: int, *, session: Session) -> Evidence:
    found = session.get(Evidence, evidence_id)
    if found is None:
        raise LedgerError(f"no evidence with id {evidence_id}")
    return found


_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower().replace("’", "'")


def read_evidence_file(path: Path) -> list[dict[str, Any]]:
    """Evidence entries from a JSON file, each checked (fields, URL, stance) before any is written:
    a mistake in entry 900 is reported before entry 1 reaches the ledger."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LedgerError(f"no such file: {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LedgerError(f"{path}: not valid JSON ({exc})") from None
    entries = data.get("evidence") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise LedgerError(f"{path}: expected a list of evidence entries")
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not {"source", "claim", "url", "stance"} <= entry.keys():
            raise LedgerError(f"{path}: entry {n} needs source, claim, url and stance")
        try:
            check_url(str(entry["url"]))
            parse_stance(str(entry["stance"]))
        except InvalidValue as exc:
            raise LedgerError(f"{path}: entry {n}: {exc}") from None
    return entries


def import_entries(entries: list[dict[str, Any]], *, session: Session, user: str) -> ImportReport:
    """Entries read by `read_evidence_file`, each attached to the claim its phrase names."""
    added = already = 0
    unmatched: list[str] = []
    for entry in entries:
        claim = _find_claim(entry["source"], entry["claim"], session=session)
        if claim is None:
            unmatched.append(f"{entry['source']}: {entry['claim']}")
            continue
        assert claim.id is not None
        dup = session.exec(
            select(Evidence).where(Evidence.claim_id == claim.id, Evidence.url == entry["url"])
        ).first()
        if dup is not None:
            already += 1
            continue
        add_evidence(
            claim.id,
            entry["url"],
            stance=entry["stance"],
            note=entry.get("note"),
            session=session,
            user=user,
        )
        added += 1
    return ImportReport(added, already, tuple(unmatched))


def _find_claim(source_name: str, phrase: str, *, session: Session) -> Claim | None:
    source = session.exec(select(Source).where(Source.path == Path(source_name).name)).first()
    if source is None:
        return None
    wanted = _norm(phrase)
    claims = session.exec(
        select(Claim).where(Claim.source_id == source.id).order_by(col(Claim.start))
    )
    for claim in claims:
        if wanted in _norm(claim.quote):
            return claim
    return None
