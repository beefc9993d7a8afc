"""Query words → what to look for in the PostgreSQL index (the application-side part of the
Swedish search; see sitesearch/configuration.py).

For each word, in this order, the first step that finds something decides:

1. the word as written, its inflections and every indexed word that contains its stem
   ("frånvaro" → skolfrånvaro, frånvaron; "trappa" → närvarotrappan; "föräldrar" →
   förälder): compounds and definite forms even without a Hunspell dictionary;
2. the same without diacritics ("skolfranvaro" → skolfrånvaro): a correction;
3. the closest indexed words by trigram similarity ("narvarotrapan" → närvarotrappan):
   a correction.

Corrections become "Menade du …?". å, ä and ö are kept in step 1, so "far" never finds "får"
when "far" itself is in the index.
"""

from dataclasses import dataclass, field

from django.db import connection

from . import configuration
from .text import fold

# Endings a short word may take and still be the same word ("far" → fars, farn is not one).
SHORT_ENDINGS = ("", "s", "n", "en", "et", "ar", "er", "or", "na", "ns", "ens", "ets", "arna")
# A stem this long may be looked for inside other words (compound parts).
MIN_PART = 4
# Words taken per query word, the most frequent first.
MAX_CANDIDATES = 40
# How similar (pg_trgm, 0–1) a misspelt word must be to an indexed word.
MIN_SIMILARITY = 0.4


@dataclass
class WordGroup:
    """One query word and the indexed words that stand for it."""

    word: str
    candidates: list = field(default_factory=list)
    correction: str = ""

    @property
    def tsquery(self):
        # Words are letters and digits only (sitesearch/text.py), so quoting is enough.
        return " | ".join(f"'{word}'" for word in self.candidates)


def _core(stem):
    """The part of a stem looked for inside other words: Swedish plurals change the stem's
    last letters ("föräldr-ar" / "föräld-er"), so a long stem loses its last letter."""
    return stem[:-1] if len(stem) >= 6 else stem


def _like(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def stems(words):
    """The Snowball stem of each word; None for a stop word."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, ts_lexize(%s, w) FROM unnest(%s::text[]) AS w",
            [configuration.STEMMER, words],
        )
        found = dict(cursor.fetchall())
    result = {}
    for word in words:
        lexemes = found.get(word)
        result[word] = lexemes[0] if lexemes else None
    return result


def _fetch(cursor, sql, params):
    cursor.execute(sql, params)
    return [row[0] for row in cursor.fetchall()]


def expand_word(cursor, word, stem, prefix=False):
    group = WordGroup(word=word)
    core = _core(stem or word)
    forms = [word + ending for ending in SHORT_ENDINGS]
    if len(core) >= MIN_PART:
        group.candidates = _fetch(
            cursor,
            "SELECT word FROM sitesearch_word WHERE word = ANY(%s) OR word LIKE %s "
            "ORDER BY word = %s DESC, frequency DESC LIMIT %s",
            [forms, f"%{_like(core)}%", word, MAX_CANDIDATES],
        )
    else:
        pattern = f"{_like(word)}%" if prefix else _like(word)
        group.candidates = _fetch(
            cursor,
            "SELECT word FROM sitesearch_word WHERE word = ANY(%s) OR word LIKE %s "
            "ORDER BY word = %s DESC, frequency DESC LIMIT %s",
            [forms, pattern, word, MAX_CANDIDATES],
        )
    if prefix and len(word) >= 2:
        group.candidates += _fetch(
            cursor,
            "SELECT word FROM sitesearch_word WHERE word LIKE %s AND NOT word = ANY(%s) "
            "ORDER BY frequency DESC LIMIT 10",
            [f"{_like(word)}%", group.candidates or [""]],
        )
    if group.candidates:
        return group
    # Without diacritics: what was typed, folded, inside a folded indexed word.
    folded, folded_core = fold(word).replace(" ", ""), fold(core).replace(" ", "")
    if len(folded_core) >= MIN_PART:
        candidates = _fetch(
            cursor,
            "SELECT word FROM sitesearch_word WHERE folded = %s OR folded LIKE %s "
            "ORDER BY folded = %s DESC, frequency DESC LIMIT %s",
            [folded, f"%{_like(folded_core)}%", folded, MAX_CANDIDATES],
        )
    else:
        candidates = _fetch(
            cursor,
            "SELECT word FROM sitesearch_word WHERE folded = ANY(%s) "
            "ORDER BY folded = %s DESC, frequency DESC LIMIT %s",
            [[folded + ending for ending in SHORT_ENDINGS], folded, MAX_CANDIDATES],
        )
    if not candidates and len(folded) >= 3:
        candidates = _fetch(
            cursor,
            "SELECT word FROM sitesearch_word WHERE folded %% %s AND similarity(folded, %s) >= %s "
            "ORDER BY similarity(folded, %s) DESC, frequency DESC LIMIT 3",
            [folded, folded, MIN_SIMILARITY, folded],
        )
    if candidates:
        group.candidates = candidates
        group.correction = candidates[0]
    return group


def expand(words, prefix_last=False):
    """A WordGroup per searchable word (stop words left out, unless every word is one)."""
    if not words:
        return []
    stem_of = stems(words)
    searchable = [word for word in words if stem_of[word]] or []
    groups = []
    with connection.cursor() as cursor:
        for position, word in enumerate(searchable):
            prefix = prefix_last and position == len(searchable) - 1
            groups.append(expand_word(cursor, word, stem_of[word], prefix=prefix))
    return groups
