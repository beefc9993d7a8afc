"""The "Behöver du hjälp nu?" strip: numbers for urgent situations from the site settings.
(Blocks that show advisors and areas live in the advice app, advice/blocks.py.)"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class HelpNowBlock(blocks.StaticBlock):
    """The "Behöver du hjälp nu?" strip, edited once under Inställningar."""

    class Meta:
        icon = "warning"
        label = _("Behöver du hjälp nu?")
        description = _("Nummer för akuta lägen, från Inställningar → Hjälp nu.")
        admin_text = _("Visar rutan ”Behöver du hjälp nu?” från inställningarna.")
        template = "blocks/help_now_block.html"
        group = _("Kontakt")
