"""JSON API for editing a case in place (drawing on the map): one operation per request."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["edits"])
