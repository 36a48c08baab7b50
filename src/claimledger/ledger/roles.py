"""People and roles: who may change what, checked where every change is recorded.

The check sits in `review.record` (and in ingest, which writes in bulk), so no path that changes a
claim can skip it. A ledger with no people keeps the one-person habit: anyone may do anything.
Once an admin is added, a name that is not on the list may read but not change anything.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.errors import InvalidValue, NotAllowed
from claimledger.ledger import turns
from claimledger.models import HistoryEntry, LedgerRule, Person, utcnow
from claimledger.records import Actor, PersonRecord
from claimledger.vocab import HistoryAction, Permission, ReviewState, Role, parse_role

SEPARATE_VERIFIER = "separate_verifier"
"""Ledger rule: the editor who verifies a claim is not the person who marked it reviewed."""

RULES = {SEPARATE_VERIFIER: "the verifier must not be the claim's reviewer"}

_NAME = re.compile(r"^[^\s\x00-\x1f\x7f]{1,64}$")

_WHAT = {
    Permission.TRIAGE: "change claims",
    Permission.EVIDENCE: "change evidence",
    Permission.SIGN_OFF: "verify claims or reopen verified ones",
    Permission.PEOPLE: "manage people and rules",
}


def _people(session: Session) -> dict[str, str]:
    """Name -> role, read once per transaction (a change of role counts from the next one)."""
    cached = session.info.get("people")
    if cached is None:
        cached = {p.name: p.role for p in session.exec(select(Person))}
        session.info["people"] = cached
    return cached


def actor(name: str, *, session: Session) -> Actor:
    people = _people(session)
    role = people.get(name)
    return Actor(name, Role(role) if role else None, open_ledger=not people)


def require(name: str, permission: Permission, *, session: Session) -> None:
    who = actor(name, session=session)
    if who.may(permission):
        return
    if not who.known:
        raise NotAllowed(
            f"{name!r} is not on this ledger's list of people: an admin adds them with "
            f"`claimledger user add {name} --role checker|reviewer|editor|admin`"
        )
    assert who.role is not None
    raise NotAllowed(f"{name} is a {who.role.value}: a {who.role.value} cannot {_WHAT[permission]}")


def permission_for(action: str, before: str | None, after: str | None) -> Permission:
    """What a history entry's change needs."""
    verified = ReviewState.VERIFIED.value
    if action == HistoryAction.REVIEW_STATE:
        return Permission.SIGN_OFF if verified in (before, after) else Permission.TRIAGE
    if action in (
        HistoryAction.EVIDENCE,
        HistoryAction.EVIDENCE_STATUS,
        HistoryAction.OUTLET_VERDICT,
    ):
        return Permission.EVIDENCE
    if action == HistoryAction.UNDO and (before or "").startswith("evidence "):
        return Permission.EVIDENCE
    if action in PUBLISHING:
        return Permission.SIGN_OFF
    return Permission.TRIAGE


PUBLISHING = frozenset(
    {
        HistoryAction.REVIEW_URL,
        HistoryAction.CLAIM_STATEMENT,
        HistoryAction.RATING,
        HistoryAction.REVIEW_SUMMARY,
        HistoryAction.PUBLISHED,
    }
)
"""What the published fact-check says is an editor's to set."""


def check_change(
    claim_id: int,
    action: str,
    before: str | None,
    after: str | None,
    *,
    user: str,
    session: Session,
) -> None:
    """Refuse a change the person may not make (called before its history entry is written)."""
    require(user, permission_for(action, before, after), session=session)
    if (
        action == HistoryAction.REVIEW_STATE
        and after == ReviewState.VERIFIED.value
        and rule(SEPARATE_VERIFIER, session=session)
    ):
        reviewer = _reviewer(claim_id, session=session)
        if reviewer == user:
            raise NotAllowed(
                f"claim {claim_id} was marked reviewed by {user}: on this ledger another editor "
                "verifies it"
            )


def _reviewer(claim_id: int, *, session: Session) -> str | None:
    stmt = (
        sa.select(col(HistoryEntry.user))
        .where(
            col(HistoryEntry.claim_id) == claim_id,
            col(HistoryEntry.action) == HistoryAction.REVIEW_STATE.value,
            col(HistoryEntry.after) == ReviewState.REVIEWED.value,
        )
        .order_by(col(HistoryEntry.id).desc())
        .limit(1)
    )
    found = session.execute(stmt).first()
    return None if found is None else str(found[0])


# -- the list of people and the rules ----------------------------------------------------------
def _take_turn(session: Session) -> None:
    """Changes to the people and rules one at a time; the list read again after the wait."""
    turns.people(session.connection())
    session.info.pop("people", None)


def people(*, session: Session) -> list[PersonRecord]:
    rows = session.exec(select(Person).order_by(col(Person.name)))
    return [PersonRecord(p.name, Role(p.role), p.added_by, p.added_at) for p in rows]


def add_person(name: str, role: str, *, by: str, session: Session) -> PersonRecord:
    """Add someone (or change their role). The first person on a ledger must be an admin, so the
    desk can never lock itself out."""
    clean = name.strip()
    if not _NAME.match(clean):
        raise InvalidValue(f"{name!r} is not a usable name (1-64 characters, no spaces)")
    kind = parse_role(role)
    _take_turn(session)
    current = _people(session)
    if not current and kind != Role.ADMIN:
        raise InvalidValue(
            "the first person on a ledger must be an admin: "
            f"`claimledger user add {by} --role admin` (then add the others)"
        )
    if current:
        require(by, Permission.PEOPLE, session=session)
    person = session.exec(select(Person).where(Person.name == clean)).first()
    if person is not None and person.role == Role.ADMIN and kind != Role.ADMIN:
        _keep_an_admin(clean, current)
    if person is None:
        person = Person(name=clean, role=kind.value, added_by=by, added_at=utcnow())
    else:
        person.role = kind.value
    session.add(person)
    session.flush()
    session.info.pop("people", None)
    return PersonRecord(person.name, kind, person.added_by, person.added_at)


def remove_person(name: str, *, by: str, session: Session) -> None:
    """Take someone off the ledger (their past changes keep their name)."""
    _take_turn(session)
    require(by, Permission.PEOPLE, session=session)
    current = _people(session)
    if name not in current:
        raise InvalidValue(f"{name!r} is not on this ledger")
    if current[name] == Role.ADMIN:
        _keep_an_admin(name, current)
    session.execute(sa.delete(Person).where(col(Person.name) == name))
    session.info.pop("people", None)


def _keep_an_admin(name: str, current: dict[str, str]) -> None:
    admins = [n for n, r in current.items() if r == Role.ADMIN and n != name]
    if not admins:
        raise InvalidValue(f"{name} is the ledger's last admin: add another admin first")


def rule(key: str, *, session: Session) -> bool:
    found = session.get(LedgerRule, key)
    return found is not None and found.value == "on"


def rules(*, session: Session) -> dict[str, bool]:
    return {key: rule(key, session=session) for key in RULES}


def set_rule(key: str, on: bool, *, by: str, session: Session) -> None:
    if key not in RULES:
        raise InvalidValue(f"unknown rule {key!r} (one of: {', '.join(RULES)})")
    _take_turn(session)
    require(by, Permission.PEOPLE, session=session)
    found = session.get(LedgerRule, key)
    value = "on" if on else "off"
    if found is None:
        found = LedgerRule(key=key, value=value, set_by=by, set_at=utcnow())
    else:
        found.value, found.set_by, found.set_at = value, by, utcnow()
    session.add(found)
