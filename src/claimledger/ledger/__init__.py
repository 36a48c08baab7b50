"""Every read and write the product does; the CLI, the TUI and the exporters all call these.

Import the module you need (queries, review, evidence, ingest, detail): importing the package
itself stays cheap.
"""
