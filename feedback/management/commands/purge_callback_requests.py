"""Delete call-back requests after their retention time: a handled request
CALLBACK_REQUEST_RETENTION_DAYS after it was handled, and any request
CALLBACK_REQUEST_MAX_AGE_DAYS after it came in. Run daily (README, Operations)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from feedback.models import CallbackRequest


def expired(now=None):
    now = now or timezone.now()
    handled_before = now - datetime.timedelta(days=settings.CALLBACK_REQUEST_RETENTION_DAYS)
    received_before = now - datetime.timedelta(days=settings.CALLBACK_REQUEST_MAX_AGE_DAYS)
    return CallbackRequest.objects.filter(
        Q(handled_at__lt=handled_before) | Q(created_at__lt=received_before)
    )


class Command(BaseCommand):
    help = "Raderar kontaktförfrågningar vars lagringstid har gått ut."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Visa bara hur många som skulle raderas."
        )

    def handle(self, *args, dry_run=False, **options):
        queryset = expired()
        if dry_run:
            self.stdout.write(f"{queryset.count()} kontaktförfrågningar skulle raderas.")
            return
        deleted, _ = queryset.delete()
        self.stdout.write(f"{deleted} kontaktförfrågningar raderades.")
