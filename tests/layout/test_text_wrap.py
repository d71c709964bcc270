"""Names in lines (issue 13): broken at spaces and after the hyphen of a double name, never cut
with "…" or hyphenated inside a word when they fit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zorgkracht.layout.text import wrap_words


def test_a_long_name_wraps_at_word_boundaries_instead_of_being_cut() -> None:
    assert wrap_words("Winkel zorgcentrum De Hoge Weide", 15, 3) == [
        "Winkel",
        "zorgcentrum De",
        "Hoge Weide",
    ]
    # 18 would cut it ("Winkel zorgcentrum" / "De Hoge Weide" fits two lines of 18)
    assert wrap_words("Winkel zorgcentrum De Hoge Weide", 18, 2) == [
        "Winkel zorgcentrum",
        "De Hoge Weide",
    ]


def test_a_line_grows_to_its_widest_before_a_word_is_broken() -> None:
    # 19 letters in a line of 18: the old wrap made "Wijkverpleegkundi-" / "ge Sandra"
    assert wrap_words("Wijkverpleegkundige Sandra", 18, 2, widest=26) == [
        "Wijkverpleegkundige",
        "Sandra",
    ]
    assert wrap_words("Wijkverpleegkundige Sandra", 18, 2) == ["Wijkverpleegkundi-", "ge Sandra"]


def test_a_double_name_breaks_after_its_hyphen() -> None:
    assert wrap_words("Marianne Hoekstra-de Groot", 16, 2, widest=19) == [
        "Marianne",
        "Hoekstra-de Groot",
    ]
    assert wrap_words("Marianne Hoekstra-de Groot", 16, 3) == ["Marianne", "Hoekstra-de", "Groot"]
    assert wrap_words("Berg-Bloem", 18, 1) == ["Berg-Bloem"]


def test_only_a_name_that_does_not_fit_is_cut() -> None:
    assert wrap_words("Schuldhulpverleningsorganisatie Noord", 16, 2) == [
        "Schuldhulpverle-",
        "ningsorganisati…",
    ]
    assert wrap_words("", 10, 2) == []


words = st.text(alphabet="abcdefghij-", min_size=1, max_size=12)


@given(st.lists(words, min_size=1, max_size=6), st.integers(8, 20), st.integers(1, 3))
def test_lines_keep_their_bounds_and_lose_nothing_unless_cut(
    parts: list[str], width: int, lines: int
) -> None:
    text = " ".join(parts)
    out = wrap_words(text, width, lines)
    assert len(out) <= lines
    assert all(len(line) <= width for line in out)
    letters = "".join(out).replace(" ", "").replace("-", "").rstrip("…")
    assert text.replace(" ", "").replace("-", "").startswith(letters)
    if len(text) <= width:  # fits on one line: written whole
        assert out == [" ".join(text.split())]
