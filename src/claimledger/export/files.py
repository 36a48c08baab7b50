"""Writing an export file whole or not at all.

The export goes to a hidden file beside the target (`.NAME.<random>.partial`), renamed over the
target at the end. A failed export removes its own partial file; one killed outright cannot, so
the next export to the same target removes the partial files no running export holds (each writer
holds a lock on its own while it writes).
"""

from __future__ import annotations

import glob
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: an open file cannot be removed there anyway
    fcntl = None  # type: ignore[assignment]

SUFFIX = ".partial"
TOKEN_BYTES = 4


def partial_files(target: Path) -> list[Path]:
    """The partial files of exports to `target` (this version's, and the older fixed name)."""
    mine = re.compile(
        rf"\.{re.escape(target.name)}(\.[0-9a-f]{{{2 * TOKEN_BYTES}}})?{re.escape(SUFFIX)}"
    )
    pattern = glob.escape(str(target.with_name(f".{target.name}."))) + "*"
    return sorted(Path(p) for p in glob.glob(pattern) if mine.fullmatch(Path(p).name))


def _held(path: Path) -> bool:
    """Whether a running export holds this partial file."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return True  # already gone: nothing to remove
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing releases the lock
    return False


def remove_stale_partials(target: Path) -> list[Path]:
    """Remove what killed exports to `target` left behind; returns what was removed."""
    removed = []
    for path in partial_files(target):
        if _held(path):
            continue
        try:
            path.unlink()
        except OSError:  # gone meanwhile, or (on Windows) still open
            continue
        removed.append(path)
    return removed


def _create(target: Path) -> tuple[Path, int]:
    """A new partial file for `target`, open and locked."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(TOKEN_BYTES)}{SUFFIX}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        if fcntl is None:
            return tmp, fd
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.fstat(fd).st_nlink:
            return tmp, fd
        os.close(fd)  # another export's clean-up removed it before the lock: take another name


@contextmanager
def whole_file(target: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """A text file that appears at `target` only once the block ends without an error."""
    remove_stale_partials(target)
    tmp, fd = _create(target)
    try:
        with open(fd, "w", encoding="utf-8", newline=newline) as out:
            yield out
            out.flush()
            os.replace(tmp, target)  # still locked: no clean-up can take it meanwhile
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def staged_files(target_dir: Path) -> Iterator[Path]:
    """A hidden folder inside `target_dir` to write files into; when the block ends without an
    error each file is moved into `target_dir` (a rename each, so a file there is always whole),
    otherwise the folder is removed and `target_dir` is left as it was."""
    staging = target_dir / f".export.{secrets.token_hex(TOKEN_BYTES)}{SUFFIX}"
    staging.mkdir()
    try:
        yield staging
        for path in sorted(staging.iterdir()):
            os.replace(path, target_dir / path.name)
        staging.rmdir()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
