"""Text blocks: headings (which feed the table of contents), running text, fact boxes,
quotes, FAQs, step-by-step staircases and tables."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import (
    TypedTableBlock,
    TypedTableBlockValidationError,
)

from anyascii import anyascii

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class OutlineMixin:
    """A block whose heading belongs in the page's table of contents ("Innehåll").

    `outline_heading(value)` gives (text, level) or None. The page computes every anchor once
    (portal.blocks.outline), so the contents and the headings agree; a block rendered alone,
    e.g. in a preview, makes its own.
    """

    def outline_heading(self, value):
        """By default the block's optional "heading" field, as a level-2 heading."""
        heading = value.get("heading")
        return (heading, "h2") if heading else None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        heading = self.outline_heading(value)
        if heading:
            anchors = (parent_context or {}).get("heading_anchors") or {}
            block_id = (parent_context or {}).get("id")
            context["anchor"] = anchors.get(block_id) or heading_slug(heading[0])
        return context


class RequiredListMixin:
    """A struct block whose list (`required_list` = field name, message) needs an item. It is
    checked before the list's own minimum, so the editor gets a message in words."""

    required_list = ("items", "")

    def clean(self, value):
        name, message = self.required_list
        if not value.get(name):
            raise blocks.StructBlockValidationError(block_errors={name: ValidationError(message)})
        return super().clean(value)


def heading_slug(text):
    """A readable anchor for a heading: "Så kan du göra" → "sa-kan-du-gora"."""
    return slugify(anyascii(str(text))) or "avsnitt"


class HeadingBlock(OutlineMixin, blocks.StructBlock):
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
        description = _("En rubrik som delar upp texten och visas i innehållsförteckningen.")
        template = "blocks/heading_block.html"
        group = _("Text")
        preview_value = {"text": "Vad kan föräldrarådgivaren hjälpa till med?", "level": "h2"}

    def outline_heading(self, value):
        return value["text"], value["level"]


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


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("fråga"), max_length=200)
    answer = ParagraphBlock(label=_("svar"))


class FAQBlock(OutlineMixin, RequiredListMixin, blocks.StructBlock):
    """Questions and answers, each opening on its own (<details>), with FAQPage structured
    data that repeats exactly the visible text."""

    heading = blocks.CharBlock(
        label=_("rubrik"),
        required=False,
        max_length=120,
        help_text=_('T.ex. "Vanliga frågor". Lämna tomt om sidan redan har en rubrik före.'),
    )
    required_list = ("items", _("Lägg till minst en fråga med svar."))
    items = blocks.ListBlock(
        FAQItemBlock(),
        label=_("frågor och svar"),
        min_num=1,
        collapsed=False,
    )

    class Meta:
        icon = "help"
        label = _("Frågor och svar")
        description = _("Vanliga frågor med svar som läsaren öppnar en i taget.")
        template = "blocks/faq_block.html"
        group = _("Struktur")
        preview_value = {
            "heading": "Vanliga frågor",
            "items": [
                {
                    "question": "Kostar det något?",
                    "answer": "<p>Nej, samtalen är gratis.</p>",
                },
                {
                    "question": "Måste jag säga mitt namn?",
                    "answer": "<p>Nej, du kan vara anonym.</p>",
                },
            ],
        }


ACTORS = [
    ("school", _("Skolan")),
    ("parent", _("Du som förälder")),
    ("student", _("Eleven")),
    ("advisor", _("Föräldrarådgivaren")),
    ("attendance_team", _("Närvaroteamet")),
    ("social_services", _("Socialtjänsten")),
    ("together", _("Ni tillsammans")),
]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("steg"), max_length=120)
    actor = blocks.ChoiceBlock(
        label=_("vem gör något"),
        choices=ACTORS,
        help_text=_("Den som agerar i det här steget."),
    )
    what = ParagraphBlock(label=_("vad händer"))
    when = blocks.CharBlock(
        label=_("när"),
        required=False,
        max_length=160,
        help_text=_('T.ex. "När eleven har varit borta tre dagar i följd".'),
    )


class StepsBlock(OutlineMixin, RequiredListMixin, blocks.StructBlock):
    """A process step by step, drawn as a staircase: e.g. the närvarotrappa."""

    heading = blocks.CharBlock(label=_("rubrik"), required=False, max_length=120)
    intro = blocks.TextBlock(label=_("inledning"), required=False, max_length=400)
    steps = blocks.ListBlock(StepBlock(), label=_("steg"), min_num=1, collapsed=False)
    required_list = ("steps", _("Lägg till minst ett steg."))

    class Meta:
        icon = "list-ol"
        label = _("Steg för steg")
        description = _("En process i ordning, som en trappa: vem gör vad och när.")
        template = "blocks/steps_block.html"
        group = _("Struktur")
        preview_value = {
            "heading": "Närvarotrappan",
            "intro": "",
            "steps": [
                {
                    "title": "Skolan ser frånvaron",
                    "actor": "school",
                    "what": "<p>Mentorn kontaktar dig samma dag.</p>",
                    "when": "Första frånvarodagen",
                },
                {
                    "title": "Ett möte på skolan",
                    "actor": "together",
                    "what": "<p>Ni pratar om vad som gör skolan svår.</p>",
                    "when": "Efter en vecka",
                },
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        actors = dict(ACTORS)
        context["steps"] = [
            {"value": step, "actor": actors.get(step["actor"], "")} for step in value["steps"]
        ]
        return context


class TableBlock(TypedTableBlock):
    """A table with a caption and a heading over every column, so screen readers can say
    what each cell is. Cells are plain text or numbers."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    number = blocks.DecimalBlock(label=_("tal"))

    class Meta:
        icon = "table"
        label = _("Tabell")
        description = _("En tabell med rubrik och kolumnrubriker, t.ex. tider eller kontaktvägar.")
        template = "blocks/table_block.html"
        group = _("Struktur")

    def clean(self, value):
        value = super().clean(value)
        problems = []
        if not (value.caption or "").strip():
            problems.append(
                _("Skriv en tabellrubrik som säger vad tabellen visar (den läses upp först).")
            )
        if not value.columns or any(not (c["heading"] or "").strip() for c in value.columns):
            problems.append(_("Ge varje kolumn en rubrik i den översta raden."))
        if problems:
            raise TypedTableBlockValidationError(
                non_block_errors=[ValidationError(problem) for problem in problems]
            )
        return value
