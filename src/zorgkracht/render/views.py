"""Every picture of a case through one door: ``render_svg``, ``render_table`` and ``export``.

The command line (``zorgkracht render``), the web application and the reports all draw through
this module, so the screen, the exports and the reports show the same picture.

Each view other than the genogram lives in its own module ``zorgkracht.render.<view>`` with two
functions (the contract every view keeps):

``render_svg(case: Case, *, lang: str = "nl", show_legend: bool = True) -> str``
    the SVG document of the case's current network (a snapshot is drawn by passing
    :func:`case_at`), laid out by ``zorgkracht.layout.<view>``, respecting the position
    overrides in ``case.positions[<view>]``; every drawn person is an element with
    ``data-person-id`` and ``data-bbox="x y width height"`` in user units.
``table(case: Case, lang: str = "nl") -> list[dict[str, str]]``
    the same content as rows ``{"kind", "id", "who", "details"}``, the text alternative.

Every function here takes ``hide_sensitive``: the picture and table without what is marked
sensitive (:func:`zorgkracht.domain.privacy.without_sensitive`; the genogram lays out without
them itself), for a picture that others will see, such as at a network meeting.

Each of them runs without cyclic garbage collection (:mod:`zorgkracht.render.gc_pause`).
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Literal

from zorgkracht.domain import Case, InvalidInput, Problem
from zorgkracht.domain.model import CURRENT
from zorgkracht.domain.privacy import without_sensitive

from .domain_names import with_domain_labels
from .export import svg_to_pdf, svg_to_png
from .gc_pause import without_collection
from .svg import enlarged

View = Literal["genogram", "ecogram", "netwerkkaart", "netwerkschema", "levenslijn", "sociogram"]
VIEWS: tuple[View, ...] = (
    "genogram",
    "ecogram",
    "netwerkkaart",
    "netwerkschema",
    "levenslijn",
    "sociogram",
)
FORMATS = ("svg", "png", "pdf")


def check_view(view: str) -> View:
    for known in VIEWS:
        if view == known:
            return known
    raise InvalidInput(
        [
            Problem(
                "--view",
                f"onbekende weergave {view!r}; kies uit {', '.join(VIEWS)}",
                f"unknown view {view!r}; choose one of {', '.join(VIEWS)}",
                "enum",
            )
        ]
    )


def case_at(case: Case, snapshot: str | None) -> Case:
    """The case with the network of snapshot ``snapshot`` as its network (``None`` or
    ``"current"``: the case as it is). Raises ``NotFound`` for an unknown snapshot."""
    if snapshot is None or snapshot == CURRENT:
        return case
    return dataclasses.replace(case, network=case.snapshot(snapshot).network)


@without_collection
def render_svg(
    case: Case,
    view: str,
    *,
    lang: str = "nl",
    focus: str | None = None,
    generations: int | None = None,
    show_legend: bool = True,
    hide_sensitive: bool = False,
    large_print: bool = False,
) -> str:
    """The SVG document of ``view`` for ``case``; ``large_print``: drawn
    :data:`~zorgkracht.render.svg.LARGE_PRINT` times larger (names at least 18 px)."""
    if large_print:
        return enlarged(
            render_svg(
                case,
                view,
                lang=lang,
                focus=focus,
                generations=generations,
                show_legend=show_legend,
                hide_sensitive=hide_sensitive,
            )
        )
    checked = check_view(view)
    if checked == "genogram":
        from zorgkracht.layout.genogram import layout_genogram

        from .genogram import render_genogram_svg

        layout = layout_genogram(
            case, focus=focus, generations=generations, hide_sensitive=hide_sensitive
        )
        return render_genogram_svg(case, layout, lang=lang, show_legend=show_legend)
    case = with_domain_labels(case, lang)
    if hide_sensitive:
        case = without_sensitive(case)
    module = importlib.import_module(f"zorgkracht.render.{checked}")
    svg: str = module.render_svg(case, lang=lang, show_legend=show_legend)
    return svg


@without_collection
def render_table(
    case: Case,
    view: str,
    *,
    lang: str = "nl",
    focus: str | None = None,
    generations: int | None = None,
    hide_sensitive: bool = False,
) -> list[dict[str, str]]:
    """The text alternative of ``view``: rows ``{"kind", "id", "who", "details"}``."""
    checked = check_view(view)
    if checked == "genogram":
        from zorgkracht.layout.genogram import layout_genogram

        from .table import genogram_table

        layout = layout_genogram(
            case, focus=focus, generations=generations, hide_sensitive=hide_sensitive
        )
        return genogram_table(case, lang, layout=layout)
    case = with_domain_labels(case, lang)
    if hide_sensitive:
        case = without_sensitive(case)
    module = importlib.import_module(f"zorgkracht.render.{checked}")
    rows: list[dict[str, str]] = module.table(case, lang=lang)
    return rows


@without_collection
def render_picture(
    case: Case,
    view: str,
    *,
    lang: str = "nl",
    table: bool = True,
    focus: str | None = None,
    generations: int | None = None,
    hide_sensitive: bool = False,
) -> tuple[str, list[dict[str, str]]]:
    """The SVG and (when ``table``) the table of ``view``, from one layout where the view's
    module offers ``picture(case, *, lang, table)``; otherwise the two contract functions."""
    checked = check_view(view)
    if checked == "genogram":
        from zorgkracht.layout.genogram import layout_genogram

        from .genogram import render_genogram_svg
        from .table import genogram_table

        layout = layout_genogram(
            case, focus=focus, generations=generations, hide_sensitive=hide_sensitive
        )
        svg = render_genogram_svg(case, layout, lang=lang)
        return svg, genogram_table(case, lang, layout=layout) if table else []
    case = with_domain_labels(case, lang)
    if hide_sensitive:
        case = without_sensitive(case)
    module = importlib.import_module(f"zorgkracht.render.{checked}")
    if hasattr(module, "picture"):
        both: tuple[str, list[dict[str, str]]] = module.picture(case, lang=lang, table=table)
        return both
    svg = render_svg(case, checked, lang=lang)
    return svg, render_table(case, checked, lang=lang) if table else []


@without_collection
def export(
    case: Case,
    view: str,
    fmt: str,
    *,
    lang: str = "nl",
    focus: str | None = None,
    generations: int | None = None,
    hide_sensitive: bool = False,
    large_print: bool = False,
) -> bytes:
    """The picture as bytes in ``fmt`` (``svg``, ``png`` or ``pdf``); ``large_print`` as for
    :func:`render_svg`, so that the screen and the exports share it."""
    if fmt not in FORMATS:
        raise InvalidInput(
            [
                Problem(
                    "--format",
                    f"onbekend formaat {fmt!r}; kies svg, png of pdf",
                    f"unknown format {fmt!r}; choose svg, png or pdf",
                    "enum",
                )
            ]
        )
    svg = render_svg(
        case,
        view,
        lang=lang,
        focus=focus,
        generations=generations,
        hide_sensitive=hide_sensitive,
        large_print=large_print,
    )
    if fmt == "png":
        return svg_to_png(svg)
    if fmt == "pdf":
        return svg_to_pdf(svg)
    return svg.encode("utf-8")
