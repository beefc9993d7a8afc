"""Check that the PostgreSQL server the tests use can be reached, saying so in one line if not,
and create the configured database if it does not exist yet (pytest then makes test_<name>)."""

import os
import sys

import dj_database_url
import psycopg
from psycopg import sql

url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
config = dj_database_url.parse(url)
if not config["ENGINE"].endswith("postgresql"):
    sys.exit(f"The tests need PostgreSQL, but DATABASE_URL is {url!r}.")

host = config["HOST"] or "127.0.0.1"
port = config["PORT"] or 5432
try:
    connection = psycopg.connect(
        host=host,
        port=port,
        user=config["USER"] or "postgres",
        password=config["PASSWORD"] or None,
        dbname="postgres",
        connect_timeout=5,
        autocommit=True,
    )
except psycopg.Error as error:
    detail = (str(error).strip().splitlines() or [type(error).__name__])[0]
    sys.exit(
        f"PostgreSQL cannot be reached at {host}:{port} ({detail}); start it or set DATABASE_URL."
    )

with connection:
    name = config["NAME"]
    exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if not exists:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
