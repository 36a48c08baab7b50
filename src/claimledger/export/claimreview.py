"""ClaimReview JSON-LD (schema.org) from what the desk recorded when it published each fact-check.

Required, or the claim is refused with its reason (never written half): the fact-check's page
(`url`, recorded or built from the site's template), the short statement (`claimReviewed`), the
verdict from the desk's scale (`reviewRating`: its words as alternateName, its number on the
scale's best and worst when it has one), the publishing organisation (`author`) and the date it
was published. Filled where known: the review summary (`reviewBody`) and the Claim reviewed
(`itemReviewed`: who made it, when, where it appeared). Every object is checked before it is
written: against the package's JSON Schema (`validate`) and, expanded by a JSON-LD processor,
against schema.org's vocabulary (`jsonld_check`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from claimledger.export.files import staged_files
from claimledger.export.records import ExportRecord
from claimledger.records import PublishingSettings


@dataclass(frozen=True)
class Refused:
    """A claim left out of the ClaimReview, and why."""

    claim_id: int
    reason: str

    def __str__(self) -> str:
        return f"claim {self.claim_id}: {self.reason}"


def _missing(record: ExportRecord, settings: PublishingSettings) -> list[str]:
    pub = record.publication
    if pub is None:
        return ["nothing recorded for publication (claimledger publish ID ...)"]
    missing = []
    if not (pub.url or settings.review_url(record.claim.id)):
        missing.append("no fact-check URL")
    if not pub.statement:
        missing.append("no short statement of the claim")
    if not pub.rating:
        missing.append("no rating")
    elif settings.scale.find(pub.rating) is None:
        missing.append(f"rating {pub.rating!r} is not on the desk's scale")
    if pub.published_at is None:
        missing.append("not published yet")
    if not settings.org_name:
        missing.append("no publishing organisation in the settings")
    return missing


class _Shared:
    """What the ClaimReviews of one export share, built once: the author, and the rating of
    each verdict on the scale (each object gets its own copies: nothing is shared in output)."""

    def __init__(self, settings: PublishingSettings) -> None:
        self.settings = settings
        self.author: dict[str, Any] = {"@type": "Organization", "name": settings.org_name}
        if settings.org_url:
            self.author["url"] = settings.org_url
        self.ratings: dict[str, dict[str, Any]] = {}
        self.clean: set[tuple[Any, str, bool]] = set()
        """(rating, date, has a review body) of objects the schema found nothing wrong with."""

    def rating(self, label: str) -> dict[str, Any]:
        found = self.ratings.get(label)
        if found is None:
            scale = self.settings.scale
            rating = scale.find(label)
            assert rating is not None
            found = {"@type": "Rating", "alternateName": rating.label}
            if rating.value is not None:
                found.update(
                    ratingValue=rating.value, bestRating=scale.best, worstRating=scale.worst
                )
            if len(self.ratings) < 1024:
                self.ratings[label] = found
        return found

    def errors(
        self, review: dict[str, Any], error_findings: Callable[[Any], list[Any]]
    ) -> list[Any]:
        """`validate.error_findings` of an object `claim_review` built, checked whole once per
        (rating, date, whether it has a review body): of such an object the schema's required
        level reads nothing else but the texts that differ from object to object (page,
        statement, summary; the author is this export's, the Claim reviewed need only be an
        object), and those are passed here by the schema's own patterns. Anything else, or any
        finding, goes through the whole check: the same reasons. Only for the schema this was
        written against (`validate.KNOWN_SCHEMA`)."""
        from claimledger.export.validate import varying_passes

        passes = varying_passes()
        if passes is None:
            return error_findings(review)
        key = (
            tuple(review["reviewRating"].items()),
            review["datePublished"],
            "reviewBody" in review,
        )
        texts = True
        for name, pattern in passes.items():  # a loop, not all(...): it runs per object
            if name in review:
                value = review[name]
                if type(value) is not str or pattern.search(value) is None:
                    texts = False
                    break
        if texts and key in self.clean:
            return []
        found = error_findings(review)
        if not found and len(self.clean) < 4096:
            self.clean.add(key)
        return found


def claim_review(
    record: ExportRecord, settings: PublishingSettings, shared: _Shared | None = None
) -> dict[str, Any] | Refused:
    """The ClaimReview of one published fact-check, or why there can be none."""
    missing = _missing(record, settings)
    if missing:
        return Refused(record.claim.id, "; ".join(missing))
    pub, claim = record.publication, record.claim
    assert pub is not None and pub.rating and pub.published_at is not None
    if shared is None or shared.settings is not settings:
        shared = _Shared(settings)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": pub.url or settings.review_url(claim.id),
        "claimReviewed": pub.statement,
        "reviewRating": {**shared.rating(pub.rating)},
        "author": {**shared.author},
        "datePublished": pub.published_at.date().isoformat(),
    }
    review["itemReviewed"], item_shape = _item(record)
    if pub.summary:
        review["reviewBody"] = pub.summary
    # what the JSON-LD expansion depends on (the keys and @types, see `_skeleton`), as the
    # branches above chose them (no value is ever null: each is set only when there is one),
    # cheaper than reading them back from the object
    shape = (len(review["reviewRating"]), len(review["author"]), item_shape, bool(pub.summary))
    # here, not at the top: they load jsonschema and a JSON-LD processor, which only ClaimReview
    # needs (a CSV export starts a third faster without them)
    from claimledger.export.jsonld_check import jsonld_errors_of_shape
    from claimledger.export.validate import error_findings

    problems = [*shared.errors(review, error_findings), *jsonld_errors_of_shape(shape, review)]
    if problems:
        return Refused(claim.id, "; ".join(str(p) for p in problems))
    return review


def _item(record: ExportRecord) -> tuple[dict[str, Any], tuple[Any, ...]]:
    """The Claim reviewed: who made it, when, and the article it appeared in; and its shape
    (the branches taken)."""
    claim, source = record.claim, record.source
    item: dict[str, Any] = {"@type": "Claim"}
    author = None
    if claim.speaker:
        author = "Organization" if claim.speaker == source.label else "Person"
        item["author"] = {"@type": author, "name": claim.speaker}
    if source.published:
        item["datePublished"] = source.published
    if source.url:
        appearance: dict[str, Any] = {"@type": "CreativeWork", "url": source.url}
        if source.title:
            appearance["headline"] = source.title
        if source.label:
            appearance["publisher"] = {"@type": "Organization", "name": source.label}
        item["appearance"] = [appearance]
        item["firstAppearance"] = appearance
    shape = (author, bool(source.published), bool(source.url), bool(source.title))
    return item, (*shape, bool(source.label))


_encode = json.JSONEncoder(ensure_ascii=False).encode
"""`json.dumps(obj, ensure_ascii=False)` with one encoder for every object (json.dumps with an
option builds one per call)."""


def write_claimreview(
    records: Iterable[ExportRecord],
    out: TextIO,
    settings: PublishingSettings,
    *,
    refused: Callable[[Refused], None] | None = None,
) -> int:
    """A feed: a JSON array of ClaimReview objects, one a line; claims that cannot be published
    go to `refused`, each with its reason."""
    n = 0
    out.write("[")
    for review in _publishable(records, settings, refused):
        out.write(",\n" if n else "\n")
        out.write(_encode(review))  # one a line: the C encoder
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def _publishable(
    records: Iterable[ExportRecord],
    settings: PublishingSettings,
    refused: Callable[[Refused], None] | None,
) -> Iterator[dict[str, Any]]:
    """The ClaimReview object of each claim that can be published; the others go to `refused`."""
    shared = _Shared(settings)
    for record in records:
        review = claim_review(record, settings, shared)
        if isinstance(review, Refused):
            if refused is not None:
                refused(review)
            continue
        yield review


_UNSAFE = re.compile(r"[^a-z0-9]+")


def page_file_name(url: str) -> str:
    """A fact-check page's file: a slug of its address (lower-case ASCII letters, digits and
    dashes: no separator, dot or control survives) and a short hash of the whole address, so
    two pages never share a file and no name is a device name."""
    parts = urlsplit(url)
    slug = _UNSAFE.sub("-", f"{parts.netloc}{parts.path}".lower()).strip("-")[:80].rstrip("-")
    digest = hashlib.sha256(url.encode()).hexdigest()[:10]
    return f"{slug or 'page'}-{digest}.jsonld"


@dataclass(frozen=True)
class PagesWritten:
    pages: int
    reviews: int


def write_claimreview_pages(
    records: Iterable[ExportRecord],
    folder: Path,
    settings: PublishingSettings,
    *,
    refused: Callable[[Refused], None] | None = None,
) -> PagesWritten:
    """One JSON-LD document per fact-check page, as the page embeds it: the ClaimReview object,
    or an array of them when one page reviews several claims. Files appear in `folder` only
    once every one is written (see `files.staged_files`); nothing is kept in memory."""
    pages = reviews = 0
    with staged_files(folder) as staging:
        for review in _publishable(records, settings, refused):
            path = staging / page_file_name(review["url"])
            document: Any = review
            if path.exists():  # another claim of the same page, met earlier
                before = json.loads(path.read_text(encoding="utf-8"))
                document = [*(before if isinstance(before, list) else [before]), review]
            else:
                pages += 1
            path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
            reviews += 1
    return PagesWritten(pages, reviews)
