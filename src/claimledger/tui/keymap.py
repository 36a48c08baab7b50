"""Keys a person remaps in a TOML file: binding id = "key" (see the help screen for the ids).

    # ~/.config/claimledger/keys.toml
    "ledger.verify" = "V"
    "ledger.next_open" = "ctrl+n,n"

A `[keys]` table works too. CLAIMLEDGER_KEYMAP points at another file.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path


def keymap_path() -> Path:
    env = os.environ.get("CLAIMLEDGER_KEYMAP")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "claimledger" / "keys.toml"


def load_keymap(path: Path) -> tuple[dict[str, str], str | None]:
    """The keymap and, if the file is wrong, one line saying why (the app opens anyway)."""
    if not path.exists():
        return {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"keymap {path.name} not read: {exc}"
    table = data.get("keys", data)
    if not isinstance(table, dict):
        return {}, f"keymap {path.name}: [keys] must be a table"
    keymap = {str(k): v for k, v in table.items() if isinstance(v, str) and v.strip()}
    bad = [str(k) for k, v in table.items() if not (isinstance(v, str) and v.strip())]
    return keymap, (
        f"keymap {path.name}: ignored {', '.join(bad)} (values must be key strings)"
        if bad
        else None
    )
