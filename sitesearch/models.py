"""The search's own tables: the word list (for compound parts, typos and "Menade du …?") and
the query statistics editors read in the admin."""

import datetime

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Word(models.Model):
    """A word that occurs in the search index, as written (lower case), with the same word
    without diacritics and how many indexed items use it. Filled from the index
    (sitesearch/vocabulary.py); PostgreSQL only."""

    word = models.CharField(max_length=40, primary_key=True)
    folded = models.CharField(max_length=40)
    frequency = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ord i sökindexet")
        verbose_name_plural = _("ord i sökindexet")

    def __str__(self):
        return self.word


class QueryStat(models.Model):
    """How often a query was made on one day, and how often it found nothing.

    Nothing personal: no address, no cookie, no time of day, no visitor; the query itself only
    in normalised form, without digits or e-mail addresses (sitesearch/text.py). Rows older
    than SEARCH_QUERY_RETENTION_DAYS are deleted as new days are recorded."""

    day = models.DateField(_("dag"))
    query = models.CharField(_("sökning"), max_length=100)
    searches = models.PositiveIntegerField(_("antal sökningar"), default=0)
    without_results = models.PositiveIntegerField(_("utan träffar"), default=0)

    class Meta:
        verbose_name = _("sökning")
        verbose_name_plural = _("sökningar")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="sitesearch_querystat_day_query")
        ]

    def __str__(self):
        return f"{self.day} {self.query}"

    @classmethod
    def record(cls, query, found):
        """Count one search for `query` (already normalised) today: one statement, which
        adds the row or counts on it, also when two searches arrive at once."""
        if not query:
            return
        today = timezone.localdate()
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO sitesearch_querystat (day, query, searches, without_results)
                VALUES (%s, %s, 1, %s)
                ON CONFLICT (day, query) DO UPDATE SET
                    searches = sitesearch_querystat.searches + 1,
                    without_results = sitesearch_querystat.without_results
                        + EXCLUDED.without_results
                RETURNING xmax = 0
                """,
                [today, query, 0 if found else 1],
            )
            (created,) = cursor.fetchone()
        if created:
            cls.purge(today)

    @classmethod
    def purge(cls, today=None):
        today = today or timezone.localdate()
        cutoff = today - datetime.timedelta(days=settings.SEARCH_QUERY_RETENTION_DAYS)
        return cls.objects.filter(day__lt=cutoff).delete()[0]
