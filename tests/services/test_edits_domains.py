"""``update_domain``: a life domain's name, kind and note, with an exact inverse."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.services.test_edits import roundtrip, small_case
from zorgkracht.domain import Domain, InvalidInput
from zorgkracht.domain.codes import DomainKind
from zorgkracht.services.edits import apply_edit


@pytest.mark.parametrize(
    "changes",
    [
        {"kind": "church"},
        {"note": "elke zondag"},
        {"name": "Kerk", "kind": "church", "note": "zingt in het koor"},
        {},
    ],
)
def test_update_domain_and_its_inverse_restore_the_case_exactly(changes: dict[str, Any]) -> None:
    roundtrip(small_case(), {"op": "update_domain", "id": "d1", "changes": changes})


def test_update_domain_changes_only_the_given_fields_and_keeps_the_members() -> None:
    case = small_case()
    done = apply_edit(
        case,
        {"op": "update_domain", "id": "d1", "changes": {"kind": "sports", "note": "voetbal"}},
    )
    assert done.case.network.domains == [
        Domain(id="d1", name="Buurt", kind=DomainKind.SPORTS, members=["p2", "p3"], note="voetbal")
    ]
    assert done.inverse == {
        "op": "update_domain",
        "id": "d1",
        "changes": {"kind": "other", "note": ""},
    }
    back = apply_edit(done.case, done.inverse).case
    assert back.network.domains == case.network.domains


def test_rename_domain_still_works_and_update_domain_renames_too() -> None:
    renamed = apply_edit(small_case(), {"op": "rename_domain", "id": "d1", "name": "Straat"})
    assert renamed.inverse == {"op": "rename_domain", "id": "d1", "name": "Buurt"}
    updated = apply_edit(
        small_case(), {"op": "update_domain", "id": "d1", "changes": {"name": "Straat"}}
    )
    assert renamed.case == updated.case


@pytest.mark.parametrize(
    ("op", "where", "code"),
    [
        (
            {"op": "update_domain", "id": "d1", "changes": {"kind": "garden"}},
            "changes/kind",
            "enum",
        ),
        (
            {"op": "update_domain", "id": "d1", "changes": {"colour": "red"}},
            "changes/colour",
            "extra_forbidden",
        ),
        (
            {"op": "update_domain", "id": "d1", "changes": {"members": ["p1"]}},
            "changes/members",
            "read_only",
        ),
        ({"op": "update_domain", "id": "d1", "changes": {"id": "d2"}}, "changes/id", "read_only"),
        ({"op": "update_domain", "id": "d1", "changes": {"name": " "}}, "changes/name", "required"),
        ({"op": "update_domain", "id": "d9", "changes": {}}, "id", "unknown_reference"),
        ({"op": "update_domain", "id": "d1"}, "changes", "missing"),
    ],
)
def test_bad_update_domain_names_the_field_and_changes_nothing(
    op: dict[str, Any], where: str, code: str
) -> None:
    case = small_case()
    before = copy.deepcopy(case)
    with pytest.raises(InvalidInput) as caught:
        apply_edit(case, op)
    assert [(p.where, p.code) for p in caught.value.problems][:1] == [(where, code)]
    assert all(p.nl and p.en and p.nl != p.en for p in caught.value.problems)
    assert case == before
