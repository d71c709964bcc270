"""Use cases shared by the web application and the command line."""

from .cases import CaseService, ImportResult

__all__ = ["CaseService", "ImportResult"]
