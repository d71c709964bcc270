"""Storage of cases: SQLite (embedded, the default) or PostgreSQL, with Alembic migrations.

Use::

    store = CaseStore(default_database_url())
    store.migrate()
    record = store.add(case)
    record = store.save(record.case, record.version)  # Conflict if someone saved first
"""

from __future__ import annotations

from . import accounts as accounts  # the account tables belong to the same metadata
from . import audit as audit  # and so does the audit log
from . import sessions as sessions  # so do sessions and sign-in attempts
from . import tokens as tokens  # and the access tokens of scripts
from .engine import default_database_url
from .store import CaseRecord, CaseStore, CaseSummary

__all__ = ["CaseRecord", "CaseStore", "CaseSummary", "default_database_url"]
