"""Exit 0 when the PostgreSQL server of the given SQLAlchemy URL answers, else explain, exit 1."""

import sys

import psycopg

url = sys.argv[1].replace("postgresql+psycopg://", "postgresql://")
try:
    with psycopg.connect(url, connect_timeout=5) as conn:
        conn.execute("select 1")
except psycopg.Error as err:
    print(f"PostgreSQL is not reachable at {url}: {err}", file=sys.stderr)
    sys.exit(1)
