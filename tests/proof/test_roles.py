"""People and roles: what each may do, checked in the core whatever the front end."""

from __future__ import annotations

import pytest

from claimledger.errors import InvalidValue, NotAllowed
from claimledger.service import Ledger
from proof.conftest import Built


def _as(built: Built, name: str) -> Ledger:
    return Ledger.open(built.url, user=name, create=False)


def _desk(built: Built) -> None:
    admin = _as(built, "ana")
    admin.add_person("ana", "admin")
    admin.add_person("intern", "checker")
    admin.add_person("rita", "reviewer")
    admin.add_person("ed", "editor")
    admin.add_person("eve", "editor")
    admin.close()


def test_a_ledger_without_people_lets_anyone_work(built: Built) -> None:
    ledger = _as(built, "anyone")
    assert ledger.actor().open_ledger
    ledger.review(built.ids[2], state="in_review")
    ledger.close()


def test_the_first_person_must_be_an_admin(built: Built) -> None:
    ledger = _as(built, "ana")
    with pytest.raises(InvalidValue, match="must be an admin"):
        ledger.add_person("intern", "checker")
    assert ledger.people() == []


def test_an_unknown_name_may_read_but_not_change(built: Built) -> None:
    _desk(built)
    stranger = _as(built, "mallory")
    assert stranger.claim(built.ids[2]).review_state == "new"
    with pytest.raises(NotAllowed, match="not on this ledger"):
        stranger.review(built.ids[2], note="hello")
    assert len(stranger.history(built.ids[2])) == 1


def test_a_checker_cannot_verify_its_own_claim(built: Built) -> None:
    _desk(built)
    intern = _as(built, "intern")
    intern.review(built.ids[2], state="reviewed", note="looks fine")
    with pytest.raises(NotAllowed, match="checker cannot change evidence"):
        intern.review(built.ids[2], evidence_status="supported")
    with pytest.raises(NotAllowed, match="verify"):
        intern.review(built.ids[1], state="verified")
    assert intern.claim(built.ids[1]).review_state == "reviewed"


def test_only_editors_reopen_a_verified_claim(built: Built) -> None:
    _desk(built)
    rita = _as(built, "rita")
    with pytest.raises(NotAllowed):
        rita.review(built.ids[0], state="reviewed")
    ed = _as(built, "ed")
    ed.review(built.ids[0], state="reviewed")
    assert ed.claim(built.ids[0]).review_state == "reviewed"


def test_bulk_actions_skip_what_the_role_may_not_do(built: Built) -> None:
    _desk(built)
    rita = _as(built, "rita")
    outcome = rita.apply([built.ids[1]], "review_state", "verified")
    assert not outcome.changes
    assert "reviewer" in " ".join(outcome.skipped)


def test_the_separate_verifier_rule(built: Built) -> None:
    _desk(built)
    ana = _as(built, "ana")
    ana.set_rule("separate_verifier", True)
    ed = _as(built, "ed")
    ed.review(built.ids[2], evidence_status="supported", state="reviewed")
    with pytest.raises(NotAllowed, match="another editor"):
        ed.review(built.ids[2], state="verified")
    _as(built, "eve").review(built.ids[2], state="verified")
    assert ed.claim(built.ids[2]).review_state == "verified"


def test_only_admins_manage_people_and_the_last_admin_stays(built: Built) -> None:
    _desk(built)
    with pytest.raises(NotAllowed):
        _as(built, "ed").add_person("ed", "admin")
    ana = _as(built, "ana")
    with pytest.raises(InvalidValue, match="last admin"):
        ana.remove_person("ana")
    ana.add_person("intern", "reviewer")
    roles = {p.name: p.role.value for p in ana.people()}
    assert roles["intern"] == "reviewer"


def test_the_verified_claims_history_still_verifies_after_role_checks(built: Built) -> None:
    _desk(built)
    assert _as(built, "ana").verify().ok
