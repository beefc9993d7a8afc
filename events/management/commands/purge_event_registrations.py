"""Delete sign-ups whose event ended more than EVENT_REGISTRATION_RETENTION_DAYS days ago.

Run it daily, e.g. from cron:  15 3 * * *  python manage.py purge_event_registrations
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import EventPage, EventRegistration


class Command(BaseCommand):
    help = "Raderar anmälningar till evenemang som slutade för längre sedan än lagringstiden."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Visa vad som skulle raderas, radera inget."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.EVENT_REGISTRATION_RETENTION_DAYS
        # An event's sign-ups are kept through the day given on the form: the event's last day
        # plus the retention period; they go on the following day.
        cutoff = timezone.localdate() - datetime.timedelta(days=days)
        ended = EventPage.objects.filter(end__date__lt=cutoff).values("pk")
        expired = EventRegistration.objects.filter(page__in=ended)
        count = expired.count()
        if not dry_run:
            expired.delete()
        verb = "Skulle radera" if dry_run else "Raderade"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {count} anmälningar (lagringstid {days} dagar).")
        )
