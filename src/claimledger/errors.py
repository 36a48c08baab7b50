"""The errors a user can cause: each carries one line that says what went wrong."""


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
