"""The production guard of the demo commands: they change what visitors see or who can log in,
so they run only in development (DEBUG on) unless the operator says --force."""

from django.conf import settings
from django.core.management.base import CommandError


def refuse_in_production(command, consequence, force):
    """Raise a one-line CommandError unless DEBUG is on or `force` is given."""
    if settings.DEBUG or force:
        return
    raise CommandError(
        f"{command} körs bara i utvecklingsläge (DEBUG på), eftersom den {consequence}. "
        "Lägg till --force om det verkligen är meningen."
    )
