"""Positions for the pictures, computed apart from drawing them (see ``docs/genogram.md``)."""

from .genogram import (
    ChildLine,
    CoupleLine,
    EmotionLine,
    FamilyLine,
    GenogramLayout,
    PersonBox,
    TwinLink,
    layout_genogram,
)
from .geometry import XY, Rect

__all__ = [
    "XY",
    "ChildLine",
    "CoupleLine",
    "EmotionLine",
    "FamilyLine",
    "GenogramLayout",
    "PersonBox",
    "Rect",
    "TwinLink",
    "layout_genogram",
]
