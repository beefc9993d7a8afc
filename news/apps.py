from django.apps import AppConfig


class NewsConfig(AppConfig):
    """News: the Aktuellt index and news articles."""

    name = "news"
    verbose_name = "Aktuellt"
