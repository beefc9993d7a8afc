"""Build the Swedish demo site from demo/content/: `python manage.py seed_demo`.

Idempotent: pages, snippets and images are looked up by slug or natural key and only created
or updated when they differ from the files, so a second run changes nothing. Refuses to run
unless DEBUG is on or --force is given: it rewrites the site's name and address, the contact
settings and "Behöver du hjälp nu?", and publishes over pages with the same addresses.
"""

import datetime
import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demo.guard import refuse_in_production
from demo.loader import CONTENT_ROOT, DemoContentError, DemoLoader


class Command(BaseCommand):
    help = (
        "Bygger demowebbplatsen för föräldrarådgivningen från demo/content/ (kan köras flera "
        "gånger). Bara i utvecklingsläge, eller med --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Kör även när DEBUG är av. Skriver över webbplatsens namn och adress, "
            "kontaktuppgifterna, Hjälp nu och sidor med samma adresser.",
        )
        parser.add_argument(
            "--content",
            type=Path,
            default=CONTENT_ROOT,
            metavar="MAPP",
            help="Mappen med demoinnehållet (standard: demo/content), med en undermapp per "
            "språk (sv/).",
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            metavar="ÅÅÅÅ-MM-DD",
            help="Räkna de relativa datumen (+21d, -40d) från den här dagen i stället för "
            "från dagens datum.",
        )

    def handle(self, *args, **options):
        refuse_in_production(
            "seed_demo",
            "skriver över webbplatsens namn och adress, kontaktuppgifterna och sidor med "
            "samma adresser",
            options["force"],
        )
        # Wagtail logs every page action at INFO; the report says the same more briefly.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        try:
            loader = DemoLoader(
                options["content"],
                today=options["today"],
                write=self.stdout.write,
                heading=self.style.MIGRATE_HEADING,
            )
            report = loader.load()
        except DemoContentError as error:
            raise CommandError(f"Demoinnehållet har ett fel: {error}") from None
        self.stdout.write(self.style.SUCCESS(f"Demowebbplatsen är klar: {report.summary()}."))
