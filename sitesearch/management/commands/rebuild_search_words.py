"""`manage.py rebuild_search_words [--update-index]`: the search's word list
(sitesearch_word: compound parts, typos, "Menade du …?") again from Wagtail's search index.

Publishing keeps the list current word by word, but never removes a word a page no longer
uses; after `update_index`, a change of SEARCH_CONFIG or a large import, rebuild it. The
index table is analysed afterwards, so that the search's notion of an everyday word (from
PostgreSQL's statistics, see sitesearch/engine.py) follows at once."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from modelsearch.conf import get_app_config

from sitesearch import vocabulary
from sitesearch.models import Word


class Command(BaseCommand):
    help = "Rebuild the site search's word list from the search index (PostgreSQL only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update-index",
            action="store_true",
            help="run Wagtail's update_index first (the whole search index again)",
        )

    def handle(self, *args, **options):
        if not vocabulary.available():
            self.stdout.write("Ordlistan finns bara med PostgreSQL; inget att göra.")
            return
        if options["update_index"]:
            call_command("update_index", verbosity=options["verbosity"])
        # One transaction: searches meanwhile see the old list, never an empty one.
        with transaction.atomic():
            vocabulary.rebuild()
        index_table = get_app_config().get_model("IndexEntry")._meta.db_table
        with connection.cursor() as cursor:
            for table in (index_table, Word._meta.db_table):
                cursor.execute(f"ANALYZE {table}")
        self.stdout.write(f"Ordlistan byggd på nytt: {Word.objects.count()} ord.")
