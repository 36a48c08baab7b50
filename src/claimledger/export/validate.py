"""Checking a ClaimReview object against what Google's fact-check documentation and schema.org ask.

Two checks, both offline (package data, no network, no schema download):

- a JSON Schema (`schemas/claimreview.schema.json`, applied with `jsonschema`): its root is what
  must hold (an error: the object is not published), its `$defs/recommended` what Google
  recommends (a warning). Each finding names the property and why, from the schema's own
  `description` and `message` keywords, so the reasons a claim is refused live in one place.
  The one rule a schema cannot say (a rating lies between its scale's worst and best) is here.
- expansion with a JSON-LD processor (`pyld`) against a bundled schema.org context: every
  property and type must expand to a schema.org term; a misspelled or unknown one is an error
  (`jsonld_findings`).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any, Literal

from jsonschema import Draft202012Validator, FormatChecker, ValidationError

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    level: Level
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _data(name: str) -> Any:
    return json.loads(resources.files("claimledger.export.schemas").joinpath(name).read_text())


@cache
def schema() -> dict[str, Any]:
    """The ClaimReview JSON Schema shipped with the package."""
    found: dict[str, Any] = _data("claimreview.schema.json")
    return found


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with its `#/$defs/...` references written out (it has no cycles): a
    validator with nothing to look up runs about twice as fast."""
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    own = {k: _inline(v, defs) for k, v in node.items() if k not in ("$ref", "$defs")}
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return {**_inline(defs[ref.removeprefix("#/$defs/")], defs), **own}
    return own


def _date_time(value: object) -> bool:
    """ISO 8601 date and time (jsonschema's own needs an extra package)."""
    if isinstance(value, str):
        datetime.fromisoformat(value)
    return True


def format_checker() -> FormatChecker:
    """The formats the schema uses: `date`, and `date-time` read by the standard library."""
    checker = FormatChecker(["date"])
    checker.checks("date-time", raises=ValueError)(_date_time)
    return checker


OBJECT_KEYWORDS = frozenset(
    {"$schema", "$id", "$defs", "title", "description", "message", "type", "required", "properties"}
)
"""All the root and `$defs/recommended` may use: each property is then checked on its own,
and what one finds about a value it has seen is kept (see `_Part`)."""


ANNOTATIONS = frozenset({"message", "description"})
"""Keywords of the schema that say something and check nothing."""


class _Part:
    """One level of the schema (required or recommended) applied with jsonschema: the object's
    keys against `required`, each property's value against its own subschema. The same
    findings as the whole schema at once, since the part holds nothing but those keywords;
    remembered per value, so a million objects that share their author, rating and article
    cost the checks of their few distinct values. A property whose value is unique to each
    object (its page, its statement) and whose subschema is a string matching a pattern is
    passed by that pattern itself when it matches (jsonschema's own test: `re.search`); only a
    value that fails goes through jsonschema, for its message."""

    LIMIT = 4096

    def __init__(self, part: dict[str, Any], defs: dict[str, Any], level: Level) -> None:
        unknown = set(part) - OBJECT_KEYWORDS
        if unknown:
            raise ValueError(f"the ClaimReview schema's object level uses {sorted(unknown)}")
        checker = format_checker()
        flat = _inline(part, defs)
        self.level = level
        self.whole = Draft202012Validator(flat, format_checker=checker)
        self.keys = Draft202012Validator(
            {k: flat[k] for k in ("type", "required", "properties", "message") if k in flat}
            | {"properties": {k: {"description": v.get("description", "")}
                              for k, v in flat.get("properties", {}).items()}}
        )  # fmt: skip
        self.properties = {
            key: Draft202012Validator(sub, format_checker=checker)
            for key, sub in flat.get("properties", {}).items()
        }
        self.passes = {
            key: re.compile(sub["pattern"])
            for key, sub in flat.get("properties", {}).items()
            if sub.get("type") == "string" and set(sub) - ANNOTATIONS == {"type", "pattern"}
        }
        self.seen: dict[Any, list[Finding]] = {}

    def findings(self, obj: Any) -> list[Finding]:
        if not isinstance(obj, dict):
            return _findings(self.whole, obj, self.level)
        found = self._remembered(("", tuple(obj)), self.keys, obj, "")
        for key, value in obj.items():
            validator = self.properties.get(key)
            if validator is None:
                continue
            passes = self.passes.get(key)
            if passes is not None and type(value) is str and passes.search(value):
                continue  # what jsonschema would accept (a string matching the pattern)
            found = found + self._remembered((key, _key(value)), validator, value, key)
        return found

    def _remembered(
        self, key: Any, validator: Draft202012Validator, value: Any, where: str
    ) -> list[Finding]:
        found = self.seen.get(key)
        if found is None:
            if len(self.seen) >= self.LIMIT:
                self.seen.clear()
            found = self.seen[key] = _under(where, _findings(validator, value, self.level))
        return found


def _key(value: Any) -> Any:
    """A JSON value as a dictionary key: `repr` tells 1, 1.0, True and "1" apart, and is
    several times cheaper than a sorted JSON dump (a key in another order merely misses)."""
    return repr(value) if isinstance(value, dict | list) else (type(value), value)


def _under(where: str, found: list[Finding]) -> list[Finding]:
    """Findings about a property's value, named by their path in the whole object."""
    if not where:
        return found
    return [
        Finding(f.level, where if f.path == "(root)" else f"{where}.{f.path}", f.message)
        for f in found
    ]


@cache
def _parts() -> tuple[_Part, _Part]:
    """(required, recommended): built once; the exporter checks every object it writes."""
    root = schema()
    defs = root["$defs"]
    return _Part(root, defs, "error"), _Part(defs["recommended"], defs, "warning")


KNOWN_SCHEMA = "bac596d5cb44922b23c34c232eb1db9a2caaf62db19a438bc9dd6eaafd604ac8"
"""The SHA-256 of the schema `claimreview._Shared.errors` was written against: its shortcut
holds only for that schema (another one turns the shortcut off until it is looked at again)."""
VARYING = ("url", "claimReviewed", "reviewBody")
"""The properties of a ClaimReview whose values differ from object to object (the exporter's
other values are constants or follow from the rating, the date and which keys it has)."""


@cache
def varying_passes() -> dict[str, re.Pattern[str]] | None:
    """The pattern the required level passes each `VARYING` property's text by (see `_Part`),
    or None when the schema is not the known one or a pattern is missing: no shortcut then."""
    text = resources.files("claimledger.export.schemas").joinpath("claimreview.schema.json")
    if hashlib.sha256(text.read_bytes()).hexdigest() != KNOWN_SCHEMA:
        return None
    passes = _parts()[0].passes
    if not all(key in passes for key in VARYING):
        return None
    return {key: passes[key] for key in VARYING}


def validate_claim_review(obj: Any) -> list[Finding]:
    """Errors (the object must not be published as is) and warnings (recommended, missing)."""
    found = error_findings(obj)
    if not isinstance(obj, dict):
        return found
    seen = {f.path for f in found}
    found += [f for f in _parts()[1].findings(obj) if f.path not in seen]
    return found


def error_findings(obj: Any) -> list[Finding]:
    """Only what stops an object being published (what an export checks)."""
    found = _parts()[0].findings(obj)
    if isinstance(obj, dict):
        found = found + _rating(obj.get("reviewRating"))
    return found


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]


def _findings(validator: Draft202012Validator, obj: Any, level: Level) -> list[Finding]:
    found: dict[str, Finding] = {}
    for error in validator.iter_errors(obj):
        for finding in _explain(error, level):
            found.setdefault(finding.path, finding)  # the first word on a property is enough
    return list(found.values())


def _explain(error: ValidationError, level: Level) -> list[Finding]:
    """What a person is told: the property's path, and the schema's words for what is wrong."""
    where = ".".join(str(p) for p in error.absolute_path)
    instance, subschema = error.instance, error.schema
    value: Any = error.validator_value
    if not isinstance(subschema, dict):
        return [Finding(level, where or "(root)", error.message)]
    if error.validator == "required" and isinstance(instance, dict):
        properties = subschema.get("properties", {})
        return [
            Finding(level, _join(where, key), _missing(properties.get(key, {})))
            for key in value
            if key not in instance
        ]
    if error.validator == "dependentRequired" and isinstance(instance, dict):
        return [
            Finding(level, _join(where, key), f"missing beside {leader}")
            for leader, keys in value.items()
            if leader in instance
            for key in keys
            if key not in instance
        ]
    message = subschema.get("message") or error.message
    scalar = isinstance(instance, str | int | float) and not isinstance(instance, bool)
    if scalar and error.validator in ("pattern", "format", "anyOf", "const", "enum"):
        message = f"{message}, not {instance!r}"
    return [Finding(level, where or "(root)", message)]


def _missing(prop: dict[str, Any]) -> str:
    why = prop.get("description")
    return f"missing ({why})" if why else "missing"


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _rating(rating: Any) -> list[Finding]:
    """A number must lie on its scale (the schema checks each is a number, not how they
    compare)."""
    if not isinstance(rating, dict):
        return []
    values = [rating.get(k) for k in ("ratingValue", "bestRating", "worstRating")]
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(numbers) != len(values):
        return []
    value, best, worst = numbers
    if min(best, worst) <= value <= max(best, worst):
        return []
    message = f"{value} is off the scale {worst}..{best}"
    return [Finding("error", "reviewRating.ratingValue", message)]
