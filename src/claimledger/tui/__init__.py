"""The review UI: a Textual app over the ledger's core (no SQL here, slow work in workers)."""
