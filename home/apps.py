from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and generic standard pages (about, contact, accessibility, privacy)."""

    name = "home"
    verbose_name = "Start och standardsidor"
