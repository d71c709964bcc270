"""Speed in the browser (issue 13 item 8): from the input event to the redrawn picture on
screen, and the case page interactive, measured in the page's own clock.

Run with ``python -m benchmarks.bench_browser [--edits N] [--loads N] [--views ...]``. The
script starts the web application with uvicorn in a subprocess on a free port with a temporary
SQLite database (as :mod:`benchmarks.bench_edit` does), creates the first account through
``/setup``, stores two seeded cases of :func:`devtools.generators.network_case` (18 and 150
persons: roles, circles, zones, support letters, ties to the client and among members, six
domains, life events) and opens the case page in Debian's Chromium through Playwright
(1366 by 768, ``--no-sandbox --disable-gpu --disable-background-networking``).

(a) An edit by pointer: a person is dragged 40 px on the picture (``pointerdown``, moves,
``pointerup``); the page sends ``set_position`` (or, on the netwerkschema, ``set_circle`` when
the person lands in another circle) to ``POST /api/cases/{id}/edits`` and draws the answer.
A script put in the page before the drag times, with ``performance.now()``: the ``pointerup``
event's ``timeStamp`` (t0), the moment a ``MutationObserver`` on ``#picture`` sees the picture
replaced (all of the page's redraw code has run by then: mutation records are delivered after
it), and a ``requestAnimationFrame`` callback followed by one more task (the frame painted).
The ``PerformanceResourceTiming`` of the edits request splits it: t0 to the request's start
(the page's own handling), the request (waiting for the server: ``responseEnd - startTime``),
and the response's end to the DOM updated (reading the JSON, ``innerHTML``, fragments, hit
areas).

(b) The case page interactive: navigation start (``performance.now()`` zero) to the moment the
page's module script has attached its handlers (``data-ready`` on ``<html>``, set by the last
line of ``web/static/case/main.js``); the navigation timing's ``responseEnd`` (the HTML in)
alongside.

Reference in the same run: the ``GET /api/health`` round trip by ``fetch`` from the page.
Prints a markdown table; targets: edit median <= 50 ms and p95 <= 100 ms at 150 persons, case
page interactive <= 150 ms at 150 persons.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from devtools.compiled import modules_line
from devtools.generators import network_case
from zorgkracht.domain import Case
from zorgkracht.interchange.case_json import case_to_dict

from .bench_edit import PASSWORD, free_port, percentile, sign_up, start_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SIZES = (18, 150)
VIEWS = ("genogram", "ecogram", "netwerkschema")
DRAG = 40  # px, left then right again, so the person stays near where they were

# Armed before each drag; resolves with the times of one edit in the page's clock.
_ARM = """(input) => {
  const picture = document.getElementById("picture");
  performance.clearResourceTimings();
  window.__zkEdit = new Promise((resolve) => {
    let t0 = null;
    window.addEventListener(input, (e) => { t0 = e.timeStamp; },
                            { capture: true, once: true });
    const seen = new MutationObserver(() => {
      seen.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const painted = performance.now();
          const edits = performance.getEntriesByType("resource")
            .filter((r) => r.name.includes("/edits"));
          const r = edits[edits.length - 1] || null;
          resolve({ t0, dom, frame, painted, requests: edits.length,
                    start: r && r.startTime, end: r && r.responseEnd });
        };
        channel.port2.postMessage(null);
      });
    });
    seen.observe(picture, { childList: true, subtree: true });
  });
}"""

_HEALTH = """async () => {
  const t = performance.now();
  const r = await fetch("/api/health", { credentials: "same-origin" });
  await r.text();
  return performance.now() - t;
}"""

_PERSON = """() => {
  const g = [...document.querySelectorAll("#picture [data-person-id][data-bbox]")]
    .find((el) => el.dataset.personId !== "c");
  return g.dataset.personId;
}"""

_LOAD = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return { ready: Number(document.documentElement.dataset.ready),
           html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd };
}"""


def median(values: Sequence[float]) -> float:
    """The middle value (the mean of the two middle ones for an even count)."""
    if not values:
        raise ValueError("no values")
    return float(statistics.median(values))


def p95(values: Sequence[float]) -> float:
    """The 95th percentile, linear between the closest ranks (as the other benchmarks)."""
    if not values:
        raise ValueError("no values")
    return percentile(list(values), 0.95)


def split_edit(times: dict[str, Any]) -> dict[str, float]:
    """One edit's times (from the page, in ms on its clock) as the parts of the table:
    ``total`` input event to painted, ``dom`` to the DOM updated, ``before`` the page's handling
    before the request, ``server`` the request, ``after`` the response's end to the DOM."""
    t0 = float(times["t0"])
    out = {"total": times["painted"] - t0, "dom": times["dom"] - t0}
    if times.get("start") is not None and times.get("end") is not None:
        out["before"] = times["start"] - t0
        out["server"] = times["end"] - times["start"]
        out["after"] = times["dom"] - times["end"]
    return out


def sized_case(persons: int) -> Case:
    """A seeded realistic case of ``persons`` persons (the client and ``persons - 1`` members)."""
    case = network_case(persons - 1)
    return dataclasses.replace(case, id=f"browser-{persons}", title=f"Netwerk {persons}")


@contextmanager
def server() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        process: subprocess.Popen[bytes] = start_server(
            f"sqlite:///{Path(tmp) / 'bench.sqlite'}", port
        )
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def row(name: str, times: Sequence[float]) -> str:
    return f"| {name} | {len(times)} | {median(times):.1f} | {p95(times):.1f} | {max(times):.1f} |"


def measure_edits(page: Any, person: str, count: int) -> list[dict[str, float]]:
    results: list[dict[str, float]] = []
    for i in range(count + 2):  # two warm-up edits
        target = page.locator(f'#picture [data-person-id="{person}"]').first
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box, f"person {person} not on the picture"
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        dx = DRAG if i % 2 == 0 else -DRAG
        page.evaluate(_ARM, "pointerup")
        page.mouse.move(x, y)
        page.mouse.down()
        for step in range(1, 5):
            page.mouse.move(x + dx * step / 4, y)
        page.mouse.up()
        times = page.evaluate("() => window.__zkEdit")
        assert times["requests"] == 1, times
        page.wait_for_function("() => !document.querySelector('.dragging')")
        if i >= 2:
            results.append(split_edit(times))
    return results


# A tie whose line can be clicked at its middle (nothing drawn over it there), and that point
# on screen after scrolling it into view; null when none can.
_TIE_AT = """(wanted) => {
  const ties = wanted ? [document.querySelector(`#picture [data-tie-id="${wanted}"]`)]
    : [...document.querySelectorAll("#picture svg > g > [data-tie-id]")];
  for (const g of ties) {
    const path = g && g.querySelector("path");
    if (!path) continue;
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const probe = document.createElementNS("http://www.w3.org/2000/svg", "circle");
    probe.setAttribute("cx", p.x); probe.setAttribute("cy", p.y); probe.setAttribute("r", 1);
    g.appendChild(probe);
    probe.scrollIntoView({ block: "center", inline: "center" });
    const r = probe.getBoundingClientRect();
    probe.remove();
    const x = r.x + r.width / 2, y = r.y + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    if (hit && hit.closest("[data-tie-id]") === g) return { tie: g.dataset.tieId, x, y };
  }
  return null;
}"""


def measure_tie_edits(page: Any, count: int) -> list[dict[str, float]]:
    """A tie's strength changed in its dialog, ``count`` times (after two warm-up edits):
    the line clicked, the other strength chosen, Save; from the ``submit`` event to the
    picture updated and painted (the answer also brings the person list, client system,
    analysis and table: the network changed). Nothing when the view draws no tie lines."""
    results: list[dict[str, float]] = []
    found = page.evaluate(_TIE_AT, None)
    if not found:
        return results
    tie = found["tie"]
    for i in range(count + 2):
        at = page.evaluate(_TIE_AT, tie)
        assert at, f"tie {tie} cannot be clicked"
        page.mouse.click(at["x"], at["y"])
        dialog = page.locator("#tie-dialog")
        dialog.wait_for(state="visible")
        dialog.locator(f'input[name="strength"][value="{1 if i % 2 else 3}"]').check(force=True)
        page.evaluate(_ARM, "submit")
        dialog.locator("[data-save]").click()
        times = page.evaluate("() => window.__zkEdit")
        assert times["requests"] == 1, times
        dialog.wait_for(state="hidden")
        if i >= 2:
            results.append(split_edit(times))
    return results


def signed_in_page(browser: Any, url: str, screen: tuple[int, int], timeout: int = 30_000) -> Any:
    """A page of a new browser context on ``screen``, signed in as the benchmarks' account."""
    context = browser.new_context(
        base_url=url, viewport={"width": screen[0], "height": screen[1]}, locale="nl-NL"
    )
    context.set_default_timeout(timeout)
    page = context.new_page()
    page.goto("/login")
    page.locator('input[name="username"]').fill("bench")
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form button[type="submit"]').first.click()
    page.wait_for_url(f"{url}/")
    return page


def measure_loads(page: Any, url: str, count: int) -> list[dict[str, float]]:
    out = []
    for i in range(count + 1):  # one warm-up load
        page.goto(url)
        page.wait_for_function("() => document.documentElement.dataset.ready")
        if i:
            out.append(page.evaluate(_LOAD))
    return out


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--views", nargs="*", default=list(VIEWS))
    parser.add_argument("--sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument(
        "--tie-edits", type=int, default=20, help="tie strength changes in the dialog (0: none)"
    )
    args = parser.parse_args(argv)
    print(modules_line() + " (the server)")
    print()
    rows: list[str] = []
    verdicts: list[str] = []
    with server() as url, sync_playwright() as p:
        with httpx.Client(base_url=url, timeout=30) as http:
            note("server up")
            sign_up(http)
            for size in args.sizes:
                made = http.post("/api/cases", json=case_to_dict(sized_case(size)))
                assert made.status_code == 201, made.text
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = signed_in_page(browser, url, (1366, 768))
        note("signed in")
        health = [page.evaluate(_HEALTH) for _ in range(40)][10:]
        rows.append(row("reference: GET /api/health by fetch from the page", health))
        for size in args.sizes:
            for view in args.views:
                case_url = f"/cases/browser-{size}?view={view}"
                note(f"{size} {view}")
                loads = measure_loads(page, case_url, args.loads)
                ready = [x["ready"] for x in loads]
                rows.append(row(f"{size} persons, {view}: page interactive", ready))
                rows.append(
                    row(f"{size} persons, {view}: HTML received", [x["html"] for x in loads])
                )
                page.goto(case_url)
                page.wait_for_function("() => document.documentElement.dataset.ready")
                person = page.evaluate(_PERSON)
                note(f"dragging {person}")
                edits = measure_edits(page, person, args.edits)
                total = [e["total"] for e in edits]
                rows.append(row(f"{size} persons, {view}: edit, input to painted", total))
                for part, name in (
                    ("before", "input to request sent"),
                    ("server", "waiting for the server"),
                    ("after", "response to DOM updated"),
                ):
                    values = [e[part] for e in edits if part in e]
                    if values:
                        rows.append(row(f"{size} persons, {view}: … {name}", values))
                ties = measure_tie_edits(page, args.tie_edits) if args.tie_edits else []
                if ties:
                    name = f"{size} persons, {view}: tie changed in its dialog, save to painted"
                    rows.append(row(name, [e["total"] for e in ties]))
                    for part, label in (
                        ("server", "waiting for the server"),
                        ("after", "response to DOM updated"),
                    ):
                        rows.append(
                            row(f"{size} persons, {view}: … {label}", [e[part] for e in ties])
                        )
                if size == 150:
                    ok_edit = median(total) <= 50 and p95(total) <= 100
                    ok_load = median(ready) <= 150
                    verdicts.append(
                        f"150 persons, {view}: edit median {median(total):.1f} ms, "
                        f"p95 {p95(total):.1f} ms ({'met' if ok_edit else 'NOT met'}); "
                        f"interactive {median(ready):.1f} ms ({'met' if ok_load else 'NOT met'})"
                    )
        browser.close()
    print("| measurement | n | median ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for line in rows:
        print(line)
    print()
    for line in verdicts:
        print(line)


if __name__ == "__main__":
    main()
