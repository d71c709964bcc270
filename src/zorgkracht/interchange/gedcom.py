"""Import a GEDCOM file (5.5, 5.5.1 or 7.0) as a genogram case.

Individuals become persons (id = the xref without ``@``), families become couple relations and
child relations. The client is ``focus`` or the first individual. With ``generations`` only the
persons within that many parent, child or partner steps of the client are kept. Every problem
in the file — malformed lines, a missing header or trailer, pointers to records that do not
exist, and then everything the case invariants reject — is reported at once with its line
number, and nothing is returned unless the whole file is good. ``docs/gedcom.md`` has the rules.
"""

from __future__ import annotations

from pathlib import Path

from zorgkracht.domain import Case, InvalidInput, Problem, check_case
from zorgkracht.domain.limits import check_limits

from .gedcom_build import Builder, person_name, slug
from .gedcom_text import check_pointers, decode, parse_lines, problem
from .sniff import looks_like_gedcom

__all__ = ["looks_like_gedcom", "parse_gedcom", "person_name", "read_gedcom", "slug"]

MAX_PROBLEMS = 50


def read_gedcom(
    path: Path,
    *,
    case_id: str | None = None,
    focus: str | None = None,
    generations: int | None = None,
) -> Case:
    """Read a GEDCOM file from disk; see :func:`parse_gedcom`."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InvalidInput(
            [
                problem(
                    str(path),
                    f"bestand kan niet gelezen worden ({err.strerror})",
                    f"file cannot be read ({err.strerror})",
                    "io",
                )
            ],
            path.name,
        ) from None
    return parse_gedcom(data, path.name, case_id=case_id, focus=focus, generations=generations)


def parse_gedcom(
    data: bytes,
    source: str,
    *,
    case_id: str | None = None,
    focus: str | None = None,
    generations: int | None = None,
) -> Case:
    """The case in GEDCOM ``data`` (named ``source`` in messages), or :class:`InvalidInput`."""
    decoded = decode(data, source)
    if isinstance(decoded, Problem):
        raise InvalidInput([decoded], source)
    parsed = parse_lines(decoded.text, source)
    index, pointer_problems = check_pointers(parsed.records, source)
    problems = parsed.problems + pointer_problems
    if generations is not None and generations < 0:
        problems.append(
            problem(
                "generations",
                f"aantal generaties moet 0 of meer zijn, niet {generations}",
                f"generations must be 0 or more, not {generations}",
                "out_of_range",
            )
        )
    _raise(problems, source)
    builder = Builder(source, index)
    builder.build(parsed.records)
    _raise(builder.problems, source)
    case = builder.case(decoded, case_id, focus, generations)
    _raise([builder.locate(p) for p in check_limits(case) or check_case(case)], source)
    return case


def _raise(problems: list[Problem], source: str) -> None:
    if not problems:
        return
    shown = problems[:MAX_PROBLEMS]
    rest = len(problems) - len(shown)
    if rest:
        shown.append(
            Problem(
                source,
                f"en nog {rest} {'fout' if rest == 1 else 'fouten'}",
                f"and {rest} more problem{'s' if rest != 1 else ''}",
                "more_problems",
            )
        )
    raise InvalidInput(shown, source)
