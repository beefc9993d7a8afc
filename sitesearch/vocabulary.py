"""The word list: every word of the search index, with its form without diacritics.

The Swedish Snowball stemmer knows neither compounds nor most definite forms, and no stemmer
knows typos. The word list lets the query side find them: "frånvaro" → every indexed word
that contains "frånvar" (skolfrånvaro, frånvaron); "narvarotrapan" → the indexed word whose
letters are closest (närvarotrappan). Filled from Wagtail's index table, so it holds what the
index holds; PostgreSQL only (the trigram indexes are pg_trgm's)."""

import time

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


# How long a process trusts the statistics it read (they change only when PostgreSQL
# analyses the table, which autovacuum does after many changes).
STATISTICS_SECONDS = 300
_common_cache = {"until": 0.0, "lexemes": {}}


def lexeme_counts():
    """{lexeme: about how many index entries contain it} for the most common lexemes of the
    index's titles and texts, from PostgreSQL's own planner statistics (pg_stats, kept by
    ANALYZE/autovacuum): free to read, where counting would mean reading every entry. Empty
    before the table was first analysed (a new or small site), which is fine: then nothing is
    common. Cached in the process for STATISTICS_SECONDS."""
    if not available():
        return {}
    now = time.monotonic()
    if now < _common_cache["until"]:
        return _common_cache["lexemes"]
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    counts = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs "
            "FROM pg_stats WHERE tablename = %s AND attname IN ('title', 'body') "
            "AND most_common_elems IS NOT NULL",
            [table],
        )
        statistics = cursor.fetchall()
        # Counted, not pg_class.reltuples: that one is also written by an ANALYZE whose
        # transaction is rolled back (`make bench-search`), the statistics are not.
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608  (a model's table)
        rows = cursor.fetchone()[0]
        for lexemes, frequencies in statistics:
            # Elements and their shares of the rows, in the same order (the last values of
            # the frequencies are summary figures, which zip leaves out).
            for lexeme, share in zip(lexemes, frequencies, strict=False):
                counts[lexeme] = max(counts.get(lexeme, 0), round(share * rows))
    _common_cache.update(until=now + STATISTICS_SECONDS, lexemes=counts)
    return counts
