"""Work that writers must do one at a time on PostgreSQL, where transactions run side by side.

SQLite's writers take turns for a whole transaction (BEGIN IMMEDIATE). PostgreSQL's do not: two
ingests at once each looked up keys without the other's new claims (a match between their
articles was never suggested) and rewrote the same claim's reach row (one of them failed on its
primary key). Matching and reach therefore take a lock held to the end of the transaction; a
transaction that then reads sees what the one before it committed.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

MATCHING = 0x636C6D61
"""The advisory lock's key: any fixed number no other program on the database uses."""


def matching(conn: Connection) -> None:
    """Wait for any other transaction matching or writing reach to end (PostgreSQL only).

    Taken again in the same transaction it returns at once. Waiting longer than the write's lock
    timeout is a busy ledger: the write is retried (`ledger.transactions`)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (MATCHING,))


PEOPLE = 0x636C7070
"""The advisory lock of changes to the list of people and the rules."""


def people(conn: Connection) -> None:
    """Wait for any other change to the people or the rules to end (PostgreSQL only).

    Each such change checks the list as a whole (the last admin is kept); two at once each saw
    the other's admin still there, and two admins removing each other left a ledger with nobody,
    open to anyone."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (PEOPLE,))
