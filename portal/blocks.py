"""StreamField blocks shared by every content page type.

Each block has its own template in templates/blocks/<name>.html, an icon, a Swedish label and
description for the block chooser, and a preview value so editors see what they pick.
Validation lives in clean() and tells the editor what to do.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading. Only levels 2 and 3: the page title is the only h1."""

    text = blocks.CharBlock(label=_("rubrik"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("nivå"),
        choices=[("h2", _("Rubrik (nivå 2)")), ("h3", _("Underrubrik (nivå 3)"))],
        default="h2",
        help_text=_("Använd nivå 3 bara under en rubrik på nivå 2."),
    )

    class Meta:
        icon = "title"
        label = _("Rubrik")
        description = _("En rubrik som delar upp texten i avsnitt.")
        template = "blocks/heading_block.html"
        group = _("Text")
        preview_value = {"text": "Vad kan föräldrarådgivaren hjälpa till med?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with a restricted set of features that cannot break the layout."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _("Löptext med fetstil, kursiv, listor och länkar.")
        template = "blocks/paragraph_block.html"
        group = _("Text")
        preview_value = (
            "<p>Föräldrarådgivaren finns på skolan och kan ge råd och stöd i föräldraskapet. "
            "Det kostar ingenting.</p>"
        )


class FigureBlock(blocks.StructBlock):
    """An image with alt text (or marked decorative) and an optional caption."""

    image = ImageBlock(label=_("bild"))
    caption = blocks.CharBlock(
        label=_("bildtext"),
        required=False,
        max_length=250,
        help_text=_('Visas under bilden. Ange fotograf om det behövs, t.ex. "Foto: …".'),
    )

    class Meta:
        icon = "image"
        label = _("Bild")
        description = _("En bild med alternativtext och valfri bildtext.")
        template = "blocks/figure_block.html"
        group = _("Media")


class FactBoxBlock(blocks.StructBlock):
    """A framed box with a title: facts, a summary, or something important to know."""

    tone = blocks.ChoiceBlock(
        label=_("typ"),
        choices=[("info", _("Fakta")), ("important", _("Viktigt"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("rubrik"), max_length=120)
    text = ParagraphBlock(label=_("text"))

    class Meta:
        icon = "info-circle"
        label = _("Faktaruta")
        description = _("En ruta med rubrik som lyfter fram fakta eller något viktigt.")
        template = "blocks/fact_box_block.html"
        group = _("Text")
        preview_value = {
            "tone": "info",
            "title": "Bra att veta",
            "text": "<p>Samtalen är frivilliga och du kan vara anonym.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with who said it and in what role."""

    quote = blocks.TextBlock(label=_("citat"), max_length=600)
    name = blocks.CharBlock(
        label=_("namn"),
        required=False,
        max_length=80,
        help_text=_("Lämna tomt om personen inte vill synas med namn."),
    )
    role = blocks.CharBlock(
        label=_("roll"),
        max_length=120,
        help_text=_('T.ex. "förälder" eller "föräldrarådgivare".'),
    )

    class Meta:
        icon = "openquote"
        label = _("Citat")
        description = _("Ett citat med personens roll.")
        template = "blocks/quote_block.html"
        group = _("Text")
        preview_value = {
            "quote": "Det blev lättare att prata med skolan när någon lyssnade på oss först.",
            "name": "",
            "role": "förälder",
        }

    def clean(self, value):
        value = super().clean(value)
        quote = value.get("quote", "").strip()
        if quote[:1] in {'"', "”", "“", "–", "-"}:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "quote": ValidationError(
                        _(
                            "Skriv citatet utan citattecken eller talstreck; de läggs till "
                            "automatiskt."
                        )
                    )
                }
            )
        return value


class AdvisorChooserBlock(SnippetChooserBlock):
    """Chooses an advisor. All advisors chosen on a page load in one query batch, with what
    their cards need."""

    def __init__(self, target_model="advice.Advisor", **kwargs):
        super().__init__(target_model, **kwargs)

    def bulk_to_python(self, values):
        from advice.queries import advisors_with_card_data

        advisors = advisors_with_card_data().in_bulk([v for v in values if v])
        return [advisors.get(value) for value in values]


class AreaChooserBlock(SnippetChooserBlock):
    """Chooses an area; its published advisors load with it, in one query batch."""

    def __init__(self, target_model="advice.Area", **kwargs):
        super().__init__(target_model, **kwargs)

    def bulk_to_python(self, values):
        from advice.queries import areas_with_advisors

        areas = areas_with_advisors().in_bulk([v for v in values if v])
        return [areas.get(value) for value in values]


class ContactBlock(blocks.StructBlock):
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


class ContentStreamBlock(blocks.StreamBlock):
    """The body of standard, guidance and news pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    fact_box = FactBoxBlock()
    quote = QuoteBlock()
    contact = ContactBlock()
