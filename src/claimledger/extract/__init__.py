"""Article text -> claims: pure functions, no database, no network, no UI."""

from claimledger.extract.body import find_body
from claimledger.extract.genre import Genre, GenreReading
from claimledger.extract.model import Article, ExtractedClaim, Period, Quantity
from claimledger.extract.pipeline import TooManyClaims, extract_claims, read_article
from claimledger.extract.similarity import claim_fingerprint, claim_similarity, match_terms

__all__ = [
    "Article",
    "ExtractedClaim",
    "Genre",
    "GenreReading",
    "Period",
    "Quantity",
    "TooManyClaims",
    "claim_fingerprint",
    "claim_similarity",
    "extract_claims",
    "find_body",
    "match_terms",
    "read_article",
]
