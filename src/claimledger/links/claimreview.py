"""Other outlets' verdicts: the ClaimReview markup a fact-check page carries (JSON-LD, microdata or
RDFa), read with extruct and brought to one shape, `OutletVerdict`.

A page is written by someone else: a broken block is skipped (the others still count), text is
kept as written but with its whitespace collapsed and cut to a sane length, at most
`MAX_VERDICTS` are kept, and nothing here raises into the caller.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimledger.records import OutletVerdict

MAX_VERDICTS = 20
"""A fact-check page reviews a handful of claims; more than this is not a fact-check page."""
MAX_TEXT = 500
"""Characters kept of any one field (a claim statement is under 75 by Google's advice)."""
MAX_DEPTH = 8
"""How deep nested objects are followed (a verdict is three levels down at most)."""

SCHEMA = ("http://schema.org/", "https://schema.org/")


def outlet_verdicts(html: bytes | str, base_url: str | None = None) -> tuple[OutletVerdict, ...]:
    """Every ClaimReview the page carries, in page order (JSON-LD, then microdata, then RDFa),
    duplicates (the same review in two syntaxes) once."""
    if not _mentions_claimreview(html):
        return ()  # most pages: no parsing at all
    found: list[OutletVerdict] = []
    for item in _items(html, base_url):
        try:
            verdict = _verdict(item)
        except (TypeError, ValueError, AttributeError, RecursionError):
            continue
        if verdict is not None and verdict not in found:
            found.append(verdict)
        if len(found) >= MAX_VERDICTS:
            break
    return tuple(found)


def _mentions_claimreview(html: bytes | str) -> bool:
    needle: Any = b"claimreview" if isinstance(html, bytes) else "claimreview"
    return needle in html.lower()


def _items(html: bytes | str, base_url: str | None) -> Iterator[dict[str, Any]]:
    """ClaimReview objects, each syntax read on its own (one failing does not hide the others)."""
    try:
        from extruct.utils import parse_xmldom_html

        tree = parse_xmldom_html(html, encoding="UTF-8")
    except Exception:
        return
    yield from _guarded(_jsonld, tree)
    yield from _guarded(_microdata, tree, base_url)
    yield from _guarded(_rdfa, tree, base_url)


def _guarded(read: Any, *args: Any) -> Iterator[dict[str, Any]]:
    try:
        items = list(read(*args))
    except Exception:
        return
    yield from items


def _jsonld(tree: Any) -> Iterator[dict[str, Any]]:
    """Each script block on its own, so one malformed block does not hide the next."""
    from extruct.jsonld import JsonLdExtractor

    extractor = JsonLdExtractor()
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            items = extractor.extract_items(node)
        except Exception:
            continue
        for item in items:
            yield from _claimreviews(item, 0)


def _claimreviews(item: Any, depth: int) -> Iterator[dict[str, Any]]:
    """ClaimReview objects in a JSON-LD item: itself, its @graph, or a list."""
    if depth > MAX_DEPTH:
        return
    if isinstance(item, list):
        for part in item:
            yield from _claimreviews(part, depth + 1)
    elif isinstance(item, dict):
        if _is_claimreview(item.get("@type")):
            yield item
        if "@graph" in item:
            yield from _claimreviews(item["@graph"], depth + 1)


def _is_claimreview(kind: Any) -> bool:
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and _short(k) == "ClaimReview" for k in kinds)


def _short(name: str) -> str:
    for prefix in SCHEMA:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name.removeprefix("schema:")


def _microdata(tree: Any, base_url: str | None) -> Iterator[dict[str, Any]]:
    from extruct.w3cmicrodata import MicrodataExtractor

    for item in MicrodataExtractor().extract_items(tree, base_url=base_url):
        plain = _from_microdata(item, 0)
        if isinstance(plain, dict) and _is_claimreview(plain.get("@type")):
            yield plain


def _from_microdata(item: Any, depth: int) -> Any:
    """extruct's microdata ({"type", "properties"}) in JSON-LD's shape."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(item, list):
        return [_from_microdata(i, depth + 1) for i in item]
    if isinstance(item, dict) and "properties" in item:
        out = {k: _from_microdata(v, depth + 1) for k, v in item["properties"].items()}
        out["@type"] = item.get("type")
        return out
    return item


def _rdfa(tree: Any, base_url: str | None) -> Iterator[dict[str, Any]]:
    """extruct's RDFa is a flat graph of nodes with full property IRIs: nested back by @id."""
    from extruct.rdfa import RDFaExtractor

    nodes = RDFaExtractor().extract_items(tree, base_url=base_url)
    by_id = {n.get("@id"): n for n in nodes if isinstance(n, dict)}
    for node in nodes:
        if isinstance(node, dict) and _is_claimreview(node.get("@type")):
            yield _from_rdfa(node, by_id, 0)


def _from_rdfa(node: dict[str, Any], by_id: dict[Any, Any], depth: int) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": node.get("@type")}
    for key, values in node.items():
        if key.startswith("@") or not isinstance(values, list):
            continue
        plain = []
        for v in values:
            if not isinstance(v, dict):
                continue
            if "@value" in v:
                plain.append(v["@value"])
            elif "@id" in v:
                ref = by_id.get(v["@id"])
                if isinstance(ref, dict) and depth < MAX_DEPTH:
                    plain.append(_from_rdfa(ref, by_id, depth + 1))
                else:
                    plain.append(v["@id"])
        out[_short(key)] = plain[0] if len(plain) == 1 else plain
    return out


def _verdict(item: dict[str, Any]) -> OutletVerdict | None:
    rating = _first(item.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    claim = _first(item.get("itemReviewed"))
    claim = claim if isinstance(claim, dict) else {}
    verdict = OutletVerdict(
        outlet=_name(item.get("author")),
        rating=_text(rating.get("alternateName")) or _text(rating.get("name")),
        rating_value=_text(rating.get("ratingValue")),
        best_rating=_text(rating.get("bestRating")),
        worst_rating=_text(rating.get("worstRating")),
        claim_reviewed=_text(item.get("claimReviewed")),
        claim_by=_name(claim.get("author")),
        date_published=_text(item.get("datePublished")),
        review_url=_text(item.get("url")),
    )
    if verdict.rating is None and verdict.rating_value is None:
        return None  # a ClaimReview with no verdict says nothing the desk can use
    return verdict


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _name(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _text(value: Any) -> str | None:
    """A field as one line of text, cut to MAX_TEXT; numbers as written (1, not 1.0)."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, str | int | float):
        return None
    text = " ".join(str(value).split())
    return text[:MAX_TEXT] or None
