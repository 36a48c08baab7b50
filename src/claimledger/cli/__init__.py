"""The command line: thin commands over the ledger core."""

from claimledger.cli.app import app, main

__all__ = ["app", "main"]
