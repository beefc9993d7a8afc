from django.db import migrations

from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    """Every existing topic, audience and area is Swedish, with a translation key of its own."""

    dependencies = [
        ("taxonomy", "0003_translatable_step1_fields"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        BootstrapTranslatableModel("taxonomy.Topic"),
        BootstrapTranslatableModel("taxonomy.Audience"),
        BootstrapTranslatableModel("taxonomy.Area"),
    ]
