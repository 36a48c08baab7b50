"""The errors a user can cause: each carries one line that says what went wrong."""


class LedgerError(Exception):
    """A mistake the user can fix (unknown id, bad value, unreadable file); shown as one line."""


class NotFound(LedgerError):
    pass


class InvalidValue(LedgerError):
    pass
