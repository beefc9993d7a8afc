from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Cross-cutting pieces: site settings, shared blocks, template tags."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # Registers our system checks; connects the "Senast uppdaterad" handler.
        from . import checks, signals  # noqa: F401
        from .images import use_avif_speed

        use_avif_speed()
