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

    # --- sign-in and sessions (docs/security-signin.md) ---
    secret_key: str | None = Field(
        default=None,
        min_length=32,
        description="Key that signs session cookies; share it between server processes",
    )
    secret_key_file: str | None = Field(
        default=None, description="File with that key (default: <user data dir>/secret.key)"
    )
    session_idle_hours: float = Field(default=12, gt=0, description="Idle timeout of a session")
    session_absolute_hours: float = Field(
        default=24, gt=0, description="A session ends this long after sign-in, active or not"
    )
    hash_concurrency: int = Field(
        default=2, ge=1, le=64, description="Password hashes computed at once per process"
    )
    hash_wait_seconds: float = Field(
        default=2.0, ge=0, description="How long a sign-in waits for a hashing slot (then 503)"
    )
    throttle_free_attempts: int = Field(
        default=3, ge=1, description="Failed sign-ins per user name before the delay starts"
    )
    throttle_free_per_address: int = Field(
        default=20, ge=1, description="Failed sign-ins per address before the delay starts"
    )
    throttle_base_delay: float = Field(
        default=1.0, gt=0, description="First delay in seconds; doubles with each failure"
    )
    throttle_max_delay: float = Field(default=300.0, gt=0, description="Longest delay, seconds")
    throttle_window_minutes: float = Field(
        default=15, gt=0, description="Failures older than this are forgotten"
    )
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
