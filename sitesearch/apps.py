from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesearchConfig(AppConfig):
    name = "sitesearch"
    verbose_name = _("Sök")

    def ready(self):
        from . import signals  # noqa: F401  (keeps the word list fresh after publishing)
