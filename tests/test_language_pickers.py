"""One way to say a thing in two languages: Python code picks between Dutch and English with
``zorgkracht.i18n.in_language`` / ``language`` and templates with ``_.in_language``, never with a
comparison of its own (the scripts: ``tests/web/test_js_messages.py``)."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "zorgkracht"
# The one picker, and the domain's own errors (domain imports nothing of ours).
ALLOWED = {"i18n/__init__.py", "domain/errors.py"}
PICKER = re.compile(
    r"""(==|!=)\s*["']en["']|["']en["']\s*(==|!=)|\.(en|nl)\s+if\s|\b(en|nl)\s+if\s"""
)
# The language switcher marks the current language; that is no picker.
SWITCHER = re.compile(r"""\{% if lang == '(nl|en)' %\}aria-current""")


def pickers(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if PICKER.search(SWITCHER.sub("", line))]


def test_the_check_can_fail() -> None:
    assert pickers('x = code.en if lang == "en" else code.nl')
    assert pickers('lang = "en" if lang == "en" else "nl"')
    assert pickers("{{ item.en if lang == 'en' else item.nl }}")
    assert pickers("en = page_lang(request) == 'en'")
    assert not pickers("{% if lang == 'en' %}aria-current=\"true\"{% endif %}")
    assert not pickers("return in_language(Text(nl, en), lang)")


def test_no_module_or_template_picks_a_language_by_itself() -> None:
    found = {}
    for path in sorted([*SRC.rglob("*.py"), *SRC.rglob("*.html")]):
        relative = path.relative_to(SRC).as_posix()
        if relative not in ALLOWED and (lines := pickers(path.read_text(encoding="utf-8"))):
            found[relative] = lines
    assert found == {}
