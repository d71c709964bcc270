"""Names and titles in lines: broken at spaces (and after the hyphen of a double name), never
cut short when they fit (issue 13).

:func:`wrap_words` is shared by every view that writes a name under a symbol or a title in a
box, so that a long name ("Winkel zorgcentrum De Hoge Weide") reads the same everywhere: in as
few lines as it takes, each about ``width`` characters, a line as long as ``widest`` characters
when that saves a line. Only a name that does not fit in ``lines`` lines of ``widest``
characters is broken inside a word (with a hyphen) and ended with "…".
"""

from __future__ import annotations


def _pieces(words: list[str]) -> list[tuple[str, str]]:
    """The words as pieces that a line may end after, each with what joins it to the piece
    before on one line: a space, or nothing after a hyphen of a double name
    ("Hoekstra-" "de")."""
    out: list[tuple[str, str]] = []
    for word in words:
        parts = word.split("-")
        for n, part in enumerate(parts):
            text = part + ("-" if n < len(parts) - 1 else "")
            if n and not text.strip("-"):  # "--" or a trailing hyphen: keep with the one before
                previous, joiner = out[-1]
                out[-1] = (previous + text, joiner)
                continue
            out.append((text, " " if n == 0 else ""))
    return out


def _greedy(words: list[str], width: int) -> list[str] | None:
    """The words in lines of at most ``width`` characters, broken at spaces and after the
    hyphen of a double name; None when a piece is longer than ``width``."""
    out: list[str] = []
    current = ""
    for piece, joiner in _pieces(words):
        if len(piece) > width:
            return None
        if current and len(current) + len(joiner) + len(piece) > width:
            out.append(current)
            current = piece
        else:
            current = f"{current}{joiner}{piece}" if current else piece
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
