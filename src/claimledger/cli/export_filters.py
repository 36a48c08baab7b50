"""What `export` selects, from its options: states, evidence statuses, source, dates of the
claims' last change, and what changed since the last export of the same format."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from claimledger.cli.context import fail

if TYPE_CHECKING:
    from claimledger.records import ClaimFilter


def parse_when(text: str, option: str, *, end: bool = False) -> datetime:
    """A date (2026-11-30: the whole day, in UTC) or a moment (2026-11-30T14:00, UTC unless it
    says otherwise). As an end (`--until`) a date includes its whole day."""
    try:
        if len(text) == 10:
            day = datetime.combine(datetime.fromisoformat(text).date(), time(), tzinfo=UTC)
            return day + timedelta(days=1) if end else day
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise fail(
            f"{option} {text!r} is not a date (YYYY-MM-DD) or a moment (YYYY-MM-DDTHH:MM)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class ExportFilters:
    """The options as given: recorded with the export in the ledger's export log."""

    states: tuple[str, ...]
    evidence_statuses: tuple[str, ...]
    source: str | None
    since: str | None
    until: str | None
    since_last_export: bool

    @classmethod
    def parse(
        cls,
        states: list[str] | None,
        evidence_statuses: list[str] | None,
        source: str | None,
        since: str | None,
        until: str | None,
        since_last_export: bool,
    ) -> ExportFilters:
        from claimledger.vocab import parse_evidence_status, parse_state

        wanted = states or ["verified"]
        return cls(
            states=() if "all" in wanted else tuple(parse_state(s).value for s in wanted),
            evidence_statuses=tuple(
                parse_evidence_status(s).value for s in evidence_statuses or ()
            ),
            source=source,
            since=since,
            until=until,
            since_last_export=since_last_export,
        )

    def claim_filter(self, after_entry: int | None) -> ClaimFilter:
        from claimledger.records import ClaimFilter

        since = parse_when(self.since, "--since") if self.since else None
        until = parse_when(self.until, "--until", end=True) if self.until else None
        if since and until and until <= since:
            raise fail(f"--until {self.until} is not after --since {self.since}")
        return ClaimFilter(
            states=self.states,
            evidence_statuses=self.evidence_statuses,
            source=self.source,
            changed_since=since,
            changed_until=until,
            changed_after_entry=after_entry,
        )

    def given(self) -> bool:
        """Whether any option beyond the default state was given (jsonl takes none)."""
        return bool(
            self.evidence_statuses
            or self.source
            or self.since
            or self.until
            or self.since_last_export
        )

    def to_log(self, after_export: int | None, **layout: Any) -> dict[str, Any]:
        """What the export log keeps of them (`claimledger exports` shows it)."""
        logged: dict[str, Any] = {"states": list(self.states) or ["all"]}
        if self.evidence_statuses:
            logged["evidence_statuses"] = list(self.evidence_statuses)
        for key in ("source", "since", "until"):
            if getattr(self, key):
                logged[key] = getattr(self, key)
        if self.since_last_export:
            logged["since_export"] = after_export
        logged.update({k: v for k, v in layout.items() if v})
        return logged
