"""``zorgkracht render -o x.pdf`` writes the same A4 document as the web application: heading,
picture, table, page numbers; a snapshot's PDF is dated by the snapshot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.render.export_case import (
    CLIENT,
    LONG_NAME,
    SENSITIVE_NAME,
    SNAPSHOT,
    SNAPSHOT_LABEL,
    TITLE,
    case_data,
    is_a4,
    page_sizes,
    page_texts,
)
from zorgkracht.cli.main import main


def render(capsys: pytest.CaptureFixture[str], *args: str) -> None:
    with pytest.raises(SystemExit) as done:
        main(["render", *args])
    _, err = capsys.readouterr()
    assert done.value.code in (0, None), err


def test_the_command_line_writes_an_a4_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "tavenier.zorgkracht.json"
    source.write_text(json.dumps(case_data(), ensure_ascii=False), encoding="utf-8")
    for _ in range(2):  # the second run replaces the first file
        target = tmp_path / "kaart.pdf"
        render(capsys, str(source), "--view", "sociogram", "-o", str(target), "--lang", "en")
        pdf = target.read_bytes()
        assert all(is_a4(size) for size in page_sizes(pdf))
        texts = page_texts(pdf)
        assert texts[0].startswith(f"Sociogram {TITLE} · client: {CLIENT} Date: ")
        assert LONG_NAME in " ".join(texts)
        assert texts[-1].endswith(f"page {len(texts)} of {len(texts)}")

    snap = tmp_path / "begin.pdf"
    render(
        capsys,
        str(source),
        "--view",
        "ecogram",
        "--snapshot",
        SNAPSHOT,
        "--hide-sensitive",
        "-o",
        str(snap),
    )
    texts = page_texts(snap.read_bytes())
    assert texts[0].startswith(
        f"Ecogram Momentopname “{SNAPSHOT_LABEL}”, datum van de momentopname: 5 maart 2024 "
        "Voor een netwerkberaad"
    )
    whole = " ".join(texts)
    assert SENSITIVE_NAME not in whole and TITLE not in whole
