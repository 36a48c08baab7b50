"""The history as a hash chain: each entry commits to the one before it (per claim) and to what it
changed, and a claim's first entry commits to the claim's words and the article they came from.

Editing, removing or reordering an entry breaks the chain at that entry; editing a claim's text or
its article breaks its first entry. A chain proves the record to anyone who kept a digest of it:
`checkpoint` gives one for the whole ledger up to a history id, and it can be recomputed later from
the append-only history (see `verify`).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

GENESIS = ""
"""The 'previous hash' of a claim's first entry."""


def timestamp(at: datetime) -> str:
    """One spelling of a time, whatever the backend gave back (microseconds, UTC)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def subject_digest(source_hash: str, start: int, end: int, quote: str) -> str:
    """What a claim is: its words, where they stand, and the article (by its content hash)."""
    payload = f"{source_hash}|{start}|{end}|{len(quote)}:{quote}"
    return hashlib.sha256(payload.encode()).hexdigest()


def entry_hash(
    prev: str,
    *,
    version: int | None,
    at: datetime,
    user: str,
    action: str,
    before: str | None,
    after: str | None,
    note: str | None,
    subject: str | None = None,
) -> str:
    """The hash an entry stores; `subject` (see `subject_digest`) only for a claim's first entry.

    Each field is written with its length (and None as "-"), so no two entries share a payload.
    The claim's id is not in it (its first entry's subject ties the chain to the claim), so a
    claim keeps its proof when an import gives it another id."""
    return seal(prev, version, timestamp(at), user, action, before, after, note, subject)


def seal(
    prev: str,
    version: int | None,
    at: str,
    user: str,
    action: str,
    before: str | None,
    after: str | None,
    note: str | None,
    subject: str | None,
) -> str:
    """`entry_hash` with the time already spelt by `timestamp` (what `verify` reads a million
    entries with): the fields in that order, each as its length and text, None as "-"."""
    v = None if version is None else str(version)
    payload = (  # written out, not looped: a million entries are sealed again by `verify`
        f"{len(prev)}:{prev}"
        f"|{'-' if v is None else f'{len(v)}:{v}'}"
        f"|{'-' if at is None else f'{len(at)}:{at}'}"
        f"|{'-' if user is None else f'{len(user)}:{user}'}"
        f"|{'-' if action is None else f'{len(action)}:{action}'}"
        f"|{'-' if before is None else f'{len(before)}:{before}'}"
        f"|{'-' if after is None else f'{len(after)}:{after}'}"
        f"|{'-' if note is None else f'{len(note)}:{note}'}"
        f"|{'-' if subject is None else f'{len(subject)}:{subject}'}"
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def stored_timestamp(value: datetime | str) -> str:
    """`timestamp` of a time as the database gives it back: a datetime, or SQLite's stored text
    (`2026-11-30 23:54:19.123456`, UTC) respelt without parsing it."""
    if isinstance(value, datetime):
        return timestamp(value)
    if len(value) == 26 and value[10] == " ":
        return f"{value[:10]}T{value[11:]}+00:00"
    return timestamp(datetime.fromisoformat(value + "+00:00"))


def fold(digest: str, claim_id: int, head: str) -> str:
    """The ledger digest, one claim's head at a time (claims in id order)."""
    return hashlib.sha256(f"{digest}|{claim_id}|{head}".encode()).hexdigest()
