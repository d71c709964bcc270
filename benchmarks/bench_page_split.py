"""Where the case page's load goes in the browser (issue 13 item 8): a Chrome performance trace.

Run with ``python -m benchmarks.bench_page_split [--loads 7] [--views ...] [--size 150]``. The
server, the seeded case and the browser are those of :mod:`benchmarks.bench_browser` (a
subprocess with uvicorn, ``devtools.generators.network_case``, Debian's Chromium at 1366 by
768). Each view's case page is loaded once to warm up, then ``--loads`` times with Chrome's
tracing on (``Browser.start_tracing``: the ``devtools.timeline`` categories). For each load the
main thread's top-level events between the HTML received and ``data-ready`` (set by the last
line of ``web/static/case/main.js``) are summed per kind: parsing the HTML (``ParseHTML``),
style (``UpdateLayoutTree``), layout (``Layout``), paint (``PrePaint``, ``Paint``,
``Layerize``, ``Commit``) and script (module and script evaluation). Alongside, from the
navigation timing: the HTML received (``responseEnd``), the document parsed
(``domInteractive``) and the page interactive (``data-ready``). Prints the medians as a markdown
table. Tracing itself costs a little: read the interactive time here against
``bench_browser``'s, not as a replacement.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
from typing import Any

import httpx

from zorgkracht.interchange.case_json import case_to_dict

from .bench_browser import CHROMIUM, CHROMIUM_ARGS, VIEWS, server, signed_in_page, sized_case
from .bench_edit import sign_up

CATEGORIES = [
    "devtools.timeline",
    "blink.user_timing",
    "loading",
    "v8.execute",
    "disabled-by-default-devtools.timeline",
]
KINDS = {
    "ParseHTML": "parse",
    "UpdateLayoutTree": "style",
    "Layout": "layout",
    "PrePaint": "paint",
    "Paint": "paint",
    "Layerize": "paint",
    "Commit": "paint",
    "v8.evaluateModule": "script",
    "EvaluateScript": "script",
    "FunctionCall": "script",
}
PARTS = ("parse", "style", "layout", "paint", "script")
TIMES = ("html", "parsed", "ready")

_TIMING = """() => {
  const n = performance.getEntriesByType("navigation")[0];
  return { html: n.responseEnd, parsed: n.domInteractive,
           ready: Number(document.documentElement.dataset.ready) };
}"""


def split(events: list[dict[str, Any]], times: dict[str, float]) -> dict[str, float]:
    """The main thread's top-level time per kind (ms), from the HTML received to ``ready``
    (an event inside one already counted is not counted again)."""
    start_nav = [e for e in events if e.get("name") == "navigationStart"][-1]["ts"]
    parsers = collections.Counter(e["tid"] for e in events if e.get("name") == "ParseHTML")
    main = parsers.most_common(1)[0][0]
    start = start_nav + times["html"] * 1000
    end = start_nav + times["ready"] * 1000
    spans = sorted(
        (
            e
            for e in events
            if e.get("tid") == main
            and e.get("ph") == "X"
            and e.get("name") in KINDS
            and start <= e["ts"] <= end
        ),
        key=lambda e: (e["ts"], -e.get("dur", 0)),
    )
    out = dict.fromkeys(PARTS, 0.0)
    covered = 0.0
    for e in spans:
        if e["ts"] < covered:
            continue
        out[KINDS[e["name"]]] += e.get("dur", 0) / 1000
        covered = e["ts"] + e.get("dur", 0)
    return out


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=7)
    parser.add_argument("--views", nargs="*", default=list(VIEWS))
    parser.add_argument("--size", type=int, default=150)
    args = parser.parse_args(argv)
    rows: list[str] = []
    with server() as url, sync_playwright() as p:
        with httpx.Client(base_url=url, timeout=30) as http:
            sign_up(http)
            made = http.post("/api/cases", json=case_to_dict(sized_case(args.size)))
            assert made.status_code == 201, made.text
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = signed_in_page(browser, url, (1366, 768))
        for view in args.views:
            case_url = f"/cases/browser-{args.size}?view={view}"
            page.goto(case_url)
            page.wait_for_function("() => document.documentElement.dataset.ready")
            values: dict[str, list[float]] = collections.defaultdict(list)
            for _ in range(args.loads):
                browser.start_tracing(page=page, categories=CATEGORIES)
                page.goto(case_url)
                page.wait_for_function("() => document.documentElement.dataset.ready")
                times = page.evaluate(_TIMING)
                events = json.loads(browser.stop_tracing())["traceEvents"]
                for name, value in {**split(events, times), **times}.items():
                    values[name].append(float(value))
            cells = " | ".join(f"{statistics.median(values[k]):.1f}" for k in PARTS + TIMES)
            rows.append(f"| {args.size} persons, {view} | {args.loads} | {cells} |")
        browser.close()
    print(
        "| page | loads | parse | style | layout | paint | script "
        "| HTML received | parsed | interactive |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for line in rows:
        print(line)


if __name__ == "__main__":
    main()
