"""Article text -> claims: pure functions, no database, no network, no UI."""

from claimledger.extract.body import find_body
from claimledger.extract.model import ExtractedClaim, Period, Quantity
from claimledger.extract.pipeline import extract_claims
from claimledger.extract.similarity import claim_fingerprint, claim_similarity, match_terms

__all__ = [
    "ExtractedClaim",
    "Period",
    "Quantity",
    "claim_fingerprint",
    "claim_similarity",
    "extract_claims",
    "find_body",
    "match_terms",
]
