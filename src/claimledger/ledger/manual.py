"""What a person finds by reading: a span they mark as a claim, or a claim they reject as not one.

The extractor misses claims and finds some that are not claims; the reader mode fixes both by hand.
A manual claim is anchored exactly like an extracted one, so it survives edits to the source's
front matter and exports the same way.
"""

from __future__ import annotations

from sqlmodel import Session, select

from claimledger.errors import InvalidValue
from claimledger.ledger import claim_keys, search
from claimledger.ledger.anchors import anchor
from claimledger.ledger.queries import get_source
from claimledger.ledger.review import record, set_review_state
from claimledger.models import Claim
from claimledger.records import Change
from claimledger.vocab import ClaimType, HistoryAction

MIN_LENGTH = 8
NOT_A_CLAIM = "not a claim"


def _fingerprint(quote: str) -> str:
    """The extractor's fingerprint when it is installed, so matches find manual claims too."""
    try:
        from claimledger.extract import claim_fingerprint
    except ImportError:
        return ""
    return claim_fingerprint(quote)


def record_span(
    source_id: int,
    start: int,
    end: int,
    *,
    session: Session,
    user: str,
    type: str = ClaimType.OTHER.value,
    speaker: str | None = None,
) -> Claim:
    """Record text[start:end] of a source as a new claim (origin "manual"), trimmed of spaces."""
    source = get_source(source_id, session=session)
    text = source.text
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < MIN_LENGTH:
        raise InvalidValue(f"select at least {MIN_LENGTH} characters to record a claim")
    try:
        kind = ClaimType(type).value
    except ValueError:
        raise InvalidValue(f"unknown claim type {type!r}") from None
    same = session.exec(
        select(Claim.id).where(Claim.source_id == source_id, Claim.start == start, Claim.end == end)
    ).first()
    if same is not None:
        raise InvalidValue(f"that span is already claim {same}")
    a = anchor(text, start, end)
    quote = text[start:end]
    claim = Claim(
        source_id=source_id,
        quote=quote,
        start=start,
        end=end,
        prefix=a.prefix,
        suffix=a.suffix,
        type=kind,
        speaker=speaker,
        score=1.0,  # a person chose it: it goes to the top of the queue
        fingerprint=_fingerprint(quote),
        origin="manual",
    )
    session.add(claim)
    session.flush()
    assert claim.id is not None
    search.index_claims([(claim.id, quote)], session=session)
    claim_keys.write([(claim.id, quote, [])], session=session)  # found by later articles
    claim.version = 0  # the 'created' entry makes it version 1
    record(
        claim,
        HistoryAction.CREATED,
        session=session,
        user=user,
        after="new",
        note="recorded by hand",
    )
    session.flush()
    return claim


def reject(
    claim_id: int, *, session: Session, user: str, expected_version: int | None = None
) -> Change | None:
    """A claim that is not a claim (an opinion, a question): dismissed, with the reason."""
    return set_review_state(
        claim_id,
        "dismissed",
        session=session,
        user=user,
        note=NOT_A_CLAIM,
        expected_version=expected_version,
    )
