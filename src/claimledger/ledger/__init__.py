"""Every read and write the product does; the CLI, the TUI and the exporters all call these."""

from claimledger.ledger.evidence import add_evidence, import_evidence, parse_stance
from claimledger.ledger.ingest import IngestResult, Prepared, prepare, store
from claimledger.ledger.queries import (
    ClaimFilter,
    Cursor,
    count_claims,
    counts_by_state,
    evidence_for,
    get_claim,
    get_source,
    history_for,
    list_claims,
    list_sources,
)
from claimledger.ledger.review import (
    add_note,
    assign,
    parse_evidence_status,
    parse_state,
    set_evidence_status,
    set_review_state,
)
from claimledger.ledger.users import current_user

__all__ = [
    "ClaimFilter",
    "Cursor",
    "IngestResult",
    "Prepared",
    "add_evidence",
    "add_note",
    "assign",
    "count_claims",
    "counts_by_state",
    "current_user",
    "evidence_for",
    "get_claim",
    "get_source",
    "history_for",
    "import_evidence",
    "list_claims",
    "list_sources",
    "parse_evidence_status",
    "parse_stance",
    "parse_state",
    "prepare",
    "set_evidence_status",
    "set_review_state",
    "store",
]
