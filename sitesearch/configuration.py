"""The Swedish text-search configuration on PostgreSQL: created by the migrations, named in
the settings (WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "portal_swedish").

Two variants, the same cases pass with both (sitesearch/tests/test_swedish.py):

- "hunspell": where the server has a Swedish Hunspell dictionary (Debian: the package
  hunspell-sv, which postgresql-common links into tsearch_data as sv_se.dict/.affix), words
  are looked up in it first. It knows inflections ("närvarotrappan" → "trappa") and splits
  compounds ("skolfrånvaro" → "skol", "frånvaro"); words it does not know (names, new words)
  go to the Swedish Snowball stemmer.
- "snowball": where it has none (a managed PostgreSQL), only the Swedish Snowball stemmer,
  which PostgreSQL always has. Compounds, definite forms and typos are then handled by the
  application (sitesearch/expansion.py) with the word list and pg_trgm.

Neither strips accents: å, ä and ö are letters of their own ("får" is not "far").
"""

from django.db import connection as default_connection

NAME = "portal_swedish"
STEMMER = "portal_swedish_stem"
HUNSPELL = "portal_swedish_hunspell"
# The token types that carry words (the rest, e-mail addresses, numbers …, stay as in the
# built-in "swedish" configuration, which ours copies).
WORD_TOKENS = "asciiword, word, hword, hword_part, asciihword, hword_asciipart"


def hunspell_available(cursor):
    """True when a Swedish Hunspell dictionary can be loaded on the server."""
    cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = %s", [HUNSPELL])
    if cursor.fetchone():
        return True
    cursor.execute("SAVEPOINT portal_hunspell")
    try:
        cursor.execute(
            f"CREATE TEXT SEARCH DICTIONARY {HUNSPELL} "
            "(TEMPLATE = ispell, DictFile = sv_se, AffFile = sv_se, StopWords = swedish)"
        )
    except Exception:
        cursor.execute("ROLLBACK TO SAVEPOINT portal_hunspell")
        return False
    cursor.execute("RELEASE SAVEPOINT portal_hunspell")
    return True


def create(cursor):
    """Create the dictionaries and the configuration (idempotent); returns the variant."""
    cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = %s", [STEMMER])
    if not cursor.fetchone():
        cursor.execute(
            f"CREATE TEXT SEARCH DICTIONARY {STEMMER} "
            "(TEMPLATE = snowball, Language = swedish, StopWords = swedish)"
        )
    cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [NAME])
    if not cursor.fetchone():
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {NAME} (COPY = pg_catalog.swedish)")
    variant = "hunspell" if hunspell_available(cursor) else "snowball"
    use(cursor, variant)
    return variant


def use(cursor, variant):
    """Point the configuration at one variant. The search index must be rebuilt afterwards
    (`manage.py update_index`) for existing pages to follow."""
    dictionaries = f"{HUNSPELL}, {STEMMER}" if variant == "hunspell" else STEMMER
    cursor.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {NAME} "
        f"ALTER MAPPING FOR {WORD_TOKENS} WITH {dictionaries}"
    )


def current_variant(connection=None):
    """ "hunspell", "snowball", or "" when the configuration is missing (not PostgreSQL)."""
    connection = connection or default_connection
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT d.dictname FROM pg_ts_config c
            JOIN pg_ts_config_map m ON m.mapcfg = c.oid
            JOIN pg_ts_dict d ON d.oid = m.mapdict
            WHERE c.cfgname = %s
            """,
            [NAME],
        )
        names = {row[0] for row in cursor.fetchall()}
    if HUNSPELL in names:
        return "hunspell"
    return "snowball" if STEMMER in names else ""
