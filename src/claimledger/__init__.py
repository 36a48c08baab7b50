"""claimledger: find the factual claims in articles, anchor them, review them, export them."""

__version__ = "0.1.0"
