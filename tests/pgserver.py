"""A throwaway PostgreSQL server on loopback, for the tests and benchmarks that need one.

Used when the server binaries (initdb, pg_ctl) are installed; `Unavailable` says why not otherwise.
A server that should start and does not is an error, not a skip.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Unavailable(Exception):
    """No PostgreSQL server can be started on this machine (binaries or driver missing)."""


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def throwaway_postgres(
    password: str | None = None, *, settings: dict[str, str] | None = None
) -> Iterator[str]:
    """Start a server in a temporary folder; yields its URL (database `postgres`, no password in
    it). With `password`, the server asks for it (scram-sha-256), as a desk's server would;
    `settings` are server settings (`shared_buffers`, ...) for benchmarks sized like a desk's."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise Unavailable("the psycopg driver is not installed") from None
    # PostgreSQL refuses to run as root: run it as the postgres account when we are root.
    as_user: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            raise Unavailable("running as root without runuser")
        as_user = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
    base.chmod(0o777)
    data = base / "data"
    port = _free_port()
    auth = ["--auth=trust"]
    if password is not None:
        pwfile = base / "pw"
        pwfile.write_text(password)
        pwfile.chmod(0o644)
        auth = ["--auth=scram-sha-256", f"--pwfile={pwfile}"]
    subprocess.run(
        [*as_user, initdb, "-D", str(data), "-U", "claimledger", *auth, "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    opts += "".join(f" -c {name}={value}" for name, value in (settings or {}).items())
    subprocess.run(
        [*as_user, pg_ctl, "-D", str(data), "-o", opts, "-l", str(base / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://claimledger@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(base, ignore_errors=True)


TEMPLATE = "ledger_template"


def database(server: str, name: str) -> str:
    """The URL of another database on the same server."""
    return server.rsplit("/", 1)[0] + f"/{name}"


def migrated_template(server: str) -> str:
    """Create (once per server) a database at the current schema to copy ledgers from."""
    import sqlalchemy as sa

    from claimledger.db import open_ledger

    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {TEMPLATE}")
    finally:
        admin.dispose()
    open_ledger(database(server, TEMPLATE)).engine.dispose()  # no connection may stay open on it
    return TEMPLATE


@contextmanager
def fresh_database(server: str, *, template: str | None = None) -> Iterator[str]:
    """A new database on the server (empty, or a copy of `template`), dropped afterwards."""
    import sqlalchemy as sa

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    copy = f" TEMPLATE {template}" if template else ""
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}{copy}")
    try:
        yield database(server, name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()
