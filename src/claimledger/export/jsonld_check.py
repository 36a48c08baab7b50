"""Does every property and type of a ClaimReview mean what schema.org says? Ask a JSON-LD
processor: expand the object (pyld) and look at the IRIs it gives.

The processor reads `"@context": "https://schema.org"` from a copy shipped with the package
(`schemas/schemaorg-context.jsonld`: schema.org's own term definitions for the types a
fact-check page uses, ClaimReview, Claim, Rating, the organisations and people, the works they
appear in, with their properties). The document loader knows only that context and never opens a
connection: any other context is an error. Expansion is run with a stand-in vocabulary, so a
term the context does not define (a misspelling, `claimReviewd`, or a property schema.org does
not have) comes out under the stand-in instead of silently disappearing, and is named.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from pyld import jsonld  # type: ignore[import-untyped]

from claimledger.export.validate import Finding

SCHEMA_ORG = "http://schema.org/"
UNKNOWN = "urn:claimledger:unknown-term:"
"""The stand-in vocabulary: where a term the context does not define expands to."""
CONTEXT_URLS = frozenset(
    f"{scheme}://schema.org{path}"
    for scheme in ("http", "https")
    for path in ("", "/", "/docs/jsonldcontext.jsonld", "/docs/jsonldcontext.json")
)


@cache
def bundled_context() -> dict[str, Any]:
    text = resources.files("claimledger.export.schemas").joinpath("schemaorg-context.jsonld")
    found: dict[str, Any] = json.loads(text.read_text())
    return found


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """schema.org's context from the package; anything else refused (never the network)."""
    if url not in CONTEXT_URLS:
        raise jsonld.JsonLdError(
            f"{url} is not available offline (only schema.org's context is bundled)",
            "jsonld.LoadDocumentError",
            code="loading document failed",
        )
    return {"contextUrl": None, "documentUrl": url, "document": bundled_context()}


def expand(obj: Any) -> list[dict[str, Any]]:
    """The object expanded by the JSON-LD processor, offline, unknown terms kept (see above)."""
    options = {"documentLoader": offline_loader, "expandContext": {"@vocab": UNKNOWN}}
    expanded: list[dict[str, Any]] = jsonld.expand(obj, options)
    return expanded


def jsonld_findings(obj: Any) -> list[Finding]:
    """An error for each property or type that is not a schema.org term, or for a context the
    processor cannot read offline."""
    try:
        expanded = expand(obj)
    except jsonld.JsonLdError as exc:
        return [Finding("error", "@context", _reason(exc))]
    found: list[Finding] = []
    for node in expanded:
        _walk(node, "", found)
    return found


def _walk(node: dict[str, Any], where: str, found: list[Finding]) -> None:
    for key, values in node.items():
        if key == "@type":
            for kind in values:
                if not kind.startswith(SCHEMA_ORG):
                    found.append(Finding("error", _join(where, "@type"), _unknown("type", kind)))
            continue
        if key.startswith("@"):
            continue
        name = key.removeprefix(SCHEMA_ORG).removeprefix(UNKNOWN)
        path = _join(where, name)
        if not key.startswith(SCHEMA_ORG):
            found.append(Finding("error", path, _unknown("property", key)))
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, dict) and "@value" not in value:
                for item in value.get("@list", [value]):
                    if isinstance(item, dict):
                        _walk(item, path, found)


def _unknown(what: str, iri: str) -> str:
    if iri.startswith(UNKNOWN):
        return f"not a schema.org {what} ({iri.removeprefix(UNKNOWN)!r} is not in its vocabulary)"
    return f"expands to {iri}, not a schema.org {what}"


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _reason(exc: Exception) -> str:
    url = (getattr(exc, "details", None) or {}).get("url")
    if url:
        return f"{url} cannot be read offline (only schema.org's context is bundled)"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


_KEPT = frozenset({"@type", "@context"})


def _skeleton(value: Any, key: str = "") -> Any:
    """What expansion depends on: the keys, the values of @type and @context, and which values
    are null (expansion drops a property whose value is null, and with it any finding about its
    name); of any other scalar nothing (this runs on every object an export writes)."""
    kind = type(value)
    if kind is dict:
        return tuple(
            [
                (
                    k,
                    _skeleton(v, k)
                    if type(v) in (dict, list)
                    else (v if k in _KEPT else v is None),
                )
                for k, v in value.items()
            ]
        )
    if kind is list:
        return tuple([_skeleton(v, key) for v in value])
    return value if key in _KEPT else value is None


_SEEN: dict[Any, tuple[Finding, ...]] = {}


def jsonld_errors_cached(obj: Any) -> tuple[Finding, ...]:
    """`jsonld_findings`, expanded once per shape of object: an export writes a million objects
    of a handful of shapes, and what expansion finds depends on nothing else."""
    shape = _skeleton(obj)
    found = _SEEN.get(shape)
    if found is None:
        if len(_SEEN) >= 1000:  # objects not of the exporter's making: keep it bounded
            _SEEN.clear()
        found = _SEEN[shape] = tuple(jsonld_findings(obj))
    return found


_BY_SHAPE: dict[Any, tuple[Finding, ...]] = {}


def jsonld_errors_of_shape(shape: Any, obj: Any) -> tuple[Finding, ...]:
    """`jsonld_errors_cached` for an exporter that knows its object's shape without reading it
    back (`claimreview.claim_review`: the branches it took). `shape` must tell apart any two
    objects whose `_skeleton` differs: a test holds the ClaimReview builder to it."""
    found = _BY_SHAPE.get(shape)
    if found is None:
        if len(_BY_SHAPE) >= 1000:
            _BY_SHAPE.clear()
        found = _BY_SHAPE[shape] = jsonld_errors_cached(obj)
    return found
