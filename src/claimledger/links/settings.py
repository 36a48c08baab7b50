"""Settings for the HTTP layer, from the environment or a TOML file (never from the ledger).

Secrets (archive keys, the fact-check API key) are masked in repr() so they never reach a log.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from claimledger.errors import InvalidValue

ENV = {
    "offline": "CLAIMLEDGER_OFFLINE",
    "allow_private": "CLAIMLEDGER_ALLOW_PRIVATE_URLS",
    "network_probe": "CLAIMLEDGER_NETWORK_PROBE",
    "timeout": "CLAIMLEDGER_HTTP_TIMEOUT",
    "max_bytes": "CLAIMLEDGER_MAX_BYTES",
    "archive_endpoint": "CLAIMLEDGER_ARCHIVE_ENDPOINT",
    "archive_access_key": "CLAIMLEDGER_ARCHIVE_ACCESS_KEY",
    "archive_secret_key": "CLAIMLEDGER_ARCHIVE_SECRET_KEY",
    "availability_endpoint": "CLAIMLEDGER_ARCHIVE_AVAILABILITY_ENDPOINT",
    "replay_base": "CLAIMLEDGER_ARCHIVE_REPLAY_BASE",
    "factcheck_endpoint": "CLAIMLEDGER_FACTCHECK_ENDPOINT",
    "factcheck_key": "CLAIMLEDGER_FACTCHECK_KEY",
}
SECRETS = {"archive_access_key", "archive_secret_key", "factcheck_key"}


@dataclass
class LinkSettings:
    offline: bool = False
    """No HTTP at all: evidence is recorded unchecked (a desk without a network, or tests)."""
    allow_private: bool = False
    """Fetch loopback, private (RFC 1918, ULA), link-local and other non-public addresses too
    (a newsroom's intranet, or tests); off by default, so a link cannot reach the desk's own
    machines or a cloud metadata service."""
    network_probe: str | None = None
    """A page fetched to tell 'we are offline' from 'these hosts are gone' when no link of a
    check answered; the archive endpoint by default; 'none' for no probe (then a check in
    which no host answered is taken as offline)."""
    timeout: float = 10.0
    """Seconds for connecting and for each read."""
    max_bytes: int = 5_000_000
    """Bodies larger than this are cut off and the link recorded as too large."""
    max_redirects: int = 10
    retries: int = 3
    """Further attempts after a 429, a 5xx or a transport error."""
    backoff: float = 0.5
    """First wait between attempts, doubled each time."""
    max_retry_after: float = 30.0
    """Cap on a server's Retry-After, so a hostile server cannot stall a run."""
    per_host_delay: float = 0.2
    """Seconds between two requests to the same host."""
    archive_endpoint: str = "https://web.archive.org"
    archive_access_key: str | None = field(default=None, repr=False)
    archive_secret_key: str | None = field(default=None, repr=False)
    availability_endpoint: str = "https://archive.org/wayback/available"
    replay_base: str = "https://web.archive.org/web"
    archive_poll_interval: float = 3.0
    archive_timeout: float = 120.0
    factcheck_endpoint: str = "https://factchecktools.googleapis.com/v1alpha1/claims:search"
    factcheck_key: str | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in SECRETS:
                value = "***" if value else None
            parts.append(f"{f.name}={value!r}")
        return f"LinkSettings({', '.join(parts)})"

    @property
    def can_archive(self) -> bool:
        return bool(self.archive_access_key and self.archive_secret_key)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> LinkSettings:
        """Defaults, then the config file, then environment variables (which win)."""
        env = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        path = Path(
            env.get("CLAIMLEDGER_CONFIG") or Path.home() / ".config/claimledger/config.toml"
        )
        if path.is_file():
            try:
                with path.open("rb") as fh:
                    data = tomllib.load(fh)
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise InvalidValue(f"{path}: not a readable TOML file ({exc})") from None
            section = data.get("links", data)
            names = {f.name for f in fields(cls)}
            values.update({k: v for k, v in section.items() if k in names})
        for name, var in ENV.items():
            if env.get(var):
                values[name] = env[var]
        for f in fields(cls):
            if f.name in values and f.type == "bool" and isinstance(values[f.name], str):
                values[f.name] = values[f.name].strip().lower() in {"1", "true", "yes", "on"}
            elif f.name in values and f.type in {"float", "int"}:
                values[f.name] = _number(
                    f.name, values[f.name], float if f.type == "float" else int
                )
        return cls(**values)


def _number(name: str, raw: object, kind: type[float] | type[int]) -> float | int:
    """A setting that must be a positive number; a bad one is named in one line."""
    where = next((var for key, var in ENV.items() if key == name), name)
    try:
        value = kind(str(raw).strip())
    except ValueError:
        raise InvalidValue(f"{where} must be a number, not {raw!r}") from None
    if value < 0 or value != value:  # negative, or NaN
        raise InvalidValue(f"{where} must be a positive number, not {raw!r}")
    return value
