"""The case page asks for every module of its script at once (``web/module_graph.py``)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from zorgkracht.web.module_graph import STATIC, module_graph

_PRELOAD = re.compile(r'<link rel="modulepreload" href="/static/([^"]+)">')
_FROM = re.compile(r"""from\s*["'](\.{1,2}/[^"']+)["']""")


def test_the_case_page_preloads_every_module_its_script_reaches(client: TestClient) -> None:
    for view in ("genogram", "ecogram"):
        html = client.get(f"/cases/karel?view={view}").text
        preloaded = _PRELOAD.findall(html)
        assert len(preloaded) == len(set(preloaded))
        # the modules only reached through others are there too
        assert {"case/edits.js", "case/api.js", "messages.js", "case/fields.js"} <= set(preloaded)
        known = {"case/main.js", *preloaded}
        for path in preloaded:
            answer = client.get(f"/static/{path}")
            assert answer.status_code == 200, path
            assert "javascript" in answer.headers["content-type"]
            base = Path(path).parent
            for spec in _FROM.findall(answer.text):  # nothing it imports is left out
                assert str((Path("/") / base / spec).resolve())[1:] in known, (path, spec)


def test_the_graph_follows_every_kind_of_relative_import(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "main.js").write_text(
        'import { a,\n  b } from "./a.js";\nimport "./side.js";\n'
        "import { t } from '../top.js';\nconst x = await import(\"./late.js\");\n"
    )
    (tmp_path / "app" / "a.js").write_text('export { c } from "./c.js";\nexport const a = 1;\n')
    (tmp_path / "app" / "c.js").write_text('import { a } from "./a.js";\nexport const c = a;\n')
    (tmp_path / "app" / "side.js").write_text("window.x = 1;\n")
    (tmp_path / "top.js").write_text('import { c } from "./app/c.js";\nexport const t = c;\n')
    assert module_graph("app/main.js", tmp_path) == (
        "app/a.js",
        "app/side.js",
        "top.js",
        "app/c.js",
    )


def test_the_real_graph_is_read_from_the_static_files() -> None:
    assert all((STATIC / path).is_file() for path in module_graph("case/main.js"))
