"""How much one article may hold, from the environment: a limit reached is one line naming it.

A file of any size can be handed to `ingest`; without limits a runaway capture (or a hostile
file) takes the machine's memory and the ledger's space. The defaults are far above real news
articles; a desk with larger documents raises them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from claimledger.errors import InvalidValue, LedgerError

ARTICLE_VARIABLE = "CLAIMLEDGER_MAX_ARTICLE_BYTES"
CLAIMS_VARIABLE = "CLAIMLEDGER_MAX_CLAIMS"


@dataclass(frozen=True)
class Limits:
    max_article_bytes: int = 20_000_000
    """The largest article file read (bytes, front matter included)."""
    max_claims: int = 5_000
    """The most claims one article may add to the ledger."""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        env = os.environ if environ is None else environ
        return cls(
            max_article_bytes=_positive(env, ARTICLE_VARIABLE, cls.max_article_bytes),
            max_claims=_positive(env, CLAIMS_VARIABLE, cls.max_claims),
        )

    def check_article_size(self, size: int, name: str) -> None:
        if size > self.max_article_bytes:
            raise LedgerError(
                f"{name}: {size:,} bytes, more than the {self.max_article_bytes:,} an article may"
                f" have ({ARTICLE_VARIABLE} raises the limit)"
            )

    def check_claims(self, count: int, name: str) -> None:
        if count > self.max_claims:
            raise LedgerError(
                f"{name}: {count:,} claims found, more than the {self.max_claims:,} one article"
                f" may add ({CLAIMS_VARIABLE} raises the limit)"
            )


def _positive(env: os._Environ[str] | dict[str, str], name: str, default: int) -> int:
    raw = (env.get(name) or "").strip().replace("_", "").replace(",", "")
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidValue(f"{name} must be a whole number, not {env.get(name)!r}") from None
    if value < 1:
        raise InvalidValue(f"{name} must be at least 1, not {value}")
    return value
