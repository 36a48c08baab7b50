"""The core never imports Textual: the CLI, exporters and a server could run without it."""

import subprocess
import sys

CORE = [
    "claimledger.models",
    "claimledger.db",
    "claimledger.ledger",
    "claimledger.extract",
    "claimledger.export",
    "claimledger.documents",
    "claimledger.links",
]


def test_core_imports_no_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'claimledger.tui')))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_help_imports_neither_database_nor_tui() -> None:
    """`claimledger --help` should not pay for SQLModel or Textual."""
    code = (
        "import sys\n"
        "from claimledger.cli import app\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & {'sqlmodel', 'textual', 'sqlalchemy'})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
