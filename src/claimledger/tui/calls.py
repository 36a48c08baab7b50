"""The app as the ledger's door, typed, for widgets and screens (the app module imports them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from claimledger.tui.app import ClaimLedgerApp


def desk(node: DOMNode) -> ClaimLedgerApp:
    """The running `ClaimLedgerApp`, whose `read` and `write` reach the ledger off the UI thread."""
    return cast("ClaimLedgerApp", node.app)
