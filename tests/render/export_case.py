"""A case for the document tests: the Tavenier family with a long organisation name, a long
family name, a sensitive person and a dated snapshot; and how to read a PDF's pages."""

from __future__ import annotations

import copy
import io
import json
import shutil
import subprocess
from typing import Any

import pypdf

from zorgkracht.demo import demo_path

TITLE = "De familie Tavenier"
CLIENT = "Pieter Tavenier"
LONG_NAME = "Winkel zorgcentrum De Lindehof"
"""Not family: in every view but the genogram."""
LONG_FAMILY_NAME = "Wilhelmina Theodora Tavenier-van den Lindehof"
"""Pieter's mother: in the genogram (and the views that draw her)."""
SENSITIVE_NAME = "Ronald Geheimzinnig"
SNAPSHOT = "begin"
SNAPSHOT_LABEL = "Bij de start"
SNAPSHOT_DAY = "2024-03-05"
A4 = (595.28, 841.89)
"""A4 in PDF points, portrait."""


def case_data() -> dict[str, Any]:
    """The case file (``zorgkracht/1``) of the case."""
    data: dict[str, Any] = json.loads(demo_path("tavenier").read_text(encoding="utf-8"))
    data["id"] = "tavenier"
    net = data["network"]
    for person in net["persons"]:
        if person["name"] == "Moeder van Pieter":
            person["name"] = LONG_FAMILY_NAME
            mother = person["id"]
    net["persons"] += [
        {
            "id": "lindehof",
            "name": LONG_NAME,
            "role": "professional",
            "circle": "services",
            "zone": "town",
            "organisation": True,
        },
        {
            "id": "geheim",
            "name": SENSITIVE_NAME,
            "role": "friend",
            "circle": "friendship",
            "zone": "town",
            "sensitive": True,
        },
    ]
    net["ties"] += [
        {"id": "t_lindehof", "a": "pieter", "b": "lindehof", "strength": 2},
        {"id": "t_geheim", "a": "pieter", "b": "geheim", "strength": 1, "quality": "tense"},
        {"id": "t_moeder_lindehof", "a": mother, "b": "lindehof", "strength": 2},
    ]
    net["events"].append(
        {
            "id": "e_lindehof",
            "year": 2011,
            "title": "Moeder verhuist naar het zorgcentrum",
            "valence": -1,
            "persons": [mother, "lindehof"],
        }
    )
    data["snapshots"] = [
        {
            "id": SNAPSHOT,
            "label": SNAPSHOT_LABEL,
            "taken_on": SNAPSHOT_DAY,
            "network": copy.deepcopy(net),
        }
    ]
    return data


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height in points of every page."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def tagged_language(pdf: bytes) -> str | None:
    """The language of a tagged PDF (its catalogue's ``/Lang``), ``None`` when it is not
    tagged (no structure tree)."""
    root = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"].get_object()
    assert isinstance(root, pypdf.generic.DictionaryObject)
    if "/StructTreeRoot" not in root:
        return None
    return str(root["/Lang"])


def is_a4(size: tuple[float, float]) -> bool:
    """A4, portrait or landscape, within 1 pt."""
    w, h = size
    return any(abs(w - a) <= 1 and abs(h - b) <= 1 for a, b in (A4, A4[::-1]))


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page (pdftotext, poppler-utils), its white space made single spaces."""
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext is missing: scripts/system-packages.sh dev"
    out = subprocess.run([tool, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True)
    assert out.returncode == 0, out.stderr.decode()
    pages = out.stdout.decode("utf-8").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(text.split()) for text in pages]
