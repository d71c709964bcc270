"""Schemathesis against the application's own OpenAPI description, in-process (ASGI).

Every API operation gets schema-valid and schema-breaking requests, on a random case id and on a
case that exists, signed in and with the CSRF header. The API must never answer with a server
error, and every answer must be a documented status with a body that fits the description.
The number of examples is bounded so the whole run stays well under a minute.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .helpers import make_app, set_up_first_account

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = {schemathesis.GenerationMode.POSITIVE: 10, schemathesis.GenerationMode.NEGATIVE: 8}
HEAVY_EXAMPLES = 4
"""Operations whose body is a whole case file: each example is large, so fewer of them."""
KIM = {
    "format": "zorgkracht/1",
    "id": "kim",
    "title": "Netwerk van Kim",
    "client": "p1",
    "network": {
        "persons": [{"id": "p1", "name": "Kim"}, {"id": "p2", "name": "Jolanda"}],
        "household": ["p1"],
        "ties": [{"id": "t1", "a": "p1", "b": "p2", "support": ["P"]}],
    },
}


@dataclass
class Api:
    app: FastAPI
    headers: dict[str, str]
    cookies: dict[str, str]


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    app, store = make_app(tmp_path_factory.mktemp("fuzz"))
    with TestClient(app) as client:
        set_up_first_account(client)
        assert client.post("/api/cases", json=KIM).status_code == 201
        yield Api(app, {"X-CSRF-Token": client.headers["X-CSRF-Token"]}, dict(client.cookies))
    store.close()


@pytest.fixture(scope="module")
def operations(api: Api) -> list[Any]:
    schema = schemathesis.openapi.from_dict(api.app.openapi())
    schema.app = api.app
    return [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]


def test_the_schema_lists_every_operation(operations: list[Any]) -> None:
    names = {f"{op.method.upper()} {op.path}" for op in operations}
    assert {
        "GET /api/health",
        "GET /api/cases",
        "POST /api/cases",
        "GET /api/cases/{case_id}",
        "PUT /api/cases/{case_id}",
        "DELETE /api/cases/{case_id}",
        "POST /api/validate",
        "GET /api/cases/{case_id}/analysis",
        "GET /api/cases/{case_id}/compare",
        "GET /api/cases/{case_id}/views/{view}",
        "GET /api/cases/{case_id}/views/{view}/table",
        "GET /api/cases/{case_id}/snapshots",
        "POST /api/cases/{case_id}/snapshots",
        "DELETE /api/cases/{case_id}/snapshots/{snapshot_id}",
        "GET /api/cases/{case_id}/export",
        "GET /api/cases/{case_id}/process",
        "GET /api/cases/{case_id}/documents/{kind}",
        "GET /api/cases/{case_id}/calendar",
        "POST /api/import",
    } <= names


def _fuzz(api: Api, operation: Any, mode: Any, path_parameters: dict[str, str] | None) -> list[str]:
    failures: list[str] = []
    heavy = "requestBody" in operation.definition.raw
    examples = min(EXAMPLES[mode], HEAVY_EXAMPLES) if heavy else EXAMPLES[mode]
    strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters)

    @given(case=strategy)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        try:
            case.call_and_validate(headers=api.headers, cookies=api.cookies, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as err:  # collected: every operation is tried
            failures.append(f"{operation.method.upper()} {operation.path} ({mode.value}): {err}")

    try:
        run()
    except Unsatisfiable:
        pass  # no schema-breaking request exists for an operation without parameters
    except (Exception, BaseExceptionGroup) as err:  # Hypothesis re-raises in its replay
        failures.append(f"{operation.method.upper()} {operation.path} ({mode.value}): {err}")
    return failures


def test_no_server_errors_and_answers_fit_the_schema(api: Api, operations: list[Any]) -> None:
    failures: list[str] = []
    tried = 0
    for operation in operations:
        for mode in EXAMPLES:
            variants: list[dict[str, str] | None] = [None]
            if "{case_id}" in operation.path:
                variants.append({"case_id": "kim"})
            for path_parameters in variants:
                failures += _fuzz(api, operation, mode, path_parameters)
                tried += 1
    assert tried >= 20
    assert failures == [], "\n\n".join(failures[:10])


def test_the_fuzzer_notices_a_server_error() -> None:
    broken = FastAPI()

    @broken.get("/api/broken")
    def fails(n: int = 0) -> JSONResponse:
        return JSONResponse({"error": "boom"}, status_code=500)

    schema = schemathesis.openapi.from_dict(broken.openapi())
    schema.app = broken
    [operation] = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    api = Api(broken, {}, {})
    failures = _fuzz(api, operation, schemathesis.GenerationMode.POSITIVE, None)
    assert failures and "Server error" in failures[0]
