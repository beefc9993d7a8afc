from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    """What the content is about and where: topics, audiences and the municipality's areas.
    Guidance, news and events all use them; this app depends on nothing but Wagtail."""

    name = "taxonomy"
    verbose_name = "Ämnen, målgrupper och områden"
