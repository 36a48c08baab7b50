"""The JSON export reads plain rows (`json_rows`), not export records: the same objects as the
records give, on both backends, verified or not, and the same bytes as `write_json`."""

from __future__ import annotations

import io
import json

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimledger.export.tabular import json_object, json_row_object, write_json, write_json_rows
from claimledger.records import ClaimFilter
from claimledger.service import Ledger

from .test_csv_rows import ledger as ledger  # the fixture: links, a period, quantities


def _objects(ledger: Ledger, flt: ClaimFilter, verified: bool) -> list[dict[str, object]]:
    records = ledger.export_records(flt, publications=False, verified=verified)
    return [json_object(r) for r in records]


@pytest.mark.parametrize("verified", [False, True])
@pytest.mark.parametrize("states", [(), ("verified",)])
def test_the_rows_are_the_objects_of_the_records(
    ledger: Ledger, verified: bool, states: tuple[str, ...]
) -> None:
    flt = ClaimFilter(states=states)
    objects = [json_row_object(r) for r in ledger.json_rows(flt, verified=verified)]
    assert objects == _objects(ledger, flt, verified)
    assert [list(o) for o in objects] == [list(o) for o in _objects(ledger, flt, verified)]
    assert len(objects) == (1 if states else 3)
    assert [e["url"] for e in objects[0]["evidence"]] == [
        "https://data.example/routes",
        "https://data.example/secret",
    ]
    assert objects[0]["verified_at"] and objects[0]["evidence"][0]["added_at"]
    if not states:
        assert objects[1]["period"] == {"start": "2019", "end": "2021"}
        assert [q["text"] for q in objects[1]["quantities"]] == ["30 percent", "?"]


def test_a_password_stored_in_a_link_never_reaches_the_json(ledger: Ledger, engine: Engine) -> None:
    with engine.begin() as conn:  # an older ledger's link, as `EvidenceRecord` is given it
        conn.execute(
            sa.text("UPDATE evidence SET url = :url WHERE url = :old"),
            {
                "url": "https://ann:hunter2@data.example/secret",
                "old": "https://data.example/secret",
            },
        )
    out = io.StringIO()
    write_json_rows(ledger.json_rows(ClaimFilter()), out)
    assert "hunter2" not in out.getvalue()
    assert json.loads(out.getvalue()) == _objects(ledger, ClaimFilter(), False)


@pytest.mark.parametrize("states", [(), ("published",)])
def test_the_file_from_rows_is_the_file_from_records(
    ledger: Ledger, states: tuple[str, ...]
) -> None:
    flt = ClaimFilter(states=states)
    old, new = io.StringIO(), io.StringIO()
    written = write_json(ledger.export_records(flt, publications=False), old)
    assert write_json_rows(ledger.json_rows(flt), new) == written == (0 if states else 3)
    assert new.getvalue() == old.getvalue()
