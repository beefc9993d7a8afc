"""Blocks that show the advisor directory (contact cards, "I ditt område"), and the body of
every content page, `ContentStreamBlock`: the shared blocks of portal.blocks combined with
these in one place. News, events and the standard pages take their body from here."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.blocks import (
    CallToActionBlock,
    DocumentBlock,
    FactBoxBlock,
    FAQBlock,
    FigureBlock,
    HeadingBlock,
    HelpNowBlock,
    LanguageLinksBlock,
    OtherLanguageBlock,
    ParagraphBlock,
    QuoteBlock,
    RelatedPagesBlock,
    StepsBlock,
    TableBlock,
    VideoBlock,
)
from portal.blocks.text import OutlineMixin

from .queries import advisors_with_card_data, areas_with_advisors_in_bulk


class AdvisorChooserBlock(SnippetChooserBlock):
    """Chooses an advisor. All advisors chosen on a page load in one query batch, with what
    their cards need."""

    def __init__(self, target_model="advice.Advisor", **kwargs):
        super().__init__(target_model, **kwargs)

    def bulk_to_python(self, values):
        advisors = advisors_with_card_data().in_bulk([v for v in values if v])
        return [advisors.get(value) for value in values]


class AreaChooserBlock(SnippetChooserBlock):
    """Chooses an area; its published advisors load with it, in one query batch."""

    def __init__(self, target_model="taxonomy.Area", **kwargs):
        super().__init__(target_model, **kwargs)

    def bulk_to_python(self, values):
        areas = areas_with_advisors_in_bulk(values)
        return [areas.get(value) for value in values]


class ContactBlock(OutlineMixin, blocks.StructBlock):
    """The contact card(s) of one advisor or of an area's advisors, always as currently
    published: editing or unpublishing an advisor changes every page that shows them."""

    heading = blocks.CharBlock(
        label=_("rubrik"),
        required=False,
        max_length=80,
        help_text=_('Lämna tomt för "Kontakta oss".'),
    )
    advisor = AdvisorChooserBlock(
        label=_("föräldrarådgivare"),
        required=False,
        help_text=_("Välj en föräldrarådgivare, eller ett område nedan."),
    )
    area = AreaChooserBlock(
        label=_("område"),
        required=False,
        help_text=_("Visar alla föräldrarådgivare i området."),
    )

    class Meta:
        icon = "user"
        label = _("Kontaktkort")
        description = _("Kontaktuppgifter till en föräldrarådgivare eller ett områdes rådgivare.")
        template = "blocks/contact_block.html"
        group = _("Kontakt")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("advisor")) == bool(value.get("area")):
            message = _("Välj antingen en föräldrarådgivare eller ett område.")
            raise blocks.StructBlockValidationError(
                block_errors={"advisor": ValidationError(message)}
            )
        return value

    def outline_heading(self, value):
        return value.get("heading") or str(_("Kontakta oss")), "h2"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        advisor, area = value.get("advisor"), value.get("area")
        if advisor is not None:
            context["advisors"] = [advisor] if advisor.live else []
        elif area is not None:
            context["advisors"] = getattr(area, "published_advisors", [])
        else:
            context["advisors"] = []
        return context


class LocalAreaBlock(blocks.StructBlock):
    area = AreaChooserBlock(label=_("område"))
    text = ParagraphBlock(
        label=_("text för området"),
        help_text=_("T.ex. lokala kontakter, aktiviteter och tider i just det här området."),
    )
    show_advisors = blocks.BooleanBlock(
        label=_("visa områdets föräldrarådgivare"), required=False, default=True
    )


class LocalAreasBlock(OutlineMixin, blocks.StructBlock):
    """ "I ditt område": a part per area, so one guidance page serves all areas. A link with
    ?omrade=<slug> opens that area's part first; nothing is stored about the visitor."""

    heading = blocks.CharBlock(
        label=_("rubrik"),
        required=False,
        max_length=80,
        help_text=_('Lämna tomt för "I ditt område".'),
    )
    areas = blocks.ListBlock(LocalAreaBlock(), label=_("områden"), min_num=1, collapsed=True)

    class Meta:
        icon = "site"
        label = _("I ditt område")
        description = _("Lokalt innehåll per område, t.ex. kontakter och aktiviteter.")
        template = "blocks/local_areas_block.html"
        group = _("Kontakt")

    def outline_heading(self, value):
        return value.get("heading") or str(_("I ditt område")), "h2"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        wanted = request.GET.get("omrade", "") if request is not None else ""
        parts = [part for part in value.get("areas", []) if part.get("area") is not None]
        # The visitor's own area first and open; the others keep the editor's order.
        parts.sort(key=lambda part: part["area"].slug != wanted)
        context["parts"] = [{"value": part, "open": part["area"].slug == wanted} for part in parts]
        return context


class ContentStreamBlock(blocks.StreamBlock):
    """The body of standard, guidance, news and event pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    fact_box = FactBoxBlock()
    quote = QuoteBlock()
    # Last of the text group, as language_links is of the links group: the block menu lists
    # the blocks of a group together, in this order.
    other_language = OtherLanguageBlock()
    faq = FAQBlock()
    steps = StepsBlock()
    table = TableBlock()
    figure = FigureBlock()
    document = DocumentBlock()
    video = VideoBlock()
    related_pages = RelatedPagesBlock()
    call_to_action = CallToActionBlock()
    language_links = LanguageLinksBlock()
    contact = ContactBlock()
    local_areas = LocalAreasBlock()
    help_now = HelpNowBlock()
