"""Build the Swedish demo site: `python manage.py seed_demo`.

Idempotent: pages, snippets and images are looked up by slug or natural key and only created
or updated when they differ from the demo content, so a second run changes nothing.
"""

import logging

from django.core.management.base import BaseCommand
from django.db import transaction

from advice import demo as advice_demo
from events import demo as events_demo
from home import demo as home_demo
from news import demo as news_demo
from portal.demo import Report


class Command(BaseCommand):
    help = "Bygger demowebbplatsen för föräldrarådgivningen (kan köras flera gånger)."

    def handle(self, *args, **options):
        report = Report(write=self.stdout.write)
        # Wagtail logs every page action at INFO; the report below says the same more briefly.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        with transaction.atomic():
            self.step("Startsida och webbplats")
            home = home_demo.build_home(report)
            self.step("Områden, skolor och föräldrarådgivare")
            advice_demo.build_directory_data(report)
            self.step("Föräldrarådgivning: vägledning och katalog")
            guidance = advice_demo.build_pages(home, report)
            self.step("Aktuellt")
            news_demo.build(home, report)
            self.step("Kalender")
            events_demo.build(home, report)
            self.step("Standardsidor och kontaktuppgifter")
            home_demo.build_standard_pages(home, report)
            home_demo.finish_home(home, guidance, report)

        self.stdout.write(
            self.style.SUCCESS(
                f"Demowebbplatsen är klar: {len(report.created)} skapade, "
                f"{len(report.updated)} uppdaterade, {len(report.unchanged)} oförändrade."
            )
        )

    def step(self, title):
        self.stdout.write(self.style.MIGRATE_HEADING(title))
