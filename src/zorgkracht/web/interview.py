"""Interview mode: collect the network by asking (domain.md §8)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
