"""Publication data: what the fact-check page says about a claim, and the desk's settings for it.

A claim's publication holds the page's address, the short statement of the claim (ClaimReview's
`claimReviewed`), the verdict in the desk's own words (a label of the ledger's rating scale), a
summary, and who published it when. Each field changed is one history entry of the claim, written
by `review.record` like every other change.

The settings (publishing organisation, page address template, rating scale) are the whole desk's,
kept in the ledger as JSON so every colleague exports the same markup.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimledger.errors import InvalidValue
from claimledger.ledger import roles
from claimledger.ledger.review import lock_claim, record
from claimledger.models import Claim, LedgerSetting, Publication, utcnow
from claimledger.records import (
    DEFAULT_SCALE,
    Change,
    PublicationRecord,
    PublishingSettings,
    Rating,
    RatingScale,
)
from claimledger.vocab import HistoryAction, Permission, ReviewState

PUBLISHER_KEY = "publisher"
SCALE_KEY = "rating_scale"
STATEMENT_WIDTH = 75
"""Google asks for a claimReviewed under about 75 characters (it wraps on phones beyond)."""


# -- settings ----------------------------------------------------------------------------------
def _setting(key: str, *, session: Session) -> Any:
    row = session.exec(select(LedgerSetting).where(LedgerSetting.key == key)).first()
    return json.loads(row.value) if row else None


def _store(key: str, value: Any, *, session: Session, user: str) -> None:
    roles.require(user, Permission.SIGN_OFF, session=session)  # the desk's publishing: an editor's
    row = session.exec(
        select(LedgerSetting).where(LedgerSetting.key == key).with_for_update()
    ).first()
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if row is None:
        row = LedgerSetting(key=key, value=text, updated_by=user)
    else:
        row.value, row.updated_by, row.updated_at = text, user, utcnow()
    session.add(row)


def scale_from_json(data: Any) -> RatingScale:
    return RatingScale(tuple(Rating(str(r["label"]), r.get("value")) for r in data))


def scale_to_json(scale: RatingScale) -> list[dict[str, Any]]:
    return [{"label": r.label, "value": r.value} for r in scale.ratings]


def read_settings(*, session: Session) -> PublishingSettings:
    publisher = _setting(PUBLISHER_KEY, session=session) or {}
    scale = _setting(SCALE_KEY, session=session)
    return PublishingSettings(
        org_name=publisher.get("org_name"),
        org_url=publisher.get("org_url"),
        url_template=publisher.get("url_template"),
        scale=scale_from_json(scale) if scale else DEFAULT_SCALE,
    )


def check_page_url(url: str, what: str = "fact-check URL") -> str:
    from claimledger.links import InvalidURL, validate_url

    try:
        return validate_url(url)
    except InvalidURL as exc:
        raise InvalidValue(f"{what}: {exc}") from None


def check_template(template: str) -> str:
    """A page address with `{id}` where the claim's id goes."""
    if "{id}" not in template:
        raise InvalidValue(f"the URL template needs {{id}} where the claim id goes: {template!r}")
    check_page_url(template.replace("{id}", "1"), "URL template")
    return template


def set_publisher(
    *,
    session: Session,
    user: str,
    org_name: str | None = None,
    org_url: str | None = None,
    url_template: str | None = None,
) -> PublishingSettings:
    """Change what is given ("" clears it); the rest stays."""
    current = read_settings(session=session)
    values = {
        "org_name": current.org_name,
        "org_url": current.org_url,
        "url_template": current.url_template,
    }
    if org_name is not None:
        values["org_name"] = " ".join(org_name.split()) or None
    if org_url is not None:
        values["org_url"] = check_page_url(org_url, "organisation URL") if org_url else None
    if url_template is not None:
        values["url_template"] = check_template(url_template) if url_template else None
    _store(PUBLISHER_KEY, values, session=session, user=user)
    return read_settings(session=session)


def parse_scale(specs: list[str]) -> RatingScale:
    """`["True=5", "Mostly True=4", ..., "Unrateable"]`: labels best first, a number each
    (none for a verdict that is not a rating)."""
    ratings: list[Rating] = []
    for spec in specs:
        label, _, number = spec.partition("=")
        label = " ".join(label.split())
        if not label:
            raise InvalidValue(f"a rating needs words: {spec!r} (as 'Mostly True=4')")
        value: int | None = None
        if number.strip():
            try:
                value = int(number.strip())
            except ValueError:
                raise InvalidValue(f"a rating's number must be a whole number: {spec!r}") from None
        ratings.append(Rating(label, value))
    scale = RatingScale(tuple(ratings))
    if not ratings:
        raise InvalidValue("a rating scale needs at least one rating")
    names = [r.label.casefold() for r in ratings]
    if len(set(names)) != len(names):
        raise InvalidValue("a rating scale cannot name the same rating twice")
    if scale.best is not None and scale.best == scale.worst:
        raise InvalidValue("a rating scale needs at least two different numbers")
    return scale


def set_scale(scale: RatingScale, *, session: Session, user: str) -> RatingScale:
    """The desk's new scale; refused while a claim carries a verdict the new scale lacks."""
    used = session.exec(
        select(Publication.rating, sa.func.min(Publication.claim_id))
        .where(col(Publication.rating).is_not(None))
        .group_by(col(Publication.rating))
    ).all()
    for label, claim_id in used:
        if label is not None and scale.find(label) is None:
            raise InvalidValue(
                f"claim {claim_id} is rated {label!r}, which the new scale lacks: "
                "keep the label or re-rate the claims first"
            )
    _store(SCALE_KEY, scale_to_json(scale), session=session, user=user)
    # labels kept with another spelling ("mostly true" for "Mostly True") follow the new words
    for rating in scale.ratings:
        session.execute(
            sa.update(Publication)
            .where(
                sa.func.lower(col(Publication.rating)) == rating.label.lower(),
                col(Publication.rating) != rating.label,
            )
            .values(rating=rating.label)
        )
    return scale


# -- the short statement ---------------------------------------------------------------------
_QUOTES = "\"'“”‘’«»„"
_CLAUSE = re.compile(r"[,;:—–]\s|\s-\s")


def suggest_statement(quote: str, width: int = STATEMENT_WIDTH) -> str:
    """The quote as a short claim: quotation marks and the closing stop dropped, cut after a
    clause (or else at a word, marked with an ellipsis) so it fits `width`. An editor rewrites
    it; it only saves typing."""
    text = " ".join(quote.split()).strip(_QUOTES + " ").rstrip(".!? ").strip(_QUOTES + " ")
    if len(text) <= width:
        return text
    head = text[: width - 1]
    cuts = [m.start() for m in _CLAUSE.finditer(head) if m.start() >= width // 4]
    if cuts:  # a whole clause reads as a claim of its own
        return head[: cuts[-1]].rstrip()
    space = head.rfind(" ")
    return (head[:space] if space > width // 2 else head).rstrip(" ,;:") + "…"


def statement_problems(statement: str, scale: RatingScale) -> list[str]:
    """What Google's guidance would flag in a claimReviewed: too long, or a verdict inside."""
    problems = []
    if len(statement) > STATEMENT_WIDTH:
        problems.append(
            f"the statement is {len(statement)} characters; Google asks for under {STATEMENT_WIDTH}"
        )
    text = " ".join(re.findall(r"\w+", statement.casefold()))
    for rating in sorted(scale.ratings, key=lambda r: -len(r.label)):  # "Mostly False" first
        phrase = " ".join(re.findall(r"\w+", rating.label.casefold()))
        if phrase and re.search(rf"\b{re.escape(phrase)}\b", text):
            problems.append(
                f"the statement contains the verdict {rating.label!r}: state the claim only"
            )
            break
    return problems


# -- a claim's publication -------------------------------------------------------------------
def publication_record(pub: Publication) -> PublicationRecord:
    return PublicationRecord(
        claim_id=pub.claim_id,
        url=pub.url,
        statement=pub.statement,
        rating=pub.rating,
        summary=pub.summary,
        published_by=pub.published_by,
        published_at=pub.published_at,
    )


def publication_for(claim_id: int, *, session: Session) -> PublicationRecord | None:
    pub = session.exec(select(Publication).where(Publication.claim_id == claim_id)).first()
    return publication_record(pub) if pub else None


def _text(value: str, *, flat: bool) -> str | None:
    cleaned = " ".join(value.split()) if flat else value.strip()
    return cleaned or None


def publish(
    claim_id: int,
    *,
    session: Session,
    user: str,
    url: str | None = None,
    statement: str | None = None,
    rating: str | None = None,
    summary: str | None = None,
    published: bool | None = None,
    published_at: datetime | None = None,
    expected_version: int | None = None,
) -> list[Change]:
    """Change what is given ("" clears a field); `published` True marks the fact-check published
    (now, or at `published_at`), False withdraws it, None leaves it as it is."""
    claim = lock_claim(claim_id, session=session, expected_version=expected_version)
    settings = read_settings(session=session)
    pub = session.exec(select(Publication).where(Publication.claim_id == claim_id)).first()
    if pub is None:
        pub = Publication(claim_id=claim_id)
    wanted: dict[HistoryAction, str | None] = {}
    if url is not None:
        wanted[HistoryAction.REVIEW_URL] = check_page_url(url) if url.strip() else None
    if statement is not None:
        wanted[HistoryAction.CLAIM_STATEMENT] = _text(statement, flat=True)
    if rating is not None:
        wanted[HistoryAction.RATING] = _rating_label(rating, settings.scale)
    if summary is not None:
        wanted[HistoryAction.REVIEW_SUMMARY] = _text(summary, flat=False)
    fields = {
        HistoryAction.REVIEW_URL: "url",
        HistoryAction.CLAIM_STATEMENT: "statement",
        HistoryAction.RATING: "rating",
        HistoryAction.REVIEW_SUMMARY: "summary",
    }
    changes: list[Change] = []
    for action, value in wanted.items():
        before = getattr(pub, fields[action])
        if value == before:
            continue
        setattr(pub, fields[action], value)
        changes.append(_recorded(claim, pub, action, before, value, session=session, user=user))
    if published is True and (pub.published_at is None or published_at is not None):
        _check_publishable(claim, pub, settings)
        before_at = pub.published_at.isoformat() if pub.published_at else None
        pub.published_at = published_at or utcnow()
        pub.published_by = pub.published_by if before_at else user
        after_at = pub.published_at.isoformat()
        if after_at != before_at:
            changes.append(
                _recorded(
                    claim, pub, HistoryAction.PUBLISHED, before_at, after_at, session=session,
                    user=user,
                )
            )  # fmt: skip
    elif published is True:
        _check_publishable(claim, pub, settings)
    elif published is False and pub.published_at is not None:
        before_at = pub.published_at.isoformat()
        pub.published_at = pub.published_by = None
        changes.append(
            _recorded(
                claim, pub, HistoryAction.PUBLISHED, before_at, None, session=session, user=user
            )
        )
    return changes


def _recorded(
    claim: Claim,
    pub: Publication,
    action: HistoryAction,
    before: str | None,
    after: str | None,
    *,
    session: Session,
    user: str,
) -> Change:
    session.add(pub)
    record(claim, action, session=session, user=user, before=before, after=after)
    assert claim.id is not None
    return Change(claim.id, action, before=before, after=after, version=claim.version)


def _rating_label(rating: str, scale: RatingScale) -> str | None:
    if not rating.strip():
        return None
    found = scale.find(rating)
    if found is None:
        raise InvalidValue(f"unknown rating {rating!r} (the desk's scale: {scale.labels()})")
    return found.label


def missing_for_publication(
    pub: Publication | PublicationRecord, settings: PublishingSettings
) -> list[str]:
    """What a fact-check still lacks to be published as ClaimReview."""
    missing = []
    if not pub.url and not settings.url_template:
        missing.append("its page URL (--url, or a URL template in the settings)")
    if not pub.statement:
        missing.append("a short statement of the claim (--statement)")
    if not pub.rating:
        missing.append(f"a rating ({settings.scale.labels()})")
    return missing


def _check_publishable(claim: Claim, pub: Publication, settings: PublishingSettings) -> None:
    if claim.review_state != ReviewState.VERIFIED:
        raise InvalidValue(
            f"claim {claim.id} is {claim.review_state}: only a verified claim is published "
            "(save it as a draft with --draft)"
        )
    missing = missing_for_publication(pub, settings)
    if missing:
        raise InvalidValue(f"claim {claim.id} cannot be published without {'; '.join(missing)}")
