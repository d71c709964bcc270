"""A plan edit on a 150-person case with 50 actions: plan and map redrawn (issue 14).

Run with ``python -m benchmarks.bench_plan [--edits N] [--browser-edits N] [--papers N]
[--no-browser]``. The case is :func:`benchmarks.bench_edit.generate` (150 persons, 299 ties,
six domains) with a process (:func:`plan_case`): 20 help questions, 50 actions spread over the
members (one to three persons each, doing or thinking along, hours a week), a network meeting
with 20 invitees and an action team of eight. The script starts the web application with
uvicorn in a subprocess on a free port with a temporary SQLite database (as ``bench_edit``).

(a) Over HTTP, timed on the client (``time.perf_counter``): ``--edits`` (at least 100)
``update_action`` operations, each changing an action's hours a week or status, with every
field of the action's form in ``changes`` as ``static/case/plan.js`` sends them
(:func:`form_changes`), each with ``If-Match``, to ``POST /api/cases/{id}/edits?lang=nl
&part=action&view=ecogram``, as the page sends it: the answer carries that action's item, the
plan load and the badges of the plan layer (one round trip). References in the same run: the
same edits without ``part`` followed by ``GET /cases/{id}/plan/actions/{action}`` (the two
round trips of runs 5 and 6), ``GET /api/health``,
``GET /cases/{id}/picture/ecogram.svg?plan=true`` (the map with the plan layer alone), and the
kitchen-table edit on the same case: ``update_tie`` with ``?view=ecogram&fragments=true`` as the
case page sends it.

(b) In Chromium (Playwright, ``/usr/bin/chromium``), at 1366 by 768 and on a tablet (768 by
1024): on the plan page an action's hours a week are changed and its form saved. In the page's
own clock (``performance.now()``): from the ``submit`` event's ``timeStamp`` to the page's
``zk:plan-updated`` event (``plan.js`` fires it in the task that put the action, the plan load
and the badges in place; a ``MutationObserver`` checks that the badges, or the whole map, were
replaced), then a ``requestAnimationFrame`` and one more task (painted). ``--browser-edits``
(at least 30) after two warm-up edits.

(c) Papers: ``GET /api/cases/{id}/documents/case?format=pdf`` (the case report) and
``documents/plan`` (the action plan), the median of ``--papers`` (at least 5) after a warm-up,
against ``GET /cases/{id}/export/pictures.pdf`` (every view in one PDF) of the same case.

Prints a markdown table. Targets: the plan edit within the kitchen-table edit speed of issue 13
(input to picture median <= 50 ms, p95 <= 100 ms), the case report under 2 s.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx

from devtools.compiled import modules_line
from zorgkracht.domain import Case
from zorgkracht.domain.process import (
    Action,
    ActionPerson,
    HelpQuestion,
    Invitee,
    Meeting,
    Process,
    Team,
)
from zorgkracht.domain.process_codes import (
    ActionFrequency,
    ActionStatus,
    MeetingKind,
    Part,
    Phasing,
    ProfessionalRole,
    Reply,
)
from zorgkracht.interchange.case_json import case_to_dict

from .bench_browser import signed_in_page
from .bench_edit import SEED, free_port, generate, percentile, sign_up, start_server

QUESTIONS = 20
ACTIONS = 50
INVITEES = 20
TEAM = 8
CASE_ID = "bench"
TARGET_MEDIAN = 50.0
TARGET_P95 = 100.0
TARGET_REPORT = 2000.0
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENS = {"1366x768": (1366, 768), "tablet 768x1024": (768, 1024)}
_VERSION = re.compile(r'id="plan-(?:app|part)"[^>]*data-version="(\d+)"')


def plan_case(seed: int = SEED) -> Case:
    """The 150-person case of ``bench_edit`` with a seeded process: help questions, actions
    spread over the members, a meeting with invitees and an action team."""
    case = generate()
    rng = random.Random(seed + 14)
    members = [p.id for p in case.network.persons if p.id != case.client]
    start = dt.date(2026, 1, 5)
    questions = [
        HelpQuestion(
            id=f"hq{i}",
            text=f"Hulpvraag {i}: wie helpt bij taak {i}?",
            asked_by=case.client,
            asked_on=start,
            priority=i,
        )
        for i in range(1, QUESTIONS + 1)
    ]
    actions = []
    for i in range(1, ACTIONS + 1):
        chosen = rng.sample(members, rng.randint(1, 3))
        persons = [
            ActionPerson(
                person=pid,
                part=Part.DOES if k == 0 else rng.choice(list(Part)),
                hours_per_week=rng.choice([None, 0.5, 1.0, 2.0]),
            )
            for k, pid in enumerate(chosen)
        ]
        actions.append(
            Action(
                id=f"ac{i}",
                help_question=f"hq{1 + (i - 1) % QUESTIONS}",
                description=f"Actie {i}",
                persons=persons,
                start=start + dt.timedelta(days=7 * (i % 8)),
                end=start + dt.timedelta(days=7 * (i % 8) + 90),
                frequency=rng.choice(list(ActionFrequency)),
                hours_per_week=rng.choice([0.5, 1.0, 1.5, 2.0, 3.0]),
                status=rng.choice([ActionStatus.PLANNED, ActionStatus.ONGOING]),
            )
        )
    meeting = Meeting(
        id="mt1",
        kind=MeetingKind.NETWORK_MEETING,
        date=dt.date(2026, 1, 20),
        start=dt.time(19, 30),
        minutes=120,
        place="Buurthuis",
        invitees=[
            Invitee(person=pid, reply=rng.choice(list(Reply)))
            for pid in rng.sample(members, INVITEES)
        ],
        questions=[q.id for q in questions[:3]],
    )
    team = rng.sample(members, TEAM)
    process = Process(
        phasing=Phasing.SNS,
        help_questions=questions,
        meetings=[meeting],
        actions=actions,
        team=Team(
            members=team,
            coordinator=team[0],
            professional="Benchmark",
            professional_role=ProfessionalRole.MEMBER,
        ),
    )
    return dataclasses.replace(case, process=process)


def form_changes(case: Case, action_id: str, **changed: object) -> dict[str, object]:
    """Every field of the action's form as ``plan.js`` reads it (a code, a date, a number or
    null; text as typed; the checked persons with their part and hours), with ``changed``
    put in."""
    action = next(a for a in case.process.actions if a.id == action_id)
    persons: list[dict[str, object]] = []
    for ap in action.persons:
        item: dict[str, object] = {"person": ap.person, "part": ap.part.value}
        if ap.hours_per_week is not None:
            item["hours_per_week"] = ap.hours_per_week
        persons.append(item)
    fields: dict[str, object] = {
        "help_question": action.help_question,
        "description": action.description,
        "persons": persons,
        "start": action.start.isoformat() if action.start else None,
        "end": action.end.isoformat() if action.end else None,
        "frequency": action.frequency.value if action.frequency else None,
        "hours_per_week": action.hours_per_week,
        "status": action.status.value,
        "gives_back": action.gives_back,
        "sensitive": action.sensitive,
        "note": action.note,
    }
    fields.update(changed)
    return fields


def plan_edits(case: Case, count: int, seed: int = SEED) -> list[dict[str, object]]:
    """``count`` ``update_action`` operations: an action's hours a week or its status."""
    rng = random.Random(seed + 2)
    ids = [a.id for a in case.process.actions]
    ops: list[dict[str, object]] = []
    for _ in range(count):
        action = rng.choice(ids)
        if rng.random() < 0.7:
            change: dict[str, object] = {"hours_per_week": rng.choice([0.5, 1.0, 2.5, 4.0])}
        else:
            change = {"status": rng.choice([s.value for s in ActionStatus])}
        ops.append(
            {"op": "update_action", "id": action, "changes": form_changes(case, action, **change)}
        )
    return ops


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def row(name: str, times: Sequence[float]) -> str:
    return (
        f"| {name} | {len(times)} | {median(times):.1f} | "
        f"{percentile(list(times), 0.95):.1f} | {max(times):.1f} |"
    )


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def clock(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def measure_http(client: httpx.Client, case: Case, count: int) -> dict[str, list[float]]:
    """The plan edits, the plan page after each, and the references, over HTTP."""
    out: dict[str, list[float]] = {k: [] for k in ("post", "page", "edit", "tie", "picture")}
    out["health"] = [
        clock(lambda: client.get("/api/health").raise_for_status()) for _ in range(110)
    ][10:]
    version = 1
    for op in plan_edits(case, count + 2):
        # as plan.js sends an edit of one action: its part of the page comes in the answer
        start = time.perf_counter()
        answer = client.post(
            f"/api/cases/{CASE_ID}/edits?lang=nl&part=action&view=ecogram",
            json=op,
            headers={"If-Match": f'"{version}"'},
        )
        done = time.perf_counter()
        assert answer.status_code == 200, answer.text
        body = answer.json()
        version = body["version"]
        part = body["part"] or ""
        assert 'class="plan-badge"' in part, part[:200]
        found = _VERSION.search(part)
        assert found and int(found.group(1)) == version
        out["edit"].append((done - start) * 1000)
    out["edit"] = out["edit"][2:]
    for op in plan_edits(case, count + 2):
        # reference: the same edit without the part, and the part fetched alone (runs 5-6)
        start = time.perf_counter()
        answer = client.post(
            f"/api/cases/{CASE_ID}/edits?lang=nl", json=op, headers={"If-Match": f'"{version}"'}
        )
        posted = time.perf_counter()
        assert answer.status_code == 200, answer.text
        version = answer.json()["version"]
        page = client.get(
            f"/cases/{CASE_ID}/plan/actions/{op['id']}", headers={"Accept": "text/html"}
        )
        assert page.status_code == 200 and 'class="plan-badge"' in page.text, page.status_code
        out["post"].append((posted - start) * 1000)
        out["page"].append((time.perf_counter() - posted) * 1000)
    for key in ("post", "page"):
        out[key] = out[key][2:]
    url = f"/cases/{CASE_ID}/picture/ecogram.svg?plan=true"
    out["picture"] = [clock(lambda: client.get(url).raise_for_status()) for _ in range(32)][2:]
    from .bench_edit import tie_edits

    for op in tie_edits(case, count + 2):
        start = time.perf_counter()
        answer = client.post(
            f"/api/cases/{CASE_ID}/edits?view=ecogram&lang=nl&fragments=true",
            json=op,
            headers={"If-Match": f'"{version}"'},
        )
        out["tie"].append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, answer.text
        version = answer.json()["version"]
    out["tie"] = out["tie"][2:]
    out["page_size"] = [len(part.encode()) / 1024]
    return out


def measure_papers(client: httpx.Client, runs: int) -> dict[str, list[float]]:
    urls = {
        "case": f"/api/cases/{CASE_ID}/documents/case?format=pdf",
        "plan": f"/api/cases/{CASE_ID}/documents/plan?format=pdf",
        "pictures": f"/cases/{CASE_ID}/export/pictures.pdf",
    }
    out: dict[str, list[float]] = {}
    for name, url in urls.items():
        times = []
        for i in range(runs + 1):
            start = time.perf_counter()
            answer = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
            assert answer.status_code == 200 and answer.content.startswith(b"%PDF"), answer.text
            if i:
                times.append(elapsed)
        out[name] = times
    return out


# Armed before each save; resolves with the times of one plan edit in the page's clock: the
# submit event, the page's "zk:plan-updated" (plan.js, fired in the task that changed the page:
# the action, the plan load and the badges swapped), the badges seen replaced, and painted.
_ARM = """() => {
  const app = document.getElementById("plan-app");
  const status = document.getElementById("plan-status");
  status.textContent = "";
  window.__zkPlan = new Promise((resolve) => {
    let t0 = null, main = null, picture = null;
    window.addEventListener("submit", (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
    const seen = new MutationObserver((records) => {
      const now = performance.now();
      for (const r of records) {
        for (const n of r.addedNodes) {
          const badges = n.classList && n.classList.contains("plan-badges");
          if ((n.id === "plan-picture" || badges) && picture === null) picture = now;
        }
      }
    });
    seen.observe(app, { childList: true, subtree: true });
    app.addEventListener("zk:plan-updated", () => {
      main = performance.now();
      seen.takeRecords().forEach((r) => r.addedNodes.forEach((n) => {
        const badges = n.classList && n.classList.contains("plan-badges");
        if ((n.id === "plan-picture" || badges) && picture === null) picture = main;
      }));
      seen.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ t0, main, picture, painted: performance.now() });
        channel.port2.postMessage(null);
      });
    }, { once: true });
  });
}"""

_IDLE = """() => {
  const s = document.getElementById("plan-status").textContent;
  return s !== "" && !s.includes("\u2026");
}"""


def measure_browser(
    url: str, case: Case, count: int, screen: tuple[int, int]
) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {"total": [], "main": [], "picture": [], "missing": []}
    actions = [a.id for a in case.process.actions][:10]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = signed_in_page(browser, url, screen, timeout=60_000)
        page.goto(f"/cases/{CASE_ID}/plan")
        page.wait_for_function("() => document.getElementById('plan-app').dataset.ready")
        for i in range(count + 2):
            action = actions[i % len(actions)]
            page.evaluate(f"() => {{ document.getElementById('a-{action}').open = true; }}")
            field = page.locator(f"#a-{action}-hours_per_week")
            field.fill(["1.5", "2", "2.5"][i % 3])
            page.evaluate(_ARM)
            field.press("Enter")
            times = page.evaluate("() => window.__zkPlan")
            page.wait_for_function(_IDLE)
            if i < 2:
                continue
            out["total"].append(times["painted"] - times["t0"])
            out["main"].append(times["main"] - times["t0"])
            if times["picture"] is None:
                out["missing"].append(1.0)
            else:
                out["picture"].append(times["picture"] - times["t0"])
        browser.close()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--browser-edits", type=int, default=30)
    parser.add_argument("--papers", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--screens", nargs="*", default=list(SCREENS), choices=list(SCREENS))
    args = parser.parse_args(argv)
    print(modules_line() + " (the server)")
    print(f"load average at the start: {Path('/proc/loadavg').read_text().strip()}")
    print()
    case = plan_case()
    rows: list[str] = []
    verdicts: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        server = start_server(f"sqlite:///{Path(tmp) / 'bench.sqlite'}", port)
        url = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=url, timeout=60) as client:
                sign_up(client)
                created = client.post("/api/cases", json=case_to_dict(case))
                assert created.status_code == 201, created.text
                note("http edits")
                http = measure_http(client, case, max(100, args.edits))
                note("papers")
                papers = measure_papers(client, max(5, args.papers))
            rows += [
                row("reference: GET /api/health", http["health"]),
                row(
                    "plan edit: POST edits ?part=action (server side of one plan edit)",
                    http["edit"],
                ),
                row("reference: POST edits without the part", http["post"]),
                row("reference: GET the action's part alone (plan/actions/{id})", http["page"]),
                row("reference: GET ecogram.svg?plan=true (map with plan layer)", http["picture"]),
                row("reference: update_tie edit, ecogram + fragments (kitchen table)", http["tie"]),
            ]
            browser: dict[str, dict[str, list[float]]] = {}
            if not args.no_browser:
                fresh = plan_case()
                for name in args.screens:
                    screen = SCREENS[name]
                    note(f"browser {name}")
                    browser[name] = measure_browser(url, fresh, max(30, args.browser_edits), screen)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for name, times in browser.items():
        rows.append(row(f"browser {name}: save to plan and map painted", times["total"]))
        rows.append(row(f"browser {name}: … save to plan updated", times["main"]))
        if times["picture"]:
            rows.append(row(f"browser {name}: … save to badges replaced", times["picture"]))
        if times["missing"]:
            missing = len(times["missing"])
            rows.append(
                f"| browser {name}: map NOT redrawn after the edit | {missing} | – | – | – |"
            )
        ok = (
            not times["missing"]
            and median(times["total"]) <= TARGET_MEDIAN
            and percentile(times["total"], 0.95) <= TARGET_P95
        )
        verdicts.append(
            f"browser {name}: plan edit median {median(times['total']):.1f} ms, "
            f"p95 {percentile(times['total'], 0.95):.1f} ms ({'met' if ok else 'NOT met'})"
        )
    for name in ("case", "plan", "pictures"):
        rows.append(row(f"paper: {name} PDF", papers[name]))
    report = median(papers["case"])
    ratio = {k: median(papers[k]) / median(papers["pictures"]) for k in ("case", "plan")}
    verdicts.append(
        f"case report {report:.0f} ms ({ratio['case']:.2f} × the pictures PDF; "
        f"{'met' if report < TARGET_REPORT else 'NOT met'}: under 2 s); action plan "
        f"{median(papers['plan']):.0f} ms ({ratio['plan']:.2f} ×)"
    )
    edit = http["edit"]
    verdicts.append(
        f"server side of a plan edit: median {median(edit):.1f} ms, p95 "
        f"{percentile(edit, 0.95):.1f} ms (one request); kitchen-table update_tie median "
        f"{median(http['tie']):.1f} ms (ratio {median(edit) / median(http['tie']):.2f}); "
        f"the action's part {http['page_size'][0]:.0f} KiB"
    )
    print(
        f"Plan edit on a {len(case.network.persons)}-person case ({len(case.network.ties)} ties, "
        f"{len(case.process.help_questions)} help questions, {len(case.process.actions)} actions, "
        f"{len(case.process.meetings[0].invitees)} invitees), SQLite, one uvicorn worker"
    )
    print()
    print("| measurement | n | median ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for line in rows:
        print(line)
    print()
    for line in verdicts:
        print(line)
    print(f"load average at the end: {Path('/proc/loadavg').read_text().strip()}")


if __name__ == "__main__":
    main()
