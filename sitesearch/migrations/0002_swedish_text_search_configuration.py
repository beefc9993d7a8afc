"""The Swedish text-search configuration "portal_swedish" that the settings name, and pg_trgm
for the word list (sitesearch/configuration.py). PostgreSQL only; on SQLite nothing to do."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from sitesearch import configuration

    with schema_editor.connection.cursor() as cursor:
        configuration.create(cursor)
        # Trigram indexes: words containing a compound part ("%frånvar%") and typos.
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS sitesearch_word_trgm "
            "ON sitesearch_word USING gin (word gin_trgm_ops)"
        )
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS sitesearch_word_folded_trgm "
            "ON sitesearch_word USING gin (folded gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0001_search_tables"),
    ]

    operations = [
        # A trusted extension since PostgreSQL 13: the database owner may create it.
        TrigramExtension(),
        migrations.RunPython(create_configuration, migrations.RunPython.noop, elidable=False),
    ]
