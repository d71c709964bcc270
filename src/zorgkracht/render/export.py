"""PNG and PDF from an SVG document.

PNG is the picture itself, through cairosvg (which needs the system's libcairo2), at its own
size: a picture, not a page. PDF is a document on A4 (:mod:`.document`, WeasyPrint): here the
picture alone, scaled to fit one page; the exports of the application add a heading, the table
and page numbers (:func:`.document.document_pdf`).

cairosvg and WeasyPrint are imported when first used, so that the SVG pictures work without them.
"""

from __future__ import annotations


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    """The SVG as a PNG image, ``scale`` times its size in user units (2 = sharp on paper)."""
    import cairosvg

    return bytes(cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale))


def svg_to_pdf(svg: str) -> bytes:
    """The SVG on one A4 page (portrait or landscape, as it fits best), scaled to fit."""
    from .document import picture_pdf

    return picture_pdf(svg)
