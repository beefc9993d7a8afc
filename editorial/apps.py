from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editors' side of the portal: roles and moderation, page ownership and review dates,
    checks while writing, broken-link reports and the Swedish editor guide in the admin."""

    name = "editorial"
    verbose_name = "Redaktion"

    def ready(self):
        from . import security, signals

        signals.connect()
        security.connect()
