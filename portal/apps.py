from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Cross-cutting pieces: site settings, shared blocks, template tags."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from . import pagecache, signals  # noqa: F401  (connects the "Senast uppdaterad" handler)

        pagecache.connect()
