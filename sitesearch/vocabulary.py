"""The word list: every word of the search index, with its form without diacritics.

The Swedish Snowball stemmer knows neither compounds nor most definite forms, and no stemmer
knows typos. The word list lets the query side find them: "frånvaro" → every indexed word
that contains "frånvar" (skolfrånvaro, frånvaron); "narvarotrapan" → the indexed word whose
letters are closest (närvarotrappan). Filled from Wagtail's index table, so it holds what the
index holds; PostgreSQL only (the trigram indexes are pg_trgm's)."""

from django.db import connection

from modelsearch.conf import get_app_config

# The same letters as text.fold, in SQL: Swedish and the usual accented Latin letters.
_ACCENTED = "åäöéèêëüáàâíìïóòôúùçñæø"
_PLAIN = "aaoeeeeuaaaiiiooouucnao"
# Words of letters (any script) and digits, two to 40 characters.
_SPLIT = r"[^[:alnum:]]+"


def _upsert_sql(where):
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    return f"""
        INSERT INTO sitesearch_word (word, folded, frequency)
        SELECT w, translate(w, '{_ACCENTED}', '{_PLAIN}'), count(DISTINCT e.id)
        FROM {table} e,
             regexp_split_to_table(lower(coalesce(e.title_text, '') || ' ' ||
                                         coalesce(e.body_text, '')), '{_SPLIT}') AS w
        WHERE char_length(w) BETWEEN 2 AND 40 {where}
        GROUP BY w
        ON CONFLICT (word) DO UPDATE SET frequency = GREATEST(
            sitesearch_word.frequency, EXCLUDED.frequency)
    """  # noqa: S608  (table name and constants only; values are parameters)


def available():
    return connection.vendor == "postgresql"


def rebuild():
    """The whole word list again from the index (after `update_index`)."""
    if not available():
        return
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE sitesearch_word")
        cursor.execute(_upsert_sql(""))


def add_object(obj):
    """Add the words of one indexed object (a page just published or edited). Words that
    the object no longer uses stay until the next rebuild; they only widen a query."""
    if not available() or obj.pk is None:
        return
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(obj)
    with connection.cursor() as cursor:
        cursor.execute(
            _upsert_sql("AND e.content_type_id = %s AND e.object_id = %s"),
            [content_type.pk, str(obj.pk)],
        )
