"""Pictures as documents: A4 pages with a heading, the picture with its legend, the same content
in words, and page numbers, as PDF (WeasyPrint: HTML and CSS paged media).

A picture page is A4 in the orientation that shows the picture largest (portrait or landscape,
from its aspect ratio); the picture is scaled as a whole to fit the page within its margins, so
its legend and every name are on the page as drawn. The heading names the view, the case and the
client, and the date: of today, or of the snapshot when a snapshot is shown (it says which). In
the network-meeting mode (``meeting``) the heading leaves out the case's title and the client's
name, and says that what is marked sensitive is left out. The table of the view (the text
alternative the page shows under the picture) follows on portrait pages: the full names and
everything the picture says, for reading and searching. The footer numbers the pages
("pagina 1 van 2" / "page 1 of 2").

WeasyPrint (and Pango, through it) is imported when first used, like cairosvg for PNG.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass
from html import escape

from zorgkracht.i18n import Text, in_language

VIEW_NAMES: dict[str, Text] = {
    "genogram": Text("Genogram", "Genogram"),
    "ecogram": Text("Ecogram", "Ecogram"),
    "netwerkkaart": Text("Netwerkkaart", "Network map"),
    "netwerkschema": Text("Netwerkschema", "Network schema"),
    "levenslijn": Text("Levenslijn", "Life line"),
    "sociogram": Text("Sociogram", "Sociogram"),
}
"""The name of each view as the heading of its document."""

PAGE_MM = (210.0, 297.0)
"""A4, portrait: width and height in millimetres."""
MARGIN_MM = 12.0
FOOT_MM = 16.0
"""The bottom margin, which holds the page numbers."""
_HEAD_MM = 14.0
"""The view's name in the heading (one line of 18 pt with its space)."""
_LINE_MM = 6.0
"""One line of the heading's small text (10 pt with its space)."""
_CHARS_PER_MM = 0.45
"""Characters of 10 pt DejaVu Sans per millimetre, on average (to count heading lines)."""

_VIEWBOX = re.compile(r'viewBox="\s*([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([\d.eE]+)[\s,]+([\d.eE]+)')
_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"')


@dataclass(frozen=True, slots=True)
class Heading:
    """What the heading of a picture page says (``title`` and ``client`` are left out in the
    network-meeting mode: pass ``meeting=True`` and they are not shown)."""

    view: str
    lang: str
    date: dt.date | None
    """Today, or the snapshot's date (``None``: a snapshot without a date)."""
    title: str = ""
    client: str = ""
    snapshot: str | None = None
    """The snapshot's label when the picture is of a snapshot: ``date`` is then its date."""
    meeting: bool = False


@dataclass(frozen=True, slots=True)
class PicturePage:
    """One view in a document: its SVG, its table rows and its heading."""

    svg: str
    rows: list[dict[str, str]]
    heading: Heading | None
    """``None``: the picture alone, without a heading (:func:`~.export.svg_to_pdf`)."""


def _t(nl: str, en: str, lang: str) -> str:
    return in_language(Text(nl, en), lang)


def picture_size(svg: str) -> tuple[float, float]:
    """Width and height of an SVG document in user units (its viewBox, else its size)."""
    box = _VIEWBOX.search(svg)
    if box is not None:
        return max(float(box.group(3)), 1.0), max(float(box.group(4)), 1.0)
    size = _SIZE.search(svg)
    if size is not None:
        return max(float(size.group(1)), 1.0), max(float(size.group(2)), 1.0)
    return 1.0, 1.0


def long_date(day: dt.date, lang: str) -> str:
    """``3 december 2026`` / ``December 3, 2026``."""
    from babel.dates import format_date

    return str(format_date(day, format="long", locale=_t("nl", "en", lang)))


def heading_lines(heading: Heading) -> list[str]:
    """The heading's small lines under the view's name, as plain text."""
    lang = heading.lang
    day = (
        long_date(heading.date, lang)
        if heading.date is not None
        else _t("zonder datum", "without a date", lang)
    )
    lines: list[str] = []
    if not heading.meeting:
        about = [heading.title] if heading.title else []
        if heading.client:
            about.append(_t(f"cliënt: {heading.client}", f"client: {heading.client}", lang))
        if about:
            lines.append(" · ".join(about))
    if heading.snapshot is not None:
        lines.append(
            _t(
                f"Momentopname “{heading.snapshot}”, datum van de momentopname: {day}",
                f"Snapshot “{heading.snapshot}”, date of the snapshot: {day}",
                lang,
            )
        )
    else:
        now = _t(f"Datum: {day} (het netwerk van nu)", f"Date: {day} (the network now)", lang)
        lines.append(now)
    if heading.meeting:
        lines.append(
            _t(
                "Voor een netwerkberaad: wat als gevoelig is gemarkeerd, is weggelaten.",
                "For a network meeting: what is marked sensitive is left out.",
                lang,
            )
        )
    return lines


def _head_mm(lines: list[str], width_mm: float) -> float:
    per_line = max(int(width_mm * _CHARS_PER_MM * 2), 20)  # 10 pt: about 0.9 characters a mm
    count = sum(-(-len(line) // per_line) for line in lines)
    return _HEAD_MM + _LINE_MM * count + 4.0


def orientation(svg: str, head_mm: float) -> tuple[str, float, float]:
    """``portrait`` or ``landscape``, whichever shows the picture larger, and the picture's
    box on that page (width, height in mm) under a heading ``head_mm`` high."""
    w, h = picture_size(svg)
    best: tuple[float, str, float, float] | None = None
    for name, (page_w, page_h) in (("portrait", PAGE_MM), ("landscape", PAGE_MM[::-1])):
        box_w = page_w - 2 * MARGIN_MM
        box_h = page_h - MARGIN_MM - FOOT_MM - head_mm
        scale = min(box_w / w, box_h / h)
        if best is None or scale > best[0] * 1.001:
            best = (scale, name, box_w, box_h)
    assert best is not None
    return best[1], best[2], best[3]


def _css(lang: str) -> str:
    page, of = _t("pagina", "page", lang), _t("van", "of", lang)
    return f"""
@page {{
  size: A4 portrait;
  margin: {MARGIN_MM}mm {MARGIN_MM}mm {FOOT_MM}mm {MARGIN_MM}mm;
  @bottom-right {{
    content: "{page} " counter(page) " {of} " counter(pages);
    font: 9pt "DejaVu Sans", sans-serif;
  }}
  @bottom-left {{ content: "Zorgkracht"; font: 9pt "DejaVu Sans", sans-serif; color: #555; }}
}}
@page landscape {{ size: A4 landscape; }}
@page portrait {{ size: A4 portrait; }}
html {{ font: 10pt/1.35 "DejaVu Sans", Verdana, sans-serif; color: #000; }}
body {{ margin: 0; }}
.landscape {{ page: landscape; }}
.portrait {{ page: portrait; }}
.sheet {{ break-before: page; }}
.sheet:first-child {{ break-before: auto; }}
h1 {{ font-size: 18pt; margin: 0 0 2mm; line-height: 1.2; }}
h2 {{ font-size: 13pt; margin: 0 0 3mm; }}
.doc-head p {{ margin: 0 0 1mm; overflow-wrap: break-word; }}
.doc-head {{ margin-bottom: 3mm; }}
.meeting {{ font-weight: bold; }}
figure {{ margin: 0; text-align: center; }}
figure img {{ object-fit: contain; }}
table {{ width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 9pt; }}
col.kind {{ width: 17%; }}
col.who {{ width: 33%; }}
th, td {{ border: 0.3pt solid #777; padding: 1mm 1.5mm; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }}
thead th {{ background: #eee; }}
tr {{ break-inside: avoid; }}
"""


def _sheet(page: PicturePage) -> str:
    heading = page.heading
    lang = heading.lang if heading is not None else "nl"
    lines = heading_lines(heading) if heading is not None else []
    view = heading.view if heading is not None else ""
    name = in_language(VIEW_NAMES.get(view, Text(view, view)), lang)
    head_mm = _head_mm(lines, PAGE_MM[0] - 2 * MARGIN_MM) if heading is not None else 0.0
    side, box_w, box_h = orientation(page.svg, head_mm)
    svg = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", page.svg, count=1)
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    alt = _t(
        f"{name}; dezelfde inhoud staat in woorden in de tabel hierna",
        f"{name}; the table that follows has the same content in words",
        lang,
    )
    paragraphs = [f"<p>{escape(line)}</p>" for line in lines]
    if heading is not None and heading.meeting:  # its last line says what is left out
        paragraphs[-1] = f'<p class="meeting">{escape(lines[-1])}</p>'
    head = "".join(paragraphs)
    out = [f'<section class="sheet {side}">']
    if heading is not None:
        out.append(f'<header class="doc-head"><h1>{escape(name)}</h1>{head}</header>')
    out += [
        f'<figure><img src="{uri}" alt="{escape(alt)}" '
        f'style="width: {box_w:.1f}mm; height: {box_h:.1f}mm"></figure>',
        "</section>",
    ]
    if page.rows:
        out.append(_table(name, page.rows, lang))
    return "".join(out)


def _table(name: str, rows: list[dict[str, str]], lang: str) -> str:
    title = _t(f"{name} in woorden", f"{name} in words", lang)
    cols = (
        ("kind", _t("Soort", "Kind", lang)),
        ("who", _t("Wie", "Who", lang)),
        ("details", _t("Bijzonderheden", "Details", lang)),
    )
    head = "".join(f'<th scope="col">{escape(label)}</th>' for _, label in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(row.get(key, ''))}</td>" for key, _ in cols) + "</tr>"
        for row in rows
    )
    return (
        f'<section class="sheet portrait"><h2>{escape(title)}</h2>'
        '<table><colgroup><col class="kind"><col class="who"><col class="details"></colgroup>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>"
    )


def document_html(pages: list[PicturePage], lang: str, title: str) -> str:
    """The HTML of a document of one or more picture pages (each with its table)."""
    return (
        f'<!doctype html><html lang="{_t("nl", "en", lang)}"><head>'
        f'<meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_css(lang)}</style></head><body>"
        + "".join(_sheet(page) for page in pages)
        + "</body></html>"
    )


def document_title(pages: list[PicturePage], lang: str) -> str:
    """The PDF's title: the view (or "Netwerkbeelden") and, outside a network meeting, the case."""
    first = pages[0].heading
    if first is None:
        return "Zorgkracht"
    if len(pages) == 1:
        what = in_language(VIEW_NAMES.get(first.view, Text(first.view, first.view)), lang)
    else:
        what = _t("Netwerkbeelden", "Network pictures", lang)
    return what if first.meeting or not first.title else f"{what} — {first.title}"


def document_pdf(pages: list[PicturePage], lang: str) -> bytes:
    """The PDF of one or more picture pages, A4, with page numbers."""

    html = document_html(pages, lang, document_title(pages, lang))
    return html_pdf(html)


def picture_pdf(svg: str) -> bytes:
    """The picture alone on one A4 page, scaled to fit (no heading, no table)."""
    return html_pdf(document_html([PicturePage(svg, [], None)], "nl", "Zorgkracht"))


def html_pdf(html: str) -> bytes:
    """The PDF of ``html``, tagged; nothing is fetched but the ``data:`` URI of the picture (no
    file, no network), whatever a name in the case says."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    # tagged (headings, the table, the picture's alternative text) and in the page's language,
    # for a screen reader
    pdf: bytes = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_tags=True)
    return pdf
