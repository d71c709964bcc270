"""Case files as the interfaces send and receive them: JSON bodies in, case files out.

The format is :mod:`zorgkracht.interchange.case_json` (``zorgkracht/1``, ``docs/case-file.md``);
this module is how the web application reads a body and shapes a case, so that it needs no
import of the interchange package itself.
"""

from __future__ import annotations

from typing import Any

from zorgkracht.domain import Case, InvalidInput, Problem
from zorgkracht.interchange.case_json import case_from_data, case_to_dict, json_schema

__all__ = ["case_from_body", "case_to_dict", "json_schema", "read_json"]


def read_json(body: bytes) -> Any:
    """The JSON value of a request body (UTF-8, with or without a byte order mark), within the
    case file's depth limit; ``InvalidInput`` (``json``) when it cannot be read."""
    from zorgkracht.interchange.case_json import parse_json

    try:
        text = body.decode("utf-8-sig")
    except UnicodeError as err:
        raise InvalidInput(
            [Problem("body", f"geen geldige JSON ({err})", f"not valid JSON ({err})", "json")]
        ) from None
    return parse_json(text)


def case_from_body(body: bytes) -> Case:
    """The case in a body that holds a case file; ``InvalidInput`` naming what is wrong."""
    return case_from_data(read_json(body))
