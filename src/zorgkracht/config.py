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
    audit_retention_days: int = Field(
        default=1826, ge=1, description="Days the audit log keeps a row (5 years)"
    )
    archive_review_days: int = Field(
        default=365, ge=1, description="Days after which an archived case is listed for review"
    )

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        from zorgkracht.storage import default_database_url

        return default_database_url()
