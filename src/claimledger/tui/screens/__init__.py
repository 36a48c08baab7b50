"""Screens: the ledger (main), the reader, help, and the small dialogs."""
