"""Text in another language on a Swedish page: the national minority languages page has a part
in each minority language, and links to them written in each language itself."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.models import Site

from portal import i18n
from portal.languages import LANGUAGES_INFO, MINORITY_LANGUAGES

from .text import RICH_TEXT_FEATURES

_ALL = {**MINORITY_LANGUAGES, **LANGUAGES_INFO}
LANGUAGE_CHOICES = [(code, f"{info[0]} ({info[1]})") for code, info in _ALL.items()]


def language_attributes(code):
    """(name in itself, direction) of a language of these blocks."""
    info = _ALL.get(code, (code, code, "ltr"))
    return info[1], info[2]


class OtherLanguageBlock(blocks.StructBlock):
    """A part of the page in another language, marked with lang and dir so that screen
    readers pronounce it right and Yiddish runs right to left (WCAG 3.1.2)."""

    language = blocks.ChoiceBlock(choices=LANGUAGE_CHOICES, label=_("språk"))
    heading = blocks.CharBlock(label=_("rubrik på språket"), max_length=120)
    text = blocks.RichTextBlock(label=_("text på språket"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "globe"
        label = _("Text på ett annat språk")
        description = _("En del av sidan på t.ex. meänkieli eller jiddisch, rätt märkt.")
        template = "blocks/other_language_block.html"
        group = _("Text")
        preview_value = {
            "language": "fi",
            "heading": "Vanhempien neuvonta",
            "text": "<p>Voit puhua kanssamme suomeksi.</p>",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["native_name"], context["direction"] = language_attributes(value["language"])
        return context


class LanguageLinkBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=LANGUAGE_CHOICES, label=_("språk"))
    text = blocks.CharBlock(
        label=_("länktext på språket"), max_length=120, help_text=_('T.ex. "Suomeksi".')
    )
    page = blocks.PageChooserBlock(
        label=_("sida"),
        required=False,
        help_text=_(
            "Lämna tomt för att länka till webbplatsens startsida på språket, om den finns, "
            "annars till texten på språket längre ner på sidan."
        ),
    )


class LanguageLinksBlock(blocks.StructBlock):
    """Links to information in other languages, each written in its own language, with
    hreflang; no flags."""

    heading = blocks.CharBlock(label=_("rubrik"), max_length=80)
    links = blocks.ListBlock(LanguageLinkBlock(), label=_("länkar"), min_num=1)

    class Meta:
        icon = "globe"
        label = _("Länkar till andra språk")
        description = _("Varje länk skriven på sitt eget språk.")
        template = "blocks/language_links_block.html"
        group = _("Länkar")
        preview_value = {
            "heading": "På andra språk",
            "links": [
                {"language": "fi", "text": "Suomeksi"},
                {"language": "yi", "text": "אויף ייִדיש"},
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        site = Site.find_for_request(request) if request is not None else None
        starts = i18n.start_pages(request, site.root_page) if site else {}
        items = []
        for link in value["links"]:
            name, direction = language_attributes(link["language"])
            page = link.get("page") or starts.get(link["language"])
            href = page.get_url(request) if page else f"#sprak-{link['language']}"
            items.append(
                {"code": link["language"], "text": link["text"], "dir": direction, "href": href}
            )
        context["items"] = items
        return context
