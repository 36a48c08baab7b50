"""The same claim elsewhere, as the detail pane shows it: each match with the other claim's words.

Reads the match table directly (models only), so showing matches never needs the extractor.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.models import Claim, ClaimMatch, Evidence, Source
from claimledger.records import MatchRecord
from claimledger.vocab import MatchStatus


def matches_for(claim_id: int, *, session: Session) -> list[MatchRecord]:
    """Suggested and confirmed matches of one claim (rejected ones are left out), best first."""
    stmt = (
        select(ClaimMatch)
        .where(
            sa.or_(col(ClaimMatch.claim_id) == claim_id, col(ClaimMatch.other_id) == claim_id),
            col(ClaimMatch.status) != MatchStatus.REJECTED.value,
        )
        .order_by(col(ClaimMatch.similarity).desc(), col(ClaimMatch.id))
    )
    found = []
    for match in session.exec(stmt):
        other_id = match.other_id if match.claim_id == claim_id else match.claim_id
        other = session.get(Claim, other_id)
        if other is None:
            continue
        source = session.get(Source, other.source_id)
        assert match.id is not None
        found.append(
            MatchRecord(
                id=match.id,
                claim_id=other_id,
                quote=other.quote,
                source=(source.outlet or source.path) if source else "",
                review_state=other.review_state,
                evidence_status=other.evidence_status,
                similarity=match.similarity,
                status=match.status,
                evidence=tuple(
                    session.exec(
                        select(Evidence.stance)
                        .where(Evidence.claim_id == other_id)
                        .order_by(col(Evidence.id))
                    )
                ),
            )
        )
    return found
