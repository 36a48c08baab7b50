"""`ingest` (articles into the ledger) and `extract` (claims of one article, ledger untouched)."""

from __future__ import annotations

import signal
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from claimledger.cli.context import (
    err_console,
    fail,
    out_console,
    print_error,
    say,
    settings,
    write_json,
    write_json_array,
)

if TYPE_CHECKING:
    from claimledger.service import Prepared


class Stopped(KeyboardInterrupt):
    """SIGTERM, raised the way Ctrl-C is, so the article being written is rolled back and the
    workers are stopped before the command ends."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def stoppable() -> Iterator[None]:
    """SIGTERM ends the block as Ctrl-C does, instead of killing the process where it stands."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise Stopped(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


T = TypeVar("T")


@contextmanager
def closed_after(items: Iterator[T]) -> Iterator[Iterator[T]]:
    """Ends a generator when the block does, whatever stops it: its clean-up runs now, not later."""
    try:
        yield items
    finally:
        if isinstance(items, Generator):
            items.close()


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("extract")(extract)


def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or folders of articles (.txt, .md, .html), or http(s) URLs."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print what was done as JSON.")] = False,
    sources_dir: Annotated[
        Path, typer.Option("--sources-dir", help="Where pages fetched from URLs are saved.")
    ] = Path("sources"),
) -> None:
    """Add articles and the claims found in them. Ingesting the same text twice changes nothing.

    A URL is fetched and its page saved into the sources folder, then ingested like a file.
    """
    from claimledger.documents import find_documents
    from claimledger.errors import LedgerError
    from claimledger.service import fetch_source, is_url, prepare_many

    cfg = settings(ctx)
    files = find_documents([Path(p) for p in paths if not is_url(p)])
    for url in (p for p in paths if is_url(p)):
        with err_console.status(f"fetching {url}"):
            files.append(fetch_source(url, sources_dir))
    if not files:
        raise fail("no article files found (looked for .txt, .md, .html)")
    ledger = cfg.ledger(create=True)
    results, problems = [], []
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
        console=err_console,
        transient=True,
        disable=len(files) < 2 or not err_console.is_terminal,  # a log gets no stray blank line
    )
    try:
        with stoppable(), progress, closed_after(prepare_many(files)) as prepared_files:
            task = progress.add_task("ingest", total=len(files), name="")

            def readable() -> Iterator[Prepared]:
                for path, prepared in prepared_files:
                    progress.update(task, advance=1, name=path.name)
                    if isinstance(prepared, LedgerError):
                        problems.append(str(prepared))
                    else:
                        yield prepared

            for result in ledger.ingest_many(readable()):
                results.append(result)  # only what is committed: a stop reports it truly
    except KeyboardInterrupt as exc:
        raise fail(
            f"interrupted after {len(results)} of {len(files)} article(s), each stored whole "
            "or not at all; the same command again adds the rest",
            code=128 + (exc.signum if isinstance(exc, Stopped) else signal.SIGINT),
        ) from None
    except LedgerError as exc:  # the disk full, the server gone: say what was stored first
        raise fail(
            f"{exc}; stopped after {len(results)} of {len(files)} article(s), each stored whole "
            "or not at all; the same command again adds the rest"
        ) from None
    added = [r for r in results if r.added]
    if as_json:
        rows = [
            {
                "path": r.path,
                "source_id": r.source_id,
                "added": r.added,
                "claims": r.claims,
                "metadata_updated": r.updated_meta,
            }
            for r in results
        ]
        write_json(rows)
    else:
        for r in results:
            verb = "added" if r.added else ("metadata updated" if r.updated_meta else "unchanged")
            detail = f", {r.claims} claims" if r.added else ""
            say(f"{verb}: {r.path} (source {r.source_id}{detail})")
        total = sum(r.claims for r in added)
        out_console.print(
            f"{len(added)} new source(s), {total} claim(s); {len(results) - len(added)} already in the ledger",
            markup=False,
        )
    for problem in problems:
        print_error(problem)
    if problems:
        raise typer.Exit(1)


def extract(
    file: Annotated[Path, typer.Argument(help="An article (.txt, .md with front matter, .html).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array of claims.")] = False,
) -> None:
    """Find the claims in one article and print them; the ledger is not touched."""
    from claimledger.service import prepare

    prepared = prepare(file)
    if as_json:
        write_json_array(c.to_dict() for c in prepared.claims)
        return
    from claimledger.cli.render import extracted_table

    if prepared.genre is not None:
        reading = prepared.genre
        say(f"genre: {reading.genre.value.replace('_', ' ')} ({reading.evidence})")
    out_console.print(extracted_table(prepared.claims))
