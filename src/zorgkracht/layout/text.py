"""Names and titles in lines: broken at spaces, never cut short when they fit (issue 13).

:func:`wrap_words` is shared by every view that writes a name under a symbol or a title in a
box, so that a long name ("Winkel zorgcentrum De Hoge Weide") reads the same everywhere: in as
few lines as it takes, each about ``width`` characters, a line as long as ``widest`` characters
when that saves a line. Only a name that does not fit in ``lines`` lines of ``widest``
characters is broken inside a word (with a hyphen) and ended with "…".
"""

from __future__ import annotations


def _greedy(words: list[str], width: int) -> list[str] | None:
    """The words in lines of at most ``width`` characters, broken at spaces only; None when a
    word is longer than ``width``."""
    out: list[str] = []
    current = ""
    for word in words:
        if len(word) > width:
            return None
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        out.append(current)
    return out


def wrap_words(
    text: str,
    width: int,
    lines: int,
    longest_word: int | None = None,
    *,
    widest: int | None = None,
) -> list[str]:
    """``text`` in at most ``lines`` lines of about ``width`` characters, broken at spaces.

    When the words do not fit in ``lines`` lines of ``width``, the lines may grow up to
    ``widest`` characters (default ``width``). Only when they do not fit even then are words
    longer than ``longest_word`` (default the line width) broken with a hyphen and the last
    line ended with "…"."""
    words = text.split()
    if not words:
        return []
    top = max(widest if widest is not None else width, width)
    for w in range(width, top + 1):
        fitted = _greedy(words, w)
        if fitted is not None and len(fitted) <= lines:
            return fitted
    return _cut(words, top, lines, longest_word if longest_word is not None else top)


def _cut(words: list[str], width: int, lines: int, limit: int) -> list[str]:
    out: list[str] = []
    current = ""
    for word in words:
        while len(word) > limit:
            if current:
                out.append(current)
                current = ""
            out.append(word[: limit - 1] + "-")
            word = word[limit - 1 :]
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(width, limit) - 1].rstrip() + "…"
    return out
