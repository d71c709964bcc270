"""Calling the application as an ASGI server would, with a body that is produced lazily, so a
test can see how much of a body the application read before it answered."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient


@dataclass
class Answer:
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    chunks_read: int = 0

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def call(
    app: FastAPI,
    method: str,
    path: str,
    headers: Iterable[tuple[str, str]],
    chunks: Iterator[bytes],
) -> Answer:
    """One request; ``chunks`` are sent as ``http.request`` messages only when asked for."""
    answer = Answer()
    source = iter(chunks)
    following: bytes | None = next(source, None)

    async def receive() -> MutableMapping[str, Any]:
        nonlocal following
        if following is None:  # the whole body was read: the client has nothing more
            return {"type": "http.disconnect"}
        current = following
        following = next(source, None)
        answer.chunks_read += 1
        return {"type": "http.request", "body": current, "more_body": following is not None}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer.status = message["status"]
            answer.headers = {k.decode().lower(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            answer.body += message.get("body", b"")

    path_only, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path_only,
        "raw_path": path_only.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    # in a thread of its own: the test session may already run an event loop (Playwright)
    failure: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(asyncio.wait_for(app(scope, receive, send), timeout=120))
        except BaseException as err:  # handed to the test below
            failure.append(err)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    return answer


def session_headers(client: TestClient) -> list[tuple[str, str]]:
    """The cookie of ``client``'s session, for a request made with :func:`call`."""
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    return [("host", "testserver"), ("cookie", cookie)]


def repeated(chunk: bytes, times: int) -> Iterator[bytes]:
    for _ in range(times):
        yield chunk
