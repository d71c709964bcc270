"""Pictures drawn from layouts: SVG first, PNG and PDF from the SVG (see ``docs/genogram.md``)."""

from .genogram import render_genogram_svg
from .table import genogram_table, genogram_text

__all__ = ["genogram_table", "genogram_text", "render_genogram_svg"]
