"""Checking a ClaimReview object against what Google's fact-check documentation and schema.org ask.

The rules are one table: each names a property (a dotted path), whether Google requires it
(an error when missing or malformed) or recommends it (a warning), and what its value must be.
Besides Google's own requirements the ledger requires `author` and `datePublished`: a fact-check
with no publisher or date is not one a desk publishes. Offline: no network, no schema download.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Level = Literal["error", "warning"]

STATEMENT_WIDTH = 75


@dataclass(frozen=True)
class Finding:
    level: Level
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


_WEB = re.compile(r"https?://[^/?#\s]+([/?#]\S*)?", re.IGNORECASE)


def _url(value: Any) -> str | None:
    """An absolute http(s) address with a host (checked by pattern: it runs on every object)."""
    if not isinstance(value, str):
        return "must be an address"
    if not _WEB.fullmatch(value):
        return f"must be an http(s) address, not {value!r}"
    return None


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be non-empty text"


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _date(value: Any) -> str | None:
    """ISO 8601: a date (possibly partial, as a year or a month) or a date and time."""
    if not isinstance(value, str):
        return "must be an ISO 8601 date"
    head = value[:10]
    if not _DATE.fullmatch(head) or (len(head) == 10 and not _valid_day(head)):
        return f"must be an ISO 8601 date, not {value!r}"
    return None


def _valid_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _number(value: Any) -> str | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return None if ok else "must be a number"


def _type(*names: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in names else f"must be {' or '.join(names)}, not {value!r}"

    return check


def _named(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "must be an Organization or a Person"
    kind = _type("Organization", "Person")(value.get("@type"))
    return kind or (None if _text(value.get("name")) is None else "needs a name")


def _object(value: Any) -> str | None:
    return None if isinstance(value, dict) else "must be an object"


def _appearance(value: Any) -> str | None:
    items = value if isinstance(value, list) else [value]
    for item in items:
        url = item if isinstance(item, str) else item.get("url") if isinstance(item, dict) else None
        if _url(url):
            return "must give each appearance's http(s) address"
    return None


@dataclass(frozen=True)
class Rule:
    path: str
    level: Level
    check: Callable[[Any], str | None]
    why: str

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.path.split("."))


RULES: tuple[Rule, ...] = (
    Rule("@context", "error", _type("https://schema.org", "http://schema.org"), "schema.org"),
    Rule("@type", "error", _type("ClaimReview"), "a ClaimReview"),
    Rule("url", "error", _url, "Google: the fact-check's page"),
    Rule("claimReviewed", "error", _text, "Google: a short statement of the claim"),
    Rule("reviewRating", "error", _object, "Google: the verdict"),
    Rule("reviewRating.@type", "error", _type("Rating"), "a Rating"),
    Rule("reviewRating.alternateName", "error", _text, "Google: the verdict in words"),
    Rule("author", "error", _named, "the ledger: who publishes the fact-check"),
    Rule("datePublished", "error", _date, "the ledger: when it was published"),
    Rule("author.url", "warning", _url, "Google recommends the publisher's site"),
    Rule("itemReviewed", "warning", _object, "Google recommends the Claim reviewed"),
    Rule("itemReviewed.@type", "warning", _type("Claim"), "itemReviewed is a Claim"),
    Rule("itemReviewed.author", "warning", _named, "Google recommends who made the claim"),
    Rule("itemReviewed.datePublished", "warning", _date, "Google recommends when it was made"),
    Rule("itemReviewed.appearance", "warning", _appearance, "Google recommends where it appeared"),
)
"""Google's ClaimReview documentation ("Fact Check" structured data): claimReviewed, reviewRating
(with alternateName) and url required; author, datePublished, itemReviewed (a Claim with author,
datePublished, appearance or firstAppearance) recommended."""

_WALKS = tuple((rule, rule.parts[:-1], rule.parts[-1]) for rule in RULES)
"""Each rule with the path to its parent object and its own key, split once."""


def validate_claim_review(obj: Any) -> list[Finding]:
    """Errors (the object must not be published as is) and warnings (recommended, missing)."""
    if not isinstance(obj, dict):
        return [Finding("error", "(root)", "a ClaimReview must be a JSON object")]
    found: list[Finding] = []
    for rule, parents, key in _WALKS:
        parent: Any = obj
        for part in parents:
            parent = parent.get(part) if isinstance(parent, dict) else None
        if not isinstance(parent, dict):
            continue  # the parent's own rule speaks for it
        value = parent.get(key)
        if value is None:
            found.append(Finding(rule.level, rule.path, f"missing ({rule.why})"))
            continue
        problem = rule.check(value)
        if problem:
            found.append(Finding(rule.level, rule.path, problem))
    found.extend(_rating(obj.get("reviewRating")))
    statement = obj.get("claimReviewed")
    if isinstance(statement, str) and len(statement) > STATEMENT_WIDTH:
        found.append(
            Finding(
                "warning",
                "claimReviewed",
                f"{len(statement)} characters: Google asks for under {STATEMENT_WIDTH}",
            )
        )
    return found


def _rating(rating: Any) -> list[Finding]:
    """A number needs its scale, and must lie on it."""
    if not isinstance(rating, dict) or "ratingValue" not in rating:
        return []
    found = []
    for key in ("ratingValue", "bestRating", "worstRating"):
        if key not in rating:
            found.append(Finding("error", f"reviewRating.{key}", "missing beside ratingValue"))
        elif problem := _number(rating[key]):
            found.append(Finding("error", f"reviewRating.{key}", problem))
    if found:
        return found
    value, best, worst = rating["ratingValue"], rating["bestRating"], rating["worstRating"]
    if not min(best, worst) <= value <= max(best, worst):
        found.append(
            Finding(
                "error", "reviewRating.ratingValue", f"{value} is off the scale {worst}..{best}"
            )
        )
    return found


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]
