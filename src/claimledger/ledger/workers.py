"""Worker processes that never outlive the command that started them.

A pool's workers are processes of their own. When the command is killed outright (SIGKILL, the
out-of-memory killer) nothing runs in it to stop them, and a worker waiting on its task queue
would wait forever, holding memory and the caller's terminal or pipe. So each worker lets go of
the standard streams (its results go back through the pool, its errors as values), leaves Ctrl-C
to the command, and watches from a thread for its parent's end, or for the stop flag the parent
raises when it is interrupted, and then leaves at once.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event

POLL_SECONDS = 0.1
"""How often a worker looks at its parent and the stop flag: the most a killed command's workers
outlive it, plus the time to exit."""

LEFT_EXIT_CODE = 1
"""A worker's exit status when it left because its parent ended or asked it to stop."""

_in_task = threading.Event()
"""Set in a worker while it runs a task, and so holds none of the pool's queues: safe to leave."""


@contextmanager
def process_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers end with the command, however it ends.

    An exception in the `with` block (Ctrl-C, SIGTERM turned into one, a failed write) cancels
    what has not started, stops the workers mid-task and waits for them before it goes on.
    """
    context = multiprocessing.get_context()
    stop = context.Event()
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(stop,)
    )
    try:
        yield pool
    except BaseException:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


@contextmanager
def task_running() -> Iterator[None]:
    """Marks a task's work in a worker: a stop request may end the process here."""
    _in_task.set()
    try:
        yield
    finally:
        _in_task.clear()


def _start_worker(stop: Event) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent's
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    _let_go_of_streams()
    threading.Thread(
        target=_watch,
        args=(stop, multiprocessing.parent_process(), os.getppid()),
        name="claimledger-worker-watch",
        daemon=True,
    ).start()


def _let_go_of_streams() -> None:
    """The caller's terminal or pipe is not held by a worker (a pipe ends when its writers do)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    # fresh objects: another thread of the parent may have held the old ones' locks at fork time
    sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - for the process's lifetime
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _watch(stop: Event, parent: BaseProcess | None, ppid: int) -> None:
    """Leave when the parent has ended, or when it asks to stop and this worker is mid-task."""
    while True:
        stopping = stop.wait(POLL_SECONDS)
        if (stopping and _in_task.is_set()) or _parent_gone(parent, ppid):
            os._exit(LEFT_EXIT_CODE)
        if stopping:  # between tasks: the pool is ending this worker itself
            time.sleep(POLL_SECONDS)


def _parent_gone(parent: BaseProcess | None, ppid: int) -> bool:
    # POSIX gives an orphan a new parent; elsewhere the parent's sentinel becomes ready
    if os.getppid() != ppid:
        return True
    return parent is not None and bool(wait([parent.sentinel], timeout=0))
