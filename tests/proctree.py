"""What a killed command leaves behind: its processes, found by process group, and many articles to
keep it busy.

Each command under test runs in a process group of its own (its id is the command's pid); its
workers inherit the group, so they are found even once orphaned (their parent id is then 1). A
zombie (exited, not yet reaped by init) holds no memory and no file: it counts as gone.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import psutil

from claimledger.documents import SourceMeta, read_document, render_document

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"

LEAVE_WITHIN = 20.0
"""Seconds a killed command's processes are given to go: a bound so a failing test ends, not a
speed claim (a worker leaves about 0.1 s after its parent, a loaded machine adds to that)."""


def group_members(pgid: int) -> list[psutil.Process]:
    """The live (not zombie) processes of a process group."""
    found = []
    for proc in psutil.process_iter():
        try:
            if os.getpgid(proc.pid) == pgid and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except (ProcessLookupError, psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def left_behind(pgid: int, *, within: float = LEAVE_WITHIN) -> list[psutil.Process]:
    """The group's processes still alive once they have had `within` seconds to go."""
    deadline = time.monotonic() + within
    while True:
        alive = group_members(pgid)
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def wait_for_members(pgid: int, count: int, *, within: float = 60.0) -> list[psutil.Process]:
    """Wait until the group has at least `count` live processes (a command and its workers)."""
    deadline = time.monotonic() + within
    while True:
        members = group_members(pgid)
        if len(members) >= count or time.monotonic() > deadline:
            return members
        time.sleep(0.02)


def make_articles(folder: Path, count: int) -> list[Path]:
    """`count` distinct articles (the shipped ones, each given its own first line)."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = [read_document(p) for p in sorted(SOURCES.glob("*.txt"))]
    paths = []
    for i in range(count):
        doc = docs[i % len(docs)]
        meta = SourceMeta(
            outlet=doc.meta.outlet, title=doc.meta.title, published=doc.meta.published
        )
        path = folder / f"article-{i:05}.txt"
        path.write_text(render_document(meta, f"Edition {i}\n\n{doc.text}"), encoding="utf-8")
        paths.append(path)
    return paths
