"""The errors a user can cause: each carries one line that says what went wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimledger.records import Finding


class LedgerError(Exception):
    """A mistake the user can fix (unknown id, bad value, unreadable file); shown as one line."""


class NotFound(LedgerError):
    pass


class InvalidValue(LedgerError):
    pass


class StaleEdit(LedgerError):
    """The claim changed since the caller read it; the message says what changed and who did it."""

    def __init__(self, message: str, claim_id: int) -> None:
        super().__init__(message)
        self.claim_id = claim_id


class LedgerBusy(LedgerError):
    """Another writer held the ledger for longer than the wait allows; nothing was changed."""


class NotAllowed(LedgerError):
    """The person's role on this ledger does not let them do this (or they are not on it)."""


class RecordAltered(LedgerError):
    """The record about to be exported does not match its history (see `ledger.verify`): the
    export stops before publishing anything. Names the first thing found wrong."""

    def __init__(self, finding: Finding, count: int = 1) -> None:
        more = f" and {count - 1} more" if count > 1 else ""
        super().__init__(
            f"not exported: the ledger's record was altered ({finding.describe()}{more}); "
            "`claimledger verify` lists every problem"
        )
        self.finding = finding
        self.count = count
