from django.apps import AppConfig


class AdviceConfig(AppConfig):
    """Guidance (föräldrarådgivning) pages, the advisor directory and its snippets."""

    name = "advice"
    verbose_name = "Föräldrarådgivning"
