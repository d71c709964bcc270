"""Leaving out what is marked sensitive (``zorgkracht.domain.privacy``)."""

from __future__ import annotations

import copy

from zorgkracht.domain import (
    Case,
    ChildRelation,
    CoupleRelation,
    Domain,
    EmotionalRelation,
    InstrumentResponse,
    LifeEvent,
    Network,
    Person,
    Point,
    Snapshot,
    Tie,
)
from zorgkracht.domain.codes import EmotionalType
from zorgkracht.domain.invariants import check_case
from zorgkracht.domain.privacy import has_sensitive, without_sensitive


def _case() -> Case:
    net = Network(
        persons=[
            Person(id="c", name="Cliënt", sensitive=True),  # the client is never left out
            Person(id="ex", name="Ex", sensitive=True),
            Person(id="kind", name="Kind"),
            Person(id="buur", name="Buur"),
            Person(id="dealer", name="Dealer"),
        ],
        household=["c", "kind"],
        couples=[CoupleRelation(id="k1", a="c", b="ex")],
        children=[
            ChildRelation(id="r1", child="kind", parents=["c", "ex"]),
            ChildRelation(id="r2", child="c", parents=["ex"]),  # only a hidden parent: gone
        ],
        emotions=[
            EmotionalRelation(id="e1", a="c", b="buur", type=EmotionalType.CLOSE),
            EmotionalRelation(id="e2", a="c", b="kind", type=EmotionalType.DISTANT, sensitive=True),
        ],
        ties=[
            Tie(id="t1", a="c", b="buur"),
            Tie(id="t2", a="c", b="ex"),
            Tie(id="t3", a="c", b="dealer", sensitive=True),
        ],
        domains=[Domain(id="d1", name="Buurt", members=["buur", "ex"])],
        events=[
            LifeEvent(id="v1", year=2010, title="Verhuisd", persons=["c", "ex"]),
            LifeEvent(id="v2", year=2012, title="Scheiding van Ex", persons=["ex"]),
            LifeEvent(id="v3", year=2013, title="Opname", persons=["c"], sensitive=True),
        ],
    )
    return Case(
        id="p",
        title="Privé",
        client="c",
        network=net,
        snapshots=[Snapshot(id="s1", label="Start", network=copy.deepcopy(net))],
        positions={"ecogram": {"ex": Point(x=1, y=2), "buur": Point(x=3, y=4)}},
    )


def test_sensitive_persons_and_all_that_names_them_are_left_out() -> None:
    case = _case()
    before = copy.deepcopy(case)
    shown = without_sensitive(case)
    assert case == before  # nothing changed in the case passed in
    for net in (shown.network, shown.snapshots[0].network):
        assert [p.id for p in net.persons] == ["c", "kind", "buur", "dealer"]
        assert net.household == ["c", "kind"]
        assert net.couples == []
        assert [(r.id, r.parents) for r in net.children] == [("r1", ["c"])]
        assert [e.id for e in net.emotions] == ["e1"]
        assert [t.id for t in net.ties] == ["t1"]
        assert [d.members for d in net.domains] == [["buur"]]
        assert [(ev.id, ev.persons) for ev in net.events] == [("v1", ["c"])]
    assert shown.positions == {"ecogram": {"buur": Point(x=3, y=4)}}
    assert check_case(shown) == []  # still a valid case


def test_has_sensitive() -> None:
    case = _case()
    assert has_sensitive(case)
    # only the client, who is never left out, is still marked
    shown = without_sensitive(case)
    assert has_sensitive(shown)
    assert [p.id for p in shown.network.persons if p.sensitive] == ["c"]
    plain = Case(id="x", title="x", client="c", network=Network(persons=[Person(id="c", name="C")]))
    assert not has_sensitive(plain)
    assert without_sensitive(plain) == plain


def test_answers_given_by_a_left_out_person_are_left_out() -> None:
    """A carer-burden scale the ex filled in names the ex: left out with them, now and in the
    snapshot; the client's own answers stay."""
    case = _case()
    ex_answers = InstrumentResponse(instrument="csi", answers={"1": 1}, respondent="ex")
    own = InstrumentResponse(instrument="perception", answers={"1": 2})
    case.instruments = [ex_answers, own]
    case.snapshots[0].instruments = [copy.deepcopy(ex_answers), copy.deepcopy(own)]
    shown = without_sensitive(case)
    assert shown.instruments == [own]
    assert shown.snapshots[0].instruments == [own]
    assert [i.respondent for i in case.instruments] == ["ex", None]  # the case passed in kept
    assert check_case(shown) == []
