"""Security regression tests (issue: safe with other people's data)."""
