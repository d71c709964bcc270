"""Typed settings, read from the environment (``ZORGKRACHT_*``) and overridden by CLI options."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Settings of one running Zorgkracht.

    ``database_url`` is a SQLAlchemy URL; empty means the embedded SQLite file in the user's data
    directory. PostgreSQL: ``postgresql+psycopg://user@host:5432/dbname``.
    """

    model_config = SettingsConfigDict(env_prefix="ZORGKRACHT_", extra="ignore")

    database_url: str | None = Field(default=None, description="SQLAlchemy database URL")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    lang: Literal["nl", "en"] = "nl"
    load_demo: bool = Field(default=True, description="Load the demo cases into an empty database")
    max_body_bytes: int = Field(
        default=2 * 1024 * 1024, ge=1024, description="Largest request body (forms, edits)"
    )
    max_upload_bytes: int = Field(
        default=20 * 1024 * 1024,
        ge=1024,
        description="Largest case file sent to the API (POST/PUT /api/cases, /api/validate)",
    )
    max_form_fields: int = Field(default=1000, ge=10, description="Most fields in one form")
    draw_budget_seconds: float = Field(
        default=5.0,
        gt=0,
        le=600,
        description="Time one picture may take to draw on a page or in the edit API",
    )

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        from zorgkracht.storage import default_database_url

        return default_database_url()
