"""What the demo loader keeps between runs: the day its relative dates count from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoSeed(models.Model):
    """The day the demo content's relative dates ("+21d", "-40d") count from. One row.

    Set by the first run of seed_demo and kept by the runs within a week of it, so running
    the seed again changes nothing; a run a week or more later moves the day, and with it the
    demo's events and recent news, to keep the calendar current (demo/loader.py).
    """

    anchor = models.DateField(_("demodatumen räknas från"))

    class Meta:
        verbose_name = _("demodatum")
        verbose_name_plural = _("demodatum")

    def __str__(self):
        return self.anchor.isoformat()
