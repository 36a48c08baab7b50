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
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, TextIO, cast
from urllib.parse import urlsplit

from claimledger.export.files import staged_files
from claimledger.export.records import ExportRecord, Published, ReviewRow
from claimledger.records import PublishingSettings, SourceRecord


@dataclass(frozen=True)
class Refused:
    """A claim left out of the ClaimReview, and why."""

    claim_id: int
    reason: str

    def __str__(self) -> str:
        return f"claim {self.claim_id}: {self.reason}"


def review_row(record: ExportRecord) -> ReviewRow:
    """What ClaimReview reads of an export record (what `records.review_rows` reads itself)."""
    pub, claim = record.publication, record.claim
    if pub is None:
        return claim.id, claim.speaker, record.source, None
    day = None if pub.published_at is None else pub.published_at.date().isoformat()
    return (
        claim.id,
        claim.speaker,
        record.source,
        (pub.url, pub.statement, pub.rating, pub.summary, day),
    )


def _missing(cid: int, pub: Published | None, settings: PublishingSettings) -> list[str]:
    if pub is None:
        return ["nothing recorded for publication (claimledger publish ID ...)"]
    url, statement, rating, _summary, day = pub
    missing = []
    if not (url or settings.review_url(cid)):
        missing.append("no fact-check URL")
    if not statement:
        missing.append("no short statement of the claim")
    if not rating:
        missing.append("no rating")
    elif settings.scale.find(rating) is None:
        missing.append(f"rating {rating!r} is not on the desk's scale")
    if day is None:
        missing.append("not published yet")
    if not settings.org_name:
        missing.append("no publishing organisation in the settings")
    return missing


class _Shared:
    """What the ClaimReviews of one export share, built once: the author, and the rating of
    each verdict on the scale (each object gets its own copies: nothing is shared in output),
    with their JSON text; the objects the checks passed (see `text`)."""

    def __init__(self, settings: PublishingSettings) -> None:
        self.settings = settings
        self.author: dict[str, Any] = {"@type": "Organization", "name": settings.org_name}
        if settings.org_url:
            self.author["url"] = settings.org_url
        self.author_text = _encode(self.author)
        self.ratings: dict[str, tuple[dict[str, Any], Any, str]] = {}
        self.clean: set[tuple[Any, str, bool]] = set()
        """(rating, date, has a review body) of objects the schema found nothing wrong with."""
        self.shapes: set[tuple[Any, ...]] = set()
        """Shapes (see `claim_review`) JSON-LD expansion found nothing wrong with."""
        self.passes = _passes()
        self.items: dict[int, tuple[SourceRecord, dict[Any, tuple[str, tuple[Any, ...]]]]] = {}
        """The Claim reviewed's text and shape for each article (by identity: the article is
        kept, so its id is no other's) and speaker."""

    def rating(self, label: str) -> tuple[dict[str, Any], Any, str]:
        """The rating object of a verdict, its items (a key of `clean`) and its JSON text."""
        found = self.ratings.get(label)
        if found is None:
            scale = self.settings.scale
            rating = scale.find(label)
            assert rating is not None
            obj: dict[str, Any] = {"@type": "Rating", "alternateName": rating.label}
            if rating.value is not None:
                obj.update(ratingValue=rating.value, bestRating=scale.best, worstRating=scale.worst)
            found = (obj, tuple(obj.items()), _encode(obj))
            if len(self.ratings) < 1024:
                self.ratings[label] = found
        return found

    def review(self, row: ReviewRow) -> dict[str, Any] | Refused:
        """The ClaimReview of one published fact-check, checked, or why there can be none."""
        cid, speaker, source, pub = row
        missing = _missing(cid, pub, self.settings)
        if missing:
            return Refused(cid, "; ".join(missing))
        assert pub is not None
        url, statement, label, summary, day = pub
        assert label and day
        rating = self.rating(label)
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": url or self.settings.review_url(cid),
            "claimReviewed": statement,
            "reviewRating": {**rating[0]},
            "author": {**self.author},
            "datePublished": day,
        }
        review["itemReviewed"], item_shape = _item(speaker, source)
        if summary:
            review["reviewBody"] = summary
        # what the JSON-LD expansion depends on (the keys and @types, see `_skeleton`), as the
        # branches above chose them (no value is ever null: each is set only when there is one),
        # cheaper than reading them back from the object
        shape = (len(rating[0]), len(self.author), item_shape, bool(summary))
        # here, not at the top: they load jsonschema and a JSON-LD processor, which only
        # ClaimReview needs (a CSV export starts a third faster without them)
        from claimledger.export.jsonld_check import jsonld_errors_of_shape
        from claimledger.export.validate import error_findings

        expanded = jsonld_errors_of_shape(shape, review)
        problems = [*self.errors(review, error_findings), *expanded]
        if problems:
            return Refused(cid, "; ".join(str(p) for p in problems))
        if len(self.shapes) < 4096:
            self.shapes.add(shape)
        return review

    def text(self, row: ReviewRow) -> str | Refused:
        """`_encode(self.review(row))`, or its refusal. An object whose rating, date, review
        body or not, and shape an earlier object passed the checks with, and whose varying
        texts the schema's patterns pass (what `errors` then checks of it), is written from
        its parts' JSON (the rating's and author's built once, the Claim reviewed's once per
        article and speaker, each text by the encoder's own string function): no object."""
        cid, speaker, source, pub = row
        passes = self.passes
        if pub is None or passes is None:
            return self._whole(row)
        url, statement, label, summary, day = pub
        rating = self.ratings.get(label) if label else None
        if (
            rating is None
            or day is None
            or (rating[1], day, bool(summary)) not in self.clean
            or not self.settings.org_name
        ):
            return self._whole(row)
        url = url or self.settings.review_url(cid)
        if (
            type(url) is not str
            or type(statement) is not str
            or passes[0].search(url) is None
            or not statement
            or passes[1].search(statement) is None
            or (summary and (type(summary) is not str or passes[2].search(summary) is None))
        ):
            return self._whole(row)
        kept = self.items.get(id(source))
        if kept is None:
            if len(self.items) >= 256:
                self.items.clear()
            kept = self.items[id(source)] = (source, {})
        item = kept[1].get(speaker)
        if item is None:
            obj, item_shape = _item(speaker, source)
            if len(kept[1]) >= 256:
                kept[1].clear()
            item = kept[1][speaker] = (_encode(obj), item_shape)
        shape = (len(rating[0]), len(self.author), item[1], bool(summary))
        if shape not in self.shapes:
            return self._whole(row)
        return "".join(
            [
                '{"@context": "https://schema.org", "@type": "ClaimReview", "url": ',
                _string(url),
                ', "claimReviewed": ',
                _string(statement),
                ', "reviewRating": ',
                rating[2],
                ', "author": ',
                self.author_text,
                ', "datePublished": ',
                _string(day),
                ', "itemReviewed": ',
                item[0],
                f', "reviewBody": {_string(summary)}}}' if summary else "}",
            ]
        )

    def _whole(self, row: ReviewRow) -> str | Refused:
        review = self.review(row)
        return review if isinstance(review, Refused) else _encode(review)

    def errors(
        self, review: dict[str, Any], error_findings: Callable[[Any], list[Any]]
    ) -> list[Any]:
        """`validate.error_findings` of an object `review` built, checked whole once per
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


def _passes() -> tuple[re.Pattern[str], ...] | None:
    """The patterns `_Shared.errors` passes the varying texts by, in `VARYING`'s order."""
    from claimledger.export.validate import VARYING, varying_passes

    passes = varying_passes()
    return None if passes is None else tuple(passes[name] for name in VARYING)


def claim_review(
    record: ExportRecord, settings: PublishingSettings, shared: _Shared | None = None
) -> dict[str, Any] | Refused:
    """The ClaimReview of one published fact-check, or why there can be none."""
    if shared is None or shared.settings is not settings:
        shared = _Shared(settings)
    return shared.review(review_row(record))


def _item(speaker: str | None, source: SourceRecord) -> tuple[dict[str, Any], tuple[Any, ...]]:
    """The Claim reviewed: who made it, when, and the article it appeared in; and its shape
    (the branches taken)."""
    item: dict[str, Any] = {"@type": "Claim"}
    author = None
    if speaker:
        author = "Organization" if speaker == source.label else "Person"
        item["author"] = {"@type": author, "name": speaker}
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
_string: Callable[[str], str] = encode_basestring
"""A string as `_encode` writes it (the function its C encoder calls for each string)."""

Rows = Iterable[ExportRecord] | Iterable[ReviewRow]


def _rows(items: Rows) -> Iterator[ReviewRow]:
    for item in items:
        yield item if type(item) is tuple else review_row(cast(ExportRecord, item))


def write_claimreview(
    records: Rows,
    out: TextIO,
    settings: PublishingSettings,
    *,
    refused: Callable[[Refused], None] | None = None,
) -> int:
    """A feed: a JSON array of ClaimReview objects, one a line; claims that cannot be published
    go to `refused`, each with its reason. `records` are export records or, cheaper, the rows
    `records.review_rows` reads."""
    n = 0
    out.write("[")
    shared = _Shared(settings)
    text = shared.text
    write = out.write
    lines: list[str] = []  # written a thousand at a time: one call for many objects
    for item in records:
        found = text(item if type(item) is tuple else review_row(cast(ExportRecord, item)))
        if type(found) is not str:
            if refused is not None:
                refused(cast(Refused, found))
            continue
        lines.append(found)
        n += 1
        if len(lines) == 1000:
            write(("\n" if n == len(lines) else ",\n") + ",\n".join(lines))
            lines.clear()
    if lines:
        write(("\n" if n == len(lines) else ",\n") + ",\n".join(lines))
    write("\n]\n" if n else "]\n")
    return n


def _publishable(
    records: Rows,
    settings: PublishingSettings,
    refused: Callable[[Refused], None] | None,
) -> Iterator[dict[str, Any]]:
    """The ClaimReview object of each claim that can be published; the others go to `refused`."""
    shared = _Shared(settings)
    for row in _rows(records):
        review = shared.review(row)
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
    records: Rows,
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
