"""The text report (``zorgkracht analyse``): the book's words, the family, the care the client
gives, energy, and reference figures as context only."""

from __future__ import annotations

import datetime as dt

from zorgkracht.analysis import analyse, format_analysis
from zorgkracht.domain.codes import CareTask, Energy, Role, Wish
from zorgkracht.domain.model import Tie

from .helpers import CLIENT, case, helps, network, person

DAY = dt.date(2024, 6, 1)


def _family() -> str:
    # client c lives with partner p and child k; c cares for k 20 h a week for 24 months;
    # a friend f (wish less) gives G; the sister z gives energy.
    net = network(
        person("p", name="Lina", role=Role.PARTNER),
        person("k", name="Jongste", role=Role.CHILD, receives_care=True),
        person("f", name="Cafévriend", role=Role.FRIEND, wish=Wish.LESS),
        person("z", name="Zus", role=Role.SIBLING, energy=Energy.GIVES),
        ties=[
            helps("f", "G"),
            helps("z", "E"),
            Tie(
                id="zorg",
                a=CLIENT,
                b="k",
                client_care_hours_per_week=20,
                client_care_months=24,
                client_care_tasks={CareTask.SUPERVISION},
            ),
        ],
    )
    net.household = [CLIENT, "p", "k"]
    return format_analysis(analyse(case(net), reference_date=DAY), "nl")


def test_the_report_speaks_of_client_and_family_and_their_care() -> None:
    text = _family()
    assert "\nSteun aan cliënt/gezin\n" in text
    assert "Zorg die de cliënt of het gezin zelf geeft" in text
    task = CareTask.SUPERVISION.nl
    assert f"    Cliënt zorgt voor Jongste: 20 uur per week, 24 maanden, {task}\n" in text
    assert "steunende relaties waarop de cliënt/het gezin iets teruggeeft" in text
    assert "    geven energie: 1 (Zus)" in text
    assert "  Cafévriend: afstand nemen. U wilt minder of geen contact" in text
    assert "relaties tussen netwerkleden" in text and " banden" not in text
    assert "voor uzelf? (Cliënt → Jongste)\n" in text
    assert "(wie samenwoont, kent elkaar" in text


def test_reference_figures_are_context_not_a_shortfall() -> None:
    # 15 members: below Mueller's 35–55, the report still only gives context
    net = network(*(person(f"m{i}", role=Role.FRIEND) for i in range(15)))
    for lang, head, words in (
        ("nl", "Omvang: 15 netwerkleden", "geen norm"),
        ("en", "Size: 15 network members", "not a norm"),
    ):
        text = format_analysis(analyse(case(net), reference_date=DAY), lang)
        assert head in text
        assert words in text
        for shortfall in ("te weinig", "te klein", "tekort", "too few", "too small", "short"):
            assert shortfall not in text


def test_the_dutch_texts_use_the_books_words() -> None:
    # every Dutch text of the report, the signals, the RADIO reasons and the comparison of a
    # network that gives most signals: "relatie", not "band"; "conflictvol" (book 2324)
    import re

    from zorgkracht.analysis import compare, format_comparison
    from zorgkracht.analysis.labels import _PLAIN, STRENGTH, TREND
    from zorgkracht.analysis.report import _T
    from zorgkracht.domain.codes import Quality
    from zorgkracht.domain.model import Snapshot

    net = network(
        person("a", role=Role.CHILD, birth_year=2010),
        person("b", role=Role.FRIEND, wish=Wish.NONE),
        ties=[
            helps("a", "PGE", care_hours_per_week=30, reciprocal=False, quality=Quality.TENSE),
            helps("b", "P", reciprocal=False, quality=Quality.CONFLICT),
        ],
    )
    kase = case(net, [Snapshot(id="s", label="s", network=network(person("a")))])
    result = analyse(kase, reference_date=DAY)
    texts = [format_analysis(result, "nl"), format_comparison(compare(kase, "s", "current"))]
    texts += [s["message"]["nl"] for s in result["signals"]]
    texts += [r["reason"]["nl"] for r in result["radio"]]
    texts += [nl for nl, _ in (*_T.values(), *_PLAIN.values(), *STRENGTH.values())]
    texts += [nl for nl, _ in TREND.values()]
    assert "CONFLICT_TIES" in {s["code"] for s in result["signals"]}
    for text in texts:
        assert not re.search(r"\bband(en)?\b|conflictueu|vertrouwelijk", text, re.I), text
    assert any("conflictvol" in t for t in texts)
