"""The web application (FastAPI)."""
