"""Link blocks: related pages and a call to action."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class RelatedPagesBlock(blocks.StructBlock):
    """A short list of pages worth reading next."""

    heading = blocks.CharBlock(
        label=_("rubrik"), required=False, max_length=80, help_text=_('Lämna tomt för "Läs också".')
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("sida")), label=_("sidor"), min_num=1, max_num=6
    )

    class Meta:
        icon = "link"
        label = _("Relaterade sidor")
        description = _("Upp till sex sidor som hör ihop med den här.")
        template = "blocks/related_pages_block.html"
        group = _("Länkar")


class CallToActionBlock(blocks.StructBlock):
    """One clear next step: a prominent link to a page here or on another site."""

    text = blocks.CharBlock(
        label=_("länktext"),
        max_length=80,
        help_text=_('Säg vad som händer, t.ex. "Hitta din föräldrarådgivare".'),
    )
    description = blocks.CharBlock(label=_("förklaring"), required=False, max_length=200)
    page = blocks.PageChooserBlock(label=_("sida på webbplatsen"), required=False)
    url = blocks.URLBlock(label=_("eller adress till annan webbplats"), required=False)

    class Meta:
        icon = "arrow-right"
        label = _("Uppmaning")
        description = _("En tydlig länk till nästa steg.")
        template = "blocks/call_to_action_block.html"
        group = _("Länkar")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Välj antingen en sida här eller en adress."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = value.get("page")
        request = (parent_context or {}).get("request")
        context["href"] = page.get_url(request) if page else value.get("url")
        context["external"] = page is None
        return context
