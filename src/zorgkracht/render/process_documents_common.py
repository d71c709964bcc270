"""What the documents of the process share: the printable A4 page, its print CSS with page
numbers, pictures as ``data:`` images, and the words for dates, times, hours and names.

The documents themselves are :mod:`.process_documents` (the invitation, the action plan, the
client's plan) and :mod:`.process_documents_report` (the evaluation, the case report). Every
document is one HTML page that prints on A4 from a browser and that WeasyPrint turns into the
PDF (:func:`.document.html_pdf`: nothing fetched but ``data:`` URIs).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from zorgkracht.domain import Case
from zorgkracht.i18n import Bilingual, Text, in_language, language

from .document import FOOT_MM, MARGIN_MM, html_pdf, long_date

__all__ = [
    "Figure",
    "bullets",
    "date_text",
    "esc",
    "figure_html",
    "hours_text",
    "label",
    "names_of",
    "page_html",
    "pdf_of",
    "person_names",
    "t",
    "time_text",
]


@dataclass(frozen=True, slots=True)
class Figure:
    """A picture on a document: its caption and its SVG."""

    caption: str
    svg: str


def t(nl: str, en: str, lang: str) -> str:
    """``nl`` or ``en``, in ``lang``."""
    return in_language(Text(nl, en), lang)


def label(code: Bilingual | None, lang: str) -> str:
    """The label of a code in ``lang``; empty for ``None``."""
    return in_language(code, lang) if code is not None else ""


esc = escape


def date_text(day: dt.date | None, lang: str) -> str:
    """``3 maart 2026`` / ``March 3, 2026``; empty without a date."""
    return long_date(day, lang) if day is not None else ""


def time_text(start: dt.time | None, minutes: int | None = None) -> str:
    """``19:30`` or ``19:30–21:00`` when the meeting's length is known."""
    if start is None:
        return ""
    text = f"{start.hour:02d}:{start.minute:02d}"
    if minutes:
        end = (
            dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=minutes)
        ).time()
        text += f"–{end.hour:02d}:{end.minute:02d}"
    return text


def hours_text(value: float | None, lang: str) -> str:
    """Hours with at most one decimal in the decimal form of ``lang``; empty for ``None``."""
    if value is None:
        return ""
    from babel.numbers import format_decimal

    return str(format_decimal(value, "#,##0.#", locale=language(lang)))


def names_of(case: Case) -> dict[str, str]:
    """The name of every person of the case's network, by id."""
    return {p.id: p.name for p in case.network.persons}


def person_names(ids: Iterable[str], names: dict[str, str]) -> str:
    """The names of ``ids``, joined by commas (an unknown id as it is)."""
    return ", ".join(names.get(i, i) for i in ids)


def bullets(items: Iterable[str]) -> str:
    """An HTML list of ``items`` (already escaped); empty when there are none."""
    rows = "".join(f"<li>{item}</li>" for item in items)
    return f"<ul>{rows}</ul>" if rows else ""


def figure_html(figure: Figure, lang: str, *, height_mm: float = 110.0) -> str:
    """``figure`` as an image (a ``data:`` URI) with its caption, scaled to fit the page's width
    and ``height_mm``."""
    svg = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", figure.svg, count=1)
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    alt = t(
        f"{figure.caption} (tekening)",
        f"{figure.caption} (drawing)",
        lang,
    )
    return (
        f'<figure><img src="{uri}" alt="{esc(alt)}" style="max-height: {height_mm:.0f}mm">'
        f"<figcaption>{esc(figure.caption)}</figcaption></figure>"
    )


def _css(lang: str, base_pt: float) -> str:
    page, of = t("pagina", "page", lang), t("van", "of", lang)
    return f"""
@page {{
  size: A4 portrait;
  margin: {MARGIN_MM + 4}mm {MARGIN_MM + 4}mm {FOOT_MM}mm {MARGIN_MM + 4}mm;
  @bottom-right {{
    content: "{page} " counter(page) " {of} " counter(pages);
    font: 9pt "DejaVu Sans", sans-serif;
  }}
  @bottom-left {{ content: "Zorgkracht"; font: 9pt "DejaVu Sans", sans-serif; color: #555; }}
}}
html {{ font: {base_pt}pt/1.4 "DejaVu Sans", Verdana, sans-serif; color: #000; }}
body {{ margin: 0; }}
@media screen {{
  body {{ max-width: 178mm; margin: 2em auto; padding: 0 1em; }}
}}
h1 {{ font-size: {base_pt + 7}pt; margin: 0 0 2mm; line-height: 1.2; }}
h2 {{ font-size: {base_pt + 3}pt; margin: 5mm 0 2mm; break-after: avoid; }}
h3 {{ font-size: {base_pt + 1}pt; margin: 3mm 0 1mm; break-after: avoid; }}
p {{ margin: 0 0 2mm; }}
ul, ol {{ margin: 0 0 2mm; padding-left: 6mm; }}
.sub {{ color: #333; margin-bottom: 4mm; }}
.note {{ border-left: 1mm solid #888; padding-left: 3mm; }}
.sensitive {{ font-weight: bold; }}
dl {{ display: grid; grid-template-columns: max-content auto; gap: 1mm 4mm; margin: 0 0 3mm; }}
dt {{ font-weight: bold; }}
dd {{ margin: 0; }}
table {{ width: 100%; border-collapse: collapse; font-size: {base_pt - 1}pt; margin-bottom: 3mm; }}
th, td {{ border: 0.3pt solid #777; padding: 1mm 1.5mm; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }}
thead th {{ background: #eee; }}
tr, figure {{ break-inside: avoid; }}
figure {{ margin: 0 0 4mm; text-align: center; }}
figure img {{ max-width: 100%; object-fit: contain; }}
figcaption {{ font-size: {base_pt - 1}pt; }}
.pictures {{ break-before: page; }}
"""


def page_html(title: str, subtitle: str, body: str, lang: str, *, base_pt: float = 10.0) -> str:
    """A whole printable HTML page: ``title`` as its heading, ``subtitle`` under it, ``body``
    (HTML) after them; A4 with page numbers when printed."""
    sub = f'<p class="sub">{esc(subtitle)}</p>' if subtitle else ""
    return (
        f'<!doctype html><html lang="{language(lang)}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{_css(lang, base_pt)}</style></head>"
        f"<body><header><h1>{esc(title)}</h1>{sub}</header><main>{body}</main></body></html>"
    )


def pdf_of(html: str) -> bytes:
    """The A4 PDF of a document's HTML."""
    return html_pdf(html)
