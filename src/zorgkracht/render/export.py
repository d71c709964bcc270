"""PNG and PDF from an SVG document, through cairosvg (which needs the system's libcairo2).

cairosvg is imported when first used, so that the SVG pictures work without it.
"""

from __future__ import annotations


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    """The SVG as a PNG image, ``scale`` times its size in user units (2 = sharp on paper)."""
    import cairosvg

    return bytes(cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale))


def svg_to_pdf(svg: str) -> bytes:
    """The SVG as a one-page PDF of the same size."""
    import cairosvg

    return bytes(cairosvg.svg2pdf(bytestring=svg.encode("utf-8")))
